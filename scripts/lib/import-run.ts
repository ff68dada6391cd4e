/**
 * The logic of `npm run import`, apart from the terminal so it can be tested: finds what the
 * source is, reads it (src/lib/import/), converts every post, checks that nothing would be
 * overwritten, then writes the posts, their images and the report. Nothing is written when
 * anything stops the import, and nothing existing is replaced without --force.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { displayPath } from '../../src/lib/content-dir.ts';
import { entryId } from '../../src/lib/post-id.ts';
import { formatProblems, type Problem } from '../../src/lib/rules/problems.ts';
import { nearest } from '../../src/lib/rules/suggest.ts';
import { postUrl } from '../../src/lib/urls.ts';
import { redirectFile } from '../../src/lib/redirects.ts';
import { convertPost, type ConvertedPost } from '../../src/lib/import/convert.ts';
import { writePost } from '../../src/lib/import/front-matter.ts';
import { isHugoSite, readHugo } from '../../src/lib/import/hugo.ts';
import { isJekyllSite, readJekyll } from '../../src/lib/import/jekyll.ts';
import { reportMarkdown, summaryLines, needsPerson, type ImportReport, type ReportPost } from '../../src/lib/import/report.ts';
import type { SourceSite } from '../../src/lib/import/source-post.ts';
import { readFeed, readWxr, xmlKind } from '../../src/lib/import/xml-feeds.ts';
import site from '../../src/site.config.ts';
import { COMMAND, IMPORT_USAGE, parseImportArgs, type ImportArgs } from './import-args.ts';

export interface ImportEnv {
  contentDir: string;
  /** Where relative paths given on the command line start (the folder npm was run in). */
  cwd: string;
  out(text: string): void;
  err(text: string): void;
  color?: boolean;
}

const argProblem = (field: string, found: Omit<Problem, 'kind' | 'file' | 'severity' | 'field'>): Problem => ({ kind: 'arguments', file: COMMAND, field, severity: 'error', ...found });

function authorIds(contentDir: string): string[] {
  const dir = join(contentDir, 'authors');
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json') && !f.startsWith('_')).map((f) => f.slice(0, -5)).sort() : [];
}

/** The options' own problems: an author or category this site does not have. */
function optionProblems(args: ImportArgs, contentDir: string): Problem[] {
  const problems: Problem[] = [];
  const authors = authorIds(contentDir);
  const categories = site.categories.map((c) => c.id);
  if (!args.author) {
    problems.push(argProblem('--author', { message: '--author가 없습니다.', expected: `저자 id: ${authors.join(', ') || '(아직 없음)'}`, fix: `--author ${authors[0] ?? '아이디'} 처럼 가져온 글의 저자를 주세요.` }));
  } else if (!authors.includes(args.author)) {
    problems.push(
      argProblem('--author', {
        message: `"${args.author}"은(는) 등록된 저자가 아닙니다.`,
        expected: `${displayPath(join(contentDir, 'authors'))}/ 폴더의 저자 id: ${authors.join(', ') || '(아직 없음)'}`,
        fix: `id를 고치거나 ${displayPath(join(contentDir, 'authors', `${args.author}.json`))} 파일을 먼저 만드세요.`,
        suggestion: nearest(args.author, authors),
      }),
    );
  }
  const categoryProblem = (field: string, id: string) =>
    argProblem(field, { message: `"${id}"은(는) 분류가 아닙니다.`, expected: `src/site.config.ts의 분류 id: ${categories.join(', ')}`, fix: '위 id 가운데 하나를 쓰거나, src/site.config.ts의 categories에 분류를 더하세요.', suggestion: nearest(id, categories) });
  if (!args.category) {
    problems.push(argProblem('--category', { message: '--category가 없습니다.', expected: `분류 id: ${categories.join(', ')}`, fix: `--category ${categories[0]} 처럼 옮길 곳이 정해지지 않은 글의 분류를 주세요.` }));
  } else if (!categories.includes(args.category)) {
    problems.push(categoryProblem('--category', args.category));
  }
  for (const [, to] of args.categoryMap) if (!categories.includes(to)) problems.push(categoryProblem('--category-map', to));
  if (args.uploads && !existsSync(resolve(args.uploads))) {
    problems.push(argProblem('--uploads', { message: `폴더가 없습니다: ${args.uploads}`, expected: '워드프레스의 wp-content/uploads 폴더', fix: '경로를 고치세요.' }));
  }
  if (args.timeZone) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: args.timeZone });
    } catch {
      problems.push(argProblem('--timezone', { message: `"${args.timeZone}"은(는) 시간대 이름이 아닙니다.`, expected: 'IANA 시간대 이름, 예: Asia/Seoul', fix: '시간대 이름을 고치세요.' }));
    }
  }
  return problems;
}

