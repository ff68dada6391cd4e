/**
 * What a search result shows, built on the search page from the text Pagefind returns
 * (src/client/search.ts): the title and an excerpt with every occurrence of the query's words
 * marked, a date as the post page writes it.
 *
 * Pagefind's own excerpt marks whole words at the places it matched; a word found inside a
 * compound through an index-only token (./segment.ts) has no such place, so the excerpt is made
 * here from the post's text, which holds no index-only tokens, and marks the query's words
 * wherever they occur, inside compounds too ("미디어" in "소셜미디어운영팀").
 */

/** A piece of text, marked (`<mark>`) or not. */
export interface Segment {
  text: string;
  mark: boolean;
}

const NOT_WORD = /[^\p{L}\p{M}\p{N}]+/u;

/**
 * The words of a query to look for, as Pagefind reads them: split on white space, each also
 * without punctuation and split at it ("Q&A" -> "q&a", "qa"; parts of one character are
 * dropped, as Pagefind drops them), lowercased, deduplicated, longest first.
 */
export function queryTerms(query: string): string[] {
  const terms = new Set<string>();
  for (const word of query.toLowerCase().split(/\s+/)) {
    if (!word) continue;
    terms.add(word);
    const parts = word.split(NOT_WORD).filter(Boolean);
    if (parts.length > 1) terms.add(parts.join(''));
    for (const part of parts) if (part.length > 1 || parts.length === 1) terms.add(part);
  }
  return [...terms].filter((t) => /[\p{L}\p{N}]/u.test(t)).sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
}

export interface Match {
  start: number;
  end: number;
  /** Index of the matched term in `terms`. */
  term: number;
}

/**
 * `text` as Pagefind compares it: lowercased, decomposed (NFD) and without combining marks, so
 * "café" reads "cafe" and a Hangul syllable reads as its letters (jamo): "들었을" starts with
 * "들어" for Pagefind, which indexes Korean words that way. `at[k]` is the index in `text` of the
 * character that gave `folded[k]`.
 */
function fold(text: string): { folded: string; at: number[] } {
  let folded = '';
  const at: number[] = [];
  for (let i = 0; i < text.length; ) {
    const char = String.fromCodePoint(text.codePointAt(i)!);
    const piece = char.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
    folded += piece;
    for (let k = 0; k < piece.length; k++) at.push(i);
    i += char.length;
  }
  return { folded, at };
}

const foldTerm = (term: string) => fold(term).folded;

/**
 * Every occurrence of the terms in `text` as Pagefind would match them (ignoring case, accents,
 * and inside Hangul syllables: "들어" marks "들었" in "들었을"), as whole characters, left to
 * right, not overlapping (the longest match wins where two start together).
 */
export function findMatches(text: string, terms: readonly string[]): Match[] {
  const { folded, at } = fold(text);
  const charEnd = (i: number) => i + String.fromCodePoint(text.codePointAt(i)!).length;
  const found: Match[] = [];
  terms.forEach((term, index) => {
    const needle = foldTerm(term);
    if (!needle) return;
    for (let k = folded.indexOf(needle); k >= 0; k = folded.indexOf(needle, k + 1)) {
      found.push({ start: at[k]!, end: charEnd(at[k + needle.length - 1]!), term: index });
    }
  });
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const matches: Match[] = [];
  for (const m of found) if (!matches.length || m.start >= matches.at(-1)!.end) matches.push(m);
  return matches;
}

/**
 * The terms to mark in `text`: each term it contains, and for a term it does not, the longest
 * start of it (two letters or more) that it does. Pagefind answers a word it does not know by the
 * longest indexed word that starts it ("초안표식글" finds "초안"), so that is what matched.
 */
export function termsIn(text: string, terms: readonly string[]): string[] {
  const { folded } = fold(text);
  const found = new Set<string>();
  for (const term of terms) {
    for (let end = term.length; end >= Math.min(2, term.length); end--) {
      if (folded.includes(foldTerm(term.slice(0, end)))) {
        found.add(term.slice(0, end));
        break;
      }
    }
  }
  return [...found];
}

/** `text` cut into marked and unmarked segments. */
export function highlight(text: string, terms: readonly string[]): Segment[] {
  return segmentsOf(text, findMatches(text, terms), 0, text.length);
}

function segmentsOf(text: string, matches: readonly Match[], from: number, to: number): Segment[] {
  const segments: Segment[] = [];
  let at = from;
  for (const m of matches) {
    if (m.end <= from || m.start >= to) continue;
    const start = Math.max(m.start, at);
    const end = Math.min(m.end, to);
    if (start > at) segments.push({ text: text.slice(at, start), mark: false });
    if (end > start) segments.push({ text: text.slice(start, end), mark: true });
    at = Math.max(at, end);
  }
  if (at < to) segments.push({ text: text.slice(at, to), mark: false });
  return segments;
}

export const ELLIPSIS = '…';

/**
 * About `length` characters of `text` around the place where the most different query words
 * are found close together (the earliest such place), cut at spaces, with "…" where text was
 * left out. Without a match (the post matched by its tags, say), the start of the text.
 */
export function excerpt(text: string, terms: readonly string[], length = 160): Segment[] {
  const matches = findMatches(text, terms);
  let start = 0;
  if (matches.length) {
    const lead = Math.floor(length / 4);
    let best = -1;
    for (const m of matches) {
      const from = Math.max(0, m.start - lead);
      const seen = new Set(matches.filter((n) => n.start >= from && n.end <= from + length).map((n) => n.term));
      if (seen.size > best) {
        best = seen.size;
        start = from;
      }
    }
  }
  let end = Math.min(text.length, start + length);
  // Whole words at both ends: move the start to after a space nearby, the end back to one.
  if (start > 0) {
    const space = text.indexOf(' ', start);
    const firstMatch = matches.find((m) => m.start >= start)?.start ?? end;
    if (space >= 0 && space < firstMatch) start = space + 1;
  }
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    const lastMatch = matches.filter((m) => m.start < end).at(-1)?.end ?? start;
    if (space > start && space >= lastMatch) end = space;
  }
  const segments = segmentsOf(text, matches, start, end);
  if (start > 0) segments.unshift({ text: ELLIPSIS, mark: false });
  if (end < text.length) segments.push({ text: ELLIPSIS, mark: false });
  return segments;
}

/**
 * The post's text without the title it starts with (Pagefind's content begins with the `<h1>`,
 * shown apart in a result), and without the punctuation Pagefind puts after it.
 */
export function withoutTitle(content: string, title: string): string {
  const text = content.trimStart();
  if (!title || !text.startsWith(title)) return text;
  return text.slice(title.length).replace(/^[\s.]+/, '');
}

/** "2010-09-01" -> "2010. 9. 1.", as FormattedDate writes a day (ko-KR); anything else unchanged. */
export function formatDay(day: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  return m ? `${m[1]}. ${Number(m[2])}. ${Number(m[3])}.` : day;
}
