/**
 * `npm run check` end to end: every kind of problem in one run, each with file, line and fix;
 * exit 1 when there is an error. Clean content: tests/site/check-clean.test.ts.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root, tmpRoot } from '../support/build-site';
import { postData, writeFixture } from '../support/fixtures';

const cacheFor = (contentDir: string) => join(tmpRoot, 'cache', `check-${contentDir.split('/').pop() ?? ''}`);

function check(args: string[], contentDir: string, buildTime = '2011-01-01T00:00:00+09:00') {
  const result = spawnSync(join(root, 'node_modules/.bin/node'), ['scripts/check.ts', ...args], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 << 20,
    env: {
      ...process.env,
      PATH: `${join(root, 'node_modules/.bin')}:${process.env.PATH ?? ''}`,
      CONTENT_DIR: contentDir,
      BUILD_TIME: buildTime,
      ASTRO_CACHE_DIR: cacheFor(contentDir),
      NO_COLOR: '1',
    },
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

const shown = (dir: string, file: string) => relative(root, join(dir, file));

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
        { file: 'f-draft.mdx', data: postData({ draft: true }) },
        { file: 'g-later.mdx', data: postData({ pubDate: '2011-02-01T09:00:00+09:00' }) },
      ],
    });
    rmSync(cacheFor(dir), { recursive: true, force: true });
    // The type check (astro check, half a minute of the project's own code) runs in .ci/run, on the example.
    const { status, output } = check(['--skip-types'], dir);
    expect(status, output).toBe(1);
    expect(output.match(/"park"은\(는\) 등록된 저자가 아닙니다/g), output).toHaveLength(1);
    // Posts a and b were left out of a copy of the content, deleted after the run: the cache the
    // next run reads must not send it to files that are gone ("[ImageNotFound]" on clean content).
    const store = join(cacheFor(dir), 'data-store.json');
    expect(existsSync(store) ? readFileSync(store, 'utf8') : '').not.toContain('socialbench-check-');
    expect(output).toContain(`오류 ${shown(dir, 'posts/a.mdx')}:${lineIn(dir, 'posts/a.mdx', 'author')} · 프런트매터 author\n    문제: "park"은(는) 등록된 저자가 아닙니다.`);
    expect(output).toContain('    기대: content/authors/ 폴더의 저자 id: kim, lee');
    expect(output).toContain(`오류 ${shown(dir, 'posts/b.mdx')}:${lineIn(dir, 'posts/b.mdx', '<div>')}:1\n    문제: MDX 문법 오류`);
    expect(output).toContain(`오류 ${shown(dir, 'posts/c.mdx')}:${lineIn(dir, 'posts/c.mdx', '/posts/nope/')}\n    문제: 링크 "/posts/nope/": 빌드된 사이트에 페이지 /posts/nope/이(가) 없습니다.`);
    expect(output).toContain(`경고 ${shown(dir, 'posts/c.mdx')}:${lineIn(dir, 'posts/c.mdx', '/posts/a/')}\n    문제: 링크 "/posts/a/"`);
    expect(output).toContain(`오류 ${shown(dir, 'posts/d.mdx')}:${lineIn(dir, 'posts/d.mdx', 'tweet')} · 프런트매터 tweet\n    문제: 가중치 280자입니다.`);
    expect(output).not.toContain('링크 "/posts/e/"');
    // A draft and a scheduled post are not problems, but the writer hears that they won't go out, and when.
    expect(output).toContain(`${shown(dir, 'posts/f-draft.mdx')}  초안: 공개되지 않습니다`);
    expect(output).toContain(`${shown(dir, 'posts/g-later.mdx')}  예약: 2011-02-01 09:00 공개`);
    // Every error says how to fix it.
    expect(output.match(/\n\s+고치는 법: /g)?.length).toBeGreaterThanOrEqual(4);
    // The four posts' errors (a template problem of the site itself would add to the total).
    expect(output.match(/^\s*오류 .*posts\/[a-e]\.mdx:\d+/gm)).toHaveLength(4);
    expect(output).not.toMatch(/\x1b\[|Stack trace|\[ERROR\]/);
    expect(output).toMatch(/오류 \d+개, 경고 \d+개\. 고치는 법은 docs\/writing\.md/);
  });

  it('builds again after a post is edited, with the edit, and not when nothing changed', () => {
    const dir = writeFixture('writing-check-again', {
      posts: [
        { file: 'a.mdx', data: postData({ title: '첫 글' }), body: '본문\n\n[둘째 글](/posts/b/)\n' },
        { file: 'b.mdx', data: postData({ title: '둘째 글', pubDate: '2010-08-11' }), body: '본문\n' },
      ],
    });
    rmSync(cacheFor(dir), { recursive: true, force: true });
    const first = check(['--skip-types'], dir);
    expect(first.status, first.output).toBe(0);
    expect(first.output).toMatch(/빌드 [\d.]+초, 페이지 \d+개의 내부 링크 \d+개 검사\n  ✓ 깨진 링크 없음/);

    const again = check(['--skip-types'], dir);
    expect(again.status, again.output).toBe(0);
    expect(again.output).toContain('지난번 검사한 뒤 바뀐 파일이 없어 빌드하지 않았습니다');

    // The build starts before the content is read: it must still be a build of the edited post.
    appendFileSync(join(dir, 'posts/b.mdx'), '\n[사라진 글](/posts/gone/)\n');
    const edited = check(['--skip-types'], dir);
    expect(edited.status, edited.output).toBe(1);
    expect(edited.output).toContain(`오류 ${shown(dir, 'posts/b.mdx')}:${lineIn(dir, 'posts/b.mdx', '/posts/gone/')}\n    문제: 링크 "/posts/gone/"`);
    expect(edited.output).not.toContain('바뀐 파일이 없어');
  });
});
