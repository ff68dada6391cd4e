/**
 * The search page of the blog fixture in Chromium: Korean words after particles and inside
 * compounds (src/lib/search/segment.ts), two-word queries, unpublished posts, ranking, the
 * excerpt, the keyboard, axe, no JavaScript, and a strict Content-Security-Policy.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { browseBuiltSites } from '../support/static-server';
import { addAxe, axeViolations } from '../support/axe';
import { BLOG, DRAFT, SCHEDULED, SEARCH_POSTS } from '../support/sites-blog';

const COMPOUND = `/posts/${SEARCH_POSTS.compound.slug}/`;
const TITLED = `/posts/${SEARCH_POSTS.titled.slug}/`;

/** The policy the site is to be served with: nothing inline, Pagefind's WebAssembly and worker from 'self'. */
const STRICT_CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

const sites = browseBuiltSites(BLOG);


interface Opened {
  context: BrowserContext;
  page: Page;
  errors: string[];
  requests: string[];
}

async function open(path: string, options: BrowserContextOptions = {}, withAxe = false): Promise<Opened> {
  const context = await sites.browser.newContext({ viewport: { width: 1024, height: 800 }, ...options });
  // axe as an init script: the page's Content-Security-Policy does not block it.
  if (withAxe) await addAxe(context);
  const page = await context.newPage();
  const opened: Opened = { context, page, errors: [], requests: [] };
  page.on('console', (m) => m.type() === 'error' && opened.errors.push(m.text()));
  page.on('pageerror', (e) => opened.errors.push(e.message));
  context.on('request', (r) => opened.requests.push(new URL(r.url()).pathname));
  await page.goto(sites.server(BLOG).url + encodeURI(path), { waitUntil: 'load' });
  return opened;
}

/** The status line once it reports `query`. */
async function statusFor(page: Page, query: string): Promise<string> {
  const status = page.locator('[data-search-status]');
  // The list is busy while a newer search (the one Enter started, say) is still coming.
  const settled = async () => ((await page.locator('[data-search-results][aria-busy]').count()) ? '' : ((await status.textContent()) ?? ''));
  await expect.poll(settled, { timeout: 15_000 }).toContain(`‘${query}’`);
  return (await status.textContent()) ?? '';
}

interface Shown {
  href: string;
  title: string;
  date: string | null;
  datetime: string | null;
  excerpt: string;
  marks: string[];
  /** The excerpt's HTML, to read which letters around a mark are left unmarked. */
  excerptHtml: string;
}

async function shown(page: Page): Promise<Shown[]> {
  return page.$$eval('[data-search-results] > li', (items) =>
    items.map((li) => ({
      href: decodeURI(new URL(li.querySelector('h2 a')!.getAttribute('href')!, location.href).pathname),
      title: li.querySelector('h2')!.textContent ?? '',
      date: li.querySelector('time')?.textContent ?? null,
      datetime: li.querySelector('time')?.getAttribute('datetime') ?? null,
      excerpt: li.querySelector('.search-result-excerpt')!.textContent ?? '',
      marks: [...li.querySelectorAll('.search-result-excerpt mark')].map((m) => m.textContent ?? ''),
      excerptHtml: li.querySelector('.search-result-excerpt')!.innerHTML,
    })),
  );
}

/** Types `query` into the box with the keyboard, presses Enter and returns every result (all pages). */
async function search(page: Page, query: string): Promise<{ status: string; results: Shown[] }> {
  const input = page.getByLabel('검색어');
  await input.fill('');
  await input.pressSequentially(query);
  await input.press('Enter');
  const status = await statusFor(page, query);
  const more = page.locator('[data-search-more]');
  while (await more.isVisible()) {
    const before = await page.locator('[data-search-results] > li').count();
    await more.click();
    await expect.poll(() => page.locator('[data-search-results] > li').count()).toBeGreaterThan(before);
  }
  return { status, results: await shown(page) };
}

const hrefs = (results: Shown[]) => results.map((r) => r.href);

