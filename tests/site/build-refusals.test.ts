/**
 * What `npm run build` refuses before it starts Astro (so these run beside the other tests):
 * an output folder it must not replace. The last good site stays byte-identical. Refusals that
 * need Astro's start (content folders) and the lock are in tests/processes/safe-build.ts.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root, tmpRoot, userEnv } from '../support/build-site';
import { manyPosts, writeFixture } from '../support/fixtures';
import { snapshot } from '../support/snapshot';

const work = join(tmpRoot, 'build-refusals');

function safeBuild(contentDir: string, outDir: string): { status: number | null; output: string } {
  const result = spawnSync(join(root, 'node_modules/.bin/node'), ['scripts/safe-build.ts'], {
    cwd: root,
    env: userEnv({ PATH: `${join(root, 'node_modules/.bin')}:${process.env.PATH ?? ''}`, OUT_DIR: outDir, CONTENT_DIR: contentDir, NO_COLOR: '1' }),
    encoding: 'utf8',
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('npm run build refuses an output folder it must not replace', () => {
  const content = writeFixture('build-refusals', { posts: manyPosts(1) });
  rmSync(work, { recursive: true, force: true });
  // A site an earlier build left: its marker file says so.
  const site = join(work, 'site');
  mkdirSync(join(site, '_astro'), { recursive: true });
  writeFileSync(join(site, 'index.html'), '<!doctype html><title>지난 사이트</title>');
  writeFileSync(join(site, '.socialbench-output'), '');

  it('a symbolic link: a web server following it would keep serving the old site', () => {
    const before = snapshot(site);
    const link = join(work, 'served');
    symlinkSync(site, link);
    const result = safeBuild(content, link);
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(/오류 \S*served\/ · OUT_DIR\n {2}문제: 출력 폴더가 심볼릭 링크입니다/);
    expect(result.output).toContain(`고치는 법: 링크가 가리키는 실제 폴더를 OUT_DIR로 주세요 (예: OUT_DIR=${relative(root, site)})`);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(snapshot(site)).toEqual(before);
  });

  it('a folder holding files that are not a build output, and the project\'s own source folders', () => {
    const notes = join(work, 'notes');
    mkdirSync(notes, { recursive: true });
    writeFileSync(join(notes, 'todo.txt'), '메모');
    const foreign = safeBuild(content, notes);
    expect(foreign.status).not.toBe(0);
    expect(foreign.output).toContain('출력 폴더에 빌드 결과가 아닌 파일이 있습니다 (todo.txt)');
    expect(readdirSync(notes)).toEqual(['todo.txt']);
    for (const folder of ['src', 'content', '.']) {
      const result = safeBuild(content, join(root, folder));
      expect(result.status, folder).not.toBe(0);
      expect(result.output).toContain('출력 폴더가 프로젝트 자체이거나 그 안의 원본 폴더입니다');
    }
    expect(existsSync(join(root, 'src/content.config.ts'))).toBe(true);
  });
});
