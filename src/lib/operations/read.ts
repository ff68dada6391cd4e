/**
 * The operations report's content read from the files, without Astro, for `npm run report`: the
 * posts' front matter (src/lib/rules/post.ts), the authors' names, the monthly log, the surveys and
 * benchmarks. The content is checked first by the rules every build runs (checkContent's data
 * checks, the log's included): with an error a build would stop, and so does the report, rather
 * than count something the page would never show. Which posts count is decided by the report
 * itself (./report.ts), with the publishing rule of src/lib/publishing.ts.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkContent } from '../rules/content.ts';
import { checkMetrics } from '../rules/metrics.ts';
import { errorsIn, type Problem } from '../rules/problems.ts';
import { benchmarkFileSchema, surveyFileSchema } from '../surveys/survey-schema.ts';
import type { Benchmark, Survey } from '../surveys/types.ts';
import type { SiteConfig } from '../rules/site-config.ts';
import site from '../../site.config.ts';
import type { OperationsContent, OperationsPost } from './report.ts';

export interface ReadOptions {
  contentDir: string;
  projectRoot: string;
  /** "Now" as a build takes it: what is published, which months have ended. */
  now: Date;
  config: SiteConfig;
}

function jsonFiles(dir: string): { id: string; json: unknown }[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((n) => n.endsWith('.json') && !n.startsWith('_') && !n.startsWith('.'))
    .sort()
    .flatMap((n) => {
      try {
        return [{ id: n.slice(0, -'.json'.length), json: JSON.parse(readFileSync(join(dir, n), 'utf8')) as unknown }];
      } catch {
        return [];
      }
    });
}

/** The content, or the problems that would stop a build (warnings come back with the content). */
export function readOperationsContent(options: ReadOptions): { problems: Problem[]; content?: OperationsContent } {
  const { contentDir, projectRoot, now, config } = options;
  // Only the data checks: the posts' front matter is read, their bodies are left to the build.
  const checked = checkContent({ contentDir, projectRoot, now, only: ['data'] });
  // Again for the months themselves, and to warn about survey figures the content lacks (a build is silent about them).
  const metrics = checkMetrics({ contentDir, projectRoot, now, ...(config === site ? {} : { config }), warnMissingSurveys: true });
  const problems = [...checked.problems, ...metrics.problems.filter((p) => p.severity === 'warning' && p.field?.endsWith('.survey'))];
  if (errorsIn(problems).length > 0) return { problems };
  const posts: OperationsPost[] = checked.posts.flatMap((p) =>
    p.pubDate && p.category && p.author
      ? [{ id: p.id, pubDate: p.pubDate, draft: p.draft, category: p.category, author: p.author, ...(p.tweet ? { tweet: p.tweet } : {}) }]
      : [],
  );
  const authors = jsonFiles(join(contentDir, 'authors')).map(({ id, json }) => {
    const name = (json as { name?: unknown } | null)?.name;
    return { id, name: typeof name === 'string' && name.trim() ? name.trim() : id };
  });
  const surveyFiles = jsonFiles(join(contentDir, 'surveys'));
  const surveys = surveyFiles.flatMap(({ id, json }) => {
    const parsed = surveyFileSchema.safeParse(json);
    return parsed.success ? [{ id, data: parsed.data as Survey }] : [];
  });
  const knownSurveys = surveyFiles.map((s) => s.id);
  const schema = benchmarkFileSchema((surveyId) => ({ survey: surveyFiles.find((s) => s.id === surveyId)?.json, knownSurveys }));
  const benchmarks = jsonFiles(join(contentDir, 'benchmarks')).flatMap(({ id, json }) => {
    const parsed = schema.safeParse(json);
    return parsed.success ? [{ id, data: parsed.data as Benchmark }] : [];
  });
  return { problems, content: { posts, authors, log: metrics.entries, surveys, benchmarks } };
}
