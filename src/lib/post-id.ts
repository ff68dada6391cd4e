/**
 * The id (and URL slug) of a content entry from its path inside its collection folder:
 * `2010-08-10-sns.mdx` and `2010-08-10-sns/index.mdx` are both `2010-08-10-sns`, `kim.json` is
 * `kim`. One rule for the build (src/content.config.ts) and the writer checks (scripts/lib/post-check.ts).
 */
export function entryId(relativePath: string): string {
  return relativePath.replace(/\\/g, '/').replace(/(\/index)?\.(mdx?|json)$/i, '');
}
