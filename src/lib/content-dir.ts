import { existsSync, readdirSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';

/**
 * Folder every collection is read from. `CONTENT_DIR` lets tests, benchmarks and previews
 * point the same site at other content without touching `content/`.
 */
export const contentDir: string = resolve(process.env.CONTENT_DIR || 'content');

/** A path inside the content folder, as a writer sees it in messages ("content/posts/a.mdx"). */
export function displayPath(...parts: string[]): string {
  const abs = isAbsolute(parts[0] ?? '') ? join(...parts) : join(contentDir, ...parts);
  const rel = relative(process.cwd(), abs);
  return rel.startsWith('..') ? abs : rel;
}

/** Ids of the JSON files in one collection folder ("authors" -> ["kim", "lee"]), sorted. */
export function jsonIds(collection: string, root: string = contentDir): string[] {
  const dir = join(root, collection);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -'.json'.length))
    .sort();
}
