/**
 * Sites made by `npm run import` from the fixture blogs of tests/fixtures/import/: a Jekyll folder,
 * a Hugo folder, a WordPress export with its uploads folder, a Tistory-style RSS feed and an Atom
 * feed, each imported by the real
 * command (a process, as a writer runs it) into a fresh content folder with the fixture authors, then
 * built. The import's exit code, output and report are kept beside the content for
 * tests/site/import.test.ts.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BuildOptions } from './build-site';
import { root, tmpRoot, userEnv } from './build-site';
import { defaultCategory, writeFixture } from './fixtures';

export const IMPORT_FIXTURES = join(root, 'tests/fixtures/import');
/** The sites and what each imports (arguments after the source's path). */
export const IMPORT_SITES = {
  'import-jekyll': { source: 'jekyll', args: ['--category-map', 'dev=marketing'] },
  'import-wxr': { source: 'wordpress.xml', args: ['--uploads', join(IMPORT_FIXTURES, 'wp-uploads')] },
  'import-rss': { source: 'rss.xml', args: [] },
  'import-hugo': { source: 'hugo', args: [] },
  'import-atom': { source: 'atom.xml', args: [] },
} as const;
export type ImportSite = keyof typeof IMPORT_SITES;

/** Every imported post is published at this time (the fixtures date from 2021). */
export const IMPORT_NOW = '2026-01-01T00:00:00Z';
export const SITE_URL = 'https://new.test.example';

export interface ImportRun {
  status: number | null;
  output: string;
  report: string;
}

export const importRunFile = (name: string) => join(tmpRoot, 'fixtures', `${name}.import.json`);
export const importReportFile = (name: string) => join(tmpRoot, 'fixtures', `${name}-report.md`);

function importedSite(name: ImportSite): BuildOptions {
  const dir = writeFixture(name, { posts: [] });
  const { source, args } = IMPORT_SITES[name];
  const run = spawnSync(
    join(root, 'node_modules/.bin/node'),
    ['scripts/import.ts', join(IMPORT_FIXTURES, source), '--author', 'kim', '--category', defaultCategory, '--report', importReportFile(name), ...args],
    { cwd: root, env: userEnv({ CONTENT_DIR: dir, NO_COLOR: '1' }), encoding: 'utf8' },
  );
  writeFileSync(importRunFile(name), JSON.stringify({ status: run.status, output: `${run.stdout}${run.stderr}`, report: importReportFile(name) } satisfies ImportRun));
  return { contentDir: dir, buildTime: IMPORT_NOW, siteUrl: SITE_URL };
}

export const importSites: Record<string, () => BuildOptions> = Object.fromEntries(
  (Object.keys(IMPORT_SITES) as ImportSite[]).map((name) => [name, () => importedSite(name)]),
);
