import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { newPost, parseArgs, type NewPostIO } from '../../scripts/lib/new-post';
import { checkPost } from '../../scripts/lib/post-check';
import { parseFrontmatter } from '../../scripts/lib/frontmatter';

let contentDir: string;

beforeEach(() => {
  contentDir = mkdtempSync(join(tmpdir(), 'new-post-'));
  mkdirSync(join(contentDir, 'authors'));
  // The post schema checks authors against the project's content folder: use the same ids.
  writeFileSync(join(contentDir, 'authors', 'haneul.json'), JSON.stringify({ name: '김하늘', role: 'r', bio: 'b' }));
  writeFileSync(join(contentDir, 'authors', 'doyun.json'), JSON.stringify({ name: '박도윤', role: 'r', bio: 'b' }));
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

describe('parseArgs', () => {
  it('reads the title words and the flags in any order, with or without "="', () => {
    expect(parseArgs(['소셜', '--author', 'haneul', '미디어', '--category=marketing'])).toMatchObject({
      title: '소셜 미디어',
      author: 'haneul',
      category: 'marketing',
      errors: [],
    });
  });

  it('reports unknown options and flags without a value', () => {
    expect(parseArgs(['제목', '--autor', 'haneul']).errors[0]).toContain('--autor');
    expect(parseArgs(['제목', '--author']).errors[0]).toContain('--author');
    expect(parseArgs(['제목', '--author', '--category', 'x']).errors[0]).toContain('--author');
  });

  it('never takes a lone "--", a short or misspelt flag into the title', () => {
    // `npm run new -- --author doyun -- "대시 제목"`: npm keeps the second "--".
    expect(parseArgs(['--author', 'doyun', '--', '대시 제목'])).toMatchObject({ title: '대시 제목', author: 'doyun', errors: [] });
    expect(parseArgs(['--', '-5도의 겨울'])).toMatchObject({ title: '-5도의 겨울', errors: [] });
    for (const flag of ['-a', '--dry-run', '--Author']) {
      const args = parseArgs(['제목', flag, 'doyun']);
      expect(args.title, flag).toBeUndefined();
      expect(args.errors, flag).toEqual([expect.stringContaining(`알 수 없는 옵션 ${flag}`)]);
      // The message lists what is allowed.
      expect(args.errors[0]).toContain('--author, --category, --slug, --date, --description, --help');
    }
  });
});

describe('npm run new', () => {
  it('writes content/posts/<date>-<slug>.mdx with front matter that passes the post schema, as a draft', async () => {
    const t = fakeIO(false);
    const result = await run(['소셜미디어 가이드라인: "첫" 해', '--author', 'haneul', '--category', 'marketing'], t.io);
    expect(result.code).toBe(0);
    expect(posts()).toEqual(['2026-11-27-sosyeolmidieo-gaideurain-cheot-hae.mdx']);
    const source = readFileSync(result.file!, 'utf8');
    const fm = parseFrontmatter(source).data!;
    expect(fm).toMatchObject({ title: '소셜미디어 가이드라인: "첫" 해', author: 'haneul', category: 'marketing', tags: [], draft: true });
    // Read as written: a bare day, midnight in Seoul (see src/lib/written-dates.ts).
    expect(fm.pubDate).toBe('2026-11-27');
    // Same schema and checks as the build and `npm run check` (the placeholder is allowed in a draft).
    const check = checkPost('x', result.file!, 'x.mdx', source, {
      projectRoot: process.cwd(),
      components: [],
      index: { surveys: new Map(), benchmarks: new Map() },
      now: new Date('2026-12-01T00:00:00Z'),
    });
    expect(check.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(t.text()).toContain('/posts/2026-11-27-sosyeolmidieo-gaideurain-cheot-hae/');
  });

  it('uses --slug, --date and --description as given', async () => {
    const t = fakeIO(false);
    const result = await run(['제목', '--author=doyun', '--category=recruiting', '--slug', 'hiring-2010', '--date', '2010-08-10', '--description', '요약입니다.'], t.io);
    expect(result.code).toBe(0);
    expect(posts()).toEqual(['2010-08-10-hiring-2010.mdx']);
    expect(parseFrontmatter(readFileSync(result.file!, 'utf8')).data).toMatchObject({ description: '요약입니다.', author: 'doyun', category: 'recruiting' });
  });

  it('without a terminal, never asks: it fails naming every missing value and the known ids', async () => {
    const t = fakeIO(false);
    const result = await run([], t.io);
    expect(result.code).toBe(1);
    expect(t.asked).toEqual([]);
    expect(t.text()).toContain('"제목", --author, --category');
    expect(t.text()).toMatch(/--author: doyun \(박도윤\), haneul \(김하늘\)/);
    expect(t.text()).toContain('customer-service');
    expect(posts()).toEqual([]);
  });

  it('in a terminal, asks for the title, the author and the category (by number or id) and the description', async () => {
    const t = fakeIO(true, ['팔로워 이벤트', '9', '1', 'marketing', '이벤트 결과를 정리합니다.']);
    const result = await run([], t.io);
    expect(result.code).toBe(0);
    expect(t.asked).toHaveLength(5);
    expect(t.text()).toContain('목록에 없습니다'); // "9" is not in the list of two authors
    expect(parseFrontmatter(readFileSync(result.file!, 'utf8')).data).toMatchObject({
      title: '팔로워 이벤트',
      author: 'doyun',
      category: 'marketing',
      description: '이벤트 결과를 정리합니다.',
    });
    expect(posts()).toEqual(['2026-11-27-pallowo-ibenteu.mdx']);
  });

  it('rejects an unknown author or category, a bad slug or date, listing what is allowed', async () => {
    const t = fakeIO(true);
    const result = await run(['제목', '--author', 'park', '--category', 'sales', '--slug', 'SNS_글', '--date', '2010-02-30'], t.io);
    expect(result.code).toBe(1);
    const text = t.text();
    expect(text).toContain('--author "park"');
    expect(text).toContain('known: doyun (박도윤), haneul (김하늘)');
    expect(text).toContain('--category "sales"');
    expect(text).toContain('reputation, marketing');
    expect(text).toContain('--slug "SNS_글"');
    expect(text).toContain('--date "2010-02-30"');
    expect(posts()).toEqual([]);
  });

  it('refuses to overwrite an existing post, in either file layout', async () => {
    const argv = ['같은 제목', '--author', 'haneul', '--category', 'marketing'];
    expect((await run(argv, fakeIO(false).io)).code).toBe(0);
    const file = join(contentDir, 'posts', '2026-11-27-gateun-jemok.mdx');
    writeFileSync(file, 'writer text');
    const t = fakeIO(false);
    expect((await run(argv, t.io)).code).toBe(1);
    expect(t.text()).toContain('이미 있습니다');
    expect(readFileSync(file, 'utf8')).toBe('writer text');

    mkdirSync(join(contentDir, 'posts', '2026-11-27-folder'));
    writeFileSync(join(contentDir, 'posts', '2026-11-27-folder', 'index.mdx'), 'folder post');
    expect((await run(['다른 글', '--slug', 'folder', '--author', 'haneul', '--category', 'marketing'], fakeIO(false).io)).code).toBe(1);
    expect(existsSync(join(contentDir, 'posts', '2026-11-27-folder.mdx'))).toBe(false);
  });
});
