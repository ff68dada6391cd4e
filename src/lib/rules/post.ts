/**
 * Everything that can be wrong in one post file, found without building: front matter (the same
 * schema the build uses), MDX syntax, unknown components, survey ids in component props, images
 * that are not there, and unsafe HTML (`javascript:` URLs, `on…` attributes, `data:` URLs other
 * than raster images). Every problem comes back at once, with its line.
 */
import { existsSync, readdirSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { z } from 'astro/zod';
import site from '../../site.config.ts';
import { jsonIds } from '../content-dir.ts';
import { parseContentDate } from '../dates.ts';
import { publishState, type PublishState } from '../publishing.ts';
import { decodePercent } from '../urls.ts';
import { parseFrontmatter, type ParsedFrontmatter } from './frontmatter.ts';
import { undefinedNames } from './expressions.ts';
import { koreanMdxError } from './mdx-errors.ts';
import { HTML_ATTRIBUTES, isUrlAttribute, MAX_TAG_DEPTH, scanBody, type AttributeUse, type BodyScan, type ComponentUse, type UrlUse } from './mdx.ts';
import { foreignSyntaxProblem } from './foreign-syntax.ts';
import { unreadableImage } from './image-read.ts';
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
  /** Front matter `category` and `author` as written (the operations report counts by them). */
  category?: string;
  author?: string;
  pubDate?: Date;
  draft: boolean;
  /** Undefined when the front matter is too broken to tell. */
  state?: PublishState;
  /** Left out of `npm run check`'s trial build because it has errors of its own. */
  excluded?: boolean;
  fieldLines: Record<string, number>;
  /** Old addresses kept as redirects (front matter `redirectFrom`), the well-formed strings only. */
  redirectFrom?: string[];
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


/**
 * Where an image path points: relative paths are next to the post (Astro imports them). A path
 * starting with "/" is public/ in the body (Markdown leaves it as a link), but the project root
 * for `heroImage` (Vite resolves it like an import).
 */
function imageFile(url: string, postPath: string, projectRoot: string, slashBase: 'public' | 'root'): string | undefined {
  if (isExternal(url)) return undefined;
  const clean = decodePercent(url.split(/[?#]/)[0] ?? '');
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

/** An image Astro optimises that it cannot read (./image-read.ts), or undefined. */
function unreadableImageProblem(url: string, target: string, at: Pick<Problem, 'file' | 'line' | 'column' | 'field' | 'section'>): Problem | undefined {
  const unreadable = unreadableImage(target);
  if (!unreadable) return undefined;
  return { kind: 'image', ...at, severity: 'error', message: `이미지 "${url}"의 형식과 크기를 읽을 수 없어서 빌드가 이 이미지에서 멈춥니다.`, ...unreadable };
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

/** Schemes that run code when a link is followed or a frame loaded. */
export const SCRIPT_SCHEMES = ['javascript', 'vbscript'];
/** The only `data:` URLs a post may carry: raster images, which a browser never runs. SVG can hold scripts. */
export const DATA_IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/avif'];

/**
 * The scheme a browser would read from `url`, lower-cased ("javascript"), or undefined for a
 * relative URL. `url` comes from the parsers with character references already decoded
 * (`java&#x09;script:` is "java\tscript:" by now; decoding again would misread text that is really
 * "&#x09;"). Browsers drop leading and trailing spaces and control characters and tabs and line
 * breaks anywhere; this drops every space and control character, which catches a little more.
 */
export function urlScheme(url: string): string | undefined {
  return /^([a-z][a-z0-9+.-]*):/i.exec(compactUrl(url))?.[1]?.toLowerCase();
}

const compactUrl = (url: string) => url.replace(/[\s\u0000-\u001f\u007f-\u009f]/g, '');

/** The media type of a `data:` URL, lower-cased; "text/plain" when none is given, as browsers read it. */
export function dataUrlType(url: string): string {
  const type = compactUrl(url).slice('data:'.length).split(/[;,]/)[0]?.toLowerCase() ?? '';
  return type || 'text/plain';
}

/**
 * Props of the built-in components that are ids, never URLs or HTML (src/components/survey/). A
 * `{...}` value there is left alone; see `expressionProblem`.
 */
export const NO_URL_PROPS: Record<string, string[]> = {
  SurveyChart: ['survey', 'question', 'benchmark'],
  SurveyComparison: ['survey', 'benchmark'],
};

const UNSAFE_KIND = 'unsafe-html';
const SAFE_URLS = 'https://로 시작하는 주소, /로 시작하는 사이트 안 주소(/posts/글/), #소제목, mailto:';

const ESCAPES: Record<string, string> = { '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** A URL for the message: control characters made visible (java\tscript:), a long one (base64) shortened. */
function shown(url: string): string {
  const text = url.trim().replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/** Where a URL sits, as the block's head shows it: "<a> href", "마크다운 링크". */
function urlPlace(use: UrlUse): Pick<Problem, 'section' | 'field'> {
  if (use.from === 'attribute') return { section: `<${use.tag ?? ''}>`, field: use.attribute };
  if (use.from === 'image') return { section: '마크다운 이미지' };
  if (use.from === 'definition') return { section: `링크 정의 [${use.label ?? ''}]` };
  return { section: '마크다운 링크' };
}

/**
 * A URL that would run code (`javascript:`, `vbscript:`) or carry a document that can (a `data:`
 * URL other than a raster image: SVG, HTML). An error even in a draft: it must never reach a page.
 */
function unsafeUrlProblem(use: UrlUse, file: string): Problem | undefined {
  const scheme = urlScheme(use.url);
  const base = { kind: UNSAFE_KIND, file, line: use.line, column: use.column, ...urlPlace(use), severity: 'error' as const };
  if (scheme && SCRIPT_SCHEMES.includes(scheme)) {
    return {
      ...base,
      message: `"${shown(use.url)}"은(는) 누르면 코드를 실행하는 ${scheme}: 주소입니다.`,
      expected: SAFE_URLS,
      fix: '실제 페이지의 주소로 바꾸거나 링크를 지우세요. 글에서는 스크립트를 실행할 수 없습니다.',
    };
  }
  if (scheme === 'data') {
    const type = dataUrlType(use.url);
    if (DATA_IMAGE_TYPES.includes(type)) return undefined;
    return {
      ...base,
      message: `"${shown(use.url)}"은(는) ${type} 형식의 data: 주소입니다. 그림(PNG, JPEG, GIF, WebP, AVIF)이 아닌 data: 주소는 코드를 품을 수 있습니다.`,
      expected: `${SAFE_URLS}. data: 주소는 ${DATA_IMAGE_TYPES.map((t) => `data:${t}`).join(', ')}만 (SVG는 안 됩니다)`,
      fix: '그림은 파일로 저장해 글 옆에 두고 ![설명](./그림.svg)처럼 쓰세요(SVG도 파일로는 됩니다). 다른 파일은 public/에 두고 /파일이름으로 링크하세요.',
    };
  }
  return undefined;
}

/** `onclick`, `onError`, `onload`...: an attribute that runs script, on an HTML tag or a component alike. */
function eventAttributeProblem(attribute: AttributeUse, file: string): Problem | undefined {
  if (attribute.spread || !/^on/i.test(attribute.name)) return undefined;
  return {
    kind: UNSAFE_KIND,
    file,
    line: attribute.line,
    column: attribute.column,
    section: `<${attribute.tag}>`,
    field: attribute.name,
    severity: 'error',
    message: `${attribute.name} 속성은 자바스크립트를 실행하는 이벤트 속성입니다.`,
    expected: 'on으로 시작하지 않는 속성. 글에서는 스크립트를 실행할 수 없습니다.',
    fix: `${attribute.name}="…"을(를) 지우세요. 누르면 움직이는 부분이 필요하면 개발자에게 컴포넌트로 만들어 달라고 하세요.`,
  };
}

/**
 * A `{...}` value cannot be checked without running the post's code, so it is an error wherever it
 * could carry a URL or HTML past the checks above: a URL attribute (`href={link}`), `set:html` or
 * `srcdoc`, a spread (`{...props}`, which can set any attribute), and any prop of a component
 * (which may put it into an `href`) except the built-in components' id props (NO_URL_PROPS).
 * Other attributes of a lower-case HTML tag (`colSpan={2}`, `style={{...}}`) are left alone: their
 * name is fixed and is neither a URL nor an event attribute, so whatever the value, the browser
 * never runs or follows it. Simple on purpose: no attempt to evaluate the expression.
 */
function expressionProblem(attribute: AttributeUse, file: string): Problem | undefined {
  if (!attribute.expression) return undefined;
  const { tag, name } = attribute;
  const isComponent = /^[A-Z]/.test(tag);
  if (!attribute.spread) {
    if (/^on/i.test(name)) return undefined; // reported as an event attribute
    const risky = isUrlAttribute(tag, name) || HTML_ATTRIBUTES.has(name.toLowerCase()) || (isComponent && !NO_URL_PROPS[tag]?.includes(name));
    if (!risky) return undefined;
  }
  return {
    kind: UNSAFE_KIND,
    file,
    line: attribute.line,
    column: attribute.column,
    section: `<${tag}>`,
    field: name,
    severity: 'error',
    message: attribute.spread
      ? `${name}은(는) 어떤 속성이든 넣을 수 있는 코드라서, 안전한 값인지 빌드 전에 확인할 수 없습니다.`
      : `${name}={…}의 값은 코드라서, 안전한 주소인지 빌드 전에 확인할 수 없습니다.`,
    expected: attribute.spread ? '속성마다 따옴표로 쓴 값: href="https://…"' : `따옴표로 쓴 값: ${name}="https://…" 또는 ${name}="/posts/글/"`,
    fix: '값을 따옴표 안에 그대로 쓰세요. 그림은 ![설명](./그림.png), 링크는 [글자](주소)로 쓰면 됩니다.',
  };
}

/** Writer HTML that would run script on the page: every URL and every attribute of the body. */
function unsafeHtmlProblems(body: BodyScan, file: string): Problem[] {
  const problems: Problem[] = [];
  for (const use of body.urls) {
    const problem = unsafeUrlProblem(use, file);
    if (problem) problems.push(problem);
  }
  for (const attribute of body.attributes) {
    const problem = eventAttributeProblem(attribute, file) ?? expressionProblem(attribute, file);
    if (problem) problems.push(problem);
  }
  return problems;
}

/** Long code is cut for the message; the line number finds the rest. */
const shortCode = (code: string) => {
  const flat = code.replace(/\s+/g, ' ').trim();
  return flat.length > 40 ? `${flat.slice(0, 39)}…` : flat;
};

/**
 * A `{…}` that uses a name nothing defines: MDX would fail the build with a ReferenceError that
 * names a page, not the post. Usually prose (`{이름}`) the writer meant as text.
 */
function expressionProblems(body: BodyScan, file: string, ctx: PostContext, severity: Severity): Problem[] {
  const problems: Problem[] = [];
  // The site's components are given to every post, inside `{…}` too (`{ok && <SurveyChart … />}`).
  const defined = [...body.defined, ...body.imports, ...ctx.components];
  for (const use of body.expressions) {
    const names = undefinedNames(use.code, defined);
    if (!names.length) continue;
    const listed = names.map((n) => `"${n}"`).join(', ');
    problems.push({
      kind: 'expression',
      file,
      line: use.line,
      column: use.column,
      section: use.tag,
      field: use.attribute,
      severity,
      message: `{${shortCode(use.code)}}는 코드로 실행되는데, 그 안의 ${listed}은(는) 이 글 어디에도 정의되지 않은 이름이라 페이지를 만들 때 오류가 납니다.`,
      expected: '중괄호 안에는 글에서 import하거나 export로 정의한 이름, props, frontmatter, 자바스크립트 기본 이름(Math, Date 등)만 씁니다.',
      fix: `중괄호를 글자 그대로 보이려면 \\{${shortCode(use.code)}\\}처럼 앞에 역슬래시를 붙이세요. 값을 넣으려던 것이라면 import 하거나 export const ${names[0]} = …로 정의하세요.`,
    });
  }
  return problems;
}

function bodyProblems(info: PostInfo, body: BodyScan, ctx: PostContext, severity: Severity): Problem[] {
  const { file, path } = info;
  if (body.syntaxErrors?.length) {
    const syntax = body.syntaxErrors.map(({ line, column, reason }): Problem => {
      const korean = koreanMdxError(reason);
      return {
        kind: 'mdx',
        file,
        line,
        column,
        severity: 'error',
        message: `MDX 문법 오류: ${korean.message}`,
        expected: '닫힌 태그와 짝이 맞는 중괄호',
        fix: korean.fix,
      };
    });
    return [...syntax, ...expressionProblems(body, file, ctx, severity)];
  }
  if (body.tooDeep) {
    // Stops here: Astro would crash on this post without naming it.
    return [
      {
        kind: 'mdx',
        file,
        line: body.tooDeep.line,
        column: body.tooDeep.column,
        section: `<${body.tooDeep.tag}>`,
        severity: 'error',
        message: `태그가 ${MAX_TAG_DEPTH}단계보다 깊게 겹쳐 있습니다. 이대로는 빌드가 메시지 없이 멈춥니다.`,
        expected: `${MAX_TAG_DEPTH}단계 이하로 겹친 태그`,
        fix: '닫는 태그가 빠져 뒤의 태그가 모두 안쪽으로 들어갔는지 확인하세요. 표나 목록은 Markdown 문법으로 쓰면 간단합니다.',
      },
    ];
  }
  // Errors even in a draft, which `npm run dev` shows: unsafe HTML must never reach a page.
  const problems: Problem[] = unsafeHtmlProblems(body, file);
  for (const found of body.foreignSyntax) problems.push(foreignSyntaxProblem(found, file));
  for (const image of body.images) {
    const target = imageFile(image.url, path, ctx.projectRoot, 'public');
    if (!target) continue;
    const at = { file, line: image.line, column: image.column };
    if (!existsSync(target)) problems.push(missingImage(image.url, target, ctx, at));
    // Files in public/ are served as they are; Astro reads only the images beside a post.
    else if (!image.url.startsWith('/')) {
      const unreadable = unreadableImageProblem(image.url, target, at);
      if (unreadable) problems.push(unreadable);
    }
  }
  problems.push(...expressionProblems(body, file, ctx, severity));
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
    category: typeof raw?.category === 'string' ? raw.category : undefined,
    author: typeof raw?.author === 'string' ? raw.author : undefined,
    pubDate,
    draft,
    state: pubDate ? publishState({ draft, pubDate }, now) : undefined,
    fieldLines: fm.fieldLines,
    redirectFrom: Array.isArray(raw?.redirectFrom) ? raw.redirectFrom.filter((p): p is string => typeof p === 'string') : [],
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
    const at = { file, line: fm.fieldLines.heroImage, field: 'heroImage', section: FRONTMATTER_SECTION };
    if (target && !existsSync(target)) problems.push(missingImage(heroImage, target, ctx, at));
    else if (target) {
      const unreadable = unreadableImageProblem(heroImage, target, at);
      if (unreadable) problems.push(unreadable);
    }
  }
  info.body = scanBody(source, /\.mdx$/i.test(path));
  problems.push(...bodyProblems(info, info.body, ctx, severity));
  return { info, problems };
}
