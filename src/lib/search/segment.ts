/**
 * Index-only tokens that let Pagefind find a Korean word inside a compound written without spaces.
 *
 * Pagefind splits text on spaces and finds words by their start ("트위터" finds "트위터에서"), so
 * "미디어" misses "소셜미디어운영팀". Giving the index every suffix of each run of Hangul syllables
 * ("셜미디어운영팀", "미디어운영팀", "디어운영팀", … "영팀") turns its prefix search into infix
 * search: "미디어" is the start of "미디어운영팀". The tokens go into the index only (a metadata
 * field the search page never shows, see src/integrations/search-index.ts and docs/search.md).
 *
 * Bounds, so a long compound cannot blow the index up: a token is at most `maxLength` syllables
 * (a longer suffix is cut: "미디어운영팀" still starts with the query), at least `minLength`, and a
 * page gives at most `maxTokens`. Tokens are deduplicated, and a token that is the start of a word
 * the page already has (or of a longer token) is dropped, since prefix search finds it there.
 * Latin words, digits and other scripts are left to Pagefind.
 */

export interface InfixOptions {
  /** Shortest token in syllables (default 2: a one-syllable query is not searched inside words). */
  minLength?: number;
  /** Longest token in syllables; longer suffixes are cut to this (default 8). */
  maxLength?: number;
  /** Most tokens one text gives, in order of appearance (default 3000). */
  maxTokens?: number;
}

export const INFIX_DEFAULTS: Required<InfixOptions> = { minLength: 2, maxLength: 8, maxTokens: 3000 };

/** Hangul syllables (가–힣), the script Pagefind does not split. Jamo alone are left alone. */
const HANGUL_RUN = /[\uAC00-\uD7A3]+/g;

export interface HangulRun {
  text: string;
  /** Index of the run's first character in the text. */
  start: number;
  /**
   * True when the run starts a word for Pagefind: at the start of the text or after white space.
   * After a letter, a digit or punctuation ("SNS운영팀", "마케팅·홍보") it does not: Pagefind keeps
   * such a word whole ("sns운영팀", "마케팅홍보"); it also indexes the parts between punctuation
   * in the body, but not in metadata.
   */
  wordStart: boolean;
}

/** The runs of Hangul syllables in `text`, in order. */
export function hangulRuns(text: string): HangulRun[] {
  return [...text.matchAll(HANGUL_RUN)].map((m) => {
    const start = m.index;
    return { text: m[0], start, wordStart: start === 0 || /\s/.test(text[start - 1]!) };
  });
}

/**
 * The whole words Pagefind indexes from `text`, lowercased: split on white space and kept to
 * letters, marks and digits ("(주)소셜팀" -> "주소셜팀"). A token that starts one of them is found
 * by prefix search anyway.
 */
export function pagefindWords(text: string): string[] {
  const words: string[] = [];
  for (const raw of text.split(/\s+/)) {
    const word = plainWord(raw) ? raw : raw.replace(/[^\p{L}\p{M}\p{N}]+/gu, '').toLowerCase();
    if (word) words.push(word);
  }
  return words;
}

/**
 * Hangul syllables, a-z and 0-9 only: the word as Pagefind keeps it, without the Unicode-class
 * replace (most words of a Korean post, and the costliest step of the tokens when run on each).
 */
function plainWord(raw: string): boolean {
  for (let i = 0; i < raw.length; i++) {
    const code = raw.charCodeAt(i);
    if (!((code >= 0xac00 && code <= 0xd7a3) || (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39))) return false;
  }
  return true;
}

/**
 * The suffixes of each Hangul run that do not start a word for Pagefind: for "소셜미디어운영팀"
 * "셜미디어운영팀" down to "영팀" (cut to `maxLength`); for a run inside a word ("SNS운영팀",
 * "마케팅·홍보") the run itself too. Deduplicated, pruned (see the module comment) and sorted.
 */
export function infixTokens(text: string, options: InfixOptions = {}): string[] {
  const { minLength, maxLength, maxTokens } = { ...INFIX_DEFAULTS, ...options };
  if (minLength < 1 || maxLength < minLength) throw new Error(`infixTokens: need 1 <= minLength <= maxLength, got ${minLength} and ${maxLength}`);
  const candidates = new Set<string>();
  outer: for (const run of hangulRuns(text)) {
    // Hangul syllables are one UTF-16 unit each, so string indexes count syllables.
    for (let i = run.wordStart ? 1 : 0; i + minLength <= run.text.length; i++) {
      if (candidates.size >= maxTokens) break outer;
      candidates.add(run.text.slice(i, i + maxLength));
    }
  }
  // A token found by prefix search anyway (it is or starts a word of the text, or starts a longer
  // token) is dropped. The starts of words are listed as long as a token can be, so only the
  // tokens are sorted, not the tokens and words together (half the time of the tokens).
  const words = new Set(pagefindWords(text));
  const wordStarts = new Set<string>();
  for (const word of words) for (let n = minLength; n < word.length && n <= maxLength; n++) wordStarts.add(word.slice(0, n));
  const sorted = [...candidates].sort();
  const kept: string[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const token = sorted[i]!;
    if (words.has(token) || wordStarts.has(token)) continue;
    // In sorted order, any token that starts with `token` comes right after it.
    if (sorted[i + 1]?.startsWith(token)) continue;
    kept.push(token);
  }
  return kept;
}
