import type { AstroIntegration } from 'astro';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { HighlightCache } from '../lib/markdown/highlight-cache.ts';

/**
 * Gives the code blocks' highlight cache (src/lib/markdown/highlight-cache.ts) its file in Astro's
 * cache folder, and writes it back after a build. `astro dev` reads it but never writes it: a dev
 * server highlights only the pages it was asked for, and would otherwise forget the rest.
 */
export default function highlightCacheFile(cache: HighlightCache<unknown>): AstroIntegration {
  let command = '';
  return {
    name: 'socialbench-highlight-cache',
    hooks: {
      'astro:config:setup': (options) => {
        command = options.command;
      },
      'astro:config:done': ({ config }) => {
        cache.open(join(fileURLToPath(config.cacheDir), 'socialbench-highlight.json'));
      },
      'astro:build:done': () => {
        if (command === 'build') cache.save();
      },
    },
  };
}
