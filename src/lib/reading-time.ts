/**
 * Reading time for Korean text. Word-per-minute rules undercount Korean (one eojeol holds several
 * syllables), so we count characters: Hangul, Han and kana characters one each, and each run of
 * Latin letters/digits (a word) as 2 characters, roughly its reading cost next to Hangul.
 * The rate (characters per minute) is `readingCharsPerMinute` in src/site.config.ts; 500 is a
 * commonly cited silent-reading speed for adult Korean readers of expository text.
 * Code blocks, HTML/MDX tags, URLs and Markdown punctuation are not read as prose and are skipped.
 */

const CJK = /^[\p{Script=Hangul}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]$/u;
const LATIN_WORD_CHAR = /^[\p{Script=Latin}\p{Nd}]$/u;

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

/**
 * Counted characters of a body under the rule above. One pass over the characters instead of two
 * global matches: those built an array of thousands of one-letter strings per post. Hangul
 * syllables and ASCII, nearly all of a Korean post, are decided by code range; anything else by
 * the same Unicode classes.
 */
export function readingCharacters(markdown: string): number {
  const prose = proseOf(markdown);
  let cjk = 0;
  let latinWords = 0;
  let inWord = false;
  for (let i = 0; i < prose.length; i++) {
    const code = prose.charCodeAt(i);
    let wordChar: boolean;
    if (code < 0x80) {
      const lower = code | 0x20;
      wordChar = (code >= 0x30 && code <= 0x39) || (lower >= 0x61 && lower <= 0x7a);
    } else if (code >= 0xac00 && code <= 0xd7a3) {
      cjk++;
      wordChar = false;
    } else {
      const point = prose.codePointAt(i)!;
      if (point > 0xffff) i++;
      const char = String.fromCodePoint(point);
      if (CJK.test(char)) {
        cjk++;
        wordChar = false;
      } else wordChar = LATIN_WORD_CHAR.test(char);
    }
    if (wordChar && !inWord) latinWords++;
    inWord = wordChar;
  }
  return cjk + latinWords * 2;
}

/** Whole minutes, at least 1. */
export function readingMinutes(markdown: string, charsPerMinute: number): number {
  return Math.max(1, Math.ceil(readingCharacters(markdown) / charsPerMinute));
}
