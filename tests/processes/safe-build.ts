/**
 * `npm run build` (scripts/safe-build.ts) replaces dist/ only when the build succeeds. Real
 * builds: a good site, then a broken one and an interrupted one (the old files must still be
 * there, byte for byte), then another good one with a post moved into its own folder (replaced,
 * nothing left behind, the warm cache no obstacle). Then what it refuses to do.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { removeStaleStaging, stagingDirFor, swapInto } from '../../scripts/lib/atomic-dir';
import { root, tmpRoot, userEnv } from '../support/build-site';
import { sha, snapshot } from '../support/snapshot';
import { manyPosts, postData, writeFixture } from '../support/fixtures';

const work = join(tmpRoot, 'safe-build');
const dist = join(work, 'site', 'dist');

function env(contentDir: string, outDir = dist): NodeJS.ProcessEnv {
  return {
    ...userEnv(),
    PATH: `${join(root, 'node_modules/.bin')}:${process.env.PATH ?? ''}`,
    OUT_DIR: outDir,
    ASTRO_CACHE_DIR: join(work, 'cache'),
    CONTENT_DIR: contentDir,
    BUILD_TIME: '2010-09-01T00:00:00+09:00',
    NO_COLOR: '1',
  };
}

function safeBuild(contentDir: string, outDir = dist): { status: number | null; output: string } {
  const result = spawnSync(join(root, 'node_modules/.bin/node'), ['scripts/safe-build.ts'], { cwd: root, env: env(contentDir, outDir), encoding: 'utf8', maxBuffer: 64 << 20 });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

const leftovers = () => readdirSync(dirname(dist)).filter((n) => n !== 'dist');

/** Process ids of every descendant of `pid` (Linux /proc), to find the Astro process under the script. */
function descendants(pid: number): { pid: number; cmdline: string }[] {
  const all = readdirSync('/proc').filter((n) => /^\d+$/.test(n)).map(Number);
  const parentOf = new Map<number, number>();
  for (const p of all) {
    try {
      // "pid (comm) state ppid ...": the command may contain spaces, so read after the last ")".
      const stat = readFileSync(`/proc/${p}/stat`, 'utf8');
      parentOf.set(p, Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // Gone meanwhile.
    }
  }
  const out: { pid: number; cmdline: string }[] = [];
  const walk = (parent: number) => {
    for (const [child, ppid] of parentOf) {
      if (ppid !== parent) continue;
      let cmdline = '';
      try {
        cmdline = readFileSync(`/proc/${child}/cmdline`, 'utf8').replace(/\0/g, ' ');
      } catch {
        continue;
      }
      out.push({ pid: child, cmdline });
      walk(child);
    }
  };
  walk(pid);
  return out;
}

const waitFor = (test: () => boolean, ms = 60_000) =>
  new Promise<void>((done, fail) => {
    const started = Date.now();
    const poll = setInterval(() => {
      if (test()) {
        clearInterval(poll);
        done();
      } else if (Date.now() - started > ms) {
        clearInterval(poll);
        fail(new Error('timed out'));
      }
    }, 50);
  });

describe('safe build (npm run build)', { timeout: 300_000 }, () => {
  const good = writeFixture('safe-build-good', {
    posts: [...manyPosts(2), { file: 'draft.md', data: postData({ title: '초안', draft: true }) }, { file: 'later.md', data: postData({ title: '예약', pubDate: '2011-01-01' }) }],
  });
  // Valid content with a broken link: the build fails at its very end, once every page is written
  // (in the staging folder), which is where the last good site is most at risk.
  const broken = writeFixture('safe-build-broken', {
    posts: [...manyPosts(3), { file: 'links.md', data: postData({ title: '깨진 링크 글' }), body: '첫 문단.\n\n[오타 링크](/posts/post-00l/)\n' }],
  });

  it('builds a good site into dist/', () => {
    rmSync(work, { recursive: true, force: true });
    const result = safeBuild(good);
    expect(result.status, result.output).toBe(0);
    expect(existsSync(join(dist, 'posts/post-002/index.html'))).toBe(true);
    expect(leftovers()).toEqual([]);
    // A short summary of what was built and how long it took, and nothing of Astro's page-by-page log.
    expect(result.output.trim().split('\n').length).toBeLessThanOrEqual(25);
    expect(result.output).toMatch(/✓ 빌드 완료 \(\d+\.\d초\)/);
    expect(result.output).toContain('공개된 글 2개 (초안 1개, 예약 1개는 빌드하지 않았습니다)');
    expect(result.output).toMatch(/페이지 \d+개, 내부 링크 [\d,]+개 확인/);
    expect(result.output).not.toMatch(/\x1b\[|\[WARN\]|MODULE_LEVEL_DIRECTIVE|generating static routes/);
  });

  it('leaves the last good dist/ byte-identical when a build fails, and says so', () => {
    const before = snapshot(dist);
    expect(Object.keys(before).length).toBeGreaterThan(5);
    const result = safeBuild(broken);
    expect(result.status).not.toBe(0);
    // The links family of writer mistakes, end to end (tests/processes/build-errors.ts has the others).
    expect(result.output).toMatch(/오류 \S*safe-build-broken\/posts\/links\.md:\d+\n {2}문제: 링크 "\/posts\/post-00l\/": 빌드된 사이트에 페이지 \/posts\/post-00l\/이\(가\) 없습니다\./);
    expect(result.output).toContain('혹시 "/posts/post-001/"?');
    expect(result.output).not.toMatch(/Stack trace|An unhandled error occurred|docs\.astro\.build|\x1b\[/);
    expect(result.output).toContain('는 그대로 두었습니다 (마지막으로 성공한 사이트)');
    expect(snapshot(dist)).toEqual(before);
    expect(existsSync(join(dist, 'posts/post-003/index.html'))).toBe(false);
    expect(leftovers()).toEqual([]);
  });

  it('leaves dist/ untouched when the build is interrupted', async () => {
    const before = snapshot(dist);
    const child = spawn(join(root, 'node_modules/.bin/node'), ['scripts/safe-build.ts'], { cwd: root, env: env(good), stdio: 'ignore' });
    // Listened for at once: a child that ends before the poll sees its staging folder must not leave the test waiting.
    let ended = false;
    const closed = new Promise<number | null>((done) => child.on('close', (c) => ((ended = true), done(c))));
    // Interrupt once the build has started writing its staging folder.
    await new Promise<void>((done) => {
      const poll = setInterval(() => {
        if (leftovers().some((n) => n.startsWith('.dist-next-')) || ended) {
          clearInterval(poll);
          done();
        }
      }, 50);
    });
    child.kill('SIGTERM');
    const code = await closed;
    expect(code).not.toBe(0);
    expect(snapshot(dist)).toEqual(before);
    expect(leftovers()).toEqual([]);
  });

  it('replaces dist/ when the next build succeeds, and refuses a second build meanwhile (a lock, not a crash)', async () => {
    // The writer moves a post into its own folder (to put images beside it, as docs/writing.md says)
    // and adds one: with the cache of the builds above, this once broke every later build.
    mkdirSync(join(good, 'posts/post-002'));
    renameSync(join(good, 'posts/post-002.md'), join(good, 'posts/post-002/index.md'));
    writeFileSync(join(good, 'posts/post-003.md'), readFileSync(join(good, 'posts/post-001.md'), 'utf8').replace('"글 1"', '"글 3"').replace('2010-08-01', '2010-08-03'));
    const first = spawn(join(root, 'node_modules/.bin/node'), ['scripts/safe-build.ts'], { cwd: root, env: env(good), stdio: 'ignore' });
    const firstDone = new Promise<number | null>((done) => first.on('close', done));
    const lock = join(root, 'node_modules/.cache/socialbench-build.lock');
    await waitFor(() => existsSync(lock));
    const second = safeBuild(good, join(work, 'other'));
    expect(second.status).not.toBe(0);
    expect(second.output).toMatch(/다른 빌드\(프로세스 \d+\)가 이 프로젝트를 빌드하는 중입니다/);
    expect(existsSync(join(work, 'other'))).toBe(false);
    expect(await firstDone).toBe(0);
    expect(readFileSync(join(dist, 'posts/post-003/index.html'), 'utf8')).toContain('글 3');
    expect(readFileSync(join(dist, 'posts/post-002/index.html'), 'utf8')).toContain('글 2');
    expect(leftovers()).toEqual([]);
    // Released: the next build may go ahead.
    expect(existsSync(lock)).toBe(false);
  });
});

describe('what npm run build refuses, leaving the last good site byte-identical', { timeout: 300_000 }, () => {
  const good = writeFixture('safe-build-refusals', { posts: manyPosts(2) });
  // The last good site the builds above left.
  const site = dist;

  it('refuses a missing content folder (a typo in CONTENT_DIR) and an empty one, naming the folder', () => {
    const before = snapshot(site);
    const missing = safeBuild(join(dirname(good), 'safe-build-refusalz'), site);
    expect(missing.status).not.toBe(0);
    expect(missing.output).toMatch(/오류 \S*safe-build-refusalz\/\n {2}문제: 콘텐츠 폴더가 없습니다/);
    expect(missing.output).toContain('혹시 "safe-build-refusals"?');
    const empty = join(work, 'empty-content');
    mkdirSync(join(empty, 'posts'), { recursive: true });
    mkdirSync(join(empty, 'authors'), { recursive: true });
    const none = safeBuild(empty, site);
    expect(none.status).not.toBe(0);
    expect(none.output).toMatch(/empty-content\/posts\/\n {2}문제: 글이 하나도 없습니다/);
    expect(none.output).toMatch(/empty-content\/authors\/\n {2}문제: 저자 파일이 하나도 없습니다/);
    expect(snapshot(site)).toEqual(before);
  });

  it('names the signal when the build process dies, and keeps the last good site', async () => {
    const before = snapshot(site);
    const child = spawn(join(root, 'node_modules/.bin/node'), ['scripts/safe-build.ts'], { cwd: root, env: env(good, site), stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout!.on('data', (d) => (output += d));
    child.stderr!.on('data', (d) => (output += d));
    const done = new Promise<number | null>((resolve) => child.on('close', resolve));
    let astro: number | undefined;
    await waitFor(() => (astro = descendants(child.pid!).find((p) => /astro(\.js|\.mjs)? build/.test(p.cmdline))?.pid) !== undefined);
    // As the kernel does to a process that runs out of memory.
    process.kill(astro!, 'SIGKILL');
    expect(await done).not.toBe(0);
    expect(output).toContain('오류 빌드 과정이 신호 SIGKILL(으)로 끝났습니다');
    expect(output).toContain('는 그대로 두었습니다 (마지막으로 성공한 사이트)');
    expect(snapshot(site)).toEqual(before);
  });
});

describe('atomic folder swap', () => {
  const make = (dir: string, files: Record<string, string>) => {
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, name)), { recursive: true });
      writeFileSync(join(dir, name), text);
    }
  };

  it('swaps a staging folder in, with or without an existing target', () => {
    const parent = mkdtempSync(join(tmpdir(), 'swap-'));
    const target = join(parent, 'dist');
    const staging = stagingDirFor(target);
    expect(dirname(staging)).toBe(parent);
    make(staging, { 'index.html': 'one', 'old.html': 'only in the first' });
    swapInto(staging, target);
    expect(readFileSync(join(target, 'index.html'), 'utf8')).toBe('one');
    make(staging, { 'index.html': 'two', 'a/b.html': 'b' });
    swapInto(staging, target);
    // The second staging folder replaced the first whole: its files, nothing left of the first.
    expect(snapshot(target)).toEqual({ 'index.html': sha('two'), [join('a', 'b.html')]: sha('b') });
    expect(readFileSync(join(target, 'index.html'), 'utf8')).toBe('two');
    expect(readdirSync(parent)).toEqual(['dist']);
  });

  it('puts the last good site back when a build was killed between the two renames', () => {
    const parent = mkdtempSync(join(tmpdir(), 'swap-'));
    const target = join(parent, 'dist');
    // A dead process's leftovers: the old site moved aside, the new one not moved in.
    make(join(parent, '.dist-old-999999'), { 'index.html': 'good' });
    make(join(parent, '.dist-next-999999'), { 'index.html': 'half' });
    removeStaleStaging(target);
    expect(readFileSync(join(target, 'index.html'), 'utf8')).toBe('good');
    expect(readdirSync(parent)).toEqual(['dist']);
  });
});
