import { describe, expect, it } from 'vitest';
import { bestProvenance, chartSpec, formatFieldwork, questionView, NOT_REPORTED_LABEL } from '@/lib/surveys/stats';
import type { Benchmark, Survey } from '@/lib/surveys/types';

const survey: Survey = {
  title: '조사',
  publisher: '발행처',
  year: 2010,
  sample: { n: 200, population: '기업 200곳' },
  sources: [
    { id: 'paper', title: '기사', url: 'https://example.com/1', provenance: 'press' },
    { id: 'copy', title: '요약', url: 'https://example.com/2', provenance: 'secondhand' },
  ],
  questions: [
    {
      id: 'staff',
      text: '담당 인력이 있습니까?',
      type: 'single',
      base: 200,
      partial: true,
      options: [
        { id: 'yes', label: '있다' },
        { id: 'considering', label: '검토 중' },
        { id: 'no', label: '없다' },
      ],
      results: { yes: 31, considering: 24.5 },
    },
    {
      id: 'tools',
      text: '도구',
      type: 'multi',
      base: 29,
      sources: ['copy'],
      options: [
        { id: 'blog', label: '블로그' },
        { id: 'twitter', label: '트위터' },
      ],
      results: { blog: 66.7, twitter: 48.1 },
    },
    { id: 'accounts', text: '계정 수', type: 'numeric', unit: '개', results: { mean: 4.2 } },
  ],
};
const benchmark: Benchmark = {
  survey: 'x',
  organization: '다온에듀',
  asOf: '2010-08-10',
  answers: { staff: 'yes', tools: ['twitter'], accounts: 1 },
  notes: { staff: '한 명이 맡습니다.' },
};

describe('questionView', () => {
  it('shows a partial single-choice question with its "not reported" remainder, at the source precision', () => {
    const view = questionView(survey, 0, benchmark);
    expect(view.rows.map((r) => [r.label, r.display, r.chosen])).toEqual([
      ['있다', '31.0%', true],
      ['검토 중', '24.5%', false],
      ['없다', '보고되지 않음', false],
      [NOT_REPORTED_LABEL, '44.5%', false],
    ]);
    expect(view.answerLabels).toEqual(['있다']);
    expect(view.answerNote).toBe('한 명이 맡습니다.');
    expect(view.notes.join(' ')).toContain('반올림');
    expect(view.smallSample).toBe(false);
  });

  it('marks multi-choice, small samples and secondhand figures, without a remainder', () => {
    const view = questionView(survey, 1, benchmark);
    expect(view.multi).toBe(true);
    expect(view.rows.map((r) => r.kind)).toEqual(['option', 'option']);
    expect(view.notes[0]).toContain('복수 응답');
    expect(view.smallSample).toBe(true);
    expect(view.provenance).toBe('secondhand');
    expect(questionView(survey, 0).provenance).toBe('press');
  });

  it('does not mark a base of 30 as a small sample', () => {
    const at30 = structuredClone(survey);
    at30.questions[1]!.base = 30;
    expect(questionView(at30, 1).smallSample).toBe(false);
  });

  it('puts the organisation beside the mean of a numeric question', () => {
    const view = questionView(survey, 2, benchmark);
    expect(view.rows.map((r) => [r.label, r.display])).toEqual([
      ['조사 평균', '4.2개'],
      ['다온에듀', '1개'],
    ]);
  });

  it('states every number in the aria-label', () => {
    const view = questionView(survey, 0, benchmark);
    for (const row of view.rows) expect(view.ariaLabel).toContain(`${row.label} ${row.display}`);
    expect(view.ariaLabel).toContain('다온에듀의 답');
  });
});

describe('chartSpec', () => {
  it('draws the same numbers as the table, leaving out unreported options and marking the answer', () => {
    const view = questionView(survey, 0, benchmark);
    const spec = chartSpec(view);
    expect(spec.values).toEqual([31, 24.5, 44.5]);
    expect(spec.kinds).toEqual(['chosen', 'plain', 'missing']);
    expect(spec.labels[0]).toBe('있다 ◀ 다온에듀');
    expect(spec.max).toBe(100);
    expect(chartSpec(questionView(survey, 2, benchmark)).max).toBeUndefined();
  });
});

describe('helpers', () => {
  it('takes the strongest provenance of a question', () => {
    expect(bestProvenance(survey.sources)).toBe('press');
    expect(bestProvenance([...survey.sources, { title: 't', url: 'https://e.com', provenance: 'read' }])).toBe('read');
    expect(bestProvenance([])).toBeUndefined();
  });
  it('formats fieldwork in days or months', () => {
    expect(formatFieldwork({ start: '2010-03-01', end: '2010-04-12' })).toBe('2010년 3월 1일 ~ 2010년 4월 12일');
    expect(formatFieldwork({ start: '2009-11', end: '2010-01' })).toBe('2009년 11월 ~ 2010년 1월');
    expect(formatFieldwork(undefined)).toBe('보고되지 않음');
  });
});
