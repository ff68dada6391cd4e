/**
 * A small real HTTP server on 127.0.0.1 that serves a built site the way a static host that reads
 * `_headers` (Netlify, Cloudflare Pages) does. `npm run audit` scores pages served by it, and the
 * browser tests (tests/support/static-server.ts) read pages through it, so both see what readers
 * of such a host see:
 *
 * - `dir/` is `dir/index.html`; `dir` without the slash is redirected to `dir/` (301), as hosts do;
 *   anything else missing is `404.html` with status 404.
 * - The headers of every `_headers` rule whose pattern matches the request path, read with
 *   scripts/lib/headers-file.ts (the parser the deploy tests use): "*" matches anything, ":name" one
 *   segment. A header that several rules set is sent once with the values joined by ", ", as
 *   Cloudflare Pages does (for Content-Security-Policy that means every policy applies). The
 *   `_headers` file itself is not served, as those hosts don't.
 * - The rules of a `_redirects` file (`/old /new 301`, exact paths), before any file, as Cloudflare
 *   Pages applies them (the build writes one for imported posts' old addresses); `_redirects` itself
 *   is not served either. `redirects: false` serves as a host without them does (GitHub Pages): the
 *   redirect page the build left at the old address.
 * - gzip for text (HTML, CSS, JavaScript, JSON, XML, SVG) when the request accepts it, with
 *   `Vary: Accept-Encoding`; compressed bodies are kept in memory per file and modification time.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { matchingRules, parseHeadersFile, type HeaderRule } from './headers-file.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.webmanifest': 'application/manifest+json',
};

const COMPRESSIBLE = /^(text\/|application\/(json|xml|javascript|manifest\+json)|image\/svg\+xml)/;

export interface StaticServerOptions {
  /**
   * Apply the site's `_headers` file (`<root>/_headers`, which Astro copies from public/); default
   * true. A missing file means no extra headers.
   */
  headers?: boolean;
  /** gzip text responses for clients that accept it; default true. */
  gzip?: boolean;
  /** Apply `<root>/_redirects`; default true. */
  redirects?: boolean;
}

/** The rules of a `_redirects` file: source path (decoded) -> target and status. Comments and blank lines skipped. */
export function parseRedirectsFile(text: string): Map<string, { to: string; status: number }> {
  const rules = new Map<string, { to: string; status: number }>();
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const [from, to, status] = line.split(/\s+/);
    if (!from || !to) continue;
    let key = from;
    try {
      key = decodeURIComponent(from);
    } catch {
      // Kept as written.
    }
    if (!rules.has(key)) rules.set(key, { to, status: Number(status ?? 301) || 301 });
  }
  return rules;
}

export interface StaticServer {
  /** "http://127.0.0.1:PORT", without a trailing slash. */
  url: string;
  close: () => Promise<void>;
}

/** The headers `_headers` gives a request path, several rules' values of one header joined by ", ". */
export function headersFor(rules: HeaderRule[], path: string): Record<string, string> {
  const out: Record<string, string> = {};
  const names: Record<string, string> = {};
  for (const rule of matchingRules(rules, path)) {
    for (const [name, value] of rule.headers) {
      const key = name.toLowerCase();
      names[key] ??= name;
      out[key] = out[key] === undefined ? value : `${out[key]}, ${value}`;
    }
  }
  return Object.fromEntries(Object.entries(out).map(([key, value]) => [names[key] ?? key, value]));
}

function isFile(path: string): boolean {
  return existsSync(path) && statSync(path).isFile();
}

/** Serves `root` on 127.0.0.1 at a free port until `close()`. */
export async function serveStatic(folder: string, options: StaticServerOptions = {}): Promise<StaticServer> {
  const { headers = true, gzip = true, redirects = true } = options;
  const root = resolve(folder);
  const headersFile = join(root, '_headers');
  const rules = headers && isFile(headersFile) ? parseHeadersFile(readFileSync(headersFile, 'utf8')) : [];
  const redirectsFile = join(root, '_redirects');
  const moved = redirects && isFile(redirectsFile) ? parseRedirectsFile(readFileSync(redirectsFile, 'utf8')) : new Map<string, { to: string; status: number }>();
  const compressed = new Map<string, { mtime: number; body: Buffer }>();

  function body(file: string, wantGzip: boolean): { data: Buffer; gzipped: boolean } {
    const raw = readFileSync(file);
    if (!wantGzip) return { data: raw, gzipped: false };
    const mtime = statSync(file).mtimeMs;
    const cached = compressed.get(file);
    if (cached && cached.mtime === mtime) return { data: cached.body, gzipped: true };
    const data = gzipSync(raw);
    compressed.set(file, { mtime, body: data });
    return { data, gzipped: true };
  }

  function handle(req: IncomingMessage, res: ServerResponse): void {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    let path: string;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    const rule = moved.get(path);
    if (rule) {
      res.writeHead(rule.status, { Location: rule.to }).end();
      return;
    }
    // Never above root: normalise, then drop any leading "../".
    const relative = normalize(path).replace(/^([/\\]*\.\.[/\\])+/, '');
    let file = join(root, relative);
    if (file !== root && !file.startsWith(root + sep)) file = join(root, '404.html');
    if (existsSync(file) && statSync(file).isDirectory()) {
      if (!url.pathname.endsWith('/')) {
        res.writeHead(301, { Location: `${url.pathname}/${url.search}` }).end();
        return;
      }
      file = join(file, 'index.html');
    }
    let status = 200;
    if (!isFile(file) || url.pathname === '/_headers' || url.pathname === '/_redirects') {
      status = 404;
      file = join(root, '404.html');
    }
    const type = TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
    const accepts = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    const compressible = gzip && COMPRESSIBLE.test(type);
    if (!isFile(file)) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
      return;
    }
    const { data, gzipped } = body(file, compressible && accepts);
    res.writeHead(status, {
      ...headersFor(rules, url.pathname),
      'Content-Type': type,
      'Content-Length': String(data.length),
      ...(gzipped ? { 'Content-Encoding': 'gzip' } : {}),
      ...(compressible ? { Vary: 'Accept-Encoding' } : {}),
    });
    res.end(req.method === 'HEAD' ? undefined : data);
  }

  const server: Server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
