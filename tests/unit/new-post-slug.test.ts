import { describe, expect, it } from 'vitest';
import { FALLBACK_SLUG, isValidSlug, MAX_SLUG_LENGTH, romanizeHangul, slugify } from '../../src/lib/slug';

describe('romanizeHangul (Revised Romanization, syllable by syllable)', () => {
  it.each([
    ['한국', 'hanguk'],
    ['소셜미디어', 'sosyeolmidieo'],
    ['트위터', 'teuwiteo'],
    ['가이드라인', 'gaideurain'],
    ['고객 서비스', 'gogaek seobiseu'],
    ['읽기', 'ikgi'],
    ['꽃', 'kkot'],
    ['의사', 'uisa'],
    ['쌍떡잎', 'ssangtteokip'], // no liaison: syllable by syllable,
    ['외워', 'oewo'],
  ])('%s -> %s', (hangul, roman) => {
    expect(romanizeHangul(hangul)).toBe(roman);
  });

  it('writes ㄹ after a final ㄹ as "ll"', () => {
    expect(romanizeHangul('블로그')).toBe('beullogeu');
    expect(romanizeHangul('달력')).toBe('dallyeok');
    // Not across a space: the rule is inside a word.
    expect(romanizeHangul('일 리')).toBe('il ri');
  });

  it('reads decomposed (NFD) Hangul as the same syllables', () => {
    expect(romanizeHangul('블로그'.normalize('NFD'))).toBe('beullogeu');
  });

  it('keeps every other character as it is', () => {
    expect(romanizeHangul('SNS 2010!')).toBe('SNS 2010!');
  });
});

describe('slugify', () => {
  it('makes a lower-case ASCII slug of a Korean title', () => {
    expect(slugify('소셜미디어 가이드라인: 블로그 운영 첫해')).toBe('sosyeolmidieo-gaideurain-beullogeu-unyeong-cheothae');
  });

  it('keeps Latin words and digits, drops accents and punctuation', () => {
    expect(slugify('Twitter 팔로워 1,000명!')).toBe('twitter-pallowo-1-000myeong');
    expect(slugify('Café & Crème')).toBe('cafe-creme');
  });

  it('turns every run of other characters into one "-" with none at the ends', () => {
    expect(slugify('  "인용" — 그리고 (괄호) 😀  ')).toBe('inyong-geurigo-gwalho');
  });

  it('only ever produces [a-z0-9-]', () => {
    for (const title of ['日本語のタイトル', 'Ünïcödé ⚡ 제목', '!!!', 'a--b', '中文 제목 2010']) {
      expect(slugify(title)).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    }
  });

  it(`falls back to "${FALLBACK_SLUG}" when nothing is left`, () => {
    expect(slugify('!!! 😀 ???')).toBe(FALLBACK_SLUG);
    expect(slugify('日本語')).toBe(FALLBACK_SLUG);
    expect(slugify('')).toBe(FALLBACK_SLUG);
  });

  it(`cuts a long title at a word boundary, at most ${MAX_SLUG_LENGTH} characters`, () => {
    const slug = slugify('소셜미디어를 처음 시작하는 교육 기업이 첫 일 년 동안 겪은 열두 가지 시행착오와 그 해결책');
    expect(slug.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
    expect(slug).not.toMatch(/-$/);
    expect(slug).toBe('sosyeolmidieoreul-cheoeum-sijakhaneun-gyoyuk-gieopi-cheot');
  });

  it('accepts exactly the slugs a writer may pass with --slug', () => {
    expect(isValidSlug('sns-guideline-2010')).toBe(true);
    for (const bad of ['SNS', 'a_b', '-a', 'a-', 'a--b', '소셜', 'a b', '']) expect(isValidSlug(bad)).toBe(false);
  });
});
