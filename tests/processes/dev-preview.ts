import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { root, tmpRoot, userEnv } from '../support/build-site';
import { postData, writeFixture } from '../support/fixtures';

const NOW = '2026-11-27T12:00:00+09:00';

/** `npm run dev` shows drafts and scheduled posts, each with a badge, so writers can preview them. */
let dev: ChildProcess;
let base = '';
let log = '';

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

describe('npm run dev', () => {
  // Hooks inside the describe: this file runs inside tests/processes/astro-processes.test.ts, one part after another.
  beforeAll(async () => {
    // A published post, a draft and a post scheduled a minute after "now": what dev serves.
    const contentDir = writeFixture('dev-preview', {
      posts: [
        { file: 'published.md', data: postData({ title: '게시된 글', pubDate: '2026-11-27T11:59:00+09:00' }) },
        { file: 'zz-draft-marker.md', data: postData({ title: '초안표식글', draft: true }) },
        { file: 'zz-scheduled-marker.md', data: postData({ title: '예약표식글', pubDate: '2026-11-27T12:01:00+09:00' }) },
      ],
    });
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    dev = spawn(join(root, 'node_modules/.bin/astro'), ['dev', '--host', '127.0.0.1', '--port', String(port)], {
      cwd: root,
      env: userEnv({
        ASTRO_DEV_BACKGROUND: '0',
        ASTRO_TELEMETRY_DISABLED: '1',
        NO_COLOR: '1',
        CONTENT_DIR: contentDir,
        ASTRO_CACHE_DIR: join(tmpRoot, 'cache', 'dev-preview'),
        BUILD_TIME: NOW,
      }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    dev.stdout!.on('data', (d) => (log += d));
    dev.stderr!.on('data', (d) => (log += d));
    const deadline = Date.now() + 90_000;
    while (Date.now() < deadline) {
      try {
        const response = await fetch(`${base}/`, { signal: AbortSignal.timeout(20_000) });
        if (response.ok) return;
        log += `\n[test] GET / -> ${response.status}`;
      } catch (error) {
        log += `\n[test] GET / -> ${String(error)} ${String((error as Error).cause)}`;
      }
      await new Promise((r) => setTimeout(r, 500));
    }
    throw new Error(`astro dev did not start:\n${log}`);
  }, 120_000);

  // Waits for the server to end: the next part of this run starts Astro in the same project.
  afterAll(async () => {
    if (!dev || dev.exitCode !== null) return;
    const ended = new Promise((done) => dev.once('close', done));
    dev.kill('SIGTERM');
    await ended;
  });

  it('lists drafts and scheduled posts with a badge', async () => {
    const html = await (await fetch(`${base}/`)).text();
    expect(html).toContain('게시된 글');
    expect(html).toMatch(/초안표식글<\/a><span[^>]*class="badge[^"]*"[^>]*>초안<\/span>/);
    expect(html).toMatch(/예약표식글<\/a><span[^>]*class="badge[^"]*"[^>]*>예약됨<\/span>/);
  });

  it('serves the draft itself, badged', async () => {
    const response = await fetch(`${base}/posts/zz-draft-marker/`);
    expect(response.status).toBe(200);
    expect(await response.text()).toMatch(/<h1[^>]*>초안표식글<span[^>]*>초안<\/span>/);
  });
});
