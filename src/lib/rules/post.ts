/**
 * Everything that can be wrong in one post file, found without building: front matter (the same
 * schema the build uses), MDX syntax, unknown components, survey ids in component props, images
 * that are not there. Every problem comes back at once, with its line.
 */
import { existsSync, readdirSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { z } from 'astro/zod';
import site from '../../site.config.ts';
import { jsonIds } from '../content-dir.ts';
import { parseContentDate } from '../dates.ts';
import { publishState, type PublishState } from '../publishing.ts';
import { parseFrontmatter, type ParsedFrontmatter } from './frontmatter.ts';
import { scanBody, type BodyScan, type ComponentUse } from './mdx.ts';
import { crossFieldIssues, FIELD_HELP, POST_FIELDS, postSchema, type IssueParams, type PostField } from './post-schema.ts';
import type { Problem, Severity } from './problems.ts';
import { nearest } from './suggest.ts';

export { DESCRIPTION_PLACEHOLDER } from './post-schema.ts';

export interface SurveyIndex {
  /** Survey id -> its question ids. */
  surveys: Map<string, string[]>;
  /** Benchmark id -> the survey it answers. */
  benchmarks: Map<string, string | undefined>;
}

export interface PostContext {
  /** Absolute path of the project (for public/ and heroImage paths starting with "/"). */
  projectRoot: string;
  /** The content folder whose authors and surveys the front matter may name. */
  contentDir: string;
  /** Components available in every post without an import. */
  components: string[];
  index: SurveyIndex;
  /** "Now", to tell published posts from scheduled ones. */
  now: Date;
}

/** What the other checks (links, tweets, the build's summary) need to know about a post. */
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
  /** What the body walk found; absent when only the front matter was read. */
  body?: BodyScan;
}

export interface PostCheck {
  info: PostInfo;
  problems: Problem[];
}

/** Stand-in for Astro's `image()`: the path is checked on disk by this module instead. */
const imagePath = () => z.string({ error: (issue) => `${JSON.stringify(issue.input)}은(는) 파일 경로가 아닙니다.` });
const schemas = new Map<string, ReturnType<typeof postSchema<ReturnType<typeof imagePath>>>>();
/** The post schema reading author and survey ids from `contentDir`, made once per folder. */
function schemaFor(contentDir: string) {
  let schema = schemas.get(contentDir);
  if (!schema) schemas.set(contentDir, (schema = postSchema(imagePath, (collection) => jsonIds(collection, contentDir))));
  return schema;
}

const FRONTMATTER_SECTION = '프런트매터';

function frontmatterProblems(file: string, fm: ParsedFrontmatter, contentDir: string): Problem[] {
  if (!fm.present) {
    return [
      {
        kind: 'frontmatter',
        file,
        line: 1,
        severity: 'error',
        message: '파일 맨 위에 프런트매터가 없습니다.',
        expected: '"---" 두 줄 사이에 title, description, pubDate, author, category',
        fix: '파일 첫 줄을 "---"로 시작하고 필드를 쓴 뒤 "---"로 닫으세요. `npm run new`가 틀을 만들어 줍니다.',
      },
    ];
  }
  if (!fm.data) {
    return [
      {
        kind: 'frontmatter',
        file,
        line: fm.error?.line,
        severity: 'error',
        message: `프런트매터를 YAML로 읽을 수 없습니다: ${fm.error?.message ?? ''}`.trim(),
        expected: '한 줄에 "필드: 값" 하나',
        fix: '":"나 "#"이 들어가거나 따옴표로 시작하는 값은 큰따옴표로 감싸세요.',
      },
    ];
  }
  const problems: Problem[] = [];
  const at = (field: string | undefined) => (field ? (fm.fieldLines[field] ?? fm.startLine) : fm.startLine);
  const add = (field: string | undefined, message: string, params: IssueParams = {}) => {
    if (problems.some((p) => p.field === field && p.message === message)) return;
    const help = field ? FIELD_HELP[field as PostField] : undefined;
    problems.push({
      kind: 'frontmatter',
      file,
      line: at(field),
      field,
      section: FRONTMATTER_SECTION,
      severity: 'error',
      message,
      expected: params.expected ?? help?.expected,
      fix: params.fix ?? help?.fix,
      suggestion: params.suggestion,
    });
  };
  const result = schemaFor(contentDir).safeParse(fm.data);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const field = issue.path[0] === undefined ? undefined : String(issue.path[0]);
      add(field, issue.message, ((issue as { params?: IssueParams }).params ?? {}) as IssueParams);
    }
    // Zod skips the rules between fields when a field already failed; run them so all problems show at once.
    const pubDate = parseContentDate(fm.data.pubDate, site.timeZone);
    const updatedDate = parseContentDate(fm.data.updatedDate, site.timeZone);
    for (const issue of crossFieldIssues({ ...fm.data, pubDate, updatedDate })) {
      if (!problems.some((p) => p.field === issue.path[0])) add(issue.path[0], issue.message, issue.params);
    }
  }
  // A misspelt field ("categroy") would be dropped without a word.
  for (const key of Object.keys(fm.data)) {
    if ((POST_FIELDS as readonly string[]).includes(key)) continue;
    problems.push({
      kind: 'frontmatter',
      file,
      line: at(key),
      field: key,
      section: FRONTMATTER_SECTION,
      severity: 'warning',
      message: '알 수 없는 필드라서 무시됩니다.',
      expected: `쓸 수 있는 필드: ${POST_FIELDS.join(', ')}`,
      fix: '철자를 고치거나 줄을 지우세요.',
      suggestion: nearest(key, POST_FIELDS),
    });
  }
  return problems;
}

