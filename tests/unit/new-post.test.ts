/**
 * `npm run new` in-process: arguments, questions, the file written and every problem as a Korean
 * block. Independent of the example content: the authors are this file's own, in a temporary
 * content folder, and the categories are whatever src/site.config.ts lists.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { COMMAND, newPost, parseArgs, type NewPostIO } from '../../scripts/lib/new-post.ts';
import { parseFrontmatter } from '@/lib/rules/frontmatter';
import { checkPost } from '@/lib/rules/post';
import { DESCRIPTION_PLACEHOLDER } from '@/lib/rules/post-schema';
import site from '@/site.config';

/** Ids unlike the example site's, so nothing here passes by reading content/. */
const AUTHORS = { 'test-minji': '테스트 민지', 'test-junho': '테스트 준호' } as const;
const categories = site.categories.map((c) => c.id);
const [firstCategory, secondCategory] = categories as [string, string, ...string[]];

let contentDir: string;

beforeEach(() => {
  contentDir = mkdtempSync(join(tmpdir(), 'new-post-'));
  mkdirSync(join(contentDir, 'authors'));
  for (const [id, name] of Object.entries(AUTHORS)) {
    writeFileSync(join(contentDir, 'authors', `${id}.json`), JSON.stringify({ name, role: '테스트', bio: '테스트용 저자' }));
  }
});

/** A terminal (or not) that answers questions from a script and records what was printed. */
function fakeIO(isTTY: boolean, answers: string[] = []) {
  const asked: string[] = [];
  const out: string[] = [];
  const err: string[] = [];
  const io: NewPostIO = {
    isTTY,
    ask: async (q) => {
      asked.push(q);
      const answer = answers.shift();
      if (answer === undefined) throw new Error(`unexpected question: ${q}`);
      return answer;
    },
    out: (t) => out.push(t),
    err: (t) => err.push(t),
  };
  return { io, asked, out, err, text: () => [...out, ...err].join('\n') };
}

const posts = () => (existsSync(join(contentDir, 'posts')) ? readdirSync(join(contentDir, 'posts')) : []);
const run = (argv: string[], io: NewPostIO) => newPost(argv, { contentDir, today: '2026-11-27', io });
/** The block of one problem, from its head line to the blank line after it. */
const block = (text: string, head: string) => {
  const start = text.indexOf(head);
  expect(start, `no block "${head}" in:\n${text}`).toBeGreaterThanOrEqual(0);
  const end = text.indexOf('\n\n', start);
  return text.slice(start, end < 0 ? undefined : end);
};

describe('parseArgs', () => {
  it('reads the title words and the flags in any order, with or without "="', () => {
    expect(parseArgs(['소셜', '--author', 'test-minji', '미디어', `--category=${firstCategory}`])).toMatchObject({
      title: '소셜 미디어',
      author: 'test-minji',
      category: firstCategory,
      errors: [],
    });
  });

  it('reports unknown options and flags without a value as problems of the command', () => {
    expect(parseArgs(['제목', '--autor', 'x']).errors).toEqual([
      expect.objectContaining({ file: COMMAND, field: '--autor', severity: 'error', message: '알 수 없는 옵션 --autor입니다.', suggestion: '--author' }),
    ]);
    expect(parseArgs(['제목', '--author']).errors[0]).toMatchObject({ field: '--author', message: '--author 뒤에 값이 없습니다.' });
    expect(parseArgs(['제목', '--author', '--category', 'x']).errors[0]).toMatchObject({ field: '--author' });
    expect(parseArgs(['제목', '--help=yes']).errors[0]).toMatchObject({ field: '--help', message: '--help에는 값을 붙이지 않습니다.' });
  });

  it('never takes a lone "--", a short or misspelt flag into the title', () => {
    // `npm run new -- --author x -- "대시 제목"`: npm keeps the second "--".
    expect(parseArgs(['--author', 'test-junho', '--', '대시 제목'])).toMatchObject({ title: '대시 제목', author: 'test-junho', errors: [] });
    expect(parseArgs(['--', '-5도의 겨울'])).toMatchObject({ title: '-5도의 겨울', errors: [] });
    for (const flag of ['-a', '--dry-run', '--Author']) {
      const args = parseArgs(['제목', flag, 'test-junho']);
      expect(args.title, flag).toBeUndefined();
      expect(args.errors, flag).toEqual([expect.objectContaining({ field: flag, message: `알 수 없는 옵션 ${flag}입니다.` })]);
      // The block lists what is allowed, and how to write a title starting with "-".
      expect(args.errors[0]?.expected).toBe('쓸 수 있는 옵션: --author, --category, --slug, --date, --description, --help');
      expect(args.errors[0]?.fix).toContain('-- "-제목"');
    }
    expect(parseArgs(['제목', '--Author', 'x']).errors[0]?.suggestion).toBe('--author');
  });
});

