/**
 * What the search index takes from a finished post page (dist/posts/<slug>/index.html), and the
 * page as Pagefind is given it: the post's article alone, followed by the post's metadata and the
 * index-only tokens of ./segment.ts as `data-pagefind-meta` elements outside the article. So readers
 * never get the tokens (the built page is not changed) and they never reach a result's text.
 *
 * Only the element marked `data-pagefind-body` (the article of src/pages/posts/[...slug].astro)
 * is read. Its header's category, tags and meta line (author, dates, reading time) are left out of
 * the indexed text (EXCLUDED_CLASSES, also given to Pagefind as `excludeSelectors`): they would
 * start every excerpt and make "게시" or "읽는" match every post; category, tags and author are
 * searchable as metadata instead. The "#" link beside each heading is left out too.
 */
import { Parser } from 'htmlparser2';
import { META } from './fields.ts';
import { infixTokens, type InfixOptions } from './segment.ts';

export { META };

/** Classes inside the article whose text is not indexed as body text. */
export const EXCLUDED_CLASSES = ['category', 'tags', 'meta', 'heading-anchor'] as const;

/** The same rule for Pagefind (its `excludeSelectors`). */
export const EXCLUDE_SELECTORS = EXCLUDED_CLASSES.map((c) => `[data-pagefind-body] .${c}`);

/** Elements Pagefind never indexes (its REMOVE_SELECTORS), nor does this reader. */
const SKIPPED_TAGS = new Set(['head', 'style', 'script', 'noscript', 'label', 'form', 'svg', 'footer', 'nav', 'iframe', 'template']);

export interface PostForIndex {
  title: string;
  /** `datetime` of the first `<time>` in the meta line (publication), as written. */
  datetime?: string;
  category?: string;
  author?: string;
  tags: string[];
  /** Text Pagefind indexes from the article, title included, roughly as it reads it. */
  text: string;
  /** The article element's HTML (`data-pagefind-body` and all inside it): all Pagefind needs of the page. */
  article: string;
}

const VOID_TAGS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
/** Elements whose text stands apart from its neighbours' (a space between, as Pagefind does). */
const BLOCK_TAGS = new Set(['p', 'div', 'li', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'section', 'article', 'header', 'blockquote', 'pre', 'table', 'tr', 'td', 'th', 'figure', 'figcaption', 'dt', 'dd', 'br', 'hr']);

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

interface Open {
  tag: string;
  classes: string[];
  /** Inside data-pagefind-body. */
  body: boolean;
  /** Its text is not indexed. */
  skipped: boolean;
}

/**
 * Reads a post page. Throws when it has no `data-pagefind-body` element or no `<h1>` in it: the
 * post page's markup changed, and the index would be silently empty or untitled.
 */
