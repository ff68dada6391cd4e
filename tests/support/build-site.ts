import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const root = resolve(import.meta.dirname, '../..');
export const tmpRoot = join(root, '.tmp');

export interface BuildOptions {
  /** Content folder (CONTENT_DIR); the example content when absent. */
  contentDir?: string;
  /** ISO date-time taken as "now" (BUILD_TIME). */
  buildTime?: string;
  /** SITE_URL override. */
  siteUrl?: string;
  /** Extra environment variables. */
  env?: Record<string, string>;
  /** Keep the cache of an earlier build of the same name (a warm build, as on a writer's machine or in CI). */
  keepCache?: boolean;
}

export interface BuildResult {
  name: string;
  outDir: string;
  ok: boolean;
  /** stdout + stderr of the build, colours stripped. */
  output: string;
  ms: number;
  /** The BUILD_TIME it was given, if any: "now" for what it published. */
  buildTime?: string;
}

/**
 * Runs a real `astro build` of this project into .tmp/sites/<name>. Each build gets its own
 * cache folder so fixture sites never see each other's content.
 */
export function buildSite(name: string, options: BuildOptions = {}): BuildResult {
  const outDir = join(tmpRoot, 'sites', name);
  const cacheDir = join(tmpRoot, 'cache', name);
  rmSync(outDir, { recursive: true, force: true });
  if (!options.keepCache) rmSync(cacheDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const env = userEnv({
    OUT_DIR: outDir,
    ASTRO_CACHE_DIR: cacheDir,
    ASTRO_TELEMETRY_DISABLED: '1',
    NO_COLOR: '1',
    FORCE_COLOR: '0',
    ...(options.contentDir ? { CONTENT_DIR: options.contentDir } : {}),
    ...(options.buildTime ? { BUILD_TIME: options.buildTime } : {}),
    ...(options.siteUrl ? { SITE_URL: options.siteUrl } : {}),
    // A fixture's dates are the tests' own: its report runs to its build time, whatever month the site config fixes.
    ...(options.contentDir ? { OPERATIONS_AS_OF: '' } : {}),
    ...options.env,
  });
  const started = Date.now();
  const result = spawnSync(join(root, 'node_modules/.bin/astro'), ['build'], { cwd: root, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const output = `${result.stdout ?? ''}\n${result.stderr ?? ''}`.replace(/\x1b\[[0-9;]*m/g, '');
  return { name, outDir, ok: result.status === 0, output, ms: Date.now() - started, ...(options.buildTime ? { buildTime: options.buildTime } : {}) };
}

/**
 * The environment a user's shell would give a command: this process's variables without the
 * ones vitest adds (NODE_ENV=test, VITEST*), which change how Astro and Vite behave.
 */
export function userEnv(extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value === undefined || key === 'NODE_ENV' || key === 'TEST' || key.startsWith('VITEST')) continue;
    env[key] = value;
  }
  return { ...env, ...extra };
}
