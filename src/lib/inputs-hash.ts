/**
 * A hash of the paths and bytes of a set of files and folders: what a cache keys on when "the
 * same inputs" means byte for byte the same files (`npm run check`'s remembered steps, the MDX
 * compile cache's version).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

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
