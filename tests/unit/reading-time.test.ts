import { describe, expect, it } from 'vitest';
import { proseOf, readingCharacters, readingMinutes } from '@/lib/reading-time';
import { randomTexts } from '../support/random-text';

describe('reading time for Korean text', () => {
  it('counts Hangul characters, not spaces or punctuation', () => {
    expect(readingCharacters('소셜 미디어, 운영!')).toBe(7);
  });

  it('counts a Latin word as two characters', () => {
    expect(readingCharacters('트위터 Twitter 2010')).toBe(3 + 2 + 2);
  });

  it('skips code, tags, imports, URLs and link targets', () => {
    const body = [
      "import Chart from './Chart.astro';",
      '가나다 [링크](https://example.com/아주긴주소)',
      '```js',
      'const 변수 = "코드는 읽는 글이 아닙니다";',
      '```',
      '<SurveyChart survey="kicom-2010" question="staff" />',
      '`인라인코드` https://example.com/더긴주소',
    ].join('\n');
    expect(readingCharacters(body)).toBe(3 + 2);
  });

  it('rounds up to whole minutes at the configured rate, at least one', () => {
    expect(readingMinutes('', 500)).toBe(1);
    expect(readingMinutes('가'.repeat(500), 500)).toBe(1);
    expect(readingMinutes('가'.repeat(501), 500)).toBe(2);
    expect(readingMinutes('가'.repeat(1500), 500)).toBe(3);
  });

  it('counts exactly as the Unicode classes do, outside Hangul syllables and ASCII too', () => {
    // The rule as first written: every CJK character, and every run of Latin letters and digits.
    const reference = (markdown: string) => {
      const prose = proseOf(markdown);
      const cjk = prose.match(/[\p{Script=Hangul}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu)?.length ?? 0;
      return cjk + (prose.match(/[\p{Script=Latin}\p{Nd}]+/gu)?.length ?? 0) * 2;
    };
    const samples = [
      'café 한글 𠀀漢字 ひらがな カタカナ ｶﾀｶﾅ ㄱㄴ ᄀ힣 Ⅻ ١٢٣ x² ǅ ß 𝐀𝐁 𪚥 ㉠ 〮',
      'a\uD800b \uDC00c 가\uD83D나 😀abc😀 ３4５ Ｚz',
      '“따옴표” — 줄표… 가·나 (괄호) [링크] 100% v2.0 e-mail',
    ];
    // Random text from the same mixture, so runs start and end next to every kind of character.
    const pool = [...'가힣ㄱᄀ漢字𠀀ひカｶaZé0９١ ,.·—😀\uD800\n'];
    samples.push(...randomTexts(pool, 200, 40, 7));
    for (const text of samples) expect(readingCharacters(text), text).toBe(reference(text));
  });
});
