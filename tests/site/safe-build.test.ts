/**
 * `npm run build` (scripts/safe-build.ts) replaces dist/ only when the build succeeds. Real
 * builds: a good site, then a broken one and an interrupted one (the old files must still be
 * there, byte for byte), then another good one (replaced, nothing left behind).
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { removeStaleStaging, stagingDirFor, swapInto } from '../../scripts/lib/atomic-dir';
import { root, tmpRoot, userEnv } from '../support/build-site';
import { manyPosts, postData, writeFixture } from '../support/fixtures';

const work = join(tmpRoot, 'safe-build');
const dist = join(work, 'site', 'dist');

function env(contentDir: string): NodeJS.ProcessEnv {
  return {
    ...userEnv(),
    PATH: `${join(root, 'node_modules/.bin')}:${process.env.PATH ?? ''}`,
    OUT_DIR: dist,
    ASTRO_CACHE_DIR: join(work, 'cache'),
    CONTENT_DIR: contentDir,
    BUILD_TIME: '2010-09-01T00:00:00+09:00',
    NO_COLOR: '1',
  };
}

function safeBuild(contentDir: string): { status: number | null; output: string } {
  const result = spawnSync(join(root, 'node_modules/.bin/tsx'), ['scripts/safe-build.ts'], { cwd: root, env: env(contentDir), encoding: 'utf8', maxBuffer: 64 << 20 });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

const sha = (bytes: string | Buffer) => createHash('sha256').update(bytes).digest('hex');

/** Every file under `dir` with the hash of its bytes. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else out[relative(dir, path)] = sha(readFileSync(path));
    }
  };
  walk(dir);
  return out;
}

const leftovers = () => readdirSync(dirname(dist)).filter((n) => n !== 'dist');

describe('safe build (npm run build)', { timeout: 300_000 }, () => {
  const good = writeFixture('safe-build-good', { posts: manyPosts(2) });
  const broken = writeFixture('safe-build-broken', {
    posts: [...manyPosts(3), { file: 'broken.mdx', data: postData({ title: '깨진 글' }), body: '본문\n\n<div>\n' }],
  });
  const better = writeFixture('safe-build-better', { posts: manyPosts(3) });

  it('builds a good site into dist/', () => {
    rmSync(work, { recursive: true, force: true });
    const result = safeBuild(good);
    expect(result.status, result.output).toBe(0);
    expect(existsSync(join(dist, 'posts/post-002/index.html'))).toBe(true);
    expect(result.output).toContain('빌드 완료');
    expect(leftovers()).toEqual([]);
  });

  it('leaves the last good dist/ byte-identical when a build fails, and says so', () => {
    const before = snapshot(dist);
    expect(Object.keys(before).length).toBeGreaterThan(5);
    const result = safeBuild(broken);
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('posts/broken.mdx');
    expect(result.output).toContain('는 그대로 두었습니다 (마지막으로 성공한 사이트)');
    expect(snapshot(dist)).toEqual(before);
    expect(existsSync(join(dist, 'posts/post-003/index.html'))).toBe(false);
    expect(leftovers()).toEqual([]);
  });

  it('leaves dist/ untouched when the build is interrupted', async () => {
    const before = snapshot(dist);
    const child = spawn(join(root, 'node_modules/.bin/tsx'), ['scripts/safe-build.ts'], { cwd: root, env: env(better), stdio: 'ignore' });
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

  it('replaces dist/ when the next build succeeds', () => {
    const result = safeBuild(better);
    expect(result.status, result.output).toBe(0);
    expect(existsSync(join(dist, 'posts/post-003/index.html'))).toBe(true);
    expect(leftovers()).toEqual([]);
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
