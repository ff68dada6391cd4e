/**
 * The metadata fields a post has in the search index (written by src/integrations/search-index.ts
 * through ./post-html.ts) and how much a match in each counts (read by src/client/search.ts).
 * Pagefind searches every metadata field; `title` is the post's `<h1>`, found by Pagefind itself.
 */
export const META = {
  /** Day of publication, YYYY-MM-DD in the site's time zone. */
  date: 'date',
  category: 'category',
  /** The post's tags, separated by spaces. */
  tags: 'tags',
  author: 'author',
  /** Index-only tokens of the title (./segment.ts). */
  titleInfix: 'title_infix',
  /** Index-only tokens of the rest of the post. */
  infix: 'infix',
} as const;

/**
 * Pagefind's `ranking` option. A metadata match adds `weight × IDF` of the word to a page's score
 * (`× coverage²` when only some of the query's words match there); a word in the body adds about
 * `IDF × 1` for one occurrence in a page of average length (BM25). So:
 * - title 5 (Pagefind's default): a title match ranks above body matches;
 * - a word found only inside a compound of the body (`infix`) counts a third of one plain
 *   occurrence, so it never pushes a post above one that has the word itself;
 * - inside a compound of the title (`title_infix`) it counts like a plain occurrence or two;
 * - tags and category count like an occurrence, the author a little, the date not at all
 *   ("2010" still finds the posts of 2010, in body order).
 * Measured in docs/search.md.
 */
export const RANKING = {
  metaWeights: {
    title: 5,
    [META.titleInfix]: 1.5,
    [META.infix]: 0.3,
    [META.tags]: 1,
    [META.category]: 1,
    [META.author]: 0.5,
    [META.date]: 0,
  },
};

/** After every other character, as Pagefind compares words (by code point). */
const LAST = '\u{10FFFF}';

/**
 * Words to `preload` before searching `query`, one per word of it: the word followed by the last
 * code point. Pagefind 1.6 splits its index into chunks by word, and for a word loads only the
 * chunk the word itself falls in; when the words that start with it run on into the next chunk,
 * the posts there are missed ("사람" found 708 of 981 posts in the 1,000-post benchmark until
 * "사람이" had loaded the next chunk). The probe falls in that last chunk, so preloading it loads
 * it. Measured in docs/search.md; a word whose extensions span three chunks or more can still
 * miss the middle ones.
 */
export function chunkProbes(query: string): string[] {
  return [...new Set(query.toLowerCase().split(/\s+/).filter(Boolean))].map((word) => word + LAST);
}
