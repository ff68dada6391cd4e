/**
 * ASCII slugs for new and imported posts (`npm run new`, `npm run import`). A Korean file name works, but its URL is percent-encoded
 * ("/posts/%EC%86%8C%EC%85%9C/") and three times as long when pasted into a tweet or a
 * messenger, so `npm run new` romanises the title instead.
 *
 * The rule (documented for writers in docs/writing.md):
 *  1. Hangul syllables are written in the Revised Romanization of Korean (국어의 로마자 표기법),
 *     one syllable at a time: initial, vowel, final consonant. Sound changes across syllables
 *     are not applied, except that ㄹ followed by ㄹ is written "ll" (블로그 -> beullogeu).
 *  2. Latin letters lose their accents and are lower-cased; digits stay.
 *  3. Anything else (spaces, punctuation, emoji, other scripts) becomes one "-" between words.
 *  4. At most 60 characters, cut at a "-" when possible; an empty result becomes "post".
 */

const HANGUL_FIRST = 0xac00;
const HANGUL_LAST = 0xd7a3;

/** Initial consonants in syllable order (ㄱ ㄲ ㄴ ㄷ ㄸ ㄹ ㅁ ㅂ ㅃ ㅅ ㅆ ㅇ ㅈ ㅉ ㅊ ㅋ ㅌ ㅍ ㅎ). */
const INITIALS = ['g', 'kk', 'n', 'd', 'tt', 'r', 'm', 'b', 'pp', 's', 'ss', '', 'j', 'jj', 'ch', 'k', 't', 'p', 'h'];
/** Vowels in syllable order (ㅏ ㅐ ㅑ ㅒ ㅓ ㅔ ㅕ ㅖ ㅗ ㅘ ㅙ ㅚ ㅛ ㅜ ㅝ ㅞ ㅟ ㅠ ㅡ ㅢ ㅣ). */
const VOWELS = ['a', 'ae', 'ya', 'yae', 'eo', 'e', 'yeo', 'ye', 'o', 'wa', 'wae', 'oe', 'yo', 'u', 'wo', 'we', 'wi', 'yu', 'eu', 'ui', 'i'];
/**
 * Final consonants as pronounced at the end of a syllable (none ㄱ ㄲ ㄳ ㄴ ㄵ ㄶ ㄷ ㄹ ㄺ ㄻ ㄼ ㄽ ㄾ ㄿ ㅀ ㅁ ㅂ ㅄ ㅅ
 * ㅆ ㅇ ㅈ ㅊ ㅋ ㅌ ㅍ ㅎ), the representative sounds of the Revised Romanization.
 */
const FINALS = ['', 'k', 'k', 'k', 'n', 'n', 'n', 't', 'l', 'k', 'm', 'l', 'l', 'l', 'p', 'l', 'm', 'p', 'p', 't', 't', 'ng', 't', 't', 'k', 't', 'p', 't'];
const INITIAL_RIEUL = 5;
const FINAL_RIEUL = 8;

interface Syllable {
  initial: number;
  vowel: number;
  final: number;
}

function decompose(code: number): Syllable {
  const index = code - HANGUL_FIRST;
  return { initial: Math.floor(index / 588), vowel: Math.floor((index % 588) / 28), final: index % 28 };
}

/** Romanises the Hangul syllables of `text`; every other character is kept as it is. */
export function romanizeHangul(text: string): string {
  let out = '';
  let previous: Syllable | undefined;
  for (const char of text.normalize('NFC')) {
    const code = char.codePointAt(0) ?? 0;
    if (code < HANGUL_FIRST || code > HANGUL_LAST) {
      out += char;
      previous = undefined;
      continue;
    }
    const syllable = decompose(code);
    // ㄹ after a final ㄹ is pronounced [l]: 블로그 beullogeu, 달력 dallyeok.
    const initial = syllable.initial === INITIAL_RIEUL && previous?.final === FINAL_RIEUL ? 'l' : INITIALS[syllable.initial];
    out += `${initial}${VOWELS[syllable.vowel]}${FINALS[syllable.final]}`;
    previous = syllable;
  }
  return out;
}

export const MAX_SLUG_LENGTH = 60;
export const FALLBACK_SLUG = 'post';

/** A lower-case ASCII slug ([a-z0-9-]) for a title; see the rule at the top of this file. */
export function slugify(title: string): string {
  const ascii = romanizeHangul(title)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '') // accents split off by NFKD: café -> cafe
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return truncateSlug(ascii) || FALLBACK_SLUG;
}

function truncateSlug(slug: string): string {
  if (slug.length <= MAX_SLUG_LENGTH) return slug;
  const cut = slug.slice(0, MAX_SLUG_LENGTH);
  const lastDash = cut.lastIndexOf('-');
  // Cut at a word boundary unless that would throw away most of the slug.
  return (lastDash >= MAX_SLUG_LENGTH / 2 ? cut.slice(0, lastDash) : cut).replace(/-+$/, '');
}

/** Longest slug a writer may pass with `--slug` (longer than {@link slugify} makes: a writer's choice). */
export const MAX_GIVEN_SLUG_LENGTH = 100;

/** What `--slug` accepts, in the words of `npm run new`'s problem block. */
export const SLUG_RULE = `영문 소문자와 숫자, 낱말 사이는 "-" (예: sns-guideline), ${MAX_GIVEN_SLUG_LENGTH}자 이하`;

/** True for a slug a writer may pass with `--slug`. */
export function isValidSlug(slug: string): boolean {
  return /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug) && slug.length <= MAX_GIVEN_SLUG_LENGTH;
}
