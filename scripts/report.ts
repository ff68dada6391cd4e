/**
 * npm run report [-- --json] [--weeks N] [--month YYYY-MM]
 *
 * The social-media manager's report in the terminal (a table) or as JSON (for a weekly mail or a
 * slide): posts per week against the target, the streaks and the longest gap, posts by purpose and
 * author, the share with tweet text, the monthly log and tweets per day, and the survey figures the
 * site config names. The same computation as /about/operations/ (src/lib/operations/report.ts),
 * over the same content: posts read without Astro, counted by the same publishing rule, the log
 * checked by the same rules as a build (an error stops the report, as it would stop the build).
 */
import { buildTime } from '../src/lib/build-time.ts';
import { contentDir } from '../src/lib/content-dir.ts';
import { monthEnd } from '../src/lib/operations/calendar.ts';
import { metricFields } from '../src/lib/operations/fields.ts';
import { readOperationsContent } from '../src/lib/operations/read.ts';
import { computeOperations, operationsInput } from '../src/lib/operations/report.ts';
import { reportText } from '../src/lib/operations/text.ts';
import { countText, formatProblems, sortProblems } from '../src/lib/rules/problems.ts';
import { exitOnSiteConfigProblems } from '../src/lib/rules/site-config-gate.ts';
import site from '../src/site.config.ts';
import { npmArgs, parseReportArgs, REPORT_USAGE } from './lib/report-args.ts';
import { projectRoot } from './lib/run.ts';

exitOnSiteConfigProblems(site);

const color = Boolean(process.stderr.isTTY) && !process.env.NO_COLOR;
const { options, errors } = parseReportArgs(npmArgs(process.argv.slice(2), process.env), buildTime, site.timeZone);
if (!options) {
  if (errors.length === 0) {
    console.log(REPORT_USAGE);
    process.exit(0);
  }
  console.error(`${formatProblems(errors, color)}\n\n${REPORT_USAGE}`);
  process.exit(1);
}

const { problems, content } = readOperationsContent({ contentDir, projectRoot, now: buildTime, config: site });
if (!content) {
  console.error(
    `${formatProblems(sortProblems(problems), color)}\n\n✗ ${countText(problems)}: 빌드가 멈출 문제가 있어 운영 현황을 세지 않았습니다. 고친 뒤 다시 실행하세요.`,
  );
  process.exit(1);
}
// The report's own warnings (a survey the config names but the content lacks) go to stderr, so
// --json stays clean; the content's other warnings are the build's and npm run check's to print.
const own = problems.filter((p) => p.kind === 'metrics');
if (own.length > 0) console.error(`${formatProblems(sortProblems(own), color)}\n`);

const month = options.month ?? site.operations?.asOf;
const asOf = month ? monthEnd(month, site.timeZone) : undefined;
const report = computeOperations(
  operationsInput(site, metricFields(site.operations?.fields), content, {
    now: buildTime,
    ...(asOf ? { asOf } : {}),
    ...(options.weeks ? { weeks: options.weeks } : {}),
  }),
);
process.stdout.write(options.json ? `${JSON.stringify(report, null, 2)}\n` : reportText(report));
