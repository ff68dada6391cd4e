/**
 * What `npm run check` remembers between runs: the result of a step that passed, with a hash of
 * every file the step read. A step whose files are byte for byte the same as when it last passed
 * cannot find anything new, so it is not run again; a changed file, or a step that failed last
 * time, runs it in full. Failures are never remembered: a problem is always shown again.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { writeCacheFile } from '../../src/lib/cache-file.ts';

/** Folders never read as inputs: tools' output and caches. */
const SKIPPED = new Set(['node_modules', 'dist', '.tmp', '.astro', '.git', '.cache']);

/** A hash of the paths and bytes of every file under `roots` (files or folders), plus `extra`. */
export function inputsHash(base: string, roots: string[], extra: unknown = null): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify(extra));
  const visit = (path: string) => {
    if (!existsSync(path)) return;
    if (statSync(path).isDirectory()) {
      for (const name of readdirSync(path).sort()) if (!SKIPPED.has(name)) visit(join(path, name));
      return;
    }
    hash.update(`\0${relative(base, path)}\0`);
    hash.update(readFileSync(path));
  };
  for (const root of roots) visit(root);
  return hash.digest('hex');
}

export interface CheckCache {
  /**
   * Step name -> the inputs' hash when it passed, and what it reported then (warnings, counts);
   * `files` is the part of the key that hashes only files (the build's also counts the clock).
   */
  [step: string]: { key: string; files?: string; result: unknown } | undefined;
}

export function readCheckCache(file: string): CheckCache {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as CheckCache;
  } catch {
    return {};
  }
}

export function writeCheckCache(file: string, cache: CheckCache): void {
  writeCacheFile(file, JSON.stringify(cache));
}
