import { describe, expect, it } from 'vitest';
import { hangulRuns, INFIX_DEFAULTS, infixTokens, pagefindWords } from '@/lib/search/segment';
import { randomTexts } from '../support/random-text';

describe('Hangul runs', () => {
  it('finds each run of syllables and whether it starts a word for Pagefind', () => {
    expect(hangulRuns('SNS운영팀과 (소셜)미디어, 2010년 ㅋㅋ 홍보')).toEqual([
      { text: '운영팀과', start: 3, wordStart: false },
      { text: '소셜', start: 9, wordStart: false },
      { text: '미디어', start: 12, wordStart: false },
      { text: '년', start: 21, wordStart: false },
      { text: '홍보', start: 26, wordStart: true },
    ]);
    expect(hangulRuns('소셜\n미디어')[1]!.wordStart).toBe(true);
  });
});

describe('the words Pagefind indexes', () => {
  it('splits on white space and keeps letters and digits, lowercased', () => {
    expect(pagefindWords('(주)소셜팀  Twitter의 소셜미디어 - ·')).toEqual(['주소셜팀', 'twitter의', '소셜미디어']);
  });
});

describe('index-only tokens for words inside compounds', () => {
  it('gives every suffix of a compound down to two syllables, not the word itself', () => {
    expect(infixTokens('소셜미디어운영팀')).toEqual(['디어운영팀', '미디어운영팀', '셜미디어운영팀', '어운영팀', '영팀', '운영팀']);
  });

  it('makes "미디어" and "운영" prefixes of a token of "소셜미디어운영팀에서"', () => {
    const tokens = infixTokens('우리 소셜미디어운영팀에서 일합니다');
    expect(tokens.some((t) => t.startsWith('미디어'))).toBe(true);
    expect(tokens.some((t) => t.startsWith('운영'))).toBe(true);
    expect(tokens.some((t) => t.startsWith('소셜'))).toBe(false); // found by prefix already
  });

  it('leaves Latin words, digits and other scripts alone', () => {
    expect(infixTokens('Twitter SocialMedia 2010 東京大学 ソーシャルメディア')).toEqual([]);
  });

  it('gives a run inside a word whole, since Pagefind does not start a word there', () => {
    expect(infixTokens('SNS운영팀')).toEqual(['영팀', '운영팀']);
    expect(infixTokens('2010년도예산')).toEqual(expect.arrayContaining(['년도예산', '예산']));
    // A category "마케팅·홍보" is one word for Pagefind's metadata: "홍보" needs a token.
    expect(infixTokens('마케팅·홍보')).toEqual(['케팅', '홍보']);
    // "소셜" starts the word "소셜미디어" already; "미디어" does not.
    expect(infixTokens('(소셜)미디어')).toEqual(['디어', '미디어']);
  });

  it('keeps tokens of at least minLength syllables', () => {
    expect(infixTokens('소셜미디어운영팀', { minLength: 3 })).toEqual(['디어운영팀', '미디어운영팀', '셜미디어운영팀', '어운영팀', '운영팀']);
    expect(infixTokens('운영팀 고객팀')).toEqual(['객팀', '영팀']);
    expect(infixTokens('팀장 트윗')).toEqual([]);
  });

  it('deduplicates, and drops a token prefix search finds anyway (the start of a word or of a longer token)', () => {
    expect(infixTokens('소셜미디어운영팀 소셜미디어운영팀')).toEqual(infixTokens('소셜미디어운영팀'));
    // "운영팀" is a word of the text; "디어운영" and "어운영" (from "미디어운영") start longer tokens.
    expect(infixTokens('운영팀 미디어운영 소셜미디어운영팀')).toEqual(['디어운영팀', '미디어운영팀', '셜미디어운영팀', '어운영팀', '영팀']);
  });

  it('caps a long compound: tokens of at most maxLength syllables, at most maxTokens of them', () => {
    const run = '가나다라마바사아자차카타파하'.repeat(10);
    const tokens = infixTokens(run);
    expect(Math.max(...tokens.map((t) => t.length))).toBe(INFIX_DEFAULTS.maxLength);
    expect(tokens.length).toBeLessThanOrEqual(run.length);
    // Linear in the text, never quadratic: at most maxLength syllables per syllable of text.
    expect(tokens.join('').length).toBeLessThanOrEqual(run.length * INFIX_DEFAULTS.maxLength);
    expect(infixTokens(run, { maxTokens: 10 }).length).toBeLessThanOrEqual(10);
    expect(infixTokens('소셜미디어운영팀', { maxLength: 4 })).toEqual(['디어운영', '미디어운', '셜미디어', '어운영팀', '영팀', '운영팀']);
  });

  it('refuses bounds that make no sense', () => {
    expect(() => infixTokens('소셜미디어', { minLength: 0 })).toThrow(/minLength/);
    expect(() => infixTokens('소셜미디어', { minLength: 5, maxLength: 3 })).toThrow(/minLength/);
  });
});

describe('tokens and words against their definitions', () => {
  // The rules as first written: each word through the Unicode classes; tokens pruned against the
  // sorted tokens and words together.
  const referenceWords = (text: string) =>
    text
      .split(/\s+/)
      .map((raw) => raw.replace(/[^\p{L}\p{M}\p{N}]+/gu, '').toLowerCase())
      .filter(Boolean);
  const referenceTokens = (text: string, minLength = 2, maxLength = 8) => {
    const candidates = new Set<string>();
    for (const run of hangulRuns(text)) {
      for (let i = run.wordStart ? 1 : 0; i + minLength <= run.text.length; i++) candidates.add(run.text.slice(i, i + maxLength));
    }
    const words = new Set(referenceWords(text));
    const sorted = [...new Set([...candidates, ...words])].sort();
    return sorted.filter((token, i) => candidates.has(token) && !words.has(token) && !sorted[i + 1]?.startsWith(token));
  };
  const pool = ['소셜', '미디어', '운영팀', '운영', '팀', '고객', '상담', '센터', 'SNS', 'sns', 'Twitter', '2010', '년', '(주)', '·', '-', ' ', ' ', '\n', 'É', 'ß', 'İ', '東京', 'ｶﾀ', '😀', '\u0301'];
  const texts = randomTexts(pool, 300, 30, 11);

  it('keeps the same words', () => {
    for (const text of texts) expect(pagefindWords(text), text).toEqual(referenceWords(text));
  });

  it('gives the same tokens, with other bounds too', () => {
    for (const text of texts) {
      expect(infixTokens(text), text).toEqual(referenceTokens(text));
      expect(infixTokens(text, { minLength: 3, maxLength: 4 }), text).toEqual(referenceTokens(text, 3, 4));
    }
  });
});