/** Reads the source, whatever it is; a problem when it is none of the kinds. */
function readSource(path: string, args: ImportArgs, timeZone: string): SourceSite | Problem {
  const source = (found: Omit<Problem, 'kind' | 'file' | 'severity' | 'field'>): Problem => ({ kind: 'arguments', file: COMMAND, field: '<원본>', severity: 'error', ...found });
  if (/^https?:\/\//i.test(args.source)) {
    return source({ message: '주소에서 직접 가져오지 않습니다.', expected: '내 컴퓨터에 저장한 피드 파일', fix: `브라우저나 curl로 피드를 파일로 저장한 뒤 그 파일을 주세요 (예: curl -o feed.xml "${args.source}").` });
  }
  if (!existsSync(path)) return source({ message: `없습니다: ${path}`, expected: 'Jekyll·Hugo 폴더, 워드프레스 .xml, RSS·Atom 피드 파일', fix: '경로를 고치세요. 상대 경로는 npm run을 실행한 폴더에서 찾습니다.' });
  const display = (p: string) => relative(process.cwd(), p).startsWith('..') ? p : relative(process.cwd(), p) || '.';
  if (statSync(path).isDirectory()) {
    if (isJekyllSite(path)) return readJekyll(path, { timeZone, display });
    if (isHugoSite(path)) return readHugo(path, { timeZone, display });
    return source({ message: `Jekyll이나 Hugo 사이트 폴더가 아닙니다: ${path}`, expected: '_posts/가 있는 Jekyll 폴더, 또는 hugo.toml(config.toml)과 content/가 있는 Hugo 폴더', fix: '사이트의 맨 위 폴더를 주세요.' });
  }
  const xml = readFileSync(path, 'utf8');
  const kind = xmlKind(xml);
  if (!kind) return source({ message: `워드프레스 내보내기나 RSS·Atom 피드로 읽을 수 없는 파일입니다: ${path}`, expected: '<rss>나 <feed>로 시작하는 XML 파일', fix: '피드 주소를 브라우저에서 열어 "다른 이름으로 저장"한 파일인지 확인하세요.' });
  if (kind === 'wxr') return readWxr(xml, display(path), { timeZone, ...(args.uploads ? { uploads: resolve(args.uploads) } : {}) });
  return readFeed(xml, display(path), { timeZone, kind });
}

/**
 * The new address of a link to an old post: a site-relative link, or an absolute one to the old
 * blog's host, whose path was a post's old address. The fragment is kept.
 */
export function movedLink(url: string, oldUrls: Map<string, string>, host: string | undefined): string | undefined {
  const absolute = /^[a-z]+:\/\//i.test(url) || url.startsWith('//');
  if (!absolute && !url.startsWith('/')) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url, 'http://old.invalid');
  } catch {
    return undefined;
  }
  if (absolute && (!host || parsed.host.toLowerCase() !== host)) return undefined;
  let path = parsed.pathname;
  try {
    path = decodeURI(path);
  } catch {
    // As written.
  }
  const target = oldUrls.get(redirectFile(path));
  return target ? `${target}${parsed.hash}` : undefined;
}

