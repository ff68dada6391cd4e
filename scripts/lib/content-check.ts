/**
 * Checks the whole content folder without building: every post, author, survey and benchmark,
 * and every tweet. Returns all problems at once plus what the link check needs to know about
 * the posts (which exist, which are drafts or scheduled).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { authorSchema } from '../../src/lib/author-schema';
// Files are named relative to the working directory when inside it, as in the build's messages.
import { displayPath } from '../../src/lib/content-dir';
import { validateBenchmark, validateSurvey, type SurveyIssue } from '../../src/lib/surveys/validate';
import { TWEET_LIMIT, TEXT_BUDGET, URL_WEIGHT, weightedLength, weightedLengthWithLink } from '../../src/lib/tweets';
import { knownComponentNames } from './components';
import { jsonErrorLine, jsonPathLines, lineOfPath } from './json-lines';
import { checkPost, postIdFromPath, readPostInfo, type PostContext, type PostInfo, type SurveyIndex } from './post-check';
import type { Problem } from './problems';

export interface ContentCheckOptions {
  contentDir: string;
  projectRoot: string;
  now: Date;
  /** Which kinds to run; all when absent. An empty list only reads the posts (for the link check). */
  only?: ('posts' | 'data' | 'tweets')[];
}

export interface ContentCheck {
  problems: Problem[];
  posts: PostInfo[];
}

function listFiles(dir: string, test: (name: string) => boolean, prefix = ''): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (name.startsWith('.') || name.startsWith('_')) continue;
    const abs = join(dir, name);
    if (statSync(abs).isDirectory()) out.push(...listFiles(abs, test, `${prefix}${name}/`));
    else if (test(name)) out.push(`${prefix}${name}`);
  }
  return out;
}

interface JsonFile {
  id: string;
  file: string;
  text: string;
  json?: unknown;
}

/** Reads `<dir>/*.json`; a file that is not JSON becomes a problem naming its line. */
function readJsonFiles(dir: string, kind: string, problems: Problem[]): JsonFile[] {
  return listFiles(dir, (n) => n.endsWith('.json'))
    .filter((name) => !name.includes('/'))
    .map((name) => {
      const abs = join(dir, name);
      const file = displayPath(abs);
      const text = readFileSync(abs, 'utf8');
      const id = name.slice(0, -'.json'.length);
      try {
        return { id, file, text, json: JSON.parse(text) as unknown };
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        problems.push({
          kind,
          file,
          ...jsonErrorLine(message, text),
          severity: 'error',
          message: `not valid JSON: ${message}`,
          fix: 'Check the commas (one between items, none after the last), the double quotes around every key and text, and the closing brackets.',
        });
        return { id, file, text };
      }
    });
}

function issueToProblem(kind: string, file: JsonFile, issue: SurveyIssue): Problem {
  return {
    kind,
    file: file.file,
    line: lineOfPath(jsonPathLines(file.text), issue.path),
    field: issue.path || undefined,
    severity: issue.level,
    message: issue.message,
  };
}

/** Surveys and benchmarks: validated with src/lib/surveys/validate.ts, indexed for the component checks. */
function checkData(contentDir: string, problems: Problem[]): SurveyIndex {
  const surveys = readJsonFiles(join(contentDir, 'surveys'), 'survey', problems);
  const benchmarks = readJsonFiles(join(contentDir, 'benchmarks'), 'benchmark', problems);
  const index: SurveyIndex = { surveys: new Map(), benchmarks: new Map() };
  const byId = new Map(surveys.map((s) => [s.id, s]));
  for (const survey of surveys) {
    const questions = (survey.json as { questions?: { id?: unknown }[] } | undefined)?.questions;
    index.surveys.set(survey.id, Array.isArray(questions) ? questions.map((q) => q?.id).filter((id): id is string => typeof id === 'string') : []);
    if (survey.json !== undefined) for (const issue of validateSurvey(survey.json, survey.file)) problems.push(issueToProblem('survey', survey, issue));
  }
  for (const benchmark of benchmarks) {
    const surveyId = (benchmark.json as { survey?: unknown } | undefined)?.survey;
    index.benchmarks.set(benchmark.id, typeof surveyId === 'string' ? surveyId : undefined);
    if (benchmark.json === undefined) continue;
    const survey = typeof surveyId === 'string' ? byId.get(surveyId)?.json : undefined;
    for (const issue of validateBenchmark(benchmark.json, survey, benchmark.file, [...byId.keys()].sort())) {
      problems.push(issueToProblem('benchmark', benchmark, issue));
    }
  }
  return index;
}

