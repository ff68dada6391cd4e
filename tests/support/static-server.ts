import { serveStatic as serve, type StaticServer, type StaticServerOptions } from '../../scripts/lib/static-server';
import { afterAll, beforeAll } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM } from './prerequisites';
import { getBuild } from './sites';

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

/** Chromium and a server per built fixture site, for a browser test file. */
export interface BrowsedSites {
  readonly browser: Browser;
  /** The server of one of the sites asked for. */
  server(site: string): StaticServer;
}

/**
 * Serves the named fixture sites (built by the global setup) and launches Chromium before the
 * file's tests, closing both after them. A failed build fails every test of the file at once,
 * rather than each one timing out on a missing page.
 */
export function browseBuiltSites(...names: string[]): BrowsedSites {
  let browser: Browser | undefined;
  const servers = new Map<string, StaticServer>();
  beforeAll(async () => {
    for (const name of names) {
      const build = getBuild(name);
      if (!build.ok) throw new Error(`the ${name} fixture did not build:\n${build.output.slice(-3000)}`);
      servers.set(name, await serveStatic(build.outDir));
    }
    browser = await chromium.launch(chromiumLaunch);
  });
  afterAll(async () => {
    await browser?.close();
    for (const server of servers.values()) await server.close();
  });
  return {
    get browser() {
      if (!browser) throw new Error('Chromium is not running yet: use the browser inside a test');
      return browser;
    },
    server(name) {
      const server = servers.get(name);
      if (!server) throw new Error(`${name} is not served in this file`);
      return server;
    },
  };
}
