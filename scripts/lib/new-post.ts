/**
 * The logic of `npm run new`, separated from the terminal so it can be tested: argument parsing,
 * the questions asked in a terminal, and the file written. scripts/new-post.ts wires it to
 * process.argv, stdin and stdout.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs as parseCliArgs } from 'node:util';
import { displayPath } from '../../src/lib/content-dir';
import site from '../../src/site.config';
import { DESCRIPTION_PLACEHOLDER } from '../../src/lib/rules/post-schema.ts';
import { isValidSlug, slugify } from './slug';
import { isCalendarDay } from '../../src/lib/dates';

export const USAGE = `사용법: npm run new -- "글 제목" [--author 아이디] [--category 아이디] [--slug ascii-slug] [--date YYYY-MM-DD] [--description "요약"]

  --author       글쓴이 (content/authors/<아이디>.json)
  --category     카테고리 (src/site.config.ts)
  --slug         주소에 쓰일 이름: 영문 소문자, 숫자, "-" (없으면 제목에서 만듭니다)
  --date         발행일 (없으면 오늘, ${site.timeZone})
  --description  요약 (없으면 나중에 채울 자리표시 문장)
  --             뒤의 낱말은 모두 제목 ("-"로 시작하는 제목)`;

export interface NewPostArgs {
  title?: string;
  author?: string;
  category?: string;
  slug?: string;
  date?: string;
  description?: string;
  help: boolean;
  errors: string[];
}

const FLAGS = ['author', 'category', 'slug', 'date', 'description'] as const;
type Flag = (typeof FLAGS)[number];
const KNOWN_FLAGS = [...FLAGS.map((f) => `--${f}`), '--help'].join(', ');

/** node:util's message names the flag in quotes: "Unknown option '--autor'", "Option '--author <value>' argument missing". */
const flagIn = (message: string): string => /'(-[^' ]*)/.exec(message)?.[1] ?? '';

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
    const { code, message } = error as Error & { code?: string };
    const flag = flagIn(message);
    const text =
      code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION'
        ? `알 수 없는 옵션 ${flag} (unknown option; expected one of ${KNOWN_FLAGS}). 제목이 "-"로 시작하면 -- 뒤에 쓰세요: npm run new -- --author 아이디 -- "-제목"`
        : code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE'
          ? `${flag} 뒤에 값이 없습니다 (${flag} needs a value; a value starting with "-" is written ${flag}=-값)`
          : message;
    return { help: false, errors: [text] };
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

export interface NewPostIO {
  /** True when a person is typing: questions may be asked. */
  isTTY: boolean;
  ask(question: string): Promise<string>;
  out(text: string): void;
  err(text: string): void;
}

function describeChoices(choices: Choice[]): string {
  return choices.map((c) => `${c.id}${c.label ? ` (${c.label})` : ''}`).join(', ');
}

/** Asks until the answer is one of the choices (by id or by its number in the list). */
async function choose(io: NewPostIO, what: string, choices: Choice[]): Promise<string> {
  io.out(`${what}:`);
  choices.forEach((c, i) => io.out(`  ${i + 1}. ${c.id}${c.label ? `  ${c.label}` : ''}`));
  for (;;) {
    const answer = (await io.ask(`${what} 번호나 아이디: `)).trim();
    const byNumber = /^\d+$/.test(answer) ? choices[Number(answer) - 1] : undefined;
    const found = byNumber ?? choices.find((c) => c.id === answer);
    if (found) return found.id;
    io.err(`  "${answer}"은(는) 목록에 없습니다. 다시 고르세요.`);
  }
}

export interface NewPostEnv {
  contentDir: string;
  /** Today in the site's time zone (YYYY-MM-DD). */
  today: string;
  io: NewPostIO;
}

