/**
 * The logic of `npm run new`, separated from the terminal so it can be tested: argument parsing,
 * the questions asked in a terminal, and the file written. scripts/new-post.ts wires it to
 * process.argv, stdin and stdout.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs as parseCliArgs } from 'node:util';
import { displayPath } from '../../src/lib/content-dir.ts';
import { isCalendarDay } from '../../src/lib/dates.ts';
import { DESCRIPTION_PLACEHOLDER } from '../../src/lib/rules/post-schema.ts';
import { formatProblems, type Problem } from '../../src/lib/rules/problems.ts';
import { nearest } from '../../src/lib/rules/suggest.ts';
import site from '../../src/site.config.ts';
import { isValidSlug, SLUG_RULE, slugify } from '../../src/lib/slug.ts';
import { argProblem as cliArgProblem, argsErrorProblem, type TerminalIO } from './cli.ts';

export const USAGE = `사용법: npm run new -- "글 제목" [--author 아이디] [--category 아이디] [--slug ascii-slug] [--date YYYY-MM-DD] [--description "요약"]

  --author       글쓴이 (content/authors/<아이디>.json)
  --category     카테고리 (src/site.config.ts)
  --slug         주소에 쓰일 이름: 영문 소문자, 숫자, "-" (없으면 제목에서 만듭니다)
  --date         발행일 (없으면 오늘, ${site.timeZone})
  --description  요약 (없으면 나중에 채울 자리표시 문장)
  --             뒤의 낱말은 모두 제목 ("-"로 시작하는 제목)`;

/** Where problems with the arguments are said to be: the command itself. */
export const COMMAND = 'npm run new';

export interface NewPostArgs {
  title?: string;
  author?: string;
  category?: string;
  slug?: string;
  date?: string;
  description?: string;
  help: boolean;
  /** Problems with the arguments themselves (an unknown flag, a flag without a value). */
  errors: Problem[];
}

const FLAGS = ['author', 'category', 'slug', 'date', 'description'] as const;
type Flag = (typeof FLAGS)[number];
const KNOWN_FLAGS = [...FLAGS.map((f) => `--${f}`), '--help'];

/** A problem with one argument of `npm run new`: `오류 npm run new · --author`. */
const argProblem = (field: string, found: Parameters<typeof cliArgProblem>[2]): Problem => cliArgProblem(COMMAND, field, found);

/**
 * The title words and the flags, in any order, `--flag value` or `--flag=value`. node:util's
 * parser in strict mode: an unknown flag (`--Author`, `-a`, `--dry-run`) is an error rather than
 * a word of the title, and a lone `--` ends the flags (a title starting with "-" goes after it).
 */
