/**
 * A site owner's first hour, as docs/setup.md tells it, on a copy of this repository (a stand-in for
 * a fresh clone: the files without node_modules, dist, .astro and .tmp, committed to a new git
 * repository; node_modules linked entry by entry, so the copy's caches and build lock stay its own):
 * `npm run new-site`, one category of the owner's own in src/site.config.ts, the first post written
 * and published, a photo for the author; then `npm run build` must pass with the owner's site and
 * nothing of the example, and the test of content/ (tests/site/example.test.ts) must pass on it.
 * It works on whatever content/ holds: new-site removes it all.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { root, userEnv } from '../support/build-site';
import { makePng } from '../support/png';

/** Not in a fresh clone: dependencies, builds, caches, git's own folder (the copy gets a new one). */
const NOT_COPIED = /^(node_modules|dist|\.astro|\.tmp|\.cache|\.git|\.dist-(next|old)-.*)$/;
/** node_modules' own caches (Vite, Astro, the build lock) are the copy's, not linked. */
const LINKED_DOT_ENTRIES = new Set(['.bin', '.package-lock.json']);

const OWNER = { authorId: 'park-jiwoo', authorName: '박지우', role: '홍보팀장' };
const CATEGORY = { id: 'company-news', name: '회사 소식', description: '한빛상사의 새 소식과 일하는 방식을 전합니다.' };
const SITE = { name: '한빛상사 블로그', description: '한빛상사가 일하며 배운 것을 나눕니다.', url: 'https://blog.hanbit.example', organization: '한빛상사' };
const POST = { title: '블로그를 시작합니다', description: '한빛상사 블로그의 첫 글입니다. 무엇을 쓸지 소개합니다.', body: '## 이 블로그에서 쓸 것\n\n회사 소식과 일하는 방식을 나눕니다.\n' };

const dir = mkdtempSync(join(tmpdir(), 'socialbench-owner-'));
const copy = join(dir, 'site');

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** What the owner's shell gives a command: none of the test run's own settings. */
function ownerEnv(extra: Record<string, string> = {}): Record<string, string> {
  const env = userEnv({ PATH: `${join(copy, 'node_modules/.bin')}:${process.env.PATH ?? ''}`, NO_COLOR: '1', FORCE_COLOR: '0', ASTRO_TELEMETRY_DISABLED: '1', ...extra });
  for (const key of ['CONTENT_DIR', 'OUT_DIR', 'BUILD_TIME', 'SITE_URL', 'ASTRO_CACHE_DIR', 'ONLY_SITES', 'REUSE_BUILDS', 'SOCIALBENCH_SITES_BUILT']) {
    if (!(key in extra)) delete env[key];
  }
  for (const key of Object.keys(env)) if (key.startsWith('GIT_')) delete env[key];
  return env;
}

function run(command: string, args: string[], extra: Record<string, string> = {}): { status: number | null; output: string } {
  const result = spawnSync(command, args, { cwd: copy, env: ownerEnv(extra), encoding: 'utf8', maxBuffer: 64 << 20 });
  return { status: result.status, output: `${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? `\n${result.error.message}` : ''}` };
}

const node = (script: string, args: string[] = []) => run(join(copy, 'node_modules/.bin/node'), [script, ...args]);
const git = (...args: string[]) => run('git', ['-c', 'user.name=owner', '-c', 'user.email=owner@example.com', '-c', 'commit.gpgsign=false', ...args]);

