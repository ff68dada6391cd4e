/**
 * `npm run new-site` (scripts/lib/new-site.ts) on content folders written by each test: a stand-in
 * for the example content (never content/ itself), git's answer given by the test. The result must
 * pass every content rule, so the site it leaves builds.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import site from '@/site.config';
import { authorSchema } from '@/lib/rules/author-schema';
import { checkContent } from '@/lib/rules/content';
import { errorsIn } from '@/lib/rules/problems';
import { z } from 'astro/zod';
import { checkArgs, DEFAULT_BIO, DEFAULT_ROLE, newSite, parseArgs, type GitStatus, type NewSiteIO } from '../../scripts/lib/new-site';

const root = resolve(import.meta.dirname, '../..');
const TODAY = '2026-03-02';
const [firstCategory, secondCategory] = site.categories.map((c) => c.id) as [string, string | undefined];

let contentDir: string;

function write(path: string, text: string): void {
  mkdirSync(dirname(join(contentDir, path)), { recursive: true });
  writeFileSync(join(contentDir, path), text);
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
const post = (author: string) => `---\ntitle: "예시 글"\ndescription: "예시"\npubDate: 2010-08-10\nauthor: ${author}\ncategory: ${firstCategory}\n---\n\n본문\n`;

/** Something like the example content: posts (a file, a folder with an image, a note), authors with a photo, surveys, benchmarks, the monthly log. */
function writeExample(): void {
  write('posts/2010-01-01-a.mdx', post('example-kim'));
  write('posts/2010-01-02-b/index.mdx', post('example-lee'));
  write('posts/2010-01-02-b/hero.png', 'png');
  write('posts/_notes.md', '메모');
  write('authors/example-kim.json', json({ name: '예시 김', role: '역할', bio: '소개', avatar: './example-kim.jpg' }));
  write('authors/example-kim.jpg', 'jpeg');
  write('authors/example-lee.json', json({ name: '예시 이', role: '역할', bio: '소개' }));
  write('surveys/example-survey.json', '{}');
  write('benchmarks/example-ours.json', '{}');
  write('metrics/2010-06.json', '{}');
  write('metrics/2010-07.json', '{}');
}

beforeEach(() => {
  contentDir = join(mkdtempSync(join(tmpdir(), 'new-site-')), 'content');
  mkdirSync(contentDir);
});

afterEach(() => rmSync(dirname(contentDir), { recursive: true, force: true }));

interface Run {
  code: number;
  out: string;
  err: string;
  asked: string[];
  gitAsked: number;
}

async function run(argv: string[], options: { git?: GitStatus; isTTY?: boolean; answer?: string } = {}): Promise<Run> {
  let out = '';
  let err = '';
  const asked: string[] = [];
  let gitAsked = 0;
  const io: NewSiteIO = {
    isTTY: options.isTTY ?? false,
    ask: async (question) => {
      asked.push(question);
      return options.answer ?? '';
    },
    out: (text) => (out += `${text}\n`),
    err: (text) => (err += `${text}\n`),
  };
  const result = await newSite(argv, {
    contentDir,
    today: TODAY,
    io,
    gitStatus: () => {
      gitAsked++;
      return options.git ?? { lines: [] };
    },
  });
  return { code: result.code, out, err, asked, gitAsked };
}