/** True for a URL that Astro leaves alone (remote, data:, an anchor). */
function isExternal(url: string): boolean {
  return /^(?:[a-z][a-z0-9+.-]*:|\/\/|#)/i.test(url);
}

function decodeSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * Where an image path points: relative paths are next to the post (Astro imports them). A path
 * starting with "/" is public/ in the body (Markdown leaves it as a link), but the project root
 * for `heroImage` (Vite resolves it like an import).
 */
function imageFile(url: string, postPath: string, projectRoot: string, slashBase: 'public' | 'root'): string | undefined {
  if (isExternal(url)) return undefined;
  const clean = decodeSafe(url.split(/[?#]/)[0] ?? '');
  if (clean.startsWith('/')) return join(projectRoot, slashBase === 'public' ? 'public' : '', clean);
  return resolve(dirname(postPath), clean);
}

/** A file beside `target` whose name differs only in case ("Hero.PNG" for "hero.png"). */
function sameNameOtherCase(target: string): string | undefined {
  const dir = dirname(target);
  if (!existsSync(dir)) return undefined;
  const name = basename(target).toLowerCase();
  return readdirSync(dir).find((entry) => entry.toLowerCase() === name);
}

function missingImage(url: string, target: string, ctx: PostContext, at: Pick<Problem, 'file' | 'line' | 'column' | 'field' | 'section'>): Problem {
  const inBody = at.field === undefined;
  const publicPath = url.startsWith('/') && inBody;
  const other = sameNameOtherCase(target);
  const relativeTarget = target.startsWith(ctx.projectRoot) ? target.slice(ctx.projectRoot.length + 1) : target;
  return {
    kind: 'image',
    ...at,
    severity: 'error',
    message: `이미지 "${url}"이(가) 없습니다 (찾아본 곳: ${relativeTarget}).`,
    expected: publicPath ? `public${url} 파일` : '글과 같은 폴더에 있는 이미지 파일 (./사진.jpg)',
    fix: other
      ? `파일 이름의 대소문자가 다릅니다: 글에 "${url.replace(/[^/]*$/, other)}"로 쓰거나 파일 이름을 바꾸세요.`
      : publicPath
        ? `파일을 public${url}에 두거나, 글 옆에 두고 "./${url.split('/').pop() ?? ''}"로 쓰세요.`
        : '철자와 폴더를 확인하세요. "./사진.jpg"는 글 파일과 같은 폴더를 뜻합니다 (이미지가 있는 글은 posts/<슬러그>/index.mdx 폴더로 만드세요).',
    suggestion: other ? url.replace(/[^/]*$/, other) : undefined,
  };
}

/** Props the survey components cannot do without (src/components/survey/*.astro). */
export const REQUIRED_PROPS: Record<string, string[]> = {
  SurveyChart: ['survey', 'question'],
  SurveyComparison: ['survey', 'benchmark'],
};

const PROP_EXAMPLES: Record<string, string> = {
  survey: 'survey="설문-id"',
  question: 'question="문항-id"',
  benchmark: 'benchmark="벤치마크-id"',
};

/** `survey`, `question` and `benchmark` props of the survey components must name real data. */
function surveyPropProblems(use: ComponentUse, file: string, ctx: PostContext, severity: Severity): Problem[] {
  const problems: Problem[] = [];
  const base = { kind: 'survey-id', file, line: use.line, column: use.column, severity, section: `<${use.name}>` };
  const required = REQUIRED_PROPS[use.name] ?? [];
  for (const prop of required) {
    if (prop in use.props || use.expressionProps.includes(prop)) continue;
    problems.push({
      ...base,
      field: prop,
      message: `${prop} 속성이 없습니다.`,
      expected: `<${use.name}>에는 ${required.join(', ')} 속성이 모두 필요합니다.`,
      fix: `${PROP_EXAMPLES[prop] ?? `${prop}="..."`}를 더하세요. 설문과 벤치마크 id는 content/surveys/, content/benchmarks/의 파일 이름(.json 없이), 문항 id는 설문 파일 안 문항의 "id"입니다.`,
    });
  }
  const { survey, question, benchmark } = use.props;
  const surveyIds = [...ctx.index.surveys.keys()].sort();
  let surveyId = survey;
  if (survey !== undefined && !ctx.index.surveys.has(survey)) {
    problems.push({
      ...base,
      field: 'survey',
      message: `"${survey}"은(는) 등록된 설문이 아닙니다.`,
      expected: `content/surveys/의 설문 id: ${surveyIds.join(', ') || '(아직 없음)'}`,
      fix: `id를 고치거나 content/surveys/${survey}.json을 더하세요.`,
      suggestion: nearest(survey, surveyIds),
    });
    surveyId = undefined;
  }
  if (benchmark !== undefined) {
    const benchmarkIds = [...ctx.index.benchmarks.keys()].sort();
    const answers = ctx.index.benchmarks.get(benchmark);
    if (!ctx.index.benchmarks.has(benchmark)) {
      problems.push({
        ...base,
        field: 'benchmark',
        message: `"${benchmark}"은(는) 등록된 벤치마크가 아닙니다.`,
        expected: `content/benchmarks/의 벤치마크 id: ${benchmarkIds.join(', ') || '(아직 없음)'}`,
        fix: `id를 고치거나 content/benchmarks/${benchmark}.json을 더하세요.`,
        suggestion: nearest(benchmark, benchmarkIds),
      });
    } else if (surveyId && answers && answers !== surveyId) {
      problems.push({
        ...base,
        field: 'benchmark',
        message: `벤치마크 "${benchmark}"은(는) 설문 "${answers}"에 대한 답입니다. "${surveyId}"의 답이 아닙니다.`,
        expected: `"survey"가 "${surveyId}"인 벤치마크`,
        fix: `설문 "${surveyId}"의 벤치마크를 쓰거나 survey="${answers}"로 바꾸세요.`,
      });
    }
  }
  if (question !== undefined && surveyId) {
    const questions = ctx.index.surveys.get(surveyId) ?? [];
    if (!questions.includes(question)) {
      problems.push({
        ...base,
        field: 'question',
        message: `"${question}"은(는) 설문 "${surveyId}"의 문항이 아닙니다.`,
        expected: `문항 id: ${questions.join(', ') || '(없음)'}`,
        fix: `content/surveys/${surveyId}.json에 있는 문항 id를 쓰세요.`,
        suggestion: nearest(question, questions),
      });
    }
  }
  return problems;
}

const MDX_FIX =
  'MDX에서 "<"는 컴포넌트나 HTML 태그의 시작이고 "{"는 코드의 시작입니다. 연 태그는 닫고(<div>...</div>, <br />), ' +
  '글자 그대로 보이려면 \\< 와 \\{ 로 쓰거나 `백틱` 안에 넣으세요.';

function bodyProblems(info: PostInfo, body: BodyScan, ctx: PostContext, severity: Severity): Problem[] {
  const { file, path } = info;
  if (body.syntaxError) {
    const { line, column, reason } = body.syntaxError;
    return [
      {
        kind: 'mdx',
        file,
        line,
        column,
        severity: 'error',
        message: `MDX 문법 오류: ${reason}`,
        expected: '닫힌 태그와 짝이 맞는 중괄호',
        fix: MDX_FIX,
      },
    ];
  }
  const problems: Problem[] = [];
  for (const image of body.images) {
    const target = imageFile(image.url, path, ctx.projectRoot, 'public');
    if (target && !existsSync(target)) problems.push(missingImage(image.url, target, ctx, { file, line: image.line, column: image.column }));
  }
  const available = new Set([...ctx.components, ...body.imports]);
  const known = [...ctx.components].sort();
  for (const use of body.components) {
    const root = use.name.split('.')[0] ?? '';
    if (!available.has(root)) {
      problems.push({
        kind: 'component',
        file,
        line: use.line,
        column: use.column,
        section: `<${use.name}>`,
        severity,
        message: `<${use.name}>은(는) 없는 컴포넌트입니다.`,
        expected: known.length ? `import 없이 쓸 수 있는 컴포넌트: ${known.map((n) => `<${n}>`).join(', ')}` : '글에서 쓸 수 있는 컴포넌트가 없습니다.',
        fix: known.length ? '이름의 철자와 대소문자를 확인하세요.' : '태그를 지우거나 소문자 HTML 태그로 쓰세요.',
        suggestion: nearest(root, known),
      });
      continue;
    }
    problems.push(...surveyPropProblems(use, file, ctx, severity));
  }
  return problems;
}

/** Reads what the other checks need to know about a post, without checking it. */
function infoFrom(id: string, path: string, file: string, source: string, fm: ParsedFrontmatter, now: Date): PostInfo {
  const raw = fm.data;
  // The schema's reading without its checks: draft defaults to false, a bare day is midnight in the site's zone.
  const draft = raw?.draft === true;
  const pubDate = parseContentDate(raw?.pubDate, site.timeZone);
  return {
    id,
    path,
    file,
    source,
    title: typeof raw?.title === 'string' ? raw.title.trim() : undefined,
    tweet: typeof raw?.tweet === 'string' ? raw.tweet.trim() : undefined,
    pubDate,
    draft,
    state: pubDate ? publishState({ draft, pubDate }, now) : undefined,
    fieldLines: fm.fieldLines,
  };
}

/** What the link check needs to know about a post, without checking it (fast: no body walk). */
export function readPostInfo(id: string, path: string, file: string, source: string, now: Date): PostInfo {
  return infoFrom(id, path, file, source, parseFrontmatter(source), now);
}

/** Checks one post. `file` is how messages name it; `id` its URL slug. */
export function checkPost(id: string, path: string, file: string, source: string, ctx: PostContext): PostCheck {
  const fm = parseFrontmatter(source);
  const problems = frontmatterProblems(file, fm, ctx.contentDir);
  const info = infoFrom(id, path, file, source, fm, ctx.now);
  // A draft is never built, so what would break its page is a warning until it is published.
  const severity: Severity = info.draft ? 'warning' : 'error';
  // The schema lets a draft keep the placeholder description; the writer is still reminded of it.
  if (info.draft) {
    for (const issue of crossFieldIssues({ description: fm.data?.description })) {
      problems.push({
        kind: 'placeholder',
        file,
        line: fm.fieldLines.description ?? fm.startLine,
        field: issue.path[0],
        section: FRONTMATTER_SECTION,
        severity: 'warning',
        message: issue.message,
        expected: issue.params?.expected,
        fix: '공개하기 전에 요약을 직접 쓰세요.',
      });
    }
  }
  const heroImage = fm.data?.heroImage;
  if (typeof heroImage === 'string') {
    const target = imageFile(heroImage, path, ctx.projectRoot, 'root');
    if (target && !existsSync(target)) {
      problems.push(missingImage(heroImage, target, ctx, { file, line: fm.fieldLines.heroImage, field: 'heroImage', section: FRONTMATTER_SECTION }));
    }
  }
  info.body = scanBody(source, /\.mdx$/i.test(path));
  problems.push(...bodyProblems(info, info.body, ctx, severity));
  return { info, problems };
}
