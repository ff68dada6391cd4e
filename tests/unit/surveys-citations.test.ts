import { describe, expect, it } from 'vitest';
import { citedSurveys } from '@/lib/surveys/citations';

describe('surveys an article cites', () => {
  it('reads the survey field and every embedded chart or comparison', () => {
    const body = [
      '<SurveyChart survey="kicom-2010" question="staff" />',
      "<SurveyComparison benchmark='b' survey='thepr-2010' />",
      '<SurveyChart\n  survey="kicom-2010"\n  question="use" />',
      'Plain text mentioning survey="not-a-component".',
      '```mdx',
      '<SurveyChart survey="example-in-code" question="q" />',
      '```',
    ].join('\n');
    expect([...citedSurveys({ data: { survey: 'kcci-donga-2010' }, body })].sort()).toEqual(['kcci-donga-2010', 'kicom-2010', 'thepr-2010']);
  });

  it('cites nothing without either', () => {
    expect(citedSurveys({ data: {}, body: '본문' }).size).toBe(0);
    expect(citedSurveys({ data: {} }).size).toBe(0);
  });
});
