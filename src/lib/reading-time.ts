/**
 * Reading time for Korean text. Word-per-minute rules undercount Korean (one eojeol holds several
 * syllables), so we count characters: Hangul, Han and kana characters one each, and each run of
 * Latin letters/digits (a word) as 2 characters, roughly its reading cost next to Hangul.
 * The rate (characters per minute) is `readingCharsPerMinute` in src/site.config.ts; 500 is a
 * commonly cited silent-reading speed for adult Korean readers of expository text.
 * Code blocks, HTML/MDX tags, URLs and Markdown punctuation are not read as prose and are skipped.
 */

const CJK = /[\p{Script=Hangul}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu;
const LATIN_WORD = /[\p{Script=Latin}\p{Nd}]+/gu;

/** Prose of a Markdown/MDX body, without code, tags, import/export lines and link targets. */
export function proseOf(markdown: string): string {
  return markdown
    .replace(/^(```|~~~)[\s\S]*?^\1\s*$/gm, ' ') // fenced code
    .replace(/^(import|export)\s.*$/gm, ' ') // MDX ESM
    .replace(/<[^>]*>/g, ' ') // HTML / JSX tags
    .replace(/\]\([^)]*\)/g, ']') // link and image targets
    .replace(/https?:\/\/\S+/g, ' ') // bare URLs
    .replace(/`[^`]*`/g, ' '); // inline code
}

/** Counted characters of a body under the rule above. */
export function readingCharacters(markdown: string): number {
  const prose = proseOf(markdown);
  const cjk = prose.match(CJK)?.length ?? 0;
  const latinWords = prose.match(LATIN_WORD)?.length ?? 0;
  return cjk + latinWords * 2;
}

/** Whole minutes, at least 1. */
export function readingMinutes(markdown: string, charsPerMinute: number): number {
  return Math.max(1, Math.ceil(readingCharacters(markdown) / charsPerMinute));
}
