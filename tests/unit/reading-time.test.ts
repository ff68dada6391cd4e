import { describe, expect, it } from 'vitest';
import { readingCharacters, readingMinutes } from '@/lib/reading-time';

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
});
