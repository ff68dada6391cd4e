/**
 * What `npm run check` remembers between runs: the result of a step that passed, with a hash of
 * every file the step read. A step whose files are byte for byte the same as when it last passed
 * cannot find anything new, so it is not run again; a changed file, or a step that failed last
 * time, runs it in full. Failures are never remembered: a problem is always shown again.
 */
import { readFileSync } from 'node:fs';
import { writeCacheFile } from '../../src/lib/cache-file.ts';

export { inputsHash } from '../../src/lib/inputs-hash.ts';

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
