/**
 * Checks the whole content folder without building: every post, author, survey and benchmark,
 * every month of the manager's log, and every tweet. Returns all problems at once plus what the link check needs to know about
 * the posts (which exist, which are drafts or scheduled).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { z } from 'astro/zod';
import { AUTHOR_FIELD_HELP, AVATAR_EXTENSIONS, authorSchema } from './author-schema.ts';
// Files are named relative to the working directory when inside it, as in the build's messages.
import { displayPath } from '../content-dir.ts';
import { entryId } from '../post-id.ts';
import { validateBenchmark, validateSurvey, type SurveyIssue } from '../surveys/validate.ts';
import { tweetLengthProblem } from '../tweets.ts';
import { FIELD_HELP } from './post-schema.ts';
import { knownComponentNames } from './components.ts';
import { unreadableImage } from './image-read.ts';
import { jsonErrorLine, jsonPathLines, lineOfPath } from './json-lines.ts';
import { checkMetrics } from './metrics.ts';
import { checkPost, readPostInfo, type PostContext, type PostInfo, type SurveyIndex } from './post.ts';
import type { Problem } from './problems.ts';
import { nearest } from './suggest.ts';
import { duplicateOldPaths, redirectFile } from '../redirects.ts';
import { postUrl } from '../urls.ts';

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
  /** Author id -> display name, for the author files without errors (the Open Graph cards drawn ahead). */
  authorNames: Map<string, string>;
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
          message: `JSON 문법 오류: ${message}`,
          expected: '올바른 JSON',
          fix: '쉼표(항목 사이에 하나, 마지막 항목 뒤에는 없음), 모든 키와 글자를 감싼 큰따옴표, 닫는 괄호를 확인하세요.',
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
    expected: issue.expected,
    fix: issue.fix,
    suggestion: issue.suggestion,
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

/** Stand-in for Astro's `image()`: the avatar's path is checked on disk by `avatarProblem` instead. */
const authorFileSchema = authorSchema(() => z.string({ error: (issue) => `${JSON.stringify(issue.input)}은(는) 파일 경로가 아닙니다.` }));

/**
 * Why an author's `avatar` cannot be shown, or undefined: it is a path relative to the JSON file
 * (as Astro resolves it), to an image file that exists and that the image pipeline reads.
 */
function avatarProblem(avatar: string, authorPath: string, projectRoot: string): Pick<Problem, 'message' | 'expected' | 'fix' | 'suggestion'> | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(avatar)) {
    return { message: `"${avatar}"은(는) 인터넷 주소입니다. 사진은 파일로 두어야 합니다.`, fix: '사진을 내려받아 저자 JSON 파일 옆에 두고 "./파일이름"으로 쓰세요.' };
  }
  const target = avatar.startsWith('/') ? join(projectRoot, avatar) : resolve(dirname(authorPath), avatar);
  const extension = extname(target).toLowerCase();
  if (!AVATAR_EXTENSIONS.includes(extension)) {
    return {
      message: `"${avatar}"은(는) 사진으로 쓸 수 있는 이미지 형식이 아닙니다.`,
      fix: `사진을 ${AVATAR_EXTENSIONS.join(', ')} 중 하나로 저장하세요 (휴대폰의 HEIC 사진은 JPEG로 내보내세요).`,
    };
  }
  if (existsSync(target) && statSync(target).isFile()) {
    const unreadable = unreadableImage(target);
    return unreadable && { message: `사진 "${avatar}"의 형식과 크기를 읽을 수 없어서 빌드가 이 사진에서 멈춥니다.`, ...unreadable };
  }
  const dir = dirname(target);
  const other = existsSync(dir) ? readdirSync(dir).find((entry) => entry.toLowerCase() === basename(target).toLowerCase()) : undefined;
  const shown = target.startsWith(projectRoot) ? target.slice(projectRoot.length + 1) : target;
  return {
    message: `사진 "${avatar}"이(가) 없습니다 (찾아본 곳: ${shown}).`,
    fix: other
      ? `파일 이름의 대소문자가 다릅니다: "${avatar.replace(/[^/]*$/, other)}"로 쓰거나 파일 이름을 바꾸세요.`
      : '사진 파일을 저자 JSON 파일과 같은 폴더(content/authors/)에 두고 "./파일이름"으로 쓰세요.',
    suggestion: other ? avatar.replace(/[^/]*$/, other) : undefined,
  };
}

