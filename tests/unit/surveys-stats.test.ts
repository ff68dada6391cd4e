import { describe, expect, it } from 'vitest';
import { bestProvenance, chartSpec, COMPUTED_NOTE, formatFieldwork, questionView, NOT_REPORTED_LABEL, sampleCount } from '@/lib/surveys/stats';
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

describe('what the source said', () => {
  /** KICOM-like: about 75% use one, the rest (named by the source) do not; staff without a reported base. */
  const said: Survey = {
    title: '조사',
    publisher: '발행처',
    year: 2010,
    sample: { n: 42, unit: '곳', population: '대기업 42곳' },
    sources: [{ id: 'copy', title: '요약', url: 'https://example.com/2', provenance: 'secondhand' }],
    questions: [
      {
        id: 'uses',
        text: '씁니까?',
        type: 'single',
        base: 42,
        approximate: ['yes'],
        remainder: { id: 'no', label: '이용하지 않음' },
        options: [{ id: 'yes', label: '이용함' }],
        results: { yes: 75 },
      },
      { id: 'tools', text: '도구', type: 'multi', options: [{ id: 'blog', label: '블로그' }], results: { blog: 66.7 } },
    ],
  };
  const answeredNo: Benchmark = { survey: 'x', organization: '다온에듀', asOf: '2010-08-10', answers: { uses: 'no' } };

  it('shows a named remainder as that answer, computed, approximate when its source is, and choosable', () => {
    const view = questionView(said, 0, answeredNo);
    expect(view.rows.map((r) => [r.label, r.display, r.kind, r.computed, r.chosen])).toEqual([
      ['이용함', '약 75%', 'option', false, false],
      ['이용하지 않음', '약 25%', 'complement', true, true],
    ]);
    expect(view.answerLabels).toEqual(['이용하지 않음']);
    expect(view.answerAsOf).toBe('2010-08-10');
    expect(view.notes.join(' ')).toContain(COMPUTED_NOTE);
    expect(view.notes.join(' ')).toContain('어림값');
    expect(view.ariaLabel).toContain('이용하지 않음 약 25%(계산값) (다온에듀의 답)');
    expect(chartSpec(view)).toMatchObject({ values: [75, 25], kinds: ['plain', 'chosen'], displays: ['약 75%', '약 25%'] });
  });

  it('never highlights the unreported remainder, and draws it apart', () => {
    const unnamed = structuredClone(said);
    delete (unnamed.questions[0] as { remainder?: unknown }).remainder;
    (unnamed.questions[0] as { partial?: boolean }).partial = true;
    const view = questionView(unnamed, 0, { ...answeredNo, answers: { uses: 'yes' } });
    expect(view.rows.at(-1)).toMatchObject({ label: NOT_REPORTED_LABEL, kind: 'remainder', computed: true, chosen: false });
    expect(chartSpec(view).kinds).toEqual(['chosen', 'missing']);
  });

  it('says "not reported" for a missing base, and warns that a secondhand figure without one may be small', () => {
    const view = questionView(said, 1);
    expect(view.baseReported).toBe(false);
    expect(view.baseText).toBe('기준 수 보고되지 않음');
    expect(view.possiblySmall).toBe(true);
    // 42 < 30 is false, so the unknown base is not known to be small.
    expect(view.smallSample).toBe(false);
    expect(questionView(said, 0).baseText).toBe('응답 기준 42곳');
    // Read in the publisher's own text, the same figure carries no warning.
    const read = structuredClone(said);
    read.sources[0]!.provenance = 'read';
    expect(questionView(read, 1).possiblySmall).toBe(false);
  });

  it('counts in the survey unit, and an observation has no respondents', () => {
    const people = { ...said, sample: { n: 1900, unit: '명', nPrecision: 'about' as const, population: '마케터' } };
    expect(sampleCount(people)).toBe('약 1,900명');
    expect(sampleCount({ ...said, sample: { n: 34000, nPrecision: 'at-least' as const, population: '고용주' } })).toBe('34,000곳 이상');
    const observed: Survey = { ...said, method: 'observation', sample: { n: 100, population: 'Fortune Global 100' } };
    expect(questionView(observed, 0).baseText).toBe('관찰 기준 42곳');
    const multi = questionView(observed, 1);
    expect(multi.notes[0]).toContain('복수 집계');
    expect(multi.ariaLabel).not.toContain('응답');
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
