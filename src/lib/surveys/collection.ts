/**
 * The surveys and benchmarks collections as pages and components need them. The only module
 * under src/lib/surveys that touches astro:content; everything else here is pure.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { getCollection, type CollectionEntry } from 'astro:content';
import site from '../../site.config';
import { contentDir, displayPath } from '../content-dir';
import { getPublishedPosts, type Post } from '../posts';
import { formatIssue, validateBenchmark } from './validate';
import { citedSurveys } from './citations';

export type SurveyEntry = CollectionEntry<'surveys'>;
export type BenchmarkEntry = CollectionEntry<'benchmarks'>;

let surveysCache: Promise<SurveyEntry[]> | undefined;
let benchmarksCache: Promise<BenchmarkEntry[]> | undefined;

/** Every survey, newest year first, then by id. */
export function getSurveys(): Promise<SurveyEntry[]> {
  surveysCache ??= getCollection('surveys').then((all) => all.sort((a, b) => b.data.year - a.data.year || a.id.localeCompare(b.id)));
  return surveysCache;
}

/**
 * Every benchmark, re-checked against its survey: the content cache skips a benchmark file that did
 * not change even when its survey did, so the pairing is verified again for each build.
 */
export function getBenchmarks(): Promise<BenchmarkEntry[]> {
  benchmarksCache ??= Promise.all([getCollection('benchmarks'), getSurveys()]).then(([benchmarks, surveys]) => {
    const problems: string[] = [];
    for (const b of benchmarks) {
      const survey = surveys.find((s) => s.id === b.data.survey);
      const issues = validateBenchmark(b.data, survey?.data, displayPath('benchmarks', `${b.id}.json`), surveys.map((s) => s.id));
      problems.push(...issues.filter((i) => i.level === 'error').map(formatIssue));
    }
    if (problems.length > 0) throw new Error(problems.join('\n'));
    return benchmarks.sort((a, b) => a.id.localeCompare(b.id));
  });
  return benchmarksCache;
}

/** Benchmarks answering a survey, the site's own organisation first. */
export async function benchmarksOf(surveyId: string): Promise<BenchmarkEntry[]> {
  const own = (b: BenchmarkEntry) => (b.data.organization === site.organization ? 0 : 1);
  return (await getBenchmarks()).filter((b) => b.data.survey === surveyId).sort((a, b) => own(a) - own(b) || a.id.localeCompare(b.id));
}

/** The benchmark a survey page compares with: the site organisation's, else the first by id. */
export async function primaryBenchmark(surveyId: string): Promise<BenchmarkEntry | undefined> {
  return (await benchmarksOf(surveyId))[0];
}

/** Published articles that cite a survey: by their `survey` field or by embedding its charts. */
export async function postsCiting(surveyId: string): Promise<Post[]> {
  return (await getPublishedPosts()).filter((p) => citedSurveys(p).has(surveyId));
}

/**
 * The post file a page URL belongs to, for error messages of components inside MDX (they receive
 * no file path): "/posts/2010-08-20-a/" -> "content/posts/2010-08-20-a.mdx".
 */
export function postFileForPath(pathname: string): string | undefined {
  const slug = /^\/posts\/([^/]+)\/?$/.exec(pathname)?.[1];
  if (!slug) return undefined;
  const decoded = decodeURIComponent(slug);
  for (const candidate of [`${decoded}.mdx`, `${decoded}.md`, `${decoded}/index.mdx`, `${decoded}/index.md`]) {
    if (existsSync(join(contentDir, 'posts', candidate))) return displayPath('posts', candidate);
  }
  return displayPath('posts', `${decoded}.mdx`);
}

export interface SurveyRef {
  survey: SurveyEntry;
  questionIndex?: number;
  benchmark?: BenchmarkEntry;
}

/**
 * Resolves the ids an MDX component was given. An unknown id throws, failing the build with the
 * post, the component, the id and the ids that exist.
 */
export async function resolveSurveyRef(
  component: string,
  props: { survey?: unknown; question?: unknown; benchmark?: unknown },
  pathname: string,
  needs: { question: boolean; benchmark: 'required' | 'optional' },
): Promise<SurveyRef> {
  const fail = (message: string, attr: 'survey' | 'question' | 'benchmark'): never => {
    // Feeds render posts outside their page, so the URL may not name the post: find the tag in the files.
    const found = postFileForPath(pathname) ?? findTag(component, attr, String(props[attr]))?.join(', ') ?? `the page ${pathname}`;
    throw new Error(`${found}: <${component}> ${message}`);
  };
  const surveys = await getSurveys();
  const survey = surveys.find((s) => s.id === props.survey);
  if (!survey) {
    fail(
      `survey=${JSON.stringify(props.survey ?? null)} is not a survey (known: ${surveys.map((s) => s.id).join(', ') || 'none'}). ` +
        `Fix the id or add content/surveys/${String(props.survey)}.json.`,
      'survey',
    );
  }
  const s = survey!;
  let questionIndex: number | undefined;
  if (needs.question) {
    questionIndex = s.data.questions.findIndex((q) => q.id === props.question);
    if (questionIndex < 0) {
      fail(
        `question=${JSON.stringify(props.question ?? null)} is not a question of survey "${s.id}" ` +
          `(questions: ${s.data.questions.map((q) => q.id).join(', ')}).`,
        'question',
      );
    }
  }
  const candidates = await benchmarksOf(s.id);
  let benchmark: BenchmarkEntry | undefined;
  if (props.benchmark !== undefined) {
    benchmark = candidates.find((b) => b.id === props.benchmark);
    if (!benchmark) {
      fail(
        `benchmark=${JSON.stringify(props.benchmark)} is not a benchmark of survey "${s.id}" ` +
          `(known: ${candidates.map((b) => b.id).join(', ') || 'none'}). Fix the id or add content/benchmarks/${String(props.benchmark)}.json with "survey": "${s.id}".`,
        'benchmark',
      );
    }
  } else if (needs.benchmark === 'required') {
    fail(`needs benchmark="<id>" (benchmarks of survey "${s.id}": ${candidates.map((b) => b.id).join(', ') || 'none'}).`, 'survey');
  } else {
    benchmark = candidates[0];
  }
  return { survey: s, questionIndex, benchmark };
}

function postFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? postFiles(join(dir, e.name)) : /\.mdx?$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

/** "content/posts/a.mdx:9" for every post whose body has `<Component ... attr="value"`; only used to word an error. */
export function findTag(component: string, attr: string, value: string): string[] | undefined {
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(`<${component}\\b[^>]*\\b${attr}=(["'])${escape(value)}\\1`, 'g');
  const hits: string[] = [];
  for (const file of postFiles(join(contentDir, 'posts'))) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(pattern)) {
      const line = text.slice(0, match.index).split('\n').length;
      hits.push(`${displayPath('posts', relative(join(contentDir, 'posts'), file))}:${line}`);
    }
  }
  return hits.length > 0 ? hits : undefined;
}
