/**
 * `npm run check` end to end: every kind of problem in one run, each with file, line and fix;
 * exit 1 when there is an error, 0 when clean.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root, tmpRoot } from '../support/build-site';
import { manyPosts, postData, writeFixture } from '../support/fixtures';
import { DESCRIPTION_PLACEHOLDER } from '../../scripts/lib/post-check';
import { EXAMPLE_BUILD_TIME } from '../support/sites';

const cacheFor = (contentDir?: string) => join(tmpRoot, 'cache', `check-${contentDir ? 'fixture' : 'example'}`);

function check(args: string[], contentDir?: string, buildTime = '2011-01-01T00:00:00+09:00') {
  const result = spawnSync(join(root, 'node_modules/.bin/tsx'), ['scripts/check.ts', ...args], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 << 20,
    env: {
      ...process.env,
      PATH: `${join(root, 'node_modules/.bin')}:${process.env.PATH ?? ''}`,
      ...(contentDir ? { CONTENT_DIR: contentDir } : {}),
      BUILD_TIME: buildTime,
      ASTRO_CACHE_DIR: cacheFor(contentDir),
      NO_COLOR: '1',
    },
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

const lineIn = (dir: string, file: string, needle: string) =>
  readFileSync(join(dir, file), 'utf8')
    .split('\n')
    .findIndex((l) => l.includes(needle)) + 1;

describe('npm run check', { timeout: 180_000 }, () => {
  it('reports every problem of every kind in one run, and exits 1', () => {
    const dir = writeFixture('writing-check-many', {
      posts: [
        { file: 'a.mdx', data: postData({ author: 'park' }) },
        { file: 'b.mdx', data: postData(), body: '본문\n\n<div>\n' },
        { file: 'c.mdx', data: postData(), body: '본문\n\n[없는 글](/posts/nope/)\n\n[오류 있는 글](/posts/a/)\n\n[좋은 글](/posts/e/)\n' },
        { file: 'd.mdx', data: postData({ tweet: '가'.repeat(140) }) },
        { file: 'e.mdx', data: postData() },
      ],
    });
    rmSync(cacheFor(dir), { recursive: true, force: true });
    const { status, output } = check(['--skip-types'], dir);
    expect(status, output).toBe(1);
    // Posts a and b were left out of a copy of the content, deleted after the run: the cache the
    // next run reads must not send it to files that are gone ("[ImageNotFound]" on clean content).
    const store = join(cacheFor(dir), 'data-store.json');
    expect(existsSync(store) ? readFileSync(store, 'utf8') : '').not.toContain('socialbench-check-');
    expect(output).toContain(`posts/a.mdx:${lineIn(dir, 'posts/a.mdx', 'author')}: frontmatter "author": "park" is not an author (known: kim, lee)`);
    expect(output).toContain(`posts/b.mdx:${lineIn(dir, 'posts/b.mdx', '<div>')}:1: MDX syntax error`);
    expect(output).toContain(`posts/c.mdx:${lineIn(dir, 'posts/c.mdx', '/posts/nope/')}: link "/posts/nope/": no page /posts/nope/`);
    expect(output).toContain(`posts/c.mdx:${lineIn(dir, 'posts/c.mdx', '/posts/a/')}: warning: link "/posts/a/"`);
    expect(output).toContain(`posts/d.mdx:${lineIn(dir, 'posts/d.mdx', 'tweet')}: frontmatter "tweet": 280 weighted characters`);
    expect(output).not.toContain('link "/posts/e/"');
    // Every error says how to fix it.
    expect(output.match(/\n\s+Fix: /g)?.length).toBeGreaterThanOrEqual(4);
    // The four posts' errors (a template problem of the site itself would add to the total).
    expect(output.match(/posts\/[a-e]\.mdx:\d+(:\d+)?: (?!warning)/g)).toHaveLength(4);
    expect(output).toMatch(/오류 \d+개, 경고 \d+개\. 고치는 법은 docs\/writing\.md/);
  });

  it('passes clean content with exit 0, warnings shown but not counted as errors', () => {
    const draft = { file: 'draft.mdx', data: postData({ draft: true, description: DESCRIPTION_PLACEHOLDER }) };
    const dir = writeFixture('writing-check-clean', { posts: [...manyPosts(3), draft] });
    const { status, output } = check(['--skip-types'], dir);
    expect(status, output).toBe(0);
    expect(output).toContain('깨진 링크 없음');
    expect(output).toContain('! 경고 1개');
    expect(output).not.toContain('오류 0개');
    expect(output).toContain('통과 (경고 1개)');
  });

  it('reports a front-matter error once: the type check leaves the post out', () => {
    const dir = writeFixture('writing-check-types', { posts: [{ file: 'a.mdx', data: postData({ author: 'park' }) }, ...manyPosts(1)] });
    const { status, output } = check(['--skip-build'], dir);
    expect(status, output).toBe(1);
    expect(output).toContain('[1/4] 타입 검사 (astro check)\n  ✓ 통과');
    expect(output.match(/"park" is not an author/g), output).toHaveLength(1);
  });

  it('passes the example site, type check included', () => {
    const { status, output } = check([], undefined, EXAMPLE_BUILD_TIME);
    expect(output).toContain('[1/4] 타입 검사 (astro check)\n  ✓ 통과');
    expect(status, output).toBe(0);
  });
});
