/** /surveys/<id>/data.csv: the survey with the organisation's answers, one row per question and option. */
import type { APIContext, GetStaticPaths } from 'astro';
import { getSurveys, primaryBenchmark, type SurveyEntry } from '@/data/surveys';
import { surveyToCsv } from '@/lib/surveys/csv';

export const getStaticPaths = (async () => (await getSurveys()).map((survey) => ({ params: { id: survey.id }, props: { survey } }))) satisfies GetStaticPaths;

export async function GET({ props }: APIContext<{ survey: SurveyEntry }>): Promise<Response> {
  const { survey } = props;
  const benchmark = await primaryBenchmark(survey.id);
  return new Response(surveyToCsv(survey.id, survey.data, benchmark?.data), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8; header=present' },
  });
}