/** Every file under the content folder, as paths relative to it. */
function files(dir = contentDir, prefix = ''): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? files(join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`]))
    .sort();
}

const OWNER = ['--author-id', 'kim-minji', '--author-name', '김민지'];

describe('npm run new-site: arguments', () => {
  it('reads every flag, with = or a space, and -y', () => {
    const args = parseArgs(['--author-id=kim', '--author-name', ' 김민지 ', '--author-role', '대표', '--author-bio', '소개', '--post-title', '첫 글', '--category', 'news', '-y', '--force']);
    expect(args).toMatchObject({ authorId: 'kim', authorName: '김민지', authorRole: '대표', authorBio: '소개', postTitle: '첫 글', category: 'news', yes: true, force: true, errors: [] });
  });

  it('names an unknown flag with the nearest known one, and a stray word', () => {
    expect(parseArgs(['--author-nmae', '김']).errors[0]).toMatchObject({ file: 'npm run new-site', field: '--author-nmae', message: '알 수 없는 옵션 --author-nmae입니다.', suggestion: '--author-name' });
    expect(parseArgs(['--author-name', '김', '민지']).errors[0]).toMatchObject({ message: '옵션이 아닌 낱말이 있습니다: "민지".', fix: '띄어 쓴 값은 따옴표로 감싸세요.' });
  });

  it('needs an author id fit for a file name and URL, and a name', () => {
    const problems = checkArgs(parseArgs(['--author-id', 'Kim Minji']));
    expect(problems.map((p) => [p.field, p.message, p.suggestion])).toEqual([
      ['--author-id', '"Kim Minji"은(는) 저자 아이디로 쓸 수 없습니다.', 'kim-minji'],
      ['--author-name', '--author-name이 없습니다.', undefined],
    ]);
    expect(checkArgs(parseArgs([])).map((p) => p.field)).toEqual(['--author-id', '--author-name']);
    expect(checkArgs(parseArgs([...OWNER, '--author-role', '']))).toEqual([expect.objectContaining({ field: '--author-role', message: '--author-role가 비어 있습니다.' })]);
  });

  it("takes the first post's category from src/site.config.ts, suggesting the nearest", () => {
    const typo = `${firstCategory}x`;
    expect(checkArgs(parseArgs([...OWNER, '--category', typo]))).toEqual([
      expect.objectContaining({ field: '--category', message: `"${typo}"은(는) 분류가 아닙니다.`, suggestion: firstCategory }),
    ]);
    expect(checkArgs(parseArgs([...OWNER, '--category', firstCategory]))).toEqual([]);
  });

  it('prints its usage in Korean with --help and touches nothing', async () => {
    writeExample();
    const before = files();
    const result = await run(['--help']);
    expect(result.code).toBe(0);
    expect(result.out).toContain('사용법: npm run new-site -- --author-id 아이디 --author-name "이름"');
    expect(result.out).toContain('docs/setup.md');
    expect(files()).toEqual(before);
  });
});

describe('npm run new-site: from the example content to an empty site of your own', () => {
  it('removes the example posts, authors, surveys, benchmarks and monthly log, and writes one author and one draft post', async () => {
    writeExample();
    const result = await run([...OWNER, '--author-role', '대표', '--yes']);
    expect(result.code, result.err).toBe(0);
    expect(result.err).toBe('');
    expect(result.gitAsked).toBe(1);
    const postFile = `posts/${TODAY}-beullogeureul-sijakhapnida.mdx`;
    expect(files()).toEqual(['authors/kim-minji.json', postFile]);
    expect(JSON.parse(readFileSync(join(contentDir, 'authors/kim-minji.json'), 'utf8'))).toEqual({ name: '김민지', role: '대표', bio: DEFAULT_BIO });
    const text = readFileSync(join(contentDir, postFile), 'utf8');
    expect(text).toContain('title: "블로그를 시작합니다"');
    expect(text).toContain(`pubDate: ${TODAY}`);
    expect(text).toContain('author: kim-minji');
    expect(text).toContain(`category: ${firstCategory}`);
    expect(text).toContain('draft: true');
    // What was removed, and what to do next, in Korean.
    expect(result.out).toContain('✓ 예시 콘텐츠를 지웠습니다: 글 2개, 저자 2명, 업계 조사 1개, 회사의 답(벤치마크) 1개, 월별 운영 기록 2개월 (git에서 되살릴 수 있습니다)');
    expect(result.out).toContain('✓ 저자를 만들었습니다: ');
    expect(result.out).toMatch(/다음 단계 \(자세한 안내: docs\/setup\.md\):/);
    for (const step of ['src/site.config.ts', 'name', 'url', 'organization', 'categories', `"category: ${firstCategory}"`, '"draft: true"', 'npm run build', 'docs/deploy.md']) {
      expect(result.out).toContain(step);
    }
  });

  it('leaves content that passes every content rule, so the site builds', async () => {
    writeExample();
    expect((await run([...OWNER, '--yes'])).code).toBe(0);
    const check = checkContent({ contentDir, projectRoot: root, now: new Date(`${TODAY}T12:00:00Z`) });
    expect(errorsIn(check.problems)).toEqual([]);
    expect(check.posts.map((p) => [p.id, p.draft])).toEqual([[`${TODAY}-beullogeureul-sijakhapnida`, true]]);
    const author = JSON.parse(readFileSync(join(contentDir, 'authors/kim-minji.json'), 'utf8'));
    expect(authorSchema(() => z.string()).parse(author)).toEqual({ name: '김민지', role: DEFAULT_ROLE, bio: DEFAULT_BIO });
  });

  it('uses the title and category given', async () => {
    writeExample();
    const category = secondCategory ?? firstCategory;
    const result = await run([...OWNER, '--post-title', 'Hello, World', '--category', category, '--yes']);
    expect(result.code, result.err).toBe(0);
    const text = readFileSync(join(contentDir, `posts/${TODAY}-hello-world.mdx`), 'utf8');
    expect(text).toContain('title: "Hello, World"');
    expect(text).toContain(`category: ${category}`);
  });

  it('leaves anything in content/ that is not one of those collections alone', async () => {
    writeExample();
    write('README.md', '콘텐츠 메모');
    write('drafts-elsewhere/idea.md', '아이디어');
    expect((await run([...OWNER, '--yes'])).code).toBe(0);
    expect(files()).toEqual(['README.md', 'authors/kim-minji.json', 'drafts-elsewhere/idea.md', `posts/${TODAY}-beullogeureul-sijakhapnida.mdx`]);
  });

  it('works on an empty content folder too, without asking git', async () => {
    const result = await run([...OWNER, '--yes']);
    expect(result.code, result.err).toBe(0);
    expect(result.gitAsked).toBe(0);
    expect(files()).toEqual(['authors/kim-minji.json', `posts/${TODAY}-beullogeureul-sijakhapnida.mdx`]);
  });
});

describe('npm run new-site: nothing is removed that cannot be restored, or without a yes', () => {
  it('refuses while git shows uncommitted changes in content/, naming them; --force overrides', async () => {
    writeExample();
    const before = files();
    const git = { lines: ['?? content/posts/2026-03-01-mine.mdx', ' M content/authors/example-kim.json'] };
    const refused = await run([...OWNER, '--yes'], { git });
    expect(refused.code).toBe(1);
    expect(files()).toEqual(before);
    expect(refused.err).toMatch(/^오류 \S*content\/\n {2}문제: 커밋하지 않은 변경이 2개 있습니다: \?\? content\/posts\/2026-03-01-mine\.mdx, M content\/authors\/example-kim\.json\. 지우면 되살릴 수 없습니다\./);
    expect(refused.err).toContain('--force');
    expect(refused.err).toContain('✗ 아무것도 지우거나 만들지 않았습니다.');

    const forced = await run([...OWNER, '--yes', '--force'], { git });
    expect(forced.code, forced.err).toBe(0);
    expect(forced.err).toMatch(/^경고: --force: 커밋하지 않은 변경이 2개 있습니다/);
    expect(forced.out).not.toContain('되살릴 수 있습니다');
    expect(files()).toEqual(['authors/kim-minji.json', `posts/${TODAY}-beullogeureul-sijakhapnida.mdx`]);
  });

  it('refuses when git cannot tell (no repository, no git), unless --force', async () => {
    writeExample();
    const before = files();
    const refused = await run([...OWNER, '--yes'], { git: { error: 'git 저장소가 아닙니다' } });
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('git으로 커밋하지 않은 변경이 있는지 확인할 수 없습니다 (git 저장소가 아닙니다)');
    expect(files()).toEqual(before);
    expect((await run([...OWNER, '--yes', '--force'], { git: { error: 'git 저장소가 아닙니다' } })).code).toBe(0);
  });

  it('without --yes and without a terminal it asks nothing and removes nothing', async () => {
    writeExample();
    const before = files();
    const result = await run(OWNER);
    expect(result.code).toBe(1);
    expect(result.asked).toEqual([]);
    expect(result.err).toContain('--yes가 없습니다. 표준 입력이 터미널이 아니라서 확인을 묻지 않고 끝냅니다.');
    expect(result.err).toContain('npm run new-site -- --yes --author-id kim-minji --author-name "김민지"');
    expect(files()).toEqual(before);
  });

  it('in a terminal it lists what goes and asks; anything but yes cancels', async () => {
    writeExample();
    const before = files();
    const no = await run(OWNER, { isTTY: true, answer: 'n' });
    expect(no.code).toBe(1);
    expect(no.asked).toEqual(['계속할까요? [y/N] ']);
    expect(no.out).toContain('글 2개');
    expect(no.out).toContain('만들 것: 저자 kim-minji(김민지), 첫 글 "블로그를 시작합니다"(초안)');
    expect(no.err).toContain('취소했습니다. 아무것도 지우지 않았습니다.');
    expect(files()).toEqual(before);
    expect((await run(OWNER, { isTTY: true, answer: '' })).code).toBe(1);
    expect(files()).toEqual(before);

    const yes = await run(OWNER, { isTTY: true, answer: 'y' });
    expect(yes.code, yes.err).toBe(0);
    expect(files()).toEqual(['authors/kim-minji.json', `posts/${TODAY}-beullogeureul-sijakhapnida.mdx`]);
  });

  it('checks every argument before touching anything', async () => {
    writeExample();
    const before = files();
    const result = await run(['--author-id', 'Kim', '--yes']);
    expect(result.code).toBe(1);
    expect(result.gitAsked).toBe(0);
    expect(files()).toEqual(before);
  });
});