function freshClone(): void {
  cpSync(root, copy, {
    recursive: true,
    filter: (source) => {
      const top = relative(root, source).split(sep)[0] ?? '';
      return !NOT_COPIED.test(top);
    },
  });
  mkdirSync(join(copy, 'node_modules'));
  for (const name of readdirSync(join(root, 'node_modules'))) {
    if (name.startsWith('.') && !LINKED_DOT_ENTRIES.has(name)) continue;
    symlinkSync(join(root, 'node_modules', name), join(copy, 'node_modules', name));
  }
  for (const args of [['init', '-q'], ['add', '-A'], ['commit', '-q', '-m', 'fresh clone']]) {
    const result = git(...args);
    if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.output}`);
  }
}

/** Every file under a folder, relative to it. */
function filesUnder(folder: string, prefix = ''): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? filesUnder(path, `${prefix}${name}/`) : [`${prefix}${name}`];
  });
}

/** The closing bracket of the list that opens at `open` (a "[" in the text). */
function closingBracket(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '[') depth++;
    else if (text[i] === ']' && --depth === 0) return i;
  }
  throw new Error('src/site.config.ts: the categories list is not closed');
}

/**
 * The owner's edit of src/site.config.ts, by hand as docs/setup.md says: the name, description, URL
 * and organisation, and the categories replaced by one of their own.
 */
function editSiteConfig(): void {
  const file = join(copy, 'src/site.config.ts');
  let text = readFileSync(file, 'utf8');
  const start = text.search(/^\s*categories:\s*\[/m);
  expect(start, 'src/site.config.ts has a categories list').toBeGreaterThan(-1);
  const open = text.indexOf('[', start);
  const close = closingBracket(text, open);
  const ours = `[\n    { id: '${CATEGORY.id}', name: '${CATEGORY.name}', description: '${CATEGORY.description}' },\n  ]`;
  const [before, after] = [text.slice(0, open), text.slice(close + 1)];
  // The settings are top-level keys; the categories' own `name` and `description` are not touched.
  const setting = (source: string, key: keyof typeof SITE) => {
    const pattern = new RegExp(`^(\\s*${key}:\\s*)(['"\`]).*?\\2`, 'm');
    expect(pattern.test(source), `src/site.config.ts sets ${key}`).toBe(true);
    return source.replace(pattern, `$1'${SITE[key]}'`);
  };
  let head = before;
  let tail = after;
  for (const key of Object.keys(SITE) as (keyof typeof SITE)[]) {
    const inHead = new RegExp(`^\\s*${key}:`, 'm').test(head);
    if (inHead) head = setting(head, key);
    else tail = setting(tail, key);
  }
  text = `${head}${ours}${tail}`;
  writeFileSync(file, text);
}

describe("a site owner's first hour (docs/setup.md) on a fresh copy of the repository", { timeout: 600_000 }, () => {
  let postFile = '';

  it('npm run new-site refuses while content/ has uncommitted changes, and removes nothing', () => {
    freshClone();
    const before = filesUnder(join(copy, 'content'));
    writeFileSync(join(copy, 'content/미완성-메모.md'), '아직 커밋하지 않은 메모\n');
    const result = node('scripts/new-site.ts', ['--yes', '--author-id', OWNER.authorId, '--author-name', OWNER.authorName]);
    expect(result.status, result.output).toBe(1);
    // The file as it is named (git would escape a Korean name otherwise).
    expect(result.output).toContain('커밋하지 않은 변경이 1개 있습니다: ?? content/미완성-메모.md');
    expect(result.output).toContain('✗ 아무것도 지우거나 만들지 않았습니다.');
    rmSync(join(copy, 'content/미완성-메모.md'));
    expect(filesUnder(join(copy, 'content'))).toEqual(before);
  });

  it('npm run new-site leaves one author and one draft post, and prints the next steps in Korean', () => {
    const result = node('scripts/new-site.ts', ['--yes', '--author-id', OWNER.authorId, '--author-name', OWNER.authorName, '--author-role', OWNER.role]);
    expect(result.status, result.output).toBe(0);
    const files = filesUnder(join(copy, 'content'));
    expect(files).toHaveLength(2);
    expect(files).toContain(`authors/${OWNER.authorId}.json`);
    postFile = files.find((f) => f.startsWith('posts/'))!;
    expect(postFile).toMatch(/^posts\/\d{4}-\d{2}-\d{2}-beullogeureul-sijakhapnida\.mdx$/);
    expect(result.output).toContain('다음 단계 (자세한 안내: docs/setup.md):');
    expect(result.output).toContain('npm run build');
    // Everything it removed is in git, as it promised.
    expect(git('status', '--porcelain', '--', 'content/').output).toMatch(/^ D content\//m);
  });

  it('npm run build passes right after it, with nothing published yet', () => {
    const result = node('scripts/safe-build.ts');
    expect(result.status, result.output).toBe(0);
    expect(result.output).toContain('공개된 글 0개 (초안 1개는 빌드하지 않았습니다)');
    expect(result.output).not.toMatch(/\[WARN\]/);
    expect(readdirSync(join(copy, 'dist/authors'))).toEqual(expect.arrayContaining([OWNER.authorId, 'index.html']));
    expect(existsSync(join(copy, 'dist/posts'))).toBe(false);
  });

  it("with the owner's own category, site settings, author photo and first post, npm run build makes the owner's site and nothing of the example", () => {
    editSiteConfig();
    // The first post, as the next steps say: its category, a summary, a body, and the draft line gone.
    const path = join(copy, 'content', postFile);
    const post = readFileSync(path, 'utf8');
    expect(post).toMatch(/^category: \S+$/m);
    expect(post).toMatch(/^draft: true$/m);
    writeFileSync(
      path,
      `${post
        .replace(/^category: .*$/m, `category: ${CATEGORY.id}`)
        .replace(/^description: .*$/m, `description: ${JSON.stringify(POST.description)}`)
        .replace(/^draft: true\n/m, '')
        .replace(/^---\n([\s\S]*?)\n---\n[\s\S]*$/, '---\n$1\n---\n\n')}${POST.body}`,
    );
    // A photo beside the author file (docs/content.md, Authors).
    const authorPath = join(copy, `content/authors/${OWNER.authorId}.json`);
    writeFileSync(join(copy, `content/authors/${OWNER.authorId}.png`), makePng(240, 320, [120, 80, 40]));
    writeFileSync(authorPath, `${JSON.stringify({ ...JSON.parse(readFileSync(authorPath, 'utf8')), avatar: `./${OWNER.authorId}.png` }, null, 2)}\n`);

    const result = node('scripts/safe-build.ts');
    expect(result.status, result.output).toBe(0);
    expect(result.output).toContain('공개된 글 1개');
    const dist = join(copy, 'dist');
    const slug = postFile.replace(/^posts\//, '').replace(/\.mdx$/, '');
    // The owner's post, category and author, and no other.
    expect(readdirSync(join(dist, 'posts'))).toEqual([slug]);
    expect(readdirSync(join(dist, 'categories')).filter((n) => statSync(join(dist, 'categories', n)).isDirectory())).toEqual([CATEGORY.id]);
    expect(readdirSync(join(dist, 'authors')).sort()).toEqual([OWNER.authorId, 'index.html'].sort());
    expect(readdirSync(join(dist, 'surveys'))).toEqual(['index.html']);
    const postPage = readFileSync(join(dist, 'posts', slug, 'index.html'), 'utf8');
    // No surveys yet: the menu does not offer an empty comparison.
    expect(postPage).toContain('aria-label="주 메뉴"');
    expect(postPage).not.toContain('업계 조사 비교');
    for (const text of [POST.title, CATEGORY.name, OWNER.authorName, OWNER.role, SITE.name, '이 블로그에서 쓸 것', `alt="${OWNER.authorName} 사진"`]) expect(postPage).toContain(text);
    const categoryPage = readFileSync(join(dist, 'categories', CATEGORY.id, 'index.html'), 'utf8');
    expect(categoryPage).toContain(CATEGORY.description);
    expect(categoryPage).toContain(`href="/posts/${slug}/"`);
    const authorPage = readFileSync(join(dist, 'authors', OWNER.authorId, 'index.html'), 'utf8');
    expect(authorPage).toContain(`href="/posts/${slug}/"`);
    expect(authorPage).toContain(`alt="${OWNER.authorName} 사진"`);
    expect(readFileSync(join(dist, 'rss.xml'), 'utf8')).toContain(`${SITE.url}/posts/${slug}/`);
    // Nothing of the example company is left in any page or feed.
    const example = /다온에듀|daon-edu/;
    const leftovers = filesUnder(dist).filter((f) => /\.(html|xml|txt|json)$/.test(f) && example.test(readFileSync(join(dist, f), 'utf8')));
    expect(leftovers).toEqual([]);
  });

  it("the test of content/ (tests/site/example.test.ts) passes on the owner's site", () => {
    const vitest = join(copy, 'node_modules/.bin/vitest');
    // ONLY_SITES: the copy's global setup builds content/ only, not the fixture sites the other tests read.
    const result = run(vitest, ['run', '--project', 'site', '--reporter', 'verbose', 'tests/site/example.test.ts'], { ONLY_SITES: 'example' });
    expect(result.status, result.output.slice(-4000)).toBe(0);
    expect(result.output).toMatch(/built example: ok/);
    expect(result.output).toMatch(/Tests\s+\d+ passed/);
    expect(result.output).not.toMatch(/\d+ (failed|skipped)/);
    // It read the owner's configuration: their category's feed is among the feeds it parsed.
    expect(result.output).toContain(`categories/${CATEGORY.id}/rss.xml`);
  });
});
