/**
 * Which surveys an article cites: the one its `survey` front-matter field names (a comparison
 * article) and every survey whose chart or table it embeds with <SurveyChart> / <SurveyComparison>.
 * The embedded ones come from the writer checks' walk of the post (src/lib/rules/mdx.ts), shared
 * through sharedChecks(); a post they did not walk (checks off) is walked here, with the same code.
 */
import { scanBody } from '../rules/mdx.ts';
import { sharedChecks } from '../rules/shared-state.ts';

export interface CitingPost {
  id: string;
  data: { survey?: string | undefined };
  body?: string | undefined;
  filePath?: string | undefined;
}

export function citedSurveys(post: CitingPost): Set<string> {
  const ids = new Set<string>();
  if (post.data.survey) ids.add(post.data.survey);
  const walked = sharedChecks().embeddedSurveys.get(post.id);
  const embedded = walked ?? (post.body && !/\.md$/i.test(post.filePath ?? '') ? scanBody(post.body, true).surveys : []);
  for (const id of embedded) ids.add(id);
  return ids;
}
