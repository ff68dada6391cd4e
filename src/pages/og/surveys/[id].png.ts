/** /og/surveys/<id>.png: one Open Graph card per survey page (title and publisher). */
import type { APIContext, GetStaticPaths } from 'astro';
import { getSurveys } from '@/data/surveys';
import { surveyOgImage, type SurveyCardFields } from '@/lib/og-cards';
import { pngResponse } from '@/lib/og-response';

export const getStaticPaths = (async () =>
  (await getSurveys()).map((survey) => ({
    params: { id: survey.id },
    props: { survey: { title: survey.data.title, publisher: survey.data.publisher, year: survey.data.year } },
  }))) satisfies GetStaticPaths;

export async function GET(context: APIContext<{ survey: SurveyCardFields }>): Promise<Response> {
  return pngResponse(await surveyOgImage(context.props.survey));
}
