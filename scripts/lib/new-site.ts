/**
 * The logic of `npm run new-site`, separated from the terminal so it can be tested: a site owner's
 * first step from the example site to their own. It removes the example's posts, authors, surveys,
 * benchmarks and monthly metrics log from the content folder (anything else there is left alone), writes one author file from the flags and a first post
 * through `npm run new`'s scaffold (./new-post.ts), and prints the next steps (docs/setup.md).
 *
 * Nothing is removed unless the owner confirmed (a question in a terminal, `--yes` elsewhere) and
 * git says the content folder has no uncommitted changes (`--force` overrides), so whatever it
 * removes can be restored from git. Every problem is checked before anything is touched.
 */
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs as parseCliArgs } from 'node:util';
import { displayPath } from '../../src/lib/content-dir.ts';
import { formatProblems, type Problem } from '../../src/lib/rules/problems.ts';
import { nearest } from '../../src/lib/rules/suggest.ts';
import site from '../../src/site.config.ts';
import { argProblem as cliArgProblem, argsErrorProblem, type TerminalIO } from './cli.ts';
import { newPost } from './new-post.ts';

export const COMMAND = 'npm run new-site';

export const DEFAULT_ROLE = '블로그 운영자';
export const DEFAULT_BIO = '이 블로그에 글을 씁니다.';
export const DEFAULT_POST_TITLE = '블로그를 시작합니다';

export const USAGE = `사용법: npm run new-site -- --author-id 아이디 --author-name "이름" [--author-role "직함"] [--author-bio "소개"]
                        [--post-title "첫 글 제목"] [--category 분류] [--yes] [--force]

  예시 글, 저자, 업계 조사, 회사의 답(벤치마크), 월별 운영 기록을 content/에서 지우고,
  저자 한 명과 첫 글(초안)을 만듭니다.

  --author-id    저자 아이디: 파일 이름(content/authors/<아이디>.json)과 주소(/authors/<아이디>/)에 쓰입니다.
                 영문 소문자와 숫자, 낱말 사이는 "-" (예: kim-minji)
  --author-name  독자에게 보일 저자 이름 (예: "김민지")
  --author-role  직함 (없으면 "${DEFAULT_ROLE}")
  --author-bio   한두 문장의 소개 (없으면 "${DEFAULT_BIO}")
  --post-title   첫 글의 제목 (없으면 "${DEFAULT_POST_TITLE}")
  --category     첫 글의 분류: src/site.config.ts의 분류 id (없으면 첫 분류)
  --yes, -y      묻지 않고 지웁니다 (터미널이 아닐 때는 꼭 필요합니다)
  --force        content/에 커밋하지 않은 변경이 있거나 git으로 확인할 수 없어도 지웁니다

자세한 안내: docs/setup.md`;

/** An author id is a file name and a URL segment: lowercase ASCII words joined by "-". */
export const AUTHOR_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The collections whose example files are removed, with the words for what they hold. */
export const COLLECTIONS = [
  { folder: 'posts', what: '글', counter: '개' },
  { folder: 'authors', what: '저자', counter: '명' },
  { folder: 'surveys', what: '업계 조사', counter: '개' },
  { folder: 'benchmarks', what: '회사의 답(벤치마크)', counter: '개' },
  { folder: 'metrics', what: '월별 운영 기록', counter: '개월' },
] as const;

/** Folders a site needs (emptied, then given the first author and post); the others are optional and go entirely. */
const KEPT_FOLDERS = new Set(['posts', 'authors']);

export interface NewSiteArgs {
  authorId?: string;
  authorName?: string;
  authorRole?: string;
  authorBio?: string;
  postTitle?: string;
  category?: string;
  yes: boolean;
  force: boolean;
  help: boolean;
  errors: Problem[];
}

const STRING_FLAGS = { 'author-id': 'authorId', 'author-name': 'authorName', 'author-role': 'authorRole', 'author-bio': 'authorBio', 'post-title': 'postTitle', category: 'category' } as const;
const KNOWN_FLAGS = [...Object.keys(STRING_FLAGS).map((f) => `--${f}`), '--yes', '--force', '--help'];

const argProblem = (field: string, found: Parameters<typeof cliArgProblem>[2]): Problem => cliArgProblem(COMMAND, field, found);