function checkAuthors(contentDir: string, projectRoot: string, problems: Problem[], names: Map<string, string>): void {
  for (const author of readJsonFiles(join(contentDir, 'authors'), 'author', problems)) {
    if (author.json === undefined) continue;
    const lines = jsonPathLines(author.text);
    const result = authorFileSchema.safeParse(author.json);
    if (result.success) names.set(author.id, result.data.name);
    for (const issue of result.success ? [] : result.error.issues) {
      const path = issue.path.map(String).join('.');
      problems.push({
        kind: 'author',
        file: author.file,
        line: lineOfPath(lines, path),
        field: path || undefined,
        severity: 'error',
        message: issue.message,
        expected: AUTHOR_FIELD_HELP[path],
      });
    }
    const avatar = (author.json as { avatar?: unknown } | null)?.avatar;
    const problem = typeof avatar === 'string' ? avatarProblem(avatar, join(contentDir, 'authors', `${author.id}.json`), projectRoot) : undefined;
    if (problem) {
      problems.push({ kind: 'author', file: author.file, line: lineOfPath(lines, 'avatar'), field: 'avatar', severity: 'error', expected: AUTHOR_FIELD_HELP.avatar, ...problem });
    }
  }
}

/**
 * A written tweet must fit with the post's link (the rule: src/lib/tweets.ts). The schema reports it
 * too; here it gets its own kind, so `npm run check` lists it under tweets, once.
 */
export function tweetProblems(post: PostInfo): Problem[] {
  const message = post.tweet ? tweetLengthProblem(post.tweet) : undefined;
  if (!message) return [];
  return [
    {
      kind: 'tweet',
      file: post.file,
      line: post.fieldLines.tweet,
      field: 'tweet',
      section: '프런트매터',
      // An error even in a draft: the post schema (and so the build) rejects it.
      severity: 'error',
      message,
      ...FIELD_HELP.tweet,
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
      message: `주소 /posts/${post.id}/에 영문 소문자, 숫자, "-" 밖의 글자가 있습니다. 작동은 하지만 공유할 때 길고 읽을 수 없는 주소(%EC%86%8C...)가 됩니다.`,
      expected: '영문 소문자, 숫자, "-"로 된 파일 이름',
      fix: '파일 이름을 바꾸세요 (`npm run new`는 알아서 이렇게 만듭니다).',
    },
  ];
}

/**
 * An old address two posts claim would redirect to one of them at random, and one that is a post's
 * own address would replace that post's page (src/lib/redirects.ts).
 */
function oldPathProblems(posts: PostInfo[]): Problem[] {
  const pages = new Map(posts.map((p) => [redirectFile(postUrl(p.id)), p]));
  const shadowing = posts.flatMap((post) =>
    (post.redirectFrom ?? []).flatMap((path) => {
      const other = pages.get(redirectFile(path));
      if (!other) return [];
      return [
        {
          kind: 'frontmatter',
          file: post.file,
          line: post.fieldLines.redirectFrom,
          field: 'redirectFrom',
          section: '프런트매터',
          severity: 'error' as const,
          message: `옛 주소 "${path}"은(는) ${other.file}의 주소입니다.`,
          expected: '이 사이트의 어느 글 주소와도 겹치지 않는 옛 주소',
          fix: '이 줄을 지우세요. 옛 주소가 정말 그 글이었다면 글 이름을 바꾸세요.',
        },
      ];
    }),
  );
  return shadowing.concat(duplicateOldPaths(posts.map((p) => ({ file: p.file, redirectFrom: p.redirectFrom ?? [] })))
    .filter((d) => d.file !== d.firstFile)
    .map((d) => ({
      kind: 'frontmatter',
      file: d.file,
      line: posts.find((p) => p.file === d.file)?.fieldLines.redirectFrom,
      field: 'redirectFrom',
      section: '프런트매터',
      severity: 'error' as const,
      message: `옛 주소 "${d.path}"을(를) ${d.firstFile}도 redirectFrom에 씁니다.`,
      expected: '옛 주소 하나에 글 하나',
      fix: '옛 주소가 실제로 가리키던 글에만 남기고, 다른 글에서는 지우세요.',
    })));
}

const isPostFile = (name: string) => /\.mdx?$/i.test(name);

