import type { Loader, LoaderContext } from 'astro/loaders';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';

/**
 * Astro's glob loader keeps a stored entry, with its old file path, when a file moves but its id
 * and content stay the same (`a.mdx` -> `a/index.mdx`, as docs/writing.md suggests for adding
 * images), and the next build with that cache fails to resolve the old path. Forgetting stored
 * entries whose file is gone makes the loader read the moved file as new.
 */
export function forgetMovedFiles(loader: Loader): Loader {
  return {
    ...loader,
    load: (context: LoaderContext) => {
      const root = fileURLToPath(context.config.root);
      for (const [id, entry] of context.store.entries()) {
        if (entry.filePath && !existsSync(resolve(root, entry.filePath))) context.store.delete(id);
      }
      return loader.load(context);
    },
  };
}
