/**
 * Writing a file of a cache (Open Graph cards, the search index's pages, the link check's scans,
 * `npm run check`'s results) so that a build running beside this one reads either the old file or
 * the whole new one, never half of it: written beside the target, then renamed over it. No fsync:
 * a cache file lost to a crash is only work done again. (Files a writer would lose are written by
 * scripts/lib/atomic-file.ts.)
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** Replaces (or creates) `file` with `data`, creating its folder; throws when it cannot. */
export function writeCacheFile(file: string, data: string | Buffer): void {
  mkdirSync(dirname(file), { recursive: true });
  const partial = `${file}.${process.pid}.tmp`;
  writeFileSync(partial, data);
  renameSync(partial, file);
}
