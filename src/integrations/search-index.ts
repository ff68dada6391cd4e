import type { AstroIntegration } from 'astro';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import site from '../site.config.ts';
import { sharedChecks } from '../lib/rules/shared-state.ts';
import { writeSearchIndex } from '../lib/search/write-index.ts';

export interface SearchIndexOptions {
  /**
   * Add the index-only tokens that make words inside Korean compounds findable
   * (src/lib/search/segment.ts). Default true; false only to measure what they cost (docs/search.md).
   */
  infix?: boolean;
}

/**
 * Builds the Pagefind search index from the finished HTML (src/lib/search/write-index.ts), so the
 * index holds exactly the pages the build wrote: drafts and scheduled posts are never built, so
 * never searchable. The built pages are not changed. A copy is kept in Astro's cache folder, and a
 * build whose post pages are all byte for byte the same copies it instead of running Pagefind.
 * SOCIALBENCH_PAGEFIND=0 (`npm run check`'s trial build) reads the pages but does not run
 * Pagefind: that build checks links, which never point into the index. docs/search.md explains
 * and measures it.
 */
export default function searchIndex(options: SearchIndexOptions = {}): AstroIntegration {
  let cacheDir: string | undefined;
  return {
    name: 'socialbench-search-index',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheDir = join(fileURLToPath(config.cacheDir), 'socialbench-search');
      },
      'astro:build:done': async ({ dir, logger }) => {
        const pagefind = process.env.SOCIALBENCH_PAGEFIND !== '0';
        const outDir = fileURLToPath(dir);
        // The writer checks' link check runs while Pagefind's own process writes the index.
        const linkCheck = sharedChecks().linkCheck;
        const whileWriting = linkCheck && (() => linkCheck.run(outDir));
        const written = await writeSearchIndex(outDir, { lang: site.lang, timeZone: site.timeZone, infix: options.infix, pagefind, cacheDir, whileWriting });
        const tokens = `${written.tokens} index-only tokens for words inside compounds`;
        logger.info(
          !pagefind
            ? `read ${written.pages} pages as for the search index; Pagefind not run (SOCIALBENCH_PAGEFIND=0)`
            : written.reused
              ? `search index of ${written.pages} pages copied from the cache: no post page changed since it was written (${tokens})`
              : `indexed ${written.pages} pages for search (${tokens})`,
        );
      },
    },
  };
}
