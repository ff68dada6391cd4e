/**
 * `npm run check` on clean content reads the files only (no Astro with --skip-build and
 * --skip-types), so it runs beside the other tests. Its full run is in tests/processes/writing-check.ts.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DESCRIPTION_PLACEHOLDER } from '@/lib/rules/post-schema';
import { root, userEnv } from '../support/build-site';
import { manyPosts, postData, writeFixture } from '../support/fixtures';

describe('npm run check on clean content', () => {
  it('passes with exit 0, warnings shown but not counted as errors', () => {
    const draft = { file: 'draft.mdx', data: postData({ draft: true, description: DESCRIPTION_PLACEHOLDER }) };
    const dir = writeFixture('check-clean', { posts: [...manyPosts(3), draft] });
    const result = spawnSync(join(root, 'node_modules/.bin/node'), ['scripts/check.ts', '--skip-types', '--skip-build'], {
      cwd: root,
      encoding: 'utf8',
      env: userEnv({ PATH: `${join(root, 'node_modules/.bin')}:${process.env.PATH ?? ''}`, CONTENT_DIR: dir, BUILD_TIME: '2011-01-01T00:00:00+09:00', NO_COLOR: '1' }),
    });
    const output = `${result.stdout}${result.stderr}`;
    expect(result.status, output).toBe(0);
    expect(output).toContain('! 경고 1개');
    expect(output).toMatch(/경고 \S*draft\.mdx:\d+ · 프런트매터 description/);
    expect(output).not.toContain('오류 0개');
    expect(output).toContain('통과 (경고 1개)');
  });
});
