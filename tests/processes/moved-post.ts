import { describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { buildSite } from '../support/build-site';
import { postData, writeFixture } from '../support/fixtures';

/**
 * docs/writing.md tells writers to move `a.mdx` to `a/index.mdx` to put images beside it. With a
 * warm cache (a writer's machine, the CI cache) that once broke every later build.
 */
describe('moving a post into its own folder', () => {
  it('builds with the cache of the build before the move', () => {
    const dir = writeFixture('moved-post', { posts: [{ file: 'a.mdx', data: postData({ title: '옮긴 글' }) }] });
    const before = buildSite('moved-post', { contentDir: dir, buildTime: '2026-11-27T12:00:00+09:00' });
    expect(before.ok, before.output.slice(-2000)).toBe(true);
    mkdirSync(join(dir, 'posts/a'));
    renameSync(join(dir, 'posts/a.mdx'), join(dir, 'posts/a/index.mdx'));
    const after = buildSite('moved-post', { contentDir: dir, buildTime: '2026-11-27T12:00:00+09:00', keepCache: true });
    expect(after.ok, after.output.slice(-2000)).toBe(true);
    expect(readFileSync(join(after.outDir, 'posts/a/index.html'), 'utf8')).toContain('옮긴 글');
  });
});
