/**
 * `npm run dev` shows drafts and scheduled posts with a badge. With a content mistake: the terminal shows the Korean problem block once, the
 * browser gets an error page naming the file instead of the last good page, and fixing the file
 * brings the page back. A real dev server on fixture content of its own.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { root, tmpRoot, userEnv } from '../support/build-site';
import { postData, writeFixture } from '../support/fixtures';

let dev: ChildProcess;
let base = '';
let log = '';
// A published post, a draft and a post scheduled a minute after "now" (BUILD_TIME below).
const dir = writeFixture('dev-errors', {
  posts: [
    { file: 'hello.md', data: postData({ title: '개발 서버 글', pubDate: '2026-11-27T11:59:00+09:00' }) },
    { file: 'zz-draft-marker.md', data: postData({ title: '초안표식글', draft: true }) },
    { file: 'zz-scheduled-marker.md', data: postData({ title: '예약표식글', pubDate: '2026-11-27T12:01:00+09:00' }) },
  ],
});
const postFile = join(dir, 'posts', 'hello.md');
const good = `---\n${Object.entries(postData({ title: '개발 서버 글', pubDate: '2026-11-27T11:59:00+09:00' }))
  .map(([k, v]) => `${k}: ${JSON.stringify(v)}`)
  .join('\n')}\n---\n\n본문입니다.\n`;
const broken = good.replace('author: "kim"', 'author: "kin"');

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

async function page(path: string): Promise<{ status: number; html: string }> {
  const response = await fetch(`${base}${path}`, { headers: { accept: 'text/html' } });
  return { status: response.status, html: await response.text() };
}

/** Polls until `test` holds (the dev server re-checks content after a short debounce). */
async function until(test: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (await test()) return;
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`timed out waiting for ${what}\n${log}`);
}

describe('npm run dev: previews and content errors', () => {
  // Hooks inside the describe: this file runs inside tests/processes/astro-processes.test.ts, one part after another.
  beforeAll(async () => {
    writeFileSync(postFile, good);
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    // Through npm, as a writer starts it: stopping npm must stop the server (see the last test).
    dev = spawn('npm', ['run', '--silent', 'dev', '--', '--host', '127.0.0.1', '--port', String(port)], {
      cwd: root,
      env: userEnv({
        ASTRO_TELEMETRY_DISABLED: '1',
        NO_COLOR: '1',
        CONTENT_DIR: dir,
        ASTRO_CACHE_DIR: join(tmpRoot, 'cache', 'dev-errors'),
        BUILD_TIME: '2026-11-27T12:00:00+09:00',
      }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    dev.stdout!.on('data', (d) => (log += d));
    dev.stderr!.on('data', (d) => (log += d));
    await until(async () => (await page('/').catch(() => ({ status: 0 }))).status === 200, 'astro dev to start');
  }, 120_000);

  // Waits for the server to end: the next part of this run starts Astro in the same project.
  afterAll(async () => {
    if (!dev || dev.exitCode !== null) return;
    const ended = new Promise((done) => dev.once('close', done));
    dev.kill('SIGTERM');
    await ended;
  });

  it('lists drafts and scheduled posts with a badge, and serves the draft itself, so writers can preview them', async () => {
    const html = (await page('/')).html;
    expect(html).toContain('개발 서버 글');
    expect(html).toMatch(/초안표식글<\/a><span[^>]*class="badge[^"]*"[^>]*>초안<\/span>/);
    expect(html).toMatch(/예약표식글<\/a><span[^>]*class="badge[^"]*"[^>]*>예약됨<\/span>/);
    const draft = await page('/posts/zz-draft-marker/');
    expect(draft.status).toBe(200);
    expect(draft.html).toMatch(/<h1[^>]*>초안표식글<span[^>]*>초안<\/span>/);
  });

  it('serves an error page naming the file instead of the last good page, and the page again once fixed', async () => {
    expect((await page('/posts/hello/')).html).toContain('개발 서버 글');

    writeFileSync(postFile, broken);
    await until(async () => (await page('/posts/hello/')).status === 500, 'the error page');
    const { html } = await page('/posts/hello/');
    expect(html).toContain('<html lang="ko">');
    expect(html).toContain('콘텐츠에 고칠 문제가 있습니다');
    expect(html).toContain(`${relative(root, postFile)}:`);
    expect(html).toContain('&quot;kin&quot;은(는) 등록된 저자가 아닙니다.');
    expect(html).toContain('혹시 &quot;kim&quot;?');
    // Every page says so, not only the broken post's.
    expect((await page('/')).status).toBe(500);

    // The terminal shows the block once, in Korean, without Astro's English wrapper.
    await until(async () => log.includes('혹시 "kim"?'), 'the terminal message');
    expect(log.split('"kin"은(는) 등록된 저자가 아닙니다.').length).toBe(2);
    expect(log).not.toMatch(/InvalidContentEntryDataError|Stack trace|does not match collection schema/);

    writeFileSync(postFile, good);
    await until(async () => (await page('/posts/hello/')).status === 200, 'the fixed page');
    expect((await page('/posts/hello/')).html).toContain('개발 서버 글');
    expect(log).toContain('남은 문제가 없습니다');
  });

  it('stops the server when npm is stopped (SIGTERM to the npm process), leaving nothing on the port', async () => {
    expect((await page('/')).status).toBe(200);
    // 'exit', not 'close': an orphaned server would keep npm's pipes open.
    const ended = new Promise((done) => dev.once('exit', done));
    dev.kill('SIGTERM');
    await ended;
    // An orphaned Astro would still answer; give it the time a server takes to close.
    await until(async () => (await page('/').then(() => false, () => true)), 'the port to close');
  });
});
