/**
 * The search page (src/pages/search.astro). Astro bundles this module into one external file used
 * by that page only; it loads Pagefind's own module (/pagefind/pagefind.js, written by
 * src/integrations/search-index.ts) at run time, when the reader first focuses or types in the
 * box or arrives with ?q=. Nothing here writes inline styles or evaluates strings, so the page
 * runs under a Content-Security-Policy without 'unsafe-inline' (Pagefind needs
 * 'wasm-unsafe-eval', a worker from 'self' and connect-src 'self': docs/search.md).
 *
 * Results are built with DOM methods from the post's text: a heading with the linked title, the
 * day of publication and an excerpt, the query's words marked (src/lib/search/excerpt.ts).
 */
import { excerpt, formatDay, highlight, queryTerms, termsIn, withoutTitle, type Segment } from '@/lib/search/excerpt';
import { META, RANKING, chunkProbes } from '@/lib/search/fields';

/** The part of Pagefind's browser API this page uses (pagefind.js has no types). */
interface PagefindResultData {
  url: string;
  content: string;
  meta: Record<string, string | undefined>;
}
interface PagefindResult {
  id: string;
  score: number;
  data: () => Promise<PagefindResultData>;
}
interface PagefindResponse {
  results: PagefindResult[];
}
interface Pagefind {
  options: (options: Record<string, unknown>) => Promise<void>;
  init: () => Promise<void>;
  preload: (query: string) => Promise<void>;
  search: (query: string) => Promise<PagefindResponse | null>;
}

/** Results shown at once; "더 보기" adds as many again. */
const PAGE = 10;
/** Pause after the last keystroke before searching while typing. */
const TYPING_MS = 250;

const form = document.querySelector<HTMLFormElement>('[data-search-form]');
const input = document.querySelector<HTMLInputElement>('[data-search-input]');
const status = document.querySelector<HTMLElement>('[data-search-status]');
const list = document.querySelector<HTMLOListElement>('[data-search-results]');
const more = document.querySelector<HTMLButtonElement>('[data-search-more]');
const failed = document.querySelector<HTMLElement>('[data-search-failed]');
const area = document.querySelector<HTMLElement>('[data-search]');

let pagefind: Promise<Pagefind> | undefined;

/** Loads Pagefind once. The path is not bundled: it exists only in the built site. */
function loadPagefind(): Promise<Pagefind> {
  pagefind ??= (async () => {
    const url = '/pagefind/pagefind.js';
    const module = (await import(/* @vite-ignore */ url)) as Pagefind;
    await module.options({ ranking: RANKING });
    await module.init();
    return module;
  })();
  return pagefind;
}

/** The search being shown: a newer one makes older answers stale. */
let generation = 0;
let shown: { terms: string[]; results: PagefindResult[]; next: number } | undefined;

function appendSegments(parent: HTMLElement, segments: readonly Segment[]): void {
  for (const segment of segments) {
    if (segment.mark) {
      const mark = document.createElement('mark');
      mark.textContent = segment.text;
      parent.append(mark);
    } else {
      parent.append(segment.text);
    }
  }
}

function resultItem(data: PagefindResultData, terms: string[]): HTMLLIElement {
  const title = data.meta.title ?? data.url;
  const body = withoutTitle(data.content, title);
  const item = document.createElement('li');
  item.className = 'search-result';
  const heading = document.createElement('h2');
  heading.className = 'search-result-title';
  const link = document.createElement('a');
  link.href = data.url;
  appendSegments(link, highlight(title, termsIn(title, terms)));
  heading.append(link);
  item.append(heading);
  const day = data.meta[META.date];
  if (day) {
    const meta = document.createElement('p');
    meta.className = 'search-result-meta';
    const time = document.createElement('time');
    time.dateTime = day;
    time.textContent = formatDay(day);
    meta.append(time);
    item.append(meta);
  }
  const text = document.createElement('p');
  text.className = 'search-result-excerpt';
  appendSegments(text, excerpt(body, termsIn(body, terms)));
  item.append(text);
  return item;
}

function setStatus(message: string): void {
  if (status) status.textContent = message;
}

/** Shows the next page of results; moves focus to the first new one when asked (after "더 보기"). */
async function showMore(focusFirst: boolean): Promise<void> {
  if (!shown || !list || !more) return;
  const mine = generation;
  const page = shown.results.slice(shown.next, shown.next + PAGE);
  const data = await Promise.all(page.map((r) => r.data()));
  if (mine !== generation) return;
  const items = data.map((d) => resultItem(d, shown!.terms));
  list.append(...items);
  shown.next += page.length;
  more.hidden = shown.next >= shown.results.length;
  if (focusFirst) items[0]?.querySelector('a')?.focus();
}

function clear(message: string): void {
  generation++;
  shown = undefined;
  list?.replaceChildren();
  list?.removeAttribute('aria-busy');
  if (more) more.hidden = true;
  setStatus(message);
}

/** Runs a search (`typing`: after a pause, as keys may still be coming). */
async function run(query: string, typing: boolean): Promise<void> {
  const trimmed = query.trim();
  if (!trimmed) {
    clear('');
    return;
  }
  const mine = ++generation;
  list?.setAttribute('aria-busy', 'true');
  try {
    // While keys are coming, wait for a pause; a newer search makes this one stale.
    if (typing) await new Promise((resolve) => setTimeout(resolve, TYPING_MS));
    if (mine !== generation) return;
    const api = await loadPagefind();
    // Works around a gap in Pagefind's loading of its index (src/lib/search/fields.ts).
    await Promise.all(chunkProbes(trimmed).map((probe) => api.preload(probe)));
    if (mine !== generation) return;
    const response = await api.search(trimmed);
    if (!response || mine !== generation) return;
    shown = { terms: queryTerms(trimmed), results: response.results, next: 0 };
    list?.replaceChildren();
    await showMore(false);
    if (mine !== generation) return;
    const count = response.results.length;
    list?.removeAttribute('aria-busy');
    setStatus(count ? `‘${trimmed}’ 검색 결과 ${count}건` : `‘${trimmed}’에 맞는 글이 없습니다.`);
  } catch (error) {
    console.error(error);
    // Let the next search try again (the network may be back).
    pagefind = undefined;
    if (mine !== generation) return;
    if (failed) failed.hidden = false;
    list?.removeAttribute('aria-busy');
    setStatus('검색을 불러오지 못했습니다. 보관함에서 글을 찾아 주세요.');
  }
}

/** Keeps ?q= in the address, so a search can be shared and survives going back. */
function remember(query: string): void {
  const url = new URL(location.href);
  if (query.trim()) url.searchParams.set('q', query.trim());
  else url.searchParams.delete('q');
  history.replaceState(null, '', url);
}

if (form && input && list && status && more) {
  input.addEventListener('focus', () => void loadPagefind().catch(() => undefined), { once: true });
  input.addEventListener('input', () => {
    remember(input.value);
    void run(input.value, true);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    remember(input.value);
    void run(input.value, false);
  });
  more.addEventListener('click', () => void showMore(true).catch((error: unknown) => console.error(error)));
  // Escape anywhere in the search area empties it and returns to the box.
  area?.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || (!input.value && !shown)) return;
    event.preventDefault();
    input.value = '';
    remember('');
    clear('검색어를 지웠습니다.');
    input.focus();
  });
  const initial = new URL(location.href).searchParams.get('q');
  if (initial) {
    input.value = initial;
    void run(initial, false);
  }
}
