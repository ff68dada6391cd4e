import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BuildOptions, BuildResult } from './build-site';
import { tmpRoot } from './build-site';
import { blogSites } from './sites-blog';
import { importSites } from './sites-import';
import { koreanSites } from './sites-korean';
import { markdownSites } from './sites-markdown';

/**
 * "Now" for the example site in tests: the start of the run, as `npm run build` would take it, so an
 * owner's own posts (dated after any instant fixed here) are published in the test build too. It is
 * recorded with the build (BuildResult.buildTime), and tests/site/example.test.ts reads it from there.
 */
export const exampleBuildTime = (): string => new Date().toISOString();

/**
 * Every site the tests need, built once per run by tests/support/global-setup.ts and shared by
 * all test files. A factory writes its fixture content and returns the build options.
 *
 * `example` is content/ as it is (the example site, or an owner's own): only
 * tests/site/example.test.ts reads it, with checks that hold for any valid content. Every other
 * test reads a fixture written by the tests: `blog` (tests/support/sites-blog.ts) for nearly all
 * of them. The pagination sites and failing builds are built by tests/processes/.
 */
export const sites: Record<string, () => BuildOptions> = {
  example: () => ({ buildTime: exampleBuildTime() }),
  ...blogSites,
  ...koreanSites,
  ...markdownSites,
  ...importSites,
};

export const manifestPath = join(tmpRoot, 'builds.json');

/** The result of a site built by the global setup. */
export function getBuild(name: string): BuildResult {
  if (!existsSync(manifestPath)) throw new Error('No builds: run the site tests through vitest (global setup builds them).');
  const builds = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, BuildResult>;
  const build = builds[name];
  if (!build && name in sites) throw new Error(`Site "${name}" was not built in this run (ONLY_SITES=${process.env.ONLY_SITES ?? ''})`);
  if (!build) throw new Error(`Site "${name}" is not registered in tests/support/sites*.ts`);
  return build;
}

/** Text of a built file, e.g. readBuilt('blog', 'posts/a/index.html'). */
export function readBuilt(name: string, path: string): string {
  return readFileSync(join(getBuild(name).outDir, path), 'utf8');
}
