/**
 * Everything that can be wrong in one post file, found without building: front matter (the
 * same schema the build uses), MDX syntax, unknown components, survey ids in component props,
 * images that are not there. Every problem comes back at once, with its line.
 */
import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { z } from 'astro/zod';
import { markdownToMdast, mdxToMdast } from 'satteri';
import { parseContentDate } from '../../src/lib/dates';
import { entryId } from '../../src/lib/post-id';
import { postSchema, updatedBeforePublished } from '../../src/lib/post-schema';
import { publishState, type PublishState } from '../../src/lib/publishing';
import site from '../../src/site.config';
import { parseFrontmatter, type ParsedFrontmatter } from './frontmatter';
import type { Problem, Severity } from './problems';

/** The description `npm run new` writes; a post must not be published with it. */
export const DESCRIPTION_PLACEHOLDER = '이 글의 요약을 한두 문장으로 써 주세요. 검색 결과와 피드에 나갑니다.';

export interface SurveyIndex {
  /** Survey id -> its question ids. */
  surveys: Map<string, string[]>;
  /** Benchmark id -> the survey it answers. */
  benchmarks: Map<string, string | undefined>;
}

export interface PostContext {
  /** Absolute path of the project (for public/). */
  projectRoot: string;
  /** Components available in every post without an import. */
  components: string[];
  index: SurveyIndex;
  /** "Now", to tell published posts from scheduled ones. */
  now: Date;
}

/** What the other checks (links, tweets) need to know about a post. */
export interface PostInfo {
  /** Collection id and URL slug: `a` for posts/a.mdx and posts/a/index.mdx. */
  id: string;
  /** Absolute path. */
  path: string;
  /** As the writer sees it. */
  file: string;
  source: string;
  title?: string;
  tweet?: string;
  pubDate?: Date;
  draft: boolean;
  /** Undefined when the front matter is too broken to tell. */
  state?: PublishState;
  /** Left out of `npm run check`'s trial build because it has errors of its own. */
  excluded?: boolean;
  fieldLines: Record<string, number>;
}

export interface PostCheck {
  info: PostInfo;
  problems: Problem[];
}

/** `posts/a.mdx` and `posts/a/index.mdx` are both the post `a`: the build's own rule. */
export const postIdFromPath = (relativeToPosts: string): string => entryId(relativeToPosts);

/** Stand-in for Astro's `image()`: the path is checked on disk by this module instead. */
const imageStub = () => z.string();
const schema = postSchema(imageStub);

function fieldOf(path: readonly PropertyKey[]): string | undefined {
  const first = path[0];
  return first === undefined ? undefined : String(first);
}

function frontmatterProblems(file: string, fm: ParsedFrontmatter): { problems: Problem[] } {
  const problems: Problem[] = [];
  const at = (field: string | undefined) => (field ? (fm.fieldLines[field] ?? fm.startLine) : fm.startLine);
  if (!fm.present) {
    problems.push({
      kind: 'frontmatter',
      file,
      line: 1,
      severity: 'error',
      message: 'the file has no front matter',
      fix: 'Start the file with a block between two "---" lines (title, description, pubDate, author, category); `npm run new` writes one for you.',
    });
    return { problems };
  }
  if (!fm.data) {
    problems.push({
      kind: 'frontmatter',
      file,
      line: fm.error?.line,
      severity: 'error',
      message: `the front matter is not valid YAML: ${fm.error?.message ?? 'unreadable'}`,
      fix: 'Write one "field: value" per line; put text containing ":" or "#" or starting with a quote in double quotes.',
    });
    return { problems };
  }
  const result = schema.safeParse(fm.data);
  if (result.success) return { problems };
  const seen = new Set<string>();
  const add = (field: string | undefined, message: string) => {
    const key = `${field}\0${message}`;
    if (seen.has(key)) return;
    seen.add(key);
    problems.push({ kind: 'frontmatter', file, line: at(field), field, section: 'frontmatter', severity: 'error', message });
  };
  for (const issue of result.error.issues) add(fieldOf(issue.path), issue.message);
  // Zod skips the cross-field rules when a field already failed; run them so all problems show at
  // once (unless the schema did report that field).
  const addOnce = (field: string, message: string) => {
    if (!problems.some((p) => p.field === field)) add(field, message);
  };
  const pub = parseContentDate(fm.data.pubDate, site.timeZone);
  const updated = parseContentDate(fm.data.updatedDate, site.timeZone);
  const updateProblem = pub && updated && updatedBeforePublished(pub, updated);
  if (updateProblem) addOnce('updatedDate', updateProblem);
  if (fm.data.heroImage && !(typeof fm.data.heroAlt === 'string' && fm.data.heroAlt.trim())) {
    addOnce('heroAlt', 'heroImage is set but heroAlt is missing; expected a short description of the image for screen readers');
  }
  return { problems };
}