describe('npm run new', () => {
  it('writes content/posts/<date>-<slug>.mdx with front matter that passes the post schema, as a draft', async () => {
    const t = fakeIO(false);
    const result = await run(['소셜미디어 가이드라인: "첫" 해', '--author', 'test-minji', '--category', firstCategory], t.io);
    expect(result.code).toBe(0);
    expect(posts()).toEqual(['2026-11-27-sosyeolmidieo-gaideurain-cheot-hae.mdx']);
    const source = readFileSync(result.file!, 'utf8');
    const fm = parseFrontmatter(source).data!;
    expect(fm).toMatchObject({
      title: '소셜미디어 가이드라인: "첫" 해',
      description: DESCRIPTION_PLACEHOLDER,
      author: 'test-minji',
      category: firstCategory,
      tags: [],
      draft: true,
    });
    // Read as written: a bare day, midnight in Seoul (see src/lib/written-dates.ts).
    expect(fm.pubDate).toBe('2026-11-27');
    // Same schema and checks as the build and `npm run check`, against this test's authors
    // (the placeholder description is only a warning in a draft).
    const check = checkPost('x', result.file!, 'x.mdx', source, {
      projectRoot: process.cwd(),
      contentDir,
      components: [],
      index: { surveys: new Map(), benchmarks: new Map() },
      now: new Date('2026-12-01T00:00:00Z'),
    });
    expect(check.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(check.problems.map((p) => p.kind)).toEqual(['placeholder']);
    expect(t.text()).toContain('/posts/2026-11-27-sosyeolmidieo-gaideurain-cheot-hae/');
  });

  it('uses --slug, --date and --description as given', async () => {
    const t = fakeIO(false);
    const result = await run(
      ['제목', '--author=test-junho', `--category=${secondCategory}`, '--slug', 'hiring-2010', '--date', '2010-08-10', '--description', '요약입니다.'],
      t.io,
    );
    expect(result.code).toBe(0);
    expect(posts()).toEqual(['2010-08-10-hiring-2010.mdx']);
    expect(parseFrontmatter(readFileSync(result.file!, 'utf8')).data).toMatchObject({ description: '요약입니다.', author: 'test-junho', category: secondCategory });
  });

  it('without a terminal, never asks: one block per missing value, with the known ids', async () => {
    const t = fakeIO(false);
    const result = await run([], t.io);
    expect(result.code).toBe(1);
    expect(t.asked).toEqual([]);
    const text = t.text();
    expect(block(text, `오류 ${COMMAND} · "제목"`)).toContain('문제: 글 제목이 없습니다. 표준 입력이 터미널이 아니라서 묻지 않습니다.');
    const author = block(text, `오류 ${COMMAND} · --author`);
    expect(author).toContain('문제: --author가 없습니다.');
    expect(author).toMatch(/기대: .*authors\/ 폴더의 저자 id: test-junho \(테스트 준호\), test-minji \(테스트 민지\)/);
    expect(author).toContain('고치는 법: --author test-junho 처럼');
    const category = block(text, `오류 ${COMMAND} · --category`);
    for (const c of site.categories) expect(category).toContain(`${c.id} (${c.name})`);
    expect(text).toContain('사용법: npm run new');
    expect(posts()).toEqual([]);
  });

  it('in a terminal, asks for the title, the author and the category (by number or id) and the description', async () => {
    const t = fakeIO(true, ['팔로워 이벤트', '9', 'test-mnji', '1', secondCategory, '이벤트 결과를 정리합니다.']);
    const result = await run([], t.io);
    expect(result.code).toBe(0);
    expect(t.asked).toHaveLength(6);
    expect(t.err).toEqual([
      '  "9"은(는) 목록에 없습니다. 다시 고르세요.', // two authors
      '  "test-mnji"은(는) 목록에 없습니다. 혹시 "test-minji"? 다시 고르세요.',
    ]);
    expect(parseFrontmatter(readFileSync(result.file!, 'utf8')).data).toMatchObject({
      title: '팔로워 이벤트',
      author: 'test-junho', // number 1 of the list, sorted by id
      category: secondCategory,
      description: '이벤트 결과를 정리합니다.',
    });
    expect(posts()).toEqual(['2026-11-27-pallowo-ibenteu.mdx']);
  });

  it('rejects an unknown author or category, a bad slug or date: a block each, with what is allowed and a near id', async () => {
    const t = fakeIO(true);
    const typo = `${firstCategory.slice(0, -1)}`;
    const result = await run(['제목', '--author', 'test-minj', '--category', typo, '--slug', 'SNS_글', '--date', '2010-02-30'], t.io);
    expect(result.code).toBe(1);
    expect(t.asked).toEqual([]);
    const text = t.text();
    expect(block(text, `오류 ${COMMAND} · --author`).split('\n')).toEqual([
      `오류 ${COMMAND} · --author`,
      '  문제: "test-minj"은(는) 등록된 저자가 아닙니다.',
      expect.stringMatching(/^ {2}기대: .*authors\/ 폴더의 저자 id: test-junho \(테스트 준호\), test-minji \(테스트 민지\)$/),
      expect.stringMatching(/^ {2}고치는 법: id를 고치거나 .*authors\/test-minj\.json 파일을 만드세요\.$/),
      '  혹시 "test-minji"?',
    ]);
    const category = block(text, `오류 ${COMMAND} · --category`);
    expect(category).toContain(`문제: "${typo}"은(는) 분류가 아닙니다.`);
    expect(category).toContain(`기대: src/site.config.ts의 분류 id: ${site.categories.map((c) => `${c.id} (${c.name})`).join(', ')}`);
    expect(category).toContain(`혹시 "${firstCategory}"?`);
    const slug = block(text, `오류 ${COMMAND} · --slug`);
    expect(slug).toContain('문제: "SNS_글"은(는) 주소에 쓸 수 없는 슬러그입니다.');
    expect(slug).toContain('기대: 영문 소문자와 숫자, 낱말 사이는 "-"');
    expect(slug).toContain('혹시 "sns-geul"?');
    const date = block(text, `오류 ${COMMAND} · --date`);
    expect(date).toContain('문제: 2010-02-30은(는) 달력에 없는 날입니다.');
    expect(date).toContain('기대: 연-월-일 날짜 YYYY-MM-DD (예: 2026-11-27)');
    // Ids and values as written, in plain text when no colour was asked for.
    expect(text).not.toContain('\x1b[');
    expect(posts()).toEqual([]);
  });

  it('gives no near id when nothing is close, and reports a date in the wrong form, a long title and an empty description', async () => {
    const t = fakeIO(false);
    const result = await run(['가'.repeat(121), '--author', 'zzz', '--category', firstCategory, '--date', '2010/08/10', '--description='], t.io);
    expect(result.code).toBe(1);
    const text = t.text();
    expect(block(text, `오류 ${COMMAND} · --author`)).not.toContain('혹시');
    expect(block(text, `오류 ${COMMAND} · --date`)).toContain('문제: "2010/08/10"은(는) YYYY-MM-DD 형식의 날짜가 아닙니다.');
    expect(block(text, `오류 ${COMMAND} · --description`)).toContain('문제: 요약이 비어 있습니다.');
    expect(block(text, `오류 ${COMMAND} · "제목"`)).toContain('문제: 제목이 121자입니다. 120자를 넘습니다.');
    expect(posts()).toEqual([]);
  });

  it('colours the blocks only when asked to (a terminal without NO_COLOR)', async () => {
    const t = fakeIO(false);
    t.io.color = true;
    await run(['제목', '--author', 'test-minj', '--category', firstCategory], t.io);
    expect(t.text()).toContain('\x1b[31;1m오류\x1b[0m');
    expect(t.text()).toContain('\x1b[36m혹시 "test-minji"?\x1b[0m');
  });

  it('refuses to overwrite an existing post, in either file layout', async () => {
    const argv = ['같은 제목', '--author', 'test-minji', '--category', firstCategory];
    expect((await run(argv, fakeIO(false).io)).code).toBe(0);
    const file = join(contentDir, 'posts', '2026-11-27-gateun-jemok.mdx');
    writeFileSync(file, 'writer text');
    const t = fakeIO(false);
    expect((await run(argv, t.io)).code).toBe(1);
    const clash = block(t.text(), '오류 ');
    expect(clash.split('\n')[0]).toMatch(/^오류 .*posts\/2026-11-27-gateun-jemok\.mdx$/);
    expect(clash).toContain('문제: 이미 있습니다. 덮어쓰지 않습니다.');
    expect(clash).toContain('고치는 법: --slug로 다른 이름을 주세요 (예: --slug gateun-jemok-2).');
    expect(readFileSync(file, 'utf8')).toBe('writer text');

    mkdirSync(join(contentDir, 'posts', '2026-11-27-folder'));
    writeFileSync(join(contentDir, 'posts', '2026-11-27-folder', 'index.mdx'), 'folder post');
    expect((await run(['다른 글', '--slug', 'folder', '--author', 'test-minji', '--category', firstCategory], fakeIO(false).io)).code).toBe(1);
    expect(existsSync(join(contentDir, 'posts', '2026-11-27-folder.mdx'))).toBe(false);
  });

  it('with no author files at all, asks nothing more and says to make one first', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'new-post-empty-'));
    const t = fakeIO(true, ['제목']);
    const result = await newPost([], { contentDir: empty, today: '2026-11-27', io: t.io });
    expect(result.code).toBe(1);
    expect(t.text()).toContain('문제: 글쓴이 파일이 하나도 없습니다.');
    expect(existsSync(join(empty, 'posts'))).toBe(false);
  });
});
