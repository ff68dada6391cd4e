import { serveStatic as serve, type StaticServer, type StaticServerOptions } from '../../scripts/lib/static-server';
import { CHROMIUM } from './prerequisites';

/**
 * A real HTTP server on 127.0.0.1 serving a built site the way a static host that reads `_headers`
 * does (scripts/lib/static-server.ts, the server `npm run audit` uses too): dir/ -> dir/index.html,
 * 404.html for anything missing, gzip, and the headers of every `_headers` rule matching the path,
 * so the browser tests run under the site's Content-Security-Policy header as well as its <meta>.
 */
export function serveStatic(root: string, options: StaticServerOptions = {}): Promise<StaticServer> {
  return serve(root, options);
}

/** Chromium flags for this machine: no sandbox as root, no network beyond loopback. */
export const chromiumLaunch = {
  executablePath: CHROMIUM,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run', '--disable-component-update', '--disable-sync'],
};