/** True for a URL that Astro leaves alone (remote, data:, an anchor). */
function isExternal(url: string): boolean {
  return /^(?:[a-z][a-z0-9+.-]*:|\/\/|#)/i.test(url);
}

/**
 * Where an image path points: relative paths are next to the post (Astro imports them). A path
 * starting with "/" is public/ in the body (Markdown leaves it as a link), but the project root
 * for `heroImage` (Vite resolves it like an import).
 */
function imageFile(url: string, postPath: string, projectRoot: string, slashBase: 'public' | 'root'): string | undefined {
  if (isExternal(url)) return undefined;
  const clean = decodeURIComponentSafe(url.split(/[?#]/)[0] ?? '');
  if (clean.startsWith('/')) return join(projectRoot, slashBase === 'public' ? 'public' : '', clean);
  return resolve(dirname(postPath), clean);
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function missingImage(url: string, target: string, file: string, line: number | undefined, field: string | undefined, severity: Severity): Problem {
  const publicPath = url.startsWith('/') && field === undefined;
  return {
    kind: 'image',
    file,
    line,
    field,
    severity,
    message: `image "${url}" not found (looked for ${relative(process.cwd(), target)})`,
    fix: publicPath
      ? `Put the file at public${url}, or put it next to the post and write "./${url.split('/').pop() ?? ''}".`
      : 'Check the spelling and the folder: a path like "./photo.jpg" means the same folder as the post file (a post with images is best a folder: posts/<slug>/index.mdx with the images beside it).',
  };
}

interface MdNode {
  type: string;
  name?: string | null;
  url?: string;
  value?: unknown;
  attributes?: { type: string; name?: string; value?: unknown }[];
  children?: MdNode[];
  position?: { start: { line: number; column: number } };
}

/** "7:1: Expected a closing tag for `<div>` (7:1) (mdx-jsx:unexpected-character)" -> parts. */
export function parseMdxError(message: string): { line?: number; column?: number; reason: string } {
  const match = /^(\d+):(\d+)(?:-\d+:\d+)?:\s*([\s\S]*?)(?:\s*\(\d+:\d+(?:-\d+:\d+)?\))?(?:\s*\([\w:-]+\))?\s*$/.exec(message.trim());
  if (!match) return { reason: message.trim() };
  return { line: Number(match[1]), column: Number(match[2]), reason: (match[3] ?? '').trim() };
}

const MDX_FIX =
  'In MDX, "<" starts a component or HTML tag and "{" starts code. Close every tag you open (<div>...</div>, <br />); ' +
  'to show the characters themselves write \\< and \\{ (or put them in `backticks`).';

/** Names brought in by `import X from '...'` / `import { X, Y as Z } from '...'` lines of an MDX file. */
export function importedNames(esm: string): string[] {
  const names: string[] = [];
  for (const match of esm.matchAll(/import\s+([^'";]+?)\s+from\s+['"]/g)) {
    const clause = match[1] ?? '';
    const braces = /\{([^}]*)\}/.exec(clause);
    if (braces) {
      for (const part of (braces[1] ?? '').split(',')) {
        const name = part.trim().split(/\s+as\s+/).pop()?.trim();
        if (name) names.push(name);
      }
    }
    const rest = clause.replace(/\{[^}]*\}/, '').split(',');
    for (const part of rest) {
      const name = part.replace(/^\*\s+as\s+/, '').trim();
      if (/^[A-Za-z_$][\w$]*$/.test(name)) names.push(name);
    }
  }
  return names;
}

function stringAttribute(node: MdNode, name: string): { value?: string; expression: boolean } {
  const attribute = node.attributes?.find((a) => a.type === 'mdxJsxAttribute' && a.name === name);
  if (!attribute) return { expression: false };
  if (typeof attribute.value === 'string') return { value: attribute.value, expression: false };
  return { expression: attribute.value !== null && attribute.value !== undefined };
}

function walk(node: MdNode, visit: (node: MdNode) => void): void {
  visit(node);
  for (const child of node.children ?? []) walk(child, visit);
}

function bodyProblems(info: PostInfo, ctx: PostContext, severityForContent: Severity): Problem[] {
  const problems: Problem[] = [];
  const { file, path, source } = info;
  const isMdx = /\.mdx$/i.test(path);
  let tree: MdNode;
  try {
    tree = (isMdx ? mdxToMdast(source) : markdownToMdast(source)) as unknown as MdNode;
  } catch (error) {
    const { line, column, reason } = parseMdxError(error instanceof Error ? error.message : String(error));
    problems.push({ kind: 'mdx', file, line, column, severity: 'error', message: `MDX syntax error: ${reason}`, fix: MDX_FIX });
    return problems;
  }
  const available = new Set(ctx.components);
  walk(tree, (node) => {
    if (node.type === 'mdxjsEsm' && typeof node.value === 'string') for (const name of importedNames(node.value)) available.add(name);
  });
  const known = [...ctx.components].sort();
  walk(tree, (node) => {
    const line = node.position?.start.line;
    const column = node.position?.start.column;
    if (node.type === 'image' && node.url) {
      const target = imageFile(node.url, path, ctx.projectRoot, 'public');
      if (target && !existsSync(target)) problems.push({ ...missingImage(node.url, target, file, line, undefined, 'error'), column });
      return;
    }
    if ((node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') || !node.name) return;
    const root = node.name.split('.')[0] ?? '';
    // Lower-case names are HTML elements; only capitalised names are components.
    if (!/^[A-Z]/.test(root)) return;
    if (!available.has(root)) {
      problems.push({
        kind: 'component',
        file,
        line,
        column,
        severity: severityForContent,
        message: `unknown component <${node.name}>`,
        fix: known.length
          ? `Check the spelling (capital letters matter). Components you can use without an import: ${known.map((n) => `<${n}>`).join(', ')}.`
          : 'No components are available to posts; remove the tag, or write a lower-case HTML tag.',
      });
      return;
    }
    problems.push(...surveyPropProblems(node, info, ctx, severityForContent));
  });
  return problems;
}

/** Props the survey components cannot do without (src/components/survey/*.astro). */
export const REQUIRED_PROPS: Record<string, string[]> = {
  SurveyChart: ['survey', 'question'],
  SurveyComparison: ['survey', 'benchmark'],
};

const PROP_EXAMPLES: Record<string, string> = {
  survey: 'survey="kicom-2010"',
  question: 'question="staff"',
  benchmark: 'benchmark="daonedu-kicom-2010"',
};

/** `survey`, `question` and `benchmark` props of the survey components must name real data. */
function surveyPropProblems(node: MdNode, info: PostInfo, ctx: PostContext, severity: Severity): Problem[] {
  const problems: Problem[] = [];
  const line = node.position?.start.line;
  const column = node.position?.start.column;
  const base = { file: info.file, line, column, severity, section: `<${node.name ?? ''}>` };
  for (const prop of REQUIRED_PROPS[node.name ?? ''] ?? []) {
    if (!node.attributes?.some((a) => a.type === 'mdxJsxAttribute' && a.name === prop)) {
      problems.push({
        ...base,
        kind: 'survey-id',
        field: prop,
        message: `missing; <${node.name}> needs ${(REQUIRED_PROPS[node.name ?? ''] ?? []).join(' and ')}`,
        fix: `Add ${PROP_EXAMPLES[prop] ?? `${prop}="..."`}: survey and benchmark ids are file names in content/surveys/ and content/benchmarks/ without ".json"; a question id is the "id" of a question in the survey file.`,
      });
    }
  }
  const survey = stringAttribute(node, 'survey');
  const question = stringAttribute(node, 'question');
  const benchmark = stringAttribute(node, 'benchmark');
  const surveyIds = [...ctx.index.surveys.keys()].sort();
  let surveyId = survey.value;
  if (survey.value !== undefined && !ctx.index.surveys.has(survey.value)) {
    problems.push({
      ...base,
      kind: 'survey-id',
      field: 'survey',
      message: `"${survey.value}" is not a survey (known: ${surveyIds.join(', ') || 'none'})`,
      fix: `Use the name of a file in content/surveys/ without ".json", or add content/surveys/${survey.value}.json.`,
    });
    surveyId = undefined;
  }
  if (benchmark.value !== undefined) {
    const answers = ctx.index.benchmarks.get(benchmark.value);
    if (!ctx.index.benchmarks.has(benchmark.value)) {
      problems.push({
        ...base,
        kind: 'survey-id',
        field: 'benchmark',
        message: `"${benchmark.value}" is not a benchmark (known: ${[...ctx.index.benchmarks.keys()].sort().join(', ') || 'none'})`,
        fix: `Use the name of a file in content/benchmarks/ without ".json", or add content/benchmarks/${benchmark.value}.json.`,
      });
    } else if (surveyId && answers && answers !== surveyId) {
      problems.push({
        ...base,
        kind: 'survey-id',
        field: 'benchmark',
        message: `benchmark "${benchmark.value}" answers survey "${answers}", not "${surveyId}"`,
        fix: `Use a benchmark whose "survey" is "${surveyId}", or change survey="${surveyId}".`,
      });
    }
  }
  if (question.value !== undefined && surveyId) {
    const questions = ctx.index.surveys.get(surveyId) ?? [];
    if (!questions.includes(question.value)) {
      problems.push({
        ...base,
        kind: 'survey-id',
        field: 'question',
        message: `"${question.value}" is not a question of survey "${surveyId}" (known: ${questions.join(', ') || 'none'})`,
        fix: `Use one of the question ids in content/surveys/${surveyId}.json.`,
      });
    }
  }
  return problems;
}

function tweetOf(data: Record<string, unknown> | undefined): string | undefined {
  return typeof data?.tweet === 'string' ? data.tweet.trim() : undefined;
}

/** Checks one post. `file` is how messages name it; `id` its URL slug. */
function infoFrom(id: string, path: string, file: string, source: string, fm: ParsedFrontmatter, now: Date): PostInfo {
  const raw = fm.data;
  // The same reading as the schema's, without its checks: draft defaults to false, a bare day is midnight in the site's zone.
  const draft = raw?.draft === true;
  const pubDate = parseContentDate(raw?.pubDate, site.timeZone);
  return {
    id,
    path,
    file,
    source,
    title: typeof raw?.title === 'string' ? raw.title.trim() : undefined,
    tweet: tweetOf(raw),
    pubDate,
    draft,
    state: pubDate ? publishState({ draft, pubDate }, now) : undefined,
    fieldLines: fm.fieldLines,
  };
}

/** What the link and tweet checks need to know about a post, without checking it (fast). */
export function readPostInfo(id: string, path: string, file: string, source: string, now: Date): PostInfo {
  return infoFrom(id, path, file, source, parseFrontmatter(source), now);
}

export function checkPost(id: string, path: string, file: string, source: string, ctx: PostContext): PostCheck {
  const fm = parseFrontmatter(source);
  const { problems } = frontmatterProblems(file, fm);
  const raw = fm.data;
  const info = infoFrom(id, path, file, source, fm, ctx.now);
  const { draft } = info;
  // A draft is never built, so what would break its page is a warning until it is published.
  const contentSeverity: Severity = draft ? 'warning' : 'error';
  if (raw && typeof raw.description === 'string' && raw.description.trim() === DESCRIPTION_PLACEHOLDER) {
    problems.push({
      // Its own kind: the build fails on it (writer-checks-cli.ts), unlike the schema's front-matter problems.
      kind: 'placeholder',
      file,
      line: fm.fieldLines.description,
      field: 'description',
      section: 'frontmatter',
      severity: contentSeverity,
      message: 'still the placeholder written by `npm run new`',
      fix: 'Write one or two sentences that sum up the post (shown in search results and feeds, at most 200 characters).',
    });
  }
  if (raw && typeof raw.heroImage === 'string') {
    const target = imageFile(raw.heroImage, path, ctx.projectRoot, 'root');
    if (target && !existsSync(target)) {
      problems.push({ ...missingImage(raw.heroImage, target, file, fm.fieldLines.heroImage, 'heroImage', 'error'), section: 'frontmatter' });
    }
  }
  problems.push(...bodyProblems(info, ctx, contentSeverity));
  return { info, problems };
}
