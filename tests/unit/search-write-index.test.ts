import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { writeSearchIndex } from '@/lib/search/write-index';
import { postPage } from '../support/post-page-html';

const root = mkdtempSync(join(tmpdir(), 'search-write-index-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A built site with these post pages (slug -> title) and a redirect page under posts/. */
function site(name: string, posts: Record<string, string>): string {
  const dir = join(root, name);
  rmSync(dir, { recursive: true, force: true });
  for (const [slug, title] of Object.entries(posts)) {
    mkdirSync(join(dir, 'posts', slug), { recursive: true });
    writeFileSync(join(dir, 'posts', slug, 'index.html'), postPage(title));
  }
  mkdirSync(join(dir, 'posts/old'), { recursive: true });
  writeFileSync(join(dir, 'posts/old/index.html'), '<!doctype html><meta http-equiv="refresh" content="0;url=/posts/a/">');
  return dir;
}

/** Every file of the index, by path, with its bytes. */
function indexFiles(dir: string): Map<string, string> {
  const base = join(dir, 'pagefind');
  const files = readdirSync(base, { recursive: true, encoding: 'utf8' }).filter((f) => statSync(join(base, f)).isFile());
  return new Map(files.map((f) => [f, readFileSync(join(base, f)).toString('base64')]));
}

/** The text Pagefind keeps for each page (its fragments), to show what a search can return. */
const fragmentTexts = (dir: string) =>
  readdirSync(join(dir, 'pagefind/fragment')).map((f) => gunzipSync(readFileSync(join(dir, 'pagefind/fragment', f))).toString('utf8'));

/** The pages kept prepared for the next build, by path. */
const preparedPages = (cacheDir: string) =>
  readdirSync(join(cacheDir, 'prepared'), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.html'))
    .sort();

const options = (cacheDir: string) => ({ lang: 'ko', timeZone: 'Asia/Seoul', cacheDir });

describe('the search index after a build', { timeout: 60_000 }, () => {
  it('copies the index of an earlier build when no post page changed, and writes it anew when one did', async () => {
    const cacheDir = join(root, 'cache-reuse');
    const first = site('first', { a: '첫째 글', b: '둘째 글' });
    expect(await writeSearchIndex(first, options(cacheDir))).toMatchObject({ pages: 2, reused: false });
    expect(fragmentTexts(first).join('\n')).toContain('첫째 글');
    // Pagefind's own interfaces are not deployed.
    expect(existsSync(join(first, 'pagefind/pagefind-ui.js'))).toBe(false);

    const same = site('same', { a: '첫째 글', b: '둘째 글' });
    const again = await writeSearchIndex(same, options(cacheDir));
    expect(again).toEqual({ pages: 2, tokens: expect.any(Number), reused: true });
    expect(indexFiles(same)).toEqual(indexFiles(first));

    const edited = site('edited', { a: '첫째 글', b: '고친 둘째 글' });
    expect(await writeSearchIndex(edited, options(cacheDir))).toMatchObject({ pages: 2, reused: false });
    expect(fragmentTexts(edited).join('\n')).toContain('고친 둘째 글');
    // One index is kept, the latest, with the two pages as prepared for it (the old "둘째 글" is gone).
    expect(readdirSync(join(cacheDir, 'index'))).toHaveLength(1);
    expect(preparedPages(cacheDir)).toEqual(['posts/a/index.html', 'posts/b/index.html']);
    expect(readFileSync(join(cacheDir, 'prepared/posts/b/index.html'), 'utf8')).toContain('고친 둘째 글');
    // The unchanged page came from the kept copy: the index is the one written with nothing kept.
    const fresh = site('fresh', { a: '첫째 글', b: '고친 둘째 글' });
    await writeSearchIndex(fresh, { lang: 'ko', timeZone: 'Asia/Seoul' });
    expect(indexFiles(edited)).toEqual(indexFiles(fresh));

    const removed = site('removed', { a: '첫째 글' });
    expect(await writeSearchIndex(removed, options(cacheDir))).toMatchObject({ pages: 1, reused: false });
    expect(fragmentTexts(removed).join('\n')).not.toContain('둘째 글');
    // A post that went away leaves nothing behind, its folder included.
    expect(preparedPages(cacheDir)).toEqual(['posts/a/index.html']);
    expect(existsSync(join(cacheDir, 'prepared/posts/b'))).toBe(false);
  });

  it('prepares again only the pages that changed, and recovers from a kept folder that lost a page or its list', async () => {
    const cacheDir = join(root, 'cache-prepared');
    await writeSearchIndex(site('p1', { a: '첫째 글', b: '둘째 글' }), options(cacheDir));
    const pageA = join(cacheDir, 'prepared/posts/a/index.html');
    const written = statSync(pageA).mtimeMs;
    await new Promise((resolve) => setTimeout(resolve, 20));
    await writeSearchIndex(site('p2', { a: '첫째 글', b: '고친 둘째 글' }), options(cacheDir));
    expect(statSync(pageA).mtimeMs).toBe(written);

    // A prepared page deleted by hand is prepared again: the index still has every post.
    rmSync(pageA);
    const lost = site('p3', { a: '첫째 글', b: '다시 고친 둘째 글' });
    expect(await writeSearchIndex(lost, options(cacheDir))).toMatchObject({ pages: 2, reused: false });
    expect(fragmentTexts(lost).join('\n')).toContain('첫째 글');

    // A folder whose list is unreadable, or not a list this code wrote, is started again from nothing.
    for (const [n, list] of [['4', '{'], ['5', '{"files":[]}']] as const) {
      writeFileSync(join(cacheDir, 'prepared/pages.json'), list);
      const unreadable = site(`p${n}`, { a: `고친 첫째 글 ${n}`, c: '셋째 글' });
      expect(await writeSearchIndex(unreadable, options(cacheDir))).toMatchObject({ pages: 2, reused: false });
      expect(fragmentTexts(unreadable).join('\n')).toContain(`고친 첫째 글 ${n}`);
      expect(preparedPages(cacheDir)).toEqual(['posts/a/index.html', 'posts/c/index.html']);
    }
  });

  it('leaves the folder of a build still running beside it, and removes one a stopped build left', async () => {
    const cacheDir = join(root, 'cache-beside');
    const running = join(cacheDir, `prepared.${process.ppid}`);
    // No process has a pid this large (Linux allows at most 2^22).
    const stopped = join(cacheDir, 'prepared.99999999');
    for (const dir of [running, stopped]) mkdirSync(join(dir, 'posts/x'), { recursive: true });
    const dir = site('beside', { a: '첫째 글' });
    expect(await writeSearchIndex(dir, options(cacheDir))).toMatchObject({ pages: 1, reused: false });
    expect(existsSync(running)).toBe(true);
    expect(existsSync(stopped)).toBe(false);
    expect(preparedPages(cacheDir)).toEqual(['posts/a/index.html']);
  });

  it('without Pagefind (npm run check) reads every page as for the index, and writes and keeps nothing', async () => {
    const cacheDir = join(root, 'cache-check');
    const dir = site('check', { a: '첫째 글' });
    expect(await writeSearchIndex(dir, { ...options(cacheDir), pagefind: false })).toMatchObject({ pages: 1, reused: false });
    expect(existsSync(join(dir, 'pagefind'))).toBe(false);
    expect(existsSync(cacheDir)).toBe(false);
    writeFileSync(join(dir, 'posts/a/index.html'), '<html><body><article data-pagefind-body><p>제목 없음</p></article></body></html>');
    await expect(writeSearchIndex(dir, { ...options(cacheDir), pagefind: false })).rejects.toThrow(/posts\/a\/index\.html: .*<h1>/);
  });

  it('runs the work given to it (the link check) once, while Pagefind writes, however the index is made', async () => {
    const cacheDir = join(root, 'cache-while');
    const dir = site('while', { a: '첫째 글', b: '둘째 글' });
    const calls: string[] = [];
    let finished = 0;
    const whileWriting = async () => {
      // Pagefind has read every page and is writing: the index is not finished yet.
      calls.push(existsSync(join(dir, 'pagefind/pagefind-entry.json')) ? 'after' : 'during');
      await new Promise((done) => setTimeout(done, 50));
      finished++;
    };
    await writeSearchIndex(dir, { ...options(cacheDir), whileWriting });
    expect(calls).toEqual(['during']);
    // Awaited: the step ends when both have.
    expect(finished).toBe(1);
    expect(existsSync(join(dir, 'pagefind/pagefind-entry.json'))).toBe(true);
    // Copied from the cache, and without Pagefind: still once each.
    expect(await writeSearchIndex(dir, { ...options(cacheDir), whileWriting })).toMatchObject({ reused: true });
    await writeSearchIndex(dir, { ...options(cacheDir), pagefind: false, whileWriting });
    expect(calls).toHaveLength(3);
    expect(finished).toBe(3);

    // Its failure (a broken link stops the build) is the index's failure, and Pagefind still ends.
    const failing = site('while-failing', { a: '셋째 글' });
    await expect(
      writeSearchIndex(failing, {
        ...options(join(root, 'cache-while-failing')),
        whileWriting: () => {
          throw new Error('링크 검사 실패');
        },
      }),
    ).rejects.toThrow('링크 검사 실패');
    await expect(
      writeSearchIndex(site('while-rejecting', { a: '넷째 글' }), {
        ...options(join(root, 'cache-while-rejecting')),
        whileWriting: () => Promise.reject(new Error('링크 검사 실패')),
      }),
    ).rejects.toThrow('링크 검사 실패');
  });
});
