import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';

/**
 * Points ASTRO_CACHE_DIR (the card cache's folder, src/lib/og-image.ts) at a fresh temporary
 * folder for the tests of the calling file, and puts the variable back after them.
 * Returns the folder (read it inside a test: it exists from `beforeAll` on).
 */
export function useTempAstroCache(prefix: string): () => string {
  let folder = '';
  const previous = process.env.ASTRO_CACHE_DIR;
  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), prefix));
    process.env.ASTRO_CACHE_DIR = folder;
  });
  afterAll(() => {
    if (previous === undefined) delete process.env.ASTRO_CACHE_DIR;
    else process.env.ASTRO_CACHE_DIR = previous;
    rmSync(folder, { recursive: true, force: true });
  });
  return () => folder;
}