/** The flags, `--flag value` or `--flag=value`; an unknown flag or a stray word is an error. */
export function parseArgs(argv: string[]): NewSiteArgs {
  const args: NewSiteArgs = { yes: false, force: false, help: false, errors: [] };
  let parsed;
  try {
    parsed = parseCliArgs({
      args: argv,
      strict: true,
      allowPositionals: true,
      options: {
        ...Object.fromEntries(Object.keys(STRING_FLAGS).map((f) => [f, { type: 'string' as const }])),
        yes: { type: 'boolean', short: 'y' },
        force: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    args.errors.push(
      argsErrorProblem(COMMAND, error, KNOWN_FLAGS, {
        unknownFlag: '철자를 고치세요.',
        missingValue: () => '값을 쓰세요. 띄어 쓴 값은 따옴표로 감쌉니다: --author-name "김 민지"',
      }),
    );
    return args;
  }
  const values = parsed.values as Record<string, string | boolean | undefined>;
  for (const [flag, key] of Object.entries(STRING_FLAGS)) {
    const value = values[flag];
    if (typeof value === 'string') args[key] = value.trim();
  }
  args.yes = values.yes === true;
  args.force = values.force === true;
  args.help = values.help === true;
  if (parsed.positionals.length) {
    const words = parsed.positionals.join(' ');
    args.errors.push(
      argProblem('', {
        message: `옵션이 아닌 낱말이 있습니다: "${words}".`,
        expected: '모든 값은 옵션 뒤에 (예: --author-name "김민지")',
        fix: '띄어 쓴 값은 따옴표로 감싸세요.',
      }),
    );
  }
  return args;
}

/** Problems with the values themselves, before anything is touched. */
export function checkArgs(args: NewSiteArgs): Problem[] {
  const problems: Problem[] = [];
  const categories = site.categories.map((c) => c.id);
  if (!args.authorId) {
    problems.push(
      argProblem('--author-id', {
        message: '--author-id가 없습니다.',
        expected: '저자 아이디: 영문 소문자와 숫자, 낱말 사이는 "-" (예: kim-minji)',
        fix: '--author-id kim-minji --author-name "김민지" 처럼 붙이세요.',
      }),
    );
  } else if (!AUTHOR_ID.test(args.authorId)) {
    const made = args.authorId
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '');
    problems.push(
      argProblem('--author-id', {
        message: `"${args.authorId}"은(는) 저자 아이디로 쓸 수 없습니다.`,
        expected: '영문 소문자와 숫자, 낱말 사이는 "-" (파일 이름과 주소 /authors/<아이디>/에 쓰입니다)',
        fix: '공백, 대문자, 한글 없이 고치세요. 독자에게 보일 이름은 --author-name에 씁니다.',
        suggestion: made && AUTHOR_ID.test(made) ? made : undefined,
      }),
    );
  }
  if (!args.authorName) {
    problems.push(
      argProblem('--author-name', {
        message: args.authorName === '' ? '--author-name이 비어 있습니다.' : '--author-name이 없습니다.',
        expected: '독자에게 보일 저자 이름 (예: "김민지")',
        fix: '--author-name "김민지" 처럼 붙이세요.',
      }),
    );
  }
  for (const [flag, value] of [
    ['--author-role', args.authorRole],
    ['--author-bio', args.authorBio],
    ['--post-title', args.postTitle],
  ] as const) {
    if (value === '') problems.push(argProblem(flag, { message: `${flag}가 비어 있습니다.`, expected: '글자', fix: `값을 쓰거나 ${flag}를 빼세요 (기본값을 씁니다).` }));
  }
  if (args.postTitle && args.postTitle.length > 120) {
    problems.push(argProblem('--post-title', { message: `제목이 ${args.postTitle.length}자입니다. 120자를 넘습니다.`, expected: '글 제목 (1~120자)', fix: '제목을 줄이세요.' }));
  }
  if (args.category !== undefined && !categories.includes(args.category)) {
    problems.push(
      argProblem('--category', {
        message: `"${args.category}"은(는) 분류가 아닙니다.`,
        expected: `src/site.config.ts의 분류 id: ${categories.join(', ')}`,
        fix: '위 id 중 하나를 쓰거나, src/site.config.ts의 categories를 먼저 고치세요 (docs/setup.md). --category를 빼면 첫 분류를 씁니다.',
        suggestion: nearest(args.category, categories),
      }),
    );
  }
  return problems;
}

/** What `git status --porcelain` says about the content folder: its lines, or why git could not say. */
export type GitStatus = { lines: string[] } | { error: string };

/** One collection's files as they are now: what will be removed. */
export interface Removal {
  folder: string;
  what: string;
  counter: string;
  /** Posts, authors, surveys or benchmarks in it (what readers would count). */
  count: number;
  /** Every file and folder directly in it, notes and images included. */
  entries: string[];
}

/** What is in the four collection folders of `contentDir`. */
export function inventory(contentDir: string): Removal[] {
  return COLLECTIONS.map(({ folder, what, counter }) => {
    const dir = join(contentDir, folder);
    const entries = existsSync(dir) ? readdirSync(dir).sort() : [];
    const counted = entries.filter((name) => {
      if (name.startsWith('_') || name.startsWith('.')) return false;
      if (folder !== 'posts') return name.endsWith('.json');
      return /\.mdx?$/.test(name) || statSync(join(dir, name)).isDirectory();
    });
    return { folder, what, counter, count: counted.length, entries };
  });
}

const summary = (removals: Removal[]): string =>
  removals
    .filter((r) => r.count > 0)
    .map((r) => `${r.what} ${r.count}${r.counter}`)
    .join(', ') || '지울 것 없음';

/** The problem that stops a removal git cannot vouch for, or undefined. */
export function gitProblem(status: GitStatus, contentDir: string): Problem | undefined {
  const folder = `${displayPath(contentDir)}/`;
  if ('error' in status) {
    return {
      kind: 'git',
      file: folder,
      severity: 'error',
      message: `git으로 커밋하지 않은 변경이 있는지 확인할 수 없습니다 (${status.error}). 지운 파일을 되살릴 수 없을 수도 있습니다.`,
      expected: 'git clone으로 받은 저장소 안의, 모든 변경이 커밋된 content/ 폴더',
      fix: '저장소를 git clone으로 받아 그 안에서 실행하세요. 지워도 되는 내용이 확실하면 --force를 붙이세요.',
    };
  }
  if (status.lines.length === 0) return undefined;
  const shown = status.lines.slice(0, 8).map((l) => l.trim());
  const more = status.lines.length > shown.length ? ` 외 ${status.lines.length - shown.length}개` : '';
  return {
    kind: 'git',
    file: folder,
    severity: 'error',
    message: `커밋하지 않은 변경이 ${status.lines.length}개 있습니다: ${shown.join(', ')}${more}. 지우면 되살릴 수 없습니다.`,
    expected: '모든 변경이 커밋된 content/ 폴더 (git status에 아무것도 나오지 않는 상태)',
    fix: '남길 것이면 git add와 git commit으로 저장한 뒤 다시 실행하세요 (그러면 지운 뒤에도 git에서 되살릴 수 있습니다). 버려도 되면 --force를 붙이세요.',
  };
}

export type NewSiteIO = TerminalIO;

export interface NewSiteEnv {
  contentDir: string;
  /** Today in the site's time zone (YYYY-MM-DD): the first post's date. */
  today: string;
  io: NewSiteIO;
  /** `git status --porcelain` of the content folder (scripts/new-site.ts runs git). */
  gitStatus(contentDir: string): GitStatus;
}

const YES = /^(y|yes|예|네|ㅇ)$/i;

/** The author file's text: every field the author schema requires, in its order. */
export function renderAuthor(fields: { name: string; role: string; bio: string }): string {
  return `${JSON.stringify({ name: fields.name, role: fields.role, bio: fields.bio }, null, 2)}\n`;
}

/** Runs `npm run new-site`; returns the exit code and the files written. */
export async function newSite(argv: string[], env: NewSiteEnv): Promise<{ code: number; author?: string; post?: string }> {
  const { io, contentDir } = env;
  const args = parseArgs(argv);
  if (args.help) {
    io.out(USAGE);
    return { code: 0 };
  }
  const fail = (problems: Problem[], usage = true) => {
    io.err(formatProblems(problems, io.color === true));
    io.err(usage ? `\n${USAGE}` : '\n✗ 아무것도 지우거나 만들지 않았습니다.');
    return { code: 1 };
  };
  if (args.errors.length) return fail(args.errors);
  const problems = checkArgs(args);
  if (problems.length) return fail(problems);
  const authorId = args.authorId!;
  const authorName = args.authorName!;
  const role = args.authorRole ?? DEFAULT_ROLE;
  const bio = args.authorBio ?? DEFAULT_BIO;
  const title = args.postTitle ?? DEFAULT_POST_TITLE;
  const category = args.category ?? site.categories[0]!.id;

  const removals = inventory(contentDir);
  const anything = removals.some((r) => r.entries.length > 0);
  if (anything) {
    const problem = gitProblem(env.gitStatus(contentDir), contentDir);
    if (problem && !args.force) return fail([problem], false);
    if (problem) io.err(`경고: --force: ${problem.message}`);
  }

  const folder = displayPath(contentDir);
  if (!args.yes) {
    if (!io.isTTY) {
      return fail(
        [
          argProblem('--yes', {
            message: '--yes가 없습니다. 표준 입력이 터미널이 아니라서 확인을 묻지 않고 끝냅니다.',
            expected: `지워도 된다는 확인: --yes (지울 것: ${summary(removals)})`,
            fix: `${COMMAND} -- --yes --author-id ${authorId} --author-name "${authorName}" 처럼 --yes를 붙이세요.`,
          }),
        ],
        false,
      );
    }
    if (anything) {
      io.out(`${folder}/에서 다음을 지우고 새로 시작합니다:`);
      for (const r of removals) if (r.entries.length) io.out(`  ${r.what} ${r.count}${r.counter} (${displayPath(contentDir, r.folder)}/)`);
    } else {
      io.out(`${folder}/에 지울 것이 없습니다.`);
    }
    io.out(`만들 것: 저자 ${authorId}(${authorName}), 첫 글 "${title}"(초안)`);
    const answer = (await io.ask('계속할까요? [y/N] ')).trim();
    if (!YES.test(answer)) {
      io.err('취소했습니다. 아무것도 지우지 않았습니다.');
      return { code: 1 };
    }
  }

  // Remove: the optional collections go entirely (a build needs none of them), posts/ and authors/ are emptied.
  for (const r of removals) {
    const dir = join(contentDir, r.folder);
    if (!KEPT_FOLDERS.has(r.folder)) rmSync(dir, { recursive: true, force: true });
    else for (const name of r.entries) rmSync(join(dir, name), { recursive: true, force: true });
  }
  mkdirSync(join(contentDir, 'authors'), { recursive: true });
  const authorFile = join(contentDir, 'authors', `${authorId}.json`);
  writeFileSync(authorFile, renderAuthor({ name: authorName, role, bio }), { flag: 'wx' });

  // The first post through `npm run new`'s own scaffold: valid front matter, draft: true.
  const said: string[] = [];
  const quiet: NewSiteIO = { isTTY: false, color: io.color, ask: () => Promise.reject(new Error('no questions')), out: () => {}, err: (t) => said.push(t) };
  const post = await newPost([title, '--author', authorId, '--category', category], { contentDir, today: env.today, io: quiet });
  if (post.code !== 0 || !post.file) {
    io.err(said.join('\n'));
    io.err(`\n저자 파일은 만들었습니다: ${displayPath(authorFile)}. 첫 글은 npm run new -- "제목" --author ${authorId} 로 만드세요.`);
    return { code: 1, author: authorFile };
  }

  const authorShown = displayPath(authorFile);
  const postShown = displayPath(post.file);
  io.out(
    [
      anything ? `✓ 예시 콘텐츠를 지웠습니다: ${summary(removals)}${args.force ? '' : ' (git에서 되살릴 수 있습니다)'}` : `✓ ${folder}/에 지울 것이 없었습니다.`,
      `✓ 저자를 만들었습니다: ${authorShown} (${authorName}, ${role})`,
      `✓ 첫 글을 만들었습니다: ${postShown} (초안, 분류 ${category})`,
      '',
      '다음 단계 (자세한 안내: docs/setup.md):',
      '  1. src/site.config.ts에서 사이트 이름(name), 소개(description), 주소(url), 회사 이름(organization),',
      '     트위터 계정(twitterHandle)을 회사에 맞게 고칩니다.',
      `  2. 같은 파일의 분류(categories)를 회사의 분류로 바꿉니다. 바꾸면 첫 글의 "category: ${category}"도 새 분류 id로 고칩니다.`,
      ...('operations' in site ? ['     운영 현황 설정(operations)의 목표와 비교할 조사도 회사에 맞게 고치거나 지웁니다.'] : []),
      `  3. ${authorShown}의 직함(role)과 소개(bio)를 다듬습니다. 사진은 같은 폴더에 두고 "avatar": "./${authorId}.jpg"처럼 씁니다.`,
      `  4. ${postShown}에 요약(description)과 본문을 쓰고 "draft: true" 줄을 지웁니다.`,
      '  5. npm run build 로 사이트를 만듭니다 (미리 보기: npm run dev → http://localhost:4321).',
      '  6. git add -A && git commit 으로 저장하고 올립니다. 배포: docs/deploy.md',
    ].join('\n'),
  );
  return { code: 0, author: authorFile, post: post.file };
}