describe('searching Korean posts (blog fixture)', () => {
  let opened: Opened;
  beforeAll(async () => {
    opened = await open('/search/');
  });
  afterAll(async () => opened?.context.close());

  it('finds a noun followed by a particle: "트위터" finds "트위터를" and "트위터에서"', async () => {
    const { status, results } = await search(opened.page, '트위터');
    expect(hrefs(results)).toEqual(expect.arrayContaining([COMPOUND, TITLED]));
    expect(status).toBe(`‘트위터’ 검색 결과 ${results.length}건`);
    const compound = results.find((r) => r.href === COMPOUND)!;
    // The word is marked, the particle is not: the mark is followed by "에서".
    expect(compound.excerptHtml).toContain('<mark>트위터</mark>에서');
    expect(results.find((r) => r.href === TITLED)!.excerptHtml).toContain('<mark>트위터</mark>를');
  });

  it('ranks a title match above body matches', async () => {
    const { results } = await search(opened.page, '트위터');
    const inTitle = results.map((r) => r.title.includes('트위터'));
    expect(inTitle[0]).toBe(true);
    // Every post with the word in its title comes before every post without it.
    expect(inTitle.indexOf(false)).toBeGreaterThan(inTitle.lastIndexOf(true));
    expect(hrefs(results).indexOf(TITLED)).toBeLessThan(hrefs(results).indexOf(COMPOUND));
  });

  it('finds a word inside a compound written without spaces: "미디어" and "운영" find "소셜미디어운영팀"', async () => {
    for (const query of ['미디어', '운영', '상담', '회의록']) {
      const { results } = await search(opened.page, query);
      expect(hrefs(results), query).toContain(COMPOUND);
      const compound = results.find((r) => r.href === COMPOUND)!;
      expect(compound.marks, query).toContain(query);
    }
    const { results } = await search(opened.page, '미디어');
    expect(results.find((r) => r.href === COMPOUND)!.excerptHtml).toContain('소셜<mark>미디어</mark>운영팀');
    // The word itself ranks above the word found only inside a compound.
    expect(hrefs(results).indexOf(TITLED)).toBeLessThan(hrefs(results).indexOf(COMPOUND));
  });

  it('a two-word query finds the posts that have both words, not a post with only one', async () => {
    expect(hrefs((await search(opened.page, '상담')).results)).toEqual(expect.arrayContaining([COMPOUND, TITLED]));
    expect(hrefs((await search(opened.page, '상담 회의록')).results)).toEqual([COMPOUND]);
    expect(hrefs((await search(opened.page, '트위터 회의록')).results)).toEqual([COMPOUND]);
    const both = (await search(opened.page, '미디어 운영팀')).results;
    expect(hrefs(both)).toContain(COMPOUND);
    expect(hrefs(both)).not.toContain(TITLED);
  });

  it('shows the title, the day and an excerpt made of the text readers see, never the index-only tokens', async () => {
    const { results } = await search(opened.page, '미디어');
    const compound = results.find((r) => r.href === COMPOUND)!;
    expect(compound.title).toBe(SEARCH_POSTS.compound.title);
    expect(compound.date).toBe('2010. 5. 20.');
    expect(compound.datetime).toBe('2010-05-20');
    const post = await opened.context.newPage();
    await post.goto(sites.server(BLOG).url + COMPOUND);
    // Letters and digits only: Pagefind ends a heading with "." in its text.
    const letters = (s: string) => s.replace(/[^\p{L}\p{N}]+/gu, '');
    const text = letters(await post.locator('article .prose').innerText());
    await post.close();
    // Every piece of the excerpt is text of the post as readers see it: no index-only tokens ("미디어운영팀은 디어운영팀은 …").
    for (const part of compound.excerpt.split('…').map(letters).filter(Boolean)) expect(text).toContain(part);
    expect(compound.excerpt).not.toContain('#');
    // The title is shown apart, not again at the start of the excerpt.
    expect(compound.excerpt.startsWith(SEARCH_POSTS.compound.title)).toBe(false);
  });

  it('finds nothing of a draft or a scheduled post', async () => {
    for (const query of ['표식글', 'DRAFTMARK', 'SCHEDULEDMARK']) {
      const { status, results } = await search(opened.page, query);
      expect(results, query).toEqual([]);
      expect(status, query).toBe(`‘${query}’에 맞는 글이 없습니다.`);
    }
    // For a word it does not know, Pagefind looks for the longest known word that starts it:
    // "초안표식글" finds the post that says "초안" (marked), never the draft.
    for (const query of ['초안표식글', DRAFT.tag, '예약표식글', SCHEDULED.tag, DRAFT.title]) {
      const { results } = await search(opened.page, query);
      expect(hrefs(results), query).not.toContain(`/posts/${DRAFT.slug}/`);
      expect(hrefs(results), query).not.toContain(`/posts/${SCHEDULED.slug}/`);
      expect(results.map((r) => r.title), query).not.toContain(DRAFT.title);
      expect(results.map((r) => r.title), query).not.toContain(SCHEDULED.title);
    }
    const fallback = (await search(opened.page, '초안표식글')).results;
    expect(fallback.every((r) => r.marks.includes('초안'))).toBe(true);
  });

  it('shows ten results at first and more on request, moving focus to the first new one', async () => {
    const page = opened.page;
    const input = page.getByLabel('검색어');
    await input.fill('트위터');
    await input.press('Enter');
    const status = await statusFor(page, '트위터');
    const total = Number(/(\d+)건/.exec(status)![1]);
    expect(total).toBeGreaterThan(10);
    await expect.poll(() => page.locator('[data-search-results] > li').count()).toBe(10);
    await page.locator('[data-search-more]').click();
    await expect.poll(() => page.locator('[data-search-results] > li').count()).toBe(Math.min(20, total));
    expect(await page.evaluate(() => document.activeElement?.closest('li') === document.querySelectorAll('[data-search-results] > li')[10])).toBe(true);
  });
});

