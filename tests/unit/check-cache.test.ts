import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inputsHash, readCheckCache, writeCheckCache } from '../../scripts/lib/check-cache';

const root = mkdtempSync(join(tmpdir(), 'check-cache-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const write = (path: string, text: string) => {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), text);
};

describe('what npm run check remembers', () => {
  it('keys a step on the bytes of every file it reads, so any edit runs it again', () => {
    write('src/a.ts', 'export const a = 1;');
    write('src/pages/b.astro', '<p>b</p>');
    const key = () => inputsHash(root, [join(root, 'src')]);
    const before = key();
    expect(key()).toBe(before);
    write('src/pages/b.astro', '<p>b!</p>');
    expect(key()).not.toBe(before);
    write('src/pages/b.astro', '<p>b</p>');
    expect(key()).toBe(before);
    // A new file, or a file renamed, is a change too.
    write('src/c.ts', '');
    expect(key()).not.toBe(before);
    rmSync(join(root, 'src/c.ts'));
    expect(key()).toBe(before);
  });

  it('ignores tool output and caches, and counts the extra facts given', () => {
    const before = inputsHash(root, [join(root, 'src')], { day: '2011-01-01' });
    write('src/node_modules/x.js', '1');
    write('src/.astro/types.d.ts', '1');
    expect(inputsHash(root, [join(root, 'src')], { day: '2011-01-01' })).toBe(before);
    expect(inputsHash(root, [join(root, 'src')], { day: '2011-01-02' })).not.toBe(before);
  });

  it('reads back what it wrote, and an unreadable file as nothing remembered', () => {
    const file = join(root, 'cache/check.json');
    writeCheckCache(file, { types: { key: 'k', result: null } });
    expect(readCheckCache(file)).toEqual({ types: { key: 'k', result: null } });
    writeFileSync(file, '{broken');
    expect(readCheckCache(file)).toEqual({});
  });
});

describe('the build heap limit', () => {
  it('adds the limit to NODE_OPTIONS, and keeps one the caller set', async () => {
    const { BUILD_HEAP_MIB, withHeapLimit } = await import('../../scripts/lib/run');
    expect(withHeapLimit(undefined)).toBe(`--max-old-space-size=${BUILD_HEAP_MIB}`);
    expect(withHeapLimit('--enable-source-maps')).toBe(`--enable-source-maps --max-old-space-size=${BUILD_HEAP_MIB}`);
    expect(withHeapLimit('--max-old-space-size=8192')).toBe('--max-old-space-size=8192');
  });

  it('runs the build with 2 MiB allocator pages unless the caller chose otherwise', async () => {
    const { BUILD_HEAP_MIB, buildRuntimeEnv } = await import('../../scripts/lib/run');
    expect(buildRuntimeEnv({})).toEqual({ NODE_OPTIONS: `--max-old-space-size=${BUILD_HEAP_MIB}`, MIMALLOC_ALLOW_LARGE_OS_PAGES: '1' });
    expect(buildRuntimeEnv({ MIMALLOC_ALLOW_LARGE_OS_PAGES: '0', NODE_OPTIONS: '--max-old-space-size=8192' })).toEqual({
      NODE_OPTIONS: '--max-old-space-size=8192',
      MIMALLOC_ALLOW_LARGE_OS_PAGES: '0',
    });
  });
});

describe('a command started in the background', () => {
  it('gives its output and exit status when it ends, without a pipe to drain', async () => {
    const { startCaptured } = await import('../../scripts/lib/run');
    const started = startCaptured(process.execPath, ['-e', 'console.log("출력"); console.error("오류"); process.exit(3)'], process.env, join(root, 'ok.log'));
    expect(await started.result).toEqual({ ok: false, output: '출력\n오류\n', status: 3 });
  });

  it('is stopped on request, and then counts as failed', async () => {
    const { startCaptured } = await import('../../scripts/lib/run');
    const started = startCaptured(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], process.env, join(root, 'stop.log'));
    await started.stop();
    const result = await started.result;
    expect(result.ok).toBe(false);
    expect(result.status).toBeNull();
  });
});
