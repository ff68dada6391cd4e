import { describe, expect, it } from 'vitest';
import { benchmarksFor, resolveSurveyRef } from '@/lib/surveys/refs';
import type { Benchmark, Survey } from '@/lib/surveys/types';

const survey = (id: string): { id: string; data: Survey } => ({
  id,
  data: {
    title: '설문',
    publisher: '연구소',
    year: 2010,
    sample: { n: 100, population: '기업' },
    sources: [{ title: '보고서', url: 'https://example.org', provenance: 'read' }],
    questions: [{ id: 'staff', text: '인력?', type: 'single', options: [{ id: 'one', label: '1명' }], results: { one: 100 } }],
  } as Survey,
});
const benchmark = (id: string, surveyId: string, organization: string): { id: string; data: Benchmark } => ({
  id,
  data: { survey: surveyId, organization, asOf: '2010-08-10', answers: {} } as Benchmark,
});

describe('survey references of MDX components', () => {
  const surveys = [survey('alpha-2010')];
  const benchmarks = [benchmark('zeta', 'alpha-2010', '다른 회사'), benchmark('ours', 'alpha-2010', '우리 회사'), benchmark('other', 'beta-2011', '우리 회사')];
  const of = (id: string) => benchmarksFor(id, benchmarks, '우리 회사');

  it('puts the site organisation first, then by id', () => {
    expect(of('alpha-2010').map((b) => b.id)).toEqual(['ours', 'zeta']);
  });

  it('resolves the survey, the question and the benchmark (the own one by default)', () => {
    const ref = resolveSurveyRef('SurveyChart', { survey: 'alpha-2010', question: 'staff' }, '/posts/a/', { question: true, benchmark: 'optional' }, surveys, of);
    expect(ref).toMatchObject({ survey: { id: 'alpha-2010' }, questionIndex: 0, benchmark: { id: 'ours' } });
  });

  it('fails naming the page, the component and the id when the writer checks were skipped', () => {
    const resolve = (props: Record<string, string>) => () =>
      resolveSurveyRef('SurveyComparison', props, '/posts/bad/', { question: false, benchmark: 'required' }, surveys, of);
    expect(resolve({ survey: 'nope' })).toThrow('/posts/bad/: <SurveyComparison> survey="nope"을(를) 찾을 수 없습니다.');
    expect(resolve({ survey: 'alpha-2010', benchmark: 'other' })).toThrow('<SurveyComparison> benchmark="other"');
  });
});