export function parseArgs(argv: string[]): NewPostArgs {
  let parsed;
  try {
    parsed = parseCliArgs({
      args: argv,
      strict: true,
      allowPositionals: true,
      options: {
        ...Object.fromEntries(FLAGS.map((f) => [f, { type: 'string' as const }])),
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    const problem = argsErrorProblem(COMMAND, error, KNOWN_FLAGS, {
      unknownFlag: '철자를 고치세요. 제목이 "-"로 시작하면 -- 뒤에 쓰세요: npm run new -- --author 아이디 -- "-제목"',
      missingValue: (flag) => `값을 쓰세요. "-"로 시작하는 값은 ${flag}=-값 처럼 붙여 씁니다.`,
    });
    return { help: false, errors: [problem] };
  }
  const values = parsed.values as Partial<Record<Flag, string>> & { help?: boolean };
  const args: NewPostArgs = { help: values.help === true, errors: [] };
  for (const name of FLAGS) {
    const value = values[name];
    if (value !== undefined) args[name] = value.trim();
  }
  const title = parsed.positionals.join(' ').trim();
  if (title) args.title = title;
  return args;
}

export interface Choice {
  id: string;
  label: string;
}

export function knownAuthors(contentDir: string): Choice[] {
  const dir = join(contentDir, 'authors');
  if (!existsSync(dir)) return [];
  return jsonFiles(dir).map((id) => {
    let name = '';
    try {
      name = String((JSON.parse(readFileSync(join(dir, `${id}.json`), 'utf8')) as { name?: unknown }).name ?? '');
    } catch {
      // A broken author file is `npm run check`'s to report; the id is still a choice.
    }
    return { id, label: name };
  });
}

function jsonFiles(dir: string): string[] {
  return readdirSyncSafe(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -5))
    .sort();
}

function readdirSyncSafe(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

export const knownCategories = (): Choice[] => site.categories.map((c) => ({ id: c.id, label: c.name }));

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isValidDay(day: string): boolean {
  const m = DAY.exec(day);
  return m !== null && isCalendarDay(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** The new file's text: front matter every field of which passes the post schema, `draft: true`. */
export function renderPost(fields: { title: string; description: string; pubDate: string; author: string; category: string }): string {
  // JSON strings are valid YAML double-quoted strings: any title is safe, quotes and colons included.
  return [
    '---',
    `title: ${JSON.stringify(fields.title)}`,
    `description: ${JSON.stringify(fields.description)}`,
    `pubDate: ${fields.pubDate}`,
    `author: ${fields.author}`,
    `category: ${fields.category}`,
    'tags: []',
    'draft: true',
    '---',
    '',
    '{/* 작성 안내: docs/writing.md. 다 쓰면 위의 "draft: true" 줄을 지우고 npm run check를 실행하세요. */}',
    '',
    '여기에 본문을 씁니다. 문단 사이에는 빈 줄을 둡니다.',
    '',
    '## 소제목',
    '',
    '본문을 이어서 씁니다.',
    '',
  ].join('\n');
}

export type NewPostIO = TerminalIO;

function describeChoices(choices: Choice[]): string {
  return choices.map((c) => `${c.id}${c.label ? ` (${c.label})` : ''}`).join(', ');
}

/** Asks until the answer is one of the choices (by id or by its number in the list). */
async function choose(io: NewPostIO, what: string, choices: Choice[]): Promise<string> {
  io.out(`${what}:`);
  choices.forEach((c, i) => io.out(`  ${i + 1}. ${c.id}${c.label ? `  ${c.label}` : ''}`));
  const ids = choices.map((c) => c.id);
  for (;;) {
    const answer = (await io.ask(`${what} 번호나 아이디: `)).trim();
    const byNumber = /^\d+$/.test(answer) ? choices[Number(answer) - 1] : undefined;
    const found = byNumber ?? choices.find((c) => c.id === answer);
    if (found) return found.id;
    const near = /^\d+$/.test(answer) ? undefined : nearest(answer, ids);
    io.err(`  "${answer}"은(는) 목록에 없습니다.${near ? ` 혹시 "${near}"?` : ''} 다시 고르세요.`);
  }
}

export interface NewPostEnv {
  contentDir: string;
  /** Today in the site's time zone (YYYY-MM-DD). */
  today: string;
  io: NewPostIO;
}

const TITLE_MAX = 120;
const DESCRIPTION_MAX = 200;

/** What each value of `npm run new` expects, for the problem blocks. */
function checkValues(args: NewPostArgs, authors: Choice[], categories: Choice[], env: NewPostEnv): Problem[] {
  const problems: Problem[] = [];
  const authorsDir = displayPath(join(env.contentDir, 'authors'));
  if (args.author !== undefined && !authors.some((a) => a.id === args.author)) {
    problems.push(
      argProblem('--author', {
        message: `"${args.author}"은(는) 등록된 저자가 아닙니다.`,
        expected: `${authorsDir}/ 폴더의 저자 id: ${describeChoices(authors) || '(아직 없음)'}`,
        fix: `id를 고치거나 ${join(authorsDir, `${args.author}.json`)} 파일을 만드세요.`,
        suggestion: nearest(args.author, authors.map((a) => a.id)),
      }),
    );
  }
  if (args.category !== undefined && !categories.some((c) => c.id === args.category)) {
    problems.push(
      argProblem('--category', {
        message: `"${args.category}"은(는) 분류가 아닙니다.`,
        expected: `src/site.config.ts의 분류 id: ${describeChoices(categories)}`,
        fix: '위 id 중 하나를 쓰거나, src/site.config.ts의 categories에 분류를 더하세요.',
        suggestion: nearest(args.category, categories.map((c) => c.id)),
      }),
    );
  }
  if (args.slug !== undefined && !isValidSlug(args.slug)) {
    const made = slugify(args.slug);
    problems.push(
      argProblem('--slug', {
        message: args.slug === '' ? '슬러그가 비어 있습니다.' : `"${args.slug}"은(는) 주소에 쓸 수 없는 슬러그입니다.`,
        expected: SLUG_RULE,
        fix: '슬러그를 고치거나, --slug를 빼서 제목으로 만들게 하세요.',
        suggestion: args.slug !== '' && made !== args.slug && isValidSlug(made) ? made : undefined,
      }),
    );
  }
  if (args.date !== undefined && !isValidDay(args.date)) {
    problems.push(
      argProblem('--date', {
        message: DAY.test(args.date) ? `${args.date}은(는) 달력에 없는 날입니다.` : `"${args.date}"은(는) YYYY-MM-DD 형식의 날짜가 아닙니다.`,
        expected: `연-월-일 날짜 YYYY-MM-DD (예: ${env.today})`,
        fix: `날짜를 고치거나, --date를 빼서 오늘(${site.timeZone}) 날짜로 쓰게 하세요.`,
      }),
    );
  }
  if (args.description !== undefined && (args.description.length < 1 || args.description.length > DESCRIPTION_MAX)) {
    problems.push(
      argProblem('--description', {
        message: args.description.length < 1 ? '요약이 비어 있습니다.' : `요약이 ${args.description.length}자입니다. ${DESCRIPTION_MAX}자를 넘습니다.`,
        expected: `검색 결과와 피드에 나가는 요약 (1~${DESCRIPTION_MAX}자)`,
        fix: '요약을 고치거나, --description을 빼고 나중에 파일에서 쓰세요.',
      }),
    );
  }
  if (args.title !== undefined && args.title.length > TITLE_MAX) {
    problems.push(
      argProblem('"제목"', {
        message: `제목이 ${args.title.length}자입니다. ${TITLE_MAX}자를 넘습니다.`,
        expected: `글 제목 (1~${TITLE_MAX}자)`,
        fix: '제목을 줄이세요.',
      }),
    );
  }
  return problems;
}

/** Without a terminal nothing can be asked: each missing value is a problem naming the choices. */
function missingValues(args: NewPostArgs, authors: Choice[], categories: Choice[], env: NewPostEnv): Problem[] {
  const why = '표준 입력이 터미널이 아니라서 묻지 않습니다.';
  const authorsDir = displayPath(join(env.contentDir, 'authors'));
  return [
    ...(args.title
      ? []
      : [
          argProblem('"제목"', {
            message: `글 제목이 없습니다. ${why}`,
            expected: `따옴표로 감싼 글 제목 (1~${TITLE_MAX}자)`,
            fix: 'npm run new -- "글 제목" --author 아이디 --category 아이디 처럼 쓰세요.',
          }),
        ]),
    ...(args.author
      ? []
      : [
          argProblem('--author', {
            message: `--author가 없습니다. ${why}`,
            expected: `${authorsDir}/ 폴더의 저자 id: ${describeChoices(authors) || '(아직 없음)'}`,
            fix: authors.length ? `--author ${authors[0]!.id} 처럼 글쓴이 id를 붙이세요.` : `${authorsDir}/<아이디>.json 파일을 먼저 만드세요.`,
          }),
        ]),
    ...(args.category
      ? []
      : [
          argProblem('--category', {
            message: `--category가 없습니다. ${why}`,
            expected: `src/site.config.ts의 분류 id: ${describeChoices(categories)}`,
            fix: `--category ${categories[0]?.id ?? '아이디'} 처럼 분류 id를 붙이세요.`,
          }),
        ]),
  ];
}

/** Runs `npm run new`; returns the exit code and the file written. */
export async function newPost(argv: string[], env: NewPostEnv): Promise<{ code: number; file?: string }> {
  const { io } = env;
  const args = parseArgs(argv);
  if (args.help) {
    io.out(USAGE);
    return { code: 0 };
  }
  const report = (problems: Problem[]) => io.err(formatProblems(problems, io.color === true));
  const fail = (problems: Problem[]) => {
    report(problems);
    io.err(`\n${USAGE}`);
    return { code: 1 };
  };
  if (args.errors.length) return fail(args.errors);

  const authors = knownAuthors(env.contentDir);
  const categories = knownCategories();
  const problems = checkValues(args, authors, categories, env);
  if (problems.length) return fail(problems);

  const missing = !args.title || !args.author || !args.category;
  // Never wait for an answer nobody can give (CI, a script, an editor's task runner).
  if (missing && !io.isTTY) return fail(missingValues(args, authors, categories, env));

  let title = args.title;
  while (!title) {
    title = (await io.ask('글 제목: ')).trim();
    if (title.length > TITLE_MAX) {
      io.err(`  제목이 ${title.length}자입니다; ${TITLE_MAX}자 이하로 써 주세요.`);
      title = '';
    }
  }
  if (!authors.length) {
    const authorsDir = displayPath(join(env.contentDir, 'authors'));
    return fail([
      {
        kind: 'author',
        file: `${authorsDir}/`,
        severity: 'error',
        message: '글쓴이 파일이 하나도 없습니다.',
        expected: `${authorsDir}/<아이디>.json 파일 하나 이상 (이름, 역할, 소개)`,
        fix: `${authorsDir}/<아이디>.json 파일을 먼저 만드세요 (docs/writing.md 참고).`,
      },
    ]);
  }
  const author = args.author ?? (await choose(io, '글쓴이', authors));
  const category = args.category ?? (await choose(io, '카테고리', categories));
  let description = args.description;
  if (description === undefined && io.isTTY && missing) {
    const answer = (await io.ask('요약 한두 문장 (Enter: 나중에 쓰기): ')).trim();
    if (answer) description = answer.slice(0, DESCRIPTION_MAX);
  }

  const slug = args.slug ?? slugify(title);
  const date = args.date ?? env.today;
  const name = `${date}-${slug}`;
  const postsDir = join(env.contentDir, 'posts');
  const path = join(postsDir, `${name}.mdx`);
  const clash = [path, join(postsDir, `${name}.md`), join(postsDir, name, 'index.mdx'), join(postsDir, name, 'index.md')].find((p) => existsSync(p));
  if (clash) {
    report([
      {
        kind: 'filename',
        file: displayPath(clash),
        severity: 'error',
        message: '이미 있습니다. 덮어쓰지 않습니다.',
        expected: `아직 없는 글 파일 이름 (${date}-<슬러그>)`,
        fix: `--slug로 다른 이름을 주세요 (예: --slug ${slug}-2). 같은 글이면 그 파일을 여세요.`,
      },
    ]);
    return { code: 1 };
  }
  mkdirSync(postsDir, { recursive: true });
  writeFileSync(path, renderPost({ title, description: description ?? DESCRIPTION_PLACEHOLDER, pubDate: date, author, category }), { flag: 'wx' });
  const file = displayPath(path);
  io.out(
    [
      `✓ 새 글을 만들었습니다: ${file}`,
      `  주소: /posts/${name}/ (draft: true라서 아직 발행되지 않습니다)`,
      '',
      '다음 단계:',
      `  1. ${file}을(를) 열어 ${description ? '' : 'description(요약)과 '}본문을 씁니다.`,
      `  2. npm run dev 로 미리 봅니다: http://localhost:4321/posts/${name}/`,
      '  3. 다 되면 "draft: true" 줄을 지우고 npm run check 를 실행합니다.',
    ].join('\n'),
  );
  return { code: 0, file: path };
}