interface PlannedPost {
  post: ConvertedPost;
  id: string;
  /** The post file: posts/<id>.md, or posts/<id>/index.md when it has images. */
  path: string;
  /** The other shape of the same id, removed with --force so one id is one file. */
  otherPath: string;
}

/** Existing post ids of the content folder: the new ones must not take them without --force. */
function existingIds(contentDir: string): Set<string> {
  const dir = join(contentDir, 'posts');
  if (!existsSync(dir)) return new Set();
  return new Set(
    readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((f) => /\.mdx?$/i.test(f))
      .map((f) => entryId(f)),
  );
}

export async function runImport(argv: string[], env: ImportEnv): Promise<{ code: number; report?: ImportReport }> {
  const fail = (problems: Problem[], usage = false) => {
    env.err(formatProblems(problems, env.color === true));
    if (usage) env.err(`\n${IMPORT_USAGE}`);
    env.err('\n✗ 아무것도 쓰지 않았습니다.');
    return { code: 1 };
  };
  const parsed = parseImportArgs(argv);
  if (parsed.help) {
    env.out(IMPORT_USAGE);
    return { code: 0 };
  }
  if (!parsed.args) return fail(parsed.problems, true);
  const args = parsed.args;
  const problems = optionProblems(args, env.contentDir);
  if (problems.length) return fail(problems, true);
  const timeZone = args.timeZone ?? site.timeZone;
  const sourcePath = resolve(env.cwd, args.source);
  const read = readSource(sourcePath, { ...args, ...(args.uploads ? { uploads: resolve(env.cwd, args.uploads) } : {}) }, timeZone);
  if ('kind' in read && read.kind === 'arguments') return fail([read as Problem]);
  const source = read as SourceSite;
  if (source.posts.length === 0) {
    return fail([{ kind: 'arguments', file: COMMAND, field: '<원본>', severity: 'error', message: `${args.source}에 가져올 글이 없습니다.`, expected: '글이 하나 이상 든 원본', fix: 'Jekyll은 _posts/, Hugo는 content/posts/, 워드프레스는 글(post)이 든 내보내기 파일인지 확인하세요.' }]);
  }

  // The new address of every post first, so posts linking to each other ({% post_url %}) get them.
  const keyUrls = new Map<string, string>();
  const oldUrls = new Map<string, string>();
  const categoryMap = new Map(args.categoryMap.map(([from, to]) => [from.toLowerCase(), to]));
  const options = {
    author: args.author!,
    categoryMap,
    defaultCategory: args.category!,
    categoryIds: site.categories.map((c) => c.id),
    postUrl: (key: string) => keyUrls.get(key),
    movedLink: (url: string) => movedLink(url, oldUrls, source.host),
    exists: (path: string) => existsSync(path) && statSync(path).isFile(),
  };
  const kind = source.kind;
  const taken = existingIds(env.contentDir);
  const planned: PlannedPost[] = [];
  const used = new Set<string>();
  const postsDir = join(env.contentDir, 'posts');
  // Two passes: ids (and so URLs) first, then the bodies that may link to them.
  const firstPass = source.posts.map((post) => convertPost(post, kind, options));
  const ids = firstPass.map((converted) => {
    let id = converted.baseId;
    for (let n = 2; used.has(id); n++) id = `${converted.baseId}-${n}`;
    used.add(id);
    if (converted.source.key) keyUrls.set(converted.source.key, postUrl(id));
    for (const path of converted.frontMatter.redirectFrom ?? []) oldUrls.set(redirectFile(path), postUrl(id));
    return id;
  });
  source.posts.forEach((post, i) => {
    const converted = convertPost(post, kind, options);
    const id = ids[i]!;
    const folder = converted.images.length > 0;
    const path = folder ? join(postsDir, id, 'index.md') : join(postsDir, `${id}.md`);
    const otherPath = folder ? join(postsDir, `${id}.md`) : join(postsDir, id, 'index.md');
    planned.push({ post: converted, id, path, otherPath });
  });

  const clashes = planned.filter((p) => taken.has(p.id));
  if (clashes.length && !args.force && !args.dryRun) {
    return fail(
      clashes.map((p) => ({
        kind: 'filename',
        file: displayPath(existsSync(p.path) ? p.path : existsSync(p.otherPath) ? p.otherPath : p.path),
        severity: 'error' as const,
        message: `이미 있습니다. 덮어쓰지 않습니다 (원본: ${p.post.source.sourceFile}).`,
        expected: '아직 없는 글 이름, 또는 --force (있는 글을 가져온 글로 바꿈)',
        fix: '다시 가져와 바꾸려면 --force를 붙이세요. 다른 글이면 그 파일의 이름을 바꾸세요.',
      })),
    );
  }

  const unmapped = new Map<string, number>();
  for (const p of planned) for (const c of p.post.unmappedCategories) unmapped.set(c, (unmapped.get(c) ?? 0) + 1);
  const reportPosts: ReportPost[] = planned.map((p) => ({
    sourceFile: p.post.source.sourceFile,
    sourceLine: p.post.source.sourceLine,
    file: displayPath(p.path),
    title: p.post.frontMatter.title,
    draft: p.post.frontMatter.draft === true,
    images: p.post.images.length,
    redirects: p.post.frontMatter.redirectFrom ?? [],
    notes: p.post.notes,
  }));
  const report: ImportReport = { source: args.source, kind, posts: reportPosts, siteNotes: source.notes, unmappedCategories: unmapped, defaultCategory: args.category!, dryRun: args.dryRun };
  const reportFile = args.report ? resolve(env.cwd, args.report) : join(env.contentDir, '_import-report.md');

  if (!args.dryRun) {
    for (const p of planned) {
      if (args.force) {
        rmSync(p.otherPath, { force: true });
        if (p.path.endsWith('.md') && !p.path.endsWith('index.md')) rmSync(join(postsDir, p.id), { recursive: true, force: true });
        // An .mdx of the same id would be a second file for one address.
        rmSync(p.path.replace(/\.md$/, '.mdx'), { force: true });
        rmSync(p.otherPath.replace(/\.md$/, '.mdx'), { force: true });
      }
      mkdirSync(dirname(p.path), { recursive: true });
      writeFileSync(p.path, writePost(p.post.frontMatter, p.post.body));
      for (const image of p.post.images) copyFileSync(image.from, join(dirname(p.path), image.name));
    }
    mkdirSync(dirname(reportFile), { recursive: true });
    writeFileSync(reportFile, reportMarkdown(report));
  }

  env.out(summaryLines(report).join('\n'));
  const human = reportPosts.filter(needsPerson);
  const shown = human.slice(0, 20);
  if (shown.length) {
    env.out('\n사람이 확인할 글:');
    for (const post of shown) {
      const first = post.notes.find((n) => n.kind === 'human')!;
      const more = post.notes.filter((n) => n.kind === 'human').length - 1;
      env.out(`  ${post.file}${first.line ? `:${first.line}` : ''} ← ${post.sourceFile}${first.sourceLine ? `:${first.sourceLine}` : ''}\n    ${first.message}${more > 0 ? ` (외 ${more}건)` : ''}`);
    }
    if (human.length > shown.length) env.out(`  … 외 ${human.length - shown.length}편은 보고서에 있습니다.`);
  }
  if (args.dryRun) {
    env.out('\n--dry-run: 아무것도 쓰지 않았습니다.');
  } else {
    if (clashes.length) env.out(`\n--force: 있던 글 ${clashes.length}편을 바꿔 썼습니다.`);
    env.out(`\n✓ 글 ${planned.length}편을 ${displayPath(postsDir)}/에 썼습니다. 보고서: ${displayPath(reportFile)}`);
    env.out('  다음: npm run check 로 글을 검사하고, npm run dev 로 미리 보세요.');
  }
  return { code: 0, report };
}