describe('the search page', () => {
  it('works with the keyboard: a visible label, Enter searches, Tab reaches the results, Escape clears', async () => {
    const { context, page, errors } = await open('/search/');
    const input = page.getByLabel('검색어');
    expect(await page.locator('label[for="search-input"]').isVisible()).toBe(true);
    await input.focus();
    await page.keyboard.type('소셜미디어운영팀');
    await page.keyboard.press('Enter');
    await statusFor(page, '소셜미디어운영팀');
    expect(await page.locator('[data-search-status]').getAttribute('aria-live')).toBe('polite');
    expect(await page.locator('[data-search-status]').getAttribute('role')).toBe('status');
    expect(new URL(page.url()).searchParams.get('q')).toBe('소셜미디어운영팀');
    // Tab: past the search button to the first result's link; Enter follows it.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('검색');
    await page.keyboard.press('Tab');
    const first = await page.evaluate(() => decodeURI(new URL((document.activeElement as HTMLAnchorElement).href).pathname));
    expect(first).toBe(COMPOUND);
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).not.toBe('none');
    // Escape from a result empties the search and returns to the box.
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-input');
    expect(await input.inputValue()).toBe('');
    expect(await page.locator('[data-search-results] > li').count()).toBe(0);
    expect(await page.locator('[data-search-status]').textContent()).toBe('검색어를 지웠습니다.');
    await page.keyboard.type('운영팀');
    await page.keyboard.press('Enter');
    await statusFor(page, '운영팀');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname.startsWith('/posts/'));
    expect(errors).toEqual([]);
    await context.close();
  });

  it('opens with the results of ?q= (a shared search, or the form sent before the script ran)', async () => {
    const { context, page } = await open('/search/?q=회의록');
    await statusFor(page, '회의록');
    expect(await page.getByLabel('검색어').inputValue()).toBe('회의록');
    expect(hrefs(await shown(page))).toEqual([COMPOUND]);
    await context.close();
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`has no axe violations, best practices included, with results shown (${scheme})`, async () => {
      const { context, page } = await open('/search/', { colorScheme: scheme }, true);
      await search(page, '미디어');
      expect(await axeViolations(page)).toEqual([]);
      await context.close();
    });
  }

  it('works under a Content-Security-Policy without unsafe-inline: no inline script, no style attribute', async () => {
    const context = await sites.browser.newContext();
    await context.route('**/*', async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': STRICT_CSP } });
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.addInitScript(() => {
      // @ts-expect-error a list for the test
      window.__violations = [];
      document.addEventListener('securitypolicyviolation', (e) => {
        // @ts-expect-error see above
        window.__violations.push(`${e.effectiveDirective} ${e.blockedURI}`);
      });
    });
    await page.goto(`${sites.server(BLOG).url}/search/`);
    const { results } = await search(page, '미디어');
    expect(hrefs(results)).toContain(COMPOUND);
    // @ts-expect-error see above
    const violations: string[] = await page.evaluate(() => window.__violations);
    // Astro may inline a small stylesheet as a <style> element (style-src-elem) and Vite a small
    // font as a data: URL (font-src): the site configuration's to settle. Scripts, WebAssembly, the
    // worker, the index fetches and style attributes are this page's, and none may be blocked.
    const ours = /^(default-src|script-src|script-src-elem|script-src-attr|worker-src|connect-src|style-src-attr) /;
    expect(violations.filter((v) => ours.test(v))).toEqual([]);
    expect(await page.evaluate(() => [...document.scripts].filter((s) => !s.src && s.type !== 'application/ld+json').length)).toBe(0);
    expect(await page.evaluate(() => document.querySelectorAll('[style]').length)).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('without JavaScript, points to the archive and hides the form', async () => {
    const { context, page } = await open('/search/', { javaScriptEnabled: false });
    expect(await page.locator('main a[href="/archive/"]:visible').count()).toBe(1);
    expect(await page.locator('main noscript').textContent()).toContain('보관함');
    expect(await page.locator('[data-search-form]').isVisible()).toBe(false);
    await context.close();
  });

  it('loads the search script and index on the search page only, and only Pagefind\'s search module there', async () => {
    for (const path of ['/', COMPOUND, '/archive/']) {
      const { context, requests } = await open(path);
      expect(requests.filter((r) => r.startsWith('/pagefind/') || r.startsWith('/_astro/search')), path).toEqual([]);
      await context.close();
    }
    const { context, page, requests } = await open('/search/');
    await search(page, '트위터');
    const pagefind = requests.filter((r) => r.startsWith('/pagefind/'));
    expect(pagefind).toContain('/pagefind/pagefind.js');
    expect(requests.filter((r) => r.startsWith('/_astro/search') && r.endsWith('.js'))).toHaveLength(1);
    expect(pagefind.filter((r) => /pagefind-(ui|modular-ui|component-ui|highlight)/.test(r))).toEqual([]);
    await context.close();
  });
});