/**
 * A content folder that is missing, or has no posts or no authors, would build an empty site and
 * replace the live one: that is refused, naming the folder (a typo in CONTENT_DIR is the usual cause).
 */
export function contentFolderProblems(contentDir: string): Problem[] {
  const folder = (...parts: string[]) => `${displayPath(join(contentDir, ...parts))}/`;
  const problem = (file: string, message: string, expected: string, fix: string, suggestion?: string): Problem => ({
    kind: 'content-folder',
    file,
    severity: 'error',
    message,
    expected,
    fix,
    suggestion,
  });
  if (!existsSync(contentDir) || !statSync(contentDir).isDirectory()) {
    const parent = dirname(contentDir);
    const siblings = existsSync(parent) ? readdirSync(parent).filter((n) => existsSync(join(parent, n, 'posts')) || existsSync(join(parent, n, 'authors'))) : [];
    return [
      problem(
        folder(),
        '콘텐츠 폴더가 없습니다. 이대로 빌드하면 글이 하나도 없는 사이트가 지금 사이트를 덮어씁니다.',
        'posts/와 authors/가 든 폴더 (기본값 content/)',
        'CONTENT_DIR의 철자를 확인하거나, 기본 폴더를 쓰려면 CONTENT_DIR을 지우세요.',
        nearest(basename(contentDir), siblings),
      ),
    ];
  }
  const problems: Problem[] = [];
  if (listFiles(join(contentDir, 'posts'), isPostFile).length === 0) {
    problems.push(
      problem(
        folder('posts'),
        existsSync(join(contentDir, 'posts')) ? '글이 하나도 없습니다 (초안 포함).' : 'posts/ 폴더가 없습니다.',
        '.md나 .mdx 글 파일이 하나 이상 든 posts/ 폴더',
        '`npm run new -- "첫 글 제목"`으로 첫 글을 만드세요. 아직 공개하지 않을 글이면 draft: true로 두면 됩니다.',
      ),
    );
  }
  if (listFiles(join(contentDir, 'authors'), (n) => n.endsWith('.json')).length === 0) {
    problems.push(
      problem(
        folder('authors'),
        existsSync(join(contentDir, 'authors')) ? '저자 파일이 하나도 없습니다.' : 'authors/ 폴더가 없습니다.',
        '저자 한 명당 <id>.json 파일 하나 (name, role, bio)',
        'authors/ 폴더에 저자 파일을 만드세요. 형식은 docs/content.md에 있습니다.',
      ),
    );
  }
  return problems;
}

export function checkContent(options: ContentCheckOptions): ContentCheck {
  const { contentDir, projectRoot, now } = options;
  const folderProblems = contentFolderProblems(contentDir);
  const authorNames = new Map<string, string>();
  if (folderProblems.length) return { problems: folderProblems, posts: [], authorNames };
  const run = (what: 'posts' | 'data' | 'tweets') => !options.only || options.only.includes(what);
  const problems: Problem[] = [];
  const needsIndex = run('data') || run('posts');
  const index: SurveyIndex = needsIndex ? checkData(contentDir, run('data') ? problems : []) : { surveys: new Map(), benchmarks: new Map() };
  if (run('data')) checkAuthors(contentDir, projectRoot, problems, authorNames);
  // The manager's monthly log (content/metrics/) and the survey figures the operations report names.
  if (run('data')) problems.push(...checkMetrics({ contentDir, projectRoot, now }).problems);
  const ctx: PostContext = { projectRoot, contentDir, components: knownComponentNames(projectRoot), index, now };
  const postsDir = join(contentDir, 'posts');
  const posts: PostInfo[] = [];
  const byId = new Map<string, PostInfo>();
  for (const rel of listFiles(postsDir, isPostFile)) {
    const path = join(postsDir, rel);
    const id = entryId(rel);
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
          message: `${twin.file}와(과) 이 파일이 둘 다 /posts/${result.info.id}/가 됩니다.`,
          expected: '글 하나에 주소 하나',
          fix: '둘 중 하나의 이름을 바꾸거나 지우세요.',
        });
      }
    }
    byId.set(result.info.id, result.info);
    if (run('tweets')) problems.push(...tweets);
  }
  if (run('posts')) problems.push(...oldPathProblems(posts));
  return { problems, posts, authorNames };
}
