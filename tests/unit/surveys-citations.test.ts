import { describe, expect, it } from 'vitest';
import { citedSurveys } from '@/lib/surveys/citations';
import { sharedChecks } from '@/lib/rules/shared-state';

describe('surveys an article cites', () => {
  it('reads the survey field and every embedded chart or comparison, not components shown as code', () => {
    const body = [
      '<SurveyChart survey="alpha-2010" question="staff" />',
      '',
      "<SurveyComparison benchmark='b' survey='beta-2010' />",
      '',
      '<SurveyChart\n  survey="alpha-2010"\n  question="use" />',
      '',
      'Plain text mentioning survey="not-a-component".',
      '',
      '```mdx',
      '<SurveyChart survey="example-in-code" question="q" />',
      '```',
    ].join('\n');
    expect([...citedSurveys({ id: 'a', data: { survey: 'gamma-2010' }, body })].sort()).toEqual(['alpha-2010', 'beta-2010', 'gamma-2010']);
  });

  it('uses the writer checks\' walk of the post when there was one', () => {
    sharedChecks().embeddedSurveys.set('walked', ['delta-2011']);
    expect([...citedSurveys({ id: 'walked', data: {}, body: '<SurveyChart survey="ignored" question="q" />' })]).toEqual(['delta-2011']);
    sharedChecks().embeddedSurveys.delete('walked');
  });

  it('cites nothing without either, and nothing from a Markdown (.md) post', () => {
    expect(citedSurveys({ id: 'b', data: {}, body: '본문' }).size).toBe(0);
    expect(citedSurveys({ id: 'c', data: {} }).size).toBe(0);
    expect(citedSurveys({ id: 'd', data: {}, body: '<SurveyChart survey="x" question="q" />', filePath: 'content/posts/d.md' }).size).toBe(0);
  });
});
