/**
 * The writer checks of `astro build`, run in a child process by ./astro-integration.ts:
 *
 *   tsx scripts/lib/writer-checks-cli.ts before            posts (MDX, components, survey ids, images)
 *   tsx scripts/lib/writer-checks-cli.ts after <built dir>  links of the built site
 *
 * Prints the problems (warnings and errors) and exits 1 when one of them must fail the build.
 * CONTENT_DIR and BUILD_TIME are read like in the build.
 */
import { buildTime } from '../../src/lib/build-time';
import { contentDir } from '../../src/lib/content-dir';
import { checkContent } from './content-check';
import { checkLinks } from './link-check';
import { errorsIn, formatProblems, sortProblems, type Problem } from './problems';
import { projectRoot } from './run';

/**
 * Problems that would break Astro's build anyway, or publish a broken page: these fail the build.
 * `placeholder`: a post to be published still has the description `npm run new` wrote (an error
 * only when the post is not a draft; drafts are never built).
 */
export const BUILD_BREAKING = new Set(['mdx', 'image', 'component', 'survey-id', 'filename', 'date', 'placeholder']);

/**
 * Front matter and tweets are left to Astro's content sync and the feed (their messages are
 * tested in tests/site/errors.test.ts); `npm run check` reports them with lines.
 */
function forBuild(problems: Problem[]): Problem[] {
  return problems.filter((p) => BUILD_BREAKING.has(p.kind));
}

const [phase, dir] = process.argv.slice(2);
// After the build only the posts' dates and sources are needed, to explain links and find their lines.
const content = checkContent({ contentDir, projectRoot, now: buildTime, only: phase === 'after' ? [] : ['posts'] });
let problems: Problem[];
let title: string;
if (phase === 'before') {
  problems = forBuild(content.problems);
  title = 'Posts have problems the build cannot get past';
} else if (phase === 'after' && dir) {
  const result = checkLinks({ dir, posts: content.posts, templateSeverity: 'warning' });
  problems = result.problems;
  title = 'Broken links in posts';
  console.log(`links checked: ${result.links} on ${result.pages} pages`);
} else {
  console.error('usage: writer-checks-cli.ts before | after <built dir>');
  process.exit(2);
}

problems = sortProblems(problems);
const errors = errorsIn(problems);
const warnings = problems.filter((p) => p.severity === 'warning');
if (warnings.length) console.log(`WARNINGS\n${formatProblems(warnings)}`);
if (errors.length) {
  console.log(`ERRORS\n${title}: ${errors.length} problem${errors.length === 1 ? '' : 's'} to fix (see docs/writing.md, "오류 읽는 법")\n\n${formatProblems(errors)}`);
  process.exit(1);
}
