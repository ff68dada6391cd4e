/**
 * Which surveys an article cites: the one its `survey` front-matter field names (a comparison
 * article) and every survey whose chart or table it embeds with <SurveyChart> / <SurveyComparison>.
 */
const COMPONENT_SURVEY = /<Survey(?:Chart|Comparison)\b[^>]*?\bsurvey=(?:"([^"]*)"|'([^']*)')/g;

export function citedSurveys(post: { data: { survey?: string | undefined }; body?: string | undefined }): Set<string> {
  const ids = new Set<string>();
  if (post.data.survey) ids.add(post.data.survey);
  // A component shown as an example inside a code block cites nothing.
  const body = (post.body ?? '').replace(/^(```|~~~)[\s\S]*?^\1\s*$/gm, '');
  for (const match of body.matchAll(COMPONENT_SURVEY)) ids.add(match[1] ?? match[2] ?? '');
  ids.delete('');
  return ids;
}
