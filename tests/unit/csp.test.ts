/**
 * The Content-Security-Policy's two copies agree (src/lib/csp.ts, written into the <meta> by
 * Astro, and public/_headers), and the static server the browser tests and `npm run audit` use
 * serves a build the way a host that reads _headers does. The browser side (every kind of page
 * under both policies) is tests/browser/csp.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { request } from 'node:http';
import { DIRECTIVES, headerPolicy, SCRIPT_SOURCES, STYLE_SOURCES } from '../../src/lib/csp';
import { headerValues, parseHeadersFile } from '../../scripts/lib/headers-file';
import { headersFor, serveStatic, type StaticServer } from '../../scripts/lib/static-server';

const root = resolve(import.meta.dirname, '../..');

/** "a 'b'; c d" -> { a: "'b'", c: "d" } */
function directives(policy: string): Record<string, string> {
  return Object.fromEntries(
    policy
      .split(';')
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => {
        const [name, ...sources] = d.split(/\s+/);
        return [name!, sources.join(' ')];
      }),
  );
}

describe('the policy', () => {
  const rules = parseHeadersFile(readFileSync(join(root, 'public/_headers'), 'utf8'));

  it('public/_headers sends exactly the policy of src/lib/csp.ts, on every path', () => {
    for (const path of ['/', '/posts/a/', '/search/', '/pagefind/pagefind-worker.js', '/_astro/x.js', '/404.html']) {
      expect(headerValues(rules, path, 'Content-Security-Policy'), path).toEqual([headerPolicy()]);
    }
  });

  it('allows no inline script, no eval and no style attribute; frame-ancestors only in the header', () => {
    const header = directives(headerPolicy());
    expect(header['script-src']).toBe("'self' 'wasm-unsafe-eval'");
    expect(header['style-src']).toBe("'self'");
    expect(header['style-src-attr']).toBe("'none'");
    expect(header['frame-ancestors']).toBe("'none'");
    expect(header['default-src']).toBe("'self'");
    expect(header['object-src']).toBe("'none'");
    // Inline <style> only through the header: the page's <meta> narrows it to Astro's hashes.
    expect(header['style-src-elem']).toBe("'self' 'unsafe-inline'");
    const meta = [...DIRECTIVES, `script-src ${SCRIPT_SOURCES.join(' ')}`, `style-src ${STYLE_SOURCES.join(' ')}`].join('; ');
    expect(meta).not.toMatch(/'unsafe-inline'|'unsafe-eval'|frame-ancestors/);
  });

  it('astro.config.mjs takes the <meta> policy from src/lib/csp.ts', () => {
    const config = readFileSync(join(root, 'astro.config.mjs'), 'utf8');
    expect(config).toMatch(/directives: \[\.\.\.DIRECTIVES\]/);
    expect(config).toMatch(/scriptDirective: \{ resources: \[\.\.\.SCRIPT_SOURCES\] \}/);
    expect(config).toMatch(/styleDirective: \{ resources: \[\.\.\.STYLE_SOURCES\] \}/);
  });
});

describe('the static server (scripts/lib/static-server.ts)', () => {
  let dir: string;
  let server: StaticServer;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'static-server-'));
    mkdirSync(join(dir, 'posts/a'), { recursive: true });
    mkdirSync(join(dir, '_astro'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>home</title>' + ' '.repeat(2000));
    writeFileSync(join(dir, 'posts/a/index.html'), '<!doctype html><title>a</title>');
    writeFileSync(join(dir, '404.html'), '<!doctype html><title>없음</title>');
    writeFileSync(join(dir, '_astro/app.js'), 'console.log(1)');
    writeFileSync(join(dir, '_astro/font.woff2'), Buffer.from([0x77, 0x4f, 0x46, 0x32]));
    writeFileSync(
      join(dir, '_headers'),
      ['# comment', '/*', '  X-Test: all', '  Content-Security-Policy: default-src \'self\'', '/_astro/*', '  Cache-Control: immutable', '/posts/:slug/', '  X-Post: yes', '  X-Test: post'].join('\n'),
    );
    server = await serveStatic(dir);
  });
  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  function get(path: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
    return new Promise((done, fail) => {
      const req = request(server.url + path, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      });
      req.on('error', fail);
      req.end();
    });
  }

  it('listens on 127.0.0.1', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('sends the headers of every matching _headers rule, one value per header', async () => {
    const home = await get('/');
    expect(home.headers['x-test']).toBe('all');
    expect(home.headers['content-security-policy']).toBe("default-src 'self'");
    expect(home.headers['x-post']).toBeUndefined();
    const post = await get('/posts/a/');
    expect(post.headers['x-post']).toBe('yes');
    expect(post.headers['x-test']).toBe('all, post');
    expect((await get('/_astro/app.js')).headers['cache-control']).toBe('immutable');
    expect(headersFor(parseHeadersFile('/a/*\n  X-A: 1\n/*\n  x-a: 2\n'), '/a/b')).toEqual({ 'X-A': '1, 2' });
  });

  it('gzips text for clients that accept it, not fonts', async () => {
    const plain = await get('/');
    expect(plain.headers['content-encoding']).toBeUndefined();
    const zipped = await get('/', { 'Accept-Encoding': 'gzip, br' });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers.vary).toBe('Accept-Encoding');
    expect(gunzipSync(zipped.body).toString()).toBe(plain.body.toString());
    expect(zipped.body.length).toBeLessThan(plain.body.length);
    const font = await get('/_astro/font.woff2', { 'Accept-Encoding': 'gzip' });
    expect(font.headers['content-encoding']).toBeUndefined();
    expect(font.headers['content-type']).toBe('font/woff2');
  });

  it('serves dir/index.html, redirects a folder without its slash, and 404.html for the rest (never _headers)', async () => {
    expect((await get('/posts/a/')).body.toString()).toContain('<title>a</title>');
    const redirect = await get('/posts/a?x=1');
    expect(redirect.status).toBe(301);
    expect(redirect.headers.location).toBe('/posts/a/?x=1');
    for (const path of ['/nope/', '/_headers', '/../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd']) {
      const missing = await get(path);
      expect(missing.status, path).toBe(404);
      expect(missing.body.toString(), path).toContain('없음');
    }
  });
});
