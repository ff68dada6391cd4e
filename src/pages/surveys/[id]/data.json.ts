/**
 * /surveys/<id>/data.json: the survey file as published, with the organisation's answers beside it
 * and `rows`, the rows of data.csv as objects (numbers as numbers, see `SurveyDataRow`).
 */
import type { APIContext, GetStaticPaths } from 'astro';
import { getSurveys, primaryBenchmark, type SurveyEntry } from '@/data/surveys';
import { normalizeSurvey, surveyDataRows } from '@/lib/surveys/csv';

export const getStaticPaths = (async () => (await getSurveys()).map((survey) => ({ params: { id: survey.id }, props: { survey } }))) satisfies GetStaticPaths;

export async function GET({ props }: APIContext<{ survey: SurveyEntry }>): Promise<Response> {
  const { survey } = props;
  const benchmark = await primaryBenchmark(survey.id);
  const body = {
    id: survey.id,
    survey: normalizeSurvey(survey.data),
    benchmark: benchmark ? { id: benchmark.id, ...benchmark.data } : null,
    rows: surveyDataRows(survey.id, survey.data, benchmark?.data),
  };
  return new Response(`${JSON.stringify(body, null, 2)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
}