export function readPostHtml(html: string): PostForIndex {
  const stack: Open[] = [];
  let foundBody = false;
  let articleStart = -1;
  let articleEnd = -1;
  let text = '';
  let title: string | undefined;
  let datetime: string | undefined;
  let category: string | undefined;
  let author: string | undefined;
  const tags: string[] = [];
  // Text collectors for the element being read, by purpose.
  let capture: { kind: 'title' | 'category' | 'author' | 'tag'; depth: number; text: string } | undefined;

  const top = () => stack.at(-1);
  const within = (cls: string) => stack.some((o) => o.body && o.classes.includes(cls));

  const parser = new Parser(
    {
      onopentag(tag, attribs) {
        const parent = top();
        const classes = (attribs.class ?? '').split(/\s+/).filter(Boolean);
        const isBodyRoot = 'data-pagefind-body' in attribs;
        const body = (parent?.body ?? false) || isBodyRoot;
        if (isBodyRoot && !foundBody) {
          foundBody = true;
          articleStart = parser.startIndex;
        }
        const skipped =
          (parent?.skipped ?? false) ||
          (body && (SKIPPED_TAGS.has(tag) || 'data-pagefind-ignore' in attribs || classes.some((c) => (EXCLUDED_CLASSES as readonly string[]).includes(c))));
        if (body && BLOCK_TAGS.has(tag)) text += ' ';
        if (body && !capture) {
          if (tag === 'h1' && title === undefined) capture = { kind: 'title', depth: stack.length, text: '' };
          else if (classes.includes('category') && category === undefined) capture = { kind: 'category', depth: stack.length, text: '' };
          else if (tag === 'a' && within('meta') && author === undefined) capture = { kind: 'author', depth: stack.length, text: '' };
          else if (tag === 'li' && within('tags')) capture = { kind: 'tag', depth: stack.length, text: '' };
        }
        if (body && tag === 'time' && datetime === undefined && within('meta') && attribs.datetime) datetime = attribs.datetime;
        if (VOID_TAGS.has(tag)) return;
        stack.push({ tag, classes, body, skipped });
      },
      ontext(data) {
        const open = top();
        if (!open?.body) return;
        if (capture) capture.text += data;
        if (!open.skipped) text += data;
      },
      onclosetag(tag) {
        if (VOID_TAGS.has(tag)) return;
        // htmlparser2 closes implied elements itself; pop to the matching one.
        const index = stack.findLastIndex((o) => o.tag === tag);
        if (index < 0) return;
        if (articleEnd < 0 && stack[index]!.body && !(stack[index - 1]?.body ?? false)) articleEnd = parser.endIndex + 1;
        stack.length = index;
        if (capture && stack.length <= capture.depth) {
          const value = squash(capture.text);
          if (capture.kind === 'title') title = value;
          else if (capture.kind === 'category') category = value;
          else if (capture.kind === 'author') author = value;
          else if (value) tags.push(value.replace(/^#/, ''));
          capture = undefined;
        }
        if (BLOCK_TAGS.has(tag)) text += ' ';
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  if (!foundBody) throw new Error('data-pagefind-body 요소가 없습니다. 글 페이지(src/pages/posts/[...slug].astro)가 본문 article에 data-pagefind-body를 붙여야 검색 색인에 들어갑니다.');
  if (!title) throw new Error('data-pagefind-body 요소 안에 <h1>이 없습니다. 검색 결과에 보일 글 제목을 <h1>로 그 안에 두어야 합니다.');
  if (articleEnd < 0) articleEnd = html.length;
  return { title, datetime, category, author, tags, text: squash(text), article: html.slice(articleStart, articleEnd) };
}

/** One formatter per time zone: making one costs more than formatting a thousand dates with it. */
const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** "2010-09-01" of an ISO date-time, in `timeZone`; undefined when it is not a date. */
export function dayIn(datetime: string | undefined, timeZone: string): string | undefined {
  if (!datetime) return undefined;
  const date = new Date(datetime);
  if (Number.isNaN(date.getTime())) return undefined;
  let format = dayFormats.get(timeZone);
  if (!format) dayFormats.set(timeZone, (format = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone })));
  return format.format(date);
}

const escapeAttribute = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export interface IndexPageOptions {
  /** Site time zone, for the day of publication. */
  timeZone: string;
  /** Add the index-only tokens (default true); false builds the plain index, for comparison. */
  infix?: boolean;
  infixOptions?: InfixOptions;
}

/** The metadata a post page gets in the index (only fields with a value). */
export function indexMeta(post: PostForIndex, options: IndexPageOptions): Record<string, string> {
  const meta: Record<string, string> = {};
  const day = dayIn(post.datetime, options.timeZone);
  if (day) meta[META.date] = day;
  if (post.category) meta[META.category] = post.category;
  if (post.tags.length) meta[META.tags] = post.tags.join(' ');
  if (post.author) meta[META.author] = post.author;
  if (options.infix !== false) {
    const titleTokens = infixTokens(post.title, options.infixOptions);
    // Tags and category are searchable only as metadata, so their compounds need tokens too.
    const rest = [post.text, post.category ?? '', ...post.tags].join(' ');
    const titleSet = new Set(titleTokens);
    const bodyTokens = infixTokens(rest, options.infixOptions).filter((t) => !titleSet.has(t));
    if (titleTokens.length) meta[META.titleInfix] = titleTokens.join(' ');
    if (bodyTokens.length) meta[META.infix] = bodyTokens.join(' ');
  }
  return meta;
}

/**
 * The page as Pagefind is given it: the post's article and one empty `data-pagefind-meta` element
 * per field after it. The rest of the page (head, header, footer, related posts) is never indexed,
 * so it is not sent: a fifth of the bytes to pass to Pagefind's process.
 */
export function pageForIndex(post: Pick<PostForIndex, 'article'>, meta: Record<string, string>, lang = 'ko'): string {
  const elements = Object.entries(meta)
    .map(([key, value]) => `<span data-pagefind-meta="${escapeAttribute(`${key}:${value}`)}"></span>`)
    .join('');
  return `<!doctype html><html lang="${escapeAttribute(lang)}"><head><meta charset="utf-8"></head><body>${post.article}${elements}</body></html>`;
}