function checkAuthors(contentDir: string, problems: Problem[]): void {
  for (const author of readJsonFiles(join(contentDir, 'authors'), 'author', problems)) {
    if (author.json === undefined) continue;
    const result = authorSchema.safeParse(author.json);
    if (result.success) continue;
    const lines = jsonPathLines(author.text);
    for (const issue of result.error.issues) {
      const path = issue.path.map(String).join('.');
      problems.push({ kind: 'author', file: author.file, line: lineOfPath(lines, path), field: path || undefined, severity: 'error', message: issue.message });
    }
  }
}

/** A written tweet must fit with the post's link; the build fails on it (src/lib/post-schema.ts, src/lib/tweets.ts). */
export function tweetProblems(post: PostInfo): Problem[] {
  if (post.tweet === undefined || post.tweet === '') return [];
  const total = weightedLengthWithLink(post.tweet);
  if (total <= TWEET_LIMIT) return [];
  return [
    {
      kind: 'tweet',
      file: post.file,
      line: post.fieldLines.tweet,
      field: 'tweet',
      section: 'frontmatter',
      // An error even in a draft: the post schema (and so the build) rejects it.
      severity: 'error',
      message: `${weightedLength(post.tweet)} weighted characters; with a space and the link (${URL_WEIGHT}) that is ${total}, more than ${TWEET_LIMIT}`,
      fix: `Shorten it by ${total - TWEET_LIMIT} to at most ${TEXT_BUDGET}: Hangul and emoji count 2, Latin letters, digits and spaces 1, any URL ${URL_WEIGHT}.`,
    },
  ];
}

/** Non-ASCII or odd file names still build, but make long percent-encoded URLs. */
function fileNameProblems(post: PostInfo): Problem[] {
  if (/^[a-z0-9][a-z0-9-]*(?:\/[a-z0-9][a-z0-9-]*)*$/.test(post.id)) return [];
  return [
    {
      kind: 'filename',
      file: post.file,
      severity: 'warning',
      message: `the URL /posts/${post.id}/ has characters other than a-z, 0-9 and "-"; it works but becomes long and unreadable when shared (%EC%86%8C...)`,
      fix: 'Rename the file with lower-case ASCII letters, digits and "-" (`npm run new` does this for you).',
    },
  ];
}

export function checkContent(options: ContentCheckOptions): ContentCheck {
  const { contentDir, projectRoot, now } = options;
  const run = (what: 'posts' | 'data' | 'tweets') => !options.only || options.only.includes(what);
  const problems: Problem[] = [];
  const needsIndex = run('data') || run('posts');
  const index: SurveyIndex = needsIndex ? checkData(contentDir, run('data') ? problems : []) : { surveys: new Map(), benchmarks: new Map() };
  if (run('data')) checkAuthors(contentDir, problems);
  const ctx: PostContext = { projectRoot, components: knownComponentNames(projectRoot), index, now };
  const postsDir = join(contentDir, 'posts');
  const posts: PostInfo[] = [];
  const byId = new Map<string, PostInfo>();
  for (const rel of listFiles(postsDir, (n) => /\.mdx?$/i.test(n))) {
    const path = join(postsDir, rel);
    const id = postIdFromPath(rel);
    const source = readFileSync(path, 'utf8');
    if (!run('posts') && !run('tweets')) {
      posts.push(readPostInfo(id, path, displayPath(path), source, now));
      continue;
    }
    const result = checkPost(id, path, displayPath(path), source, ctx);
    posts.push(result.info);
    const tweets = tweetProblems(result.info);
    if (run('posts')) {
      // The post schema checks the tweet's length too; its problem is reported once, by the tweet check.
      const own = tweets.length ? result.problems.filter((p) => !(p.kind === 'frontmatter' && p.field === 'tweet')) : result.problems;
      problems.push(...own, ...fileNameProblems(result.info));
      const twin = byId.get(result.info.id);
      if (twin) {
        problems.push({
          kind: 'filename',
          file: result.info.file,
          severity: 'error',
          message: `${twin.file} and this file both become /posts/${result.info.id}/`,
          fix: 'Rename or delete one of them.',
        });
      }
    }
    byId.set(result.info.id, result.info);
    if (run('tweets')) problems.push(...tweets);
  }
  return { problems, posts };
}
