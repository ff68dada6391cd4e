import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BuildOptions, BuildResult } from './build-site';
import { tmpRoot } from './build-site';
import { coreSites } from './sites-core';
import { surveySites } from './sites-surveys';
import { syndicationSites } from './sites-syndication';
import { writingSites } from './sites-writing';

/** "Now" for the example site in tests: after every example post but the scheduled one. */
export const EXAMPLE_BUILD_TIME = '2026-11-27T12:00:00+09:00';

/**
 * Every site the tests need, built once per run by tests/support/global-setup.ts and shared by
 * all test files. A factory writes its fixture content and returns the build options.
 */
export const sites: Record<string, () => BuildOptions> = {
  example: () => ({ buildTime: EXAMPLE_BUILD_TIME }),
  ...coreSites,
  ...surveySites,
  ...syndicationSites,
  ...writingSites,
};

export const manifestPath = join(tmpRoot, 'builds.json');

/** The result of a site built by the global setup. */
export function getBuild(name: string): BuildResult {
  if (!existsSync(manifestPath)) throw new Error('No builds: run the site tests through vitest (global setup builds them).');
  const builds = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, BuildResult>;
  const build = builds[name];
  if (!build) throw new Error(`Site "${name}" is not registered in tests/support/sites*.ts`);
  return build;
}

/** Text of a built file, e.g. readBuilt('example', 'posts/a/index.html'). */
export function readBuilt(name: string, path: string): string {
  return readFileSync(join(getBuild(name).outDir, path), 'utf8');
}
