/**
 * Astro's incremental build (astro.config.mjs) writes each rendered page into its cache as it goes
 * and the manifest of keys only when every page is written. A build stopped in between (Ctrl-C, a
 * killed process, a page that throws) leaves cached pages newer than the manifest's keys: if the
 * content then went back to what the manifest describes, the next build would copy a page of the
 * stopped build's content. So a marker is written before pages are generated and removed after;
 * a build that finds it forgets the manifest and renders every page once.
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Astro's manifest of the last build's page keys, in its cache folder (astro/dist/core/build/incremental.js). */
export const INCREMENTAL_MANIFEST = 'incremental-build.json';
const MARKER = 'socialbench-generating';

/** Before any page is written. True when the last build stopped while writing pages (its manifest is then forgotten). */
export function startGenerating(cacheDir: string): boolean {
  const marker = join(cacheDir, MARKER);
  const stopped = existsSync(marker);
  if (stopped) rmSync(join(cacheDir, INCREMENTAL_MANIFEST), { force: true });
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(marker, '');
  return stopped;
}

/** Once every page and the manifest are written. */
export function doneGenerating(cacheDir: string): void {
  rmSync(join(cacheDir, MARKER), { force: true });
}