/** Runs `npm run new`; returns the exit code and the file written. */
export async function newPost(argv: string[], env: NewPostEnv): Promise<{ code: number; file?: string }> {
  const { io } = env;
  const args = parseArgs(argv);
  if (args.help) {
    io.out(USAGE);
    return { code: 0 };
  }
  const fail = (lines: string[]) => {
    io.err(lines.join('\n'));
    io.err(`\n${USAGE}`);
    return { code: 1 };
  };
  if (args.errors.length) return fail(args.errors);

  const authors = knownAuthors(env.contentDir);
  const categories = knownCategories();
  const problems: string[] = [];
  if (args.author !== undefined && !authors.some((a) => a.id === args.author)) {
    problems.push(`--author "${args.author}": 없는 글쓴이입니다 (known: ${describeChoices(authors) || 'none'}). content/authors/${args.author}.json을 만들거나 아이디를 고치세요.`);
  }
  if (args.category !== undefined && !categories.some((c) => c.id === args.category)) {
    problems.push(`--category "${args.category}": 없는 카테고리입니다 (known: ${categories.map((c) => c.id).join(', ')}).`);
  }
  if (args.slug !== undefined && !isValidSlug(args.slug)) {
    problems.push(`--slug "${args.slug}": 영문 소문자, 숫자, "-"만 쓸 수 있습니다 (e.g. sns-guideline).`);
  }
  if (args.date !== undefined && !isValidDay(args.date)) {
    problems.push(`--date "${args.date}": YYYY-MM-DD 형식의 날짜가 아닙니다 (e.g. ${env.today}).`);
  }
  if (args.description !== undefined && (args.description.length < 1 || args.description.length > 200)) {
    problems.push(`--description: 1-200자여야 합니다 (지금 ${args.description.length}자).`);
  }
  if (args.title !== undefined && args.title.length > 120) problems.push(`제목이 ${args.title.length}자입니다; 120자 이하로 줄이세요.`);
  if (problems.length) return fail(problems);

  const missing = [
    ...(args.title ? [] : ['"제목"']),
    ...(args.author ? [] : ['--author']),
    ...(args.category ? [] : ['--category']),
  ];
  if (missing.length && !io.isTTY) {
    // Never wait for an answer nobody can give (CI, a script, an editor's task runner).
    return fail([
      `빠진 값: ${missing.join(', ')} (missing; standard input is not a terminal, so nothing is asked).`,
      ...(args.author ? [] : [`  --author: ${describeChoices(authors) || '(content/authors/ 폴더가 비어 있습니다)'}`]),
      ...(args.category ? [] : [`  --category: ${describeChoices(categories)}`]),
    ]);
  }

  let title = args.title;
  while (!title) {
    title = (await io.ask('글 제목: ')).trim();
    if (title.length > 120) {
      io.err(`  제목이 ${title.length}자입니다; 120자 이하로 써 주세요.`);
      title = '';
    }
  }
  if (!authors.length) return fail(['글쓴이가 없습니다: content/authors/<아이디>.json을 먼저 만드세요.']);
  const author = args.author ?? (await choose(io, '글쓴이', authors));
  const category = args.category ?? (await choose(io, '카테고리', categories));
  let description = args.description;
  if (description === undefined && io.isTTY && missing.length) {
    const answer = (await io.ask('요약 한두 문장 (Enter: 나중에 쓰기): ')).trim();
    if (answer) description = answer.slice(0, 200);
  }

  const slug = args.slug ?? slugify(title);
  const date = args.date ?? env.today;
  const name = `${date}-${slug}`;
  const postsDir = join(env.contentDir, 'posts');
  const path = join(postsDir, `${name}.mdx`);
  const clash = [path, join(postsDir, `${name}.md`), join(postsDir, name, 'index.mdx'), join(postsDir, name, 'index.md')].find((p) => existsSync(p));
  if (clash) {
    io.err(`${displayPath(clash)}이(가) 이미 있습니다. 덮어쓰지 않습니다 (refusing to overwrite). --slug로 다른 이름을 주세요.`);
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
