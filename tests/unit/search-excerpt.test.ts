import { describe, expect, it } from 'vitest';
import { ELLIPSIS, excerpt, findMatches, formatDay, highlight, queryTerms, termsIn, withoutTitle, type Segment } from '@/lib/search/excerpt';

/** Segments as text with [marks]. */
const show = (segments: Segment[]) => segments.map((s) => (s.mark ? `[${s.text}]` : s.text)).join('');

describe('query terms', () => {
  it('splits on white space, lowercases, deduplicates, longest first', () => {
    expect(queryTerms('  트위터   미디어운영 Twitter 트위터 ')).toEqual(['twitter', '미디어운영', '트위터']);
  });
  it('keeps a word with its punctuation and without, as Pagefind reads it; drops one-letter parts and bare punctuation', () => {
    expect(queryTerms('Q&A')).toEqual(['q&a', 'qa']);
    expect(queryTerms('(소셜)미디어 - 팀')).toEqual(['(소셜)미디어', '소셜미디어', '미디어', '소셜', '팀']);
  });
});

describe('marking the query in a text', () => {
  it('marks a word inside a compound and before a particle, not the letters around it', () => {
    expect(show(highlight('소셜미디어운영팀에서', ['미디어']))).toBe('소셜[미디어]운영팀에서');
    expect(show(highlight('트위터를 보고 트위터에서', ['트위터']))).toBe('[트위터]를 보고 [트위터]에서');
  });
  it('ignores case and keeps the text as written', () => {
    expect(show(highlight('Twitter와 TWITTER', ['twitter']))).toBe('[Twitter]와 [TWITTER]');
  });
  it('prefers the longer term where two start at the same place, and never overlaps', () => {
    expect(findMatches('미디어운영팀', ['미디어', '미디어운영'])).toEqual([{ start: 0, end: 5, term: 1 }]);
    expect(show(highlight('미디어운영팀', ['미디어', '운영팀']))).toBe('[미디어][운영팀]');
  });
  it('matches as Pagefind does, inside a syllable and across accents: "들어" marks "들었" in "들었을"', () => {
    expect(show(highlight('말을 들었을 때', ['들어']))).toBe('말을 [들었]을 때');
    expect(show(highlight('트윗 하루', ['트위']))).toBe('[트윗] 하루');
    expect(show(highlight('Café와 CAFE', ['cafe']))).toBe('[Café]와 [CAFE]');
    expect(show(highlight('😀 이모지 😀', ['이모']))).toBe('😀 [이모]지 😀');
  });
  it('treats the query as text, not as a pattern', () => {
    expect(show(highlight('a.b와 a+b', ['a+b']))).toBe('a.b와 [a+b]');
  });
  it('falls back, as Pagefind does, to the longest start of an unknown word found in the text', () => {
    expect(termsIn('가이드라인 초안 쓰기', ['초안표식글', '가이드'])).toEqual(['초안', '가이드']);
    expect(termsIn('가이드라인', ['표식글'])).toEqual([]);
  });
});

describe('the excerpt', () => {
  const filler = (n: number) => Array.from({ length: n }, (_, i) => `문장${i}입니다.`).join(' ');

  it('is the start of the text, unmarked, when nothing matches (a post found by its tags)', () => {
    const text = filler(40);
    const segments = excerpt(text, ['없는말'], 100);
    expect(segments.every((s) => !s.mark)).toBe(true);
    expect(show(segments).startsWith('문장0입니다.')).toBe(true);
    expect(show(segments).endsWith(ELLIPSIS)).toBe(true);
  });

  it('shows the match with some text before it, cut at spaces, with … where text was left out', () => {
    const text = `${filler(30)} 우리 소셜미디어운영팀은 세 사람입니다. ${filler(30)}`;
    const shown = show(excerpt(text, ['미디어'], 120));
    expect(shown).toContain('소셜[미디어]운영팀은');
    expect(shown.startsWith(ELLIPSIS)).toBe(true);
    expect(shown.endsWith(ELLIPSIS)).toBe(true);
    expect(shown.length).toBeLessThanOrEqual(120 + 4);
    // Whole words at both ends.
    const inner = shown.slice(1, -1);
    expect(text).toContain(inner.replace(/[[\]]/g, ''));
    expect(inner.startsWith('문장')).toBe(true);
  });

  it('prefers the place where more of the query words are close together', () => {
    const text = `회의록 하나. ${filler(40)} 상담센터의 주간회의록입니다. ${filler(10)}`;
    const shown = show(excerpt(text, ['회의록', '상담'], 100));
    expect(shown).toContain('[상담]센터의 주간[회의록]');
  });

  it('is the whole text when it is short', () => {
    expect(show(excerpt('짧은 트위터 글.', ['트위터']))).toBe('짧은 [트위터] 글.');
  });
});

describe('result text and date', () => {
  it('drops the title Pagefind puts first in the text', () => {
    expect(withoutTitle('부서 소개. 우리 회사의 팀입니다.', '부서 소개')).toBe('우리 회사의 팀입니다.');
    expect(withoutTitle('본문만 있습니다.', '제목')).toBe('본문만 있습니다.');
  });
  it('writes a day as the post page does (ko-KR)', () => {
    expect(formatDay('2010-05-20')).toBe('2010. 5. 20.');
    expect(formatDay('2011-12-01')).toBe('2011. 12. 1.');
    expect(formatDay('someday')).toBe('someday');
  });
});
