import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export const sha = (bytes: string | Buffer) => createHash('sha256').update(bytes).digest('hex');

/** Every file under `dir` with the hash of its bytes: equal snapshots mean a byte-identical folder. */
export function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else out[relative(dir, path)] = sha(readFileSync(path));
    }
  };
  walk(dir);
  return out;
}
