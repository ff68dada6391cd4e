/**
 * Components every post can use without an import. The post page and the feed renderer both
 * pass this map to `<Content components={...} />`.
 */
import SurveyChart from './survey/SurveyChart.astro';
import SurveyComparison from './survey/SurveyComparison.astro';

export const mdxComponents: Record<string, unknown> = { SurveyChart, SurveyComparison };
