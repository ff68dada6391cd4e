import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/**
 * Builds the Pagefind search index from the finished HTML, so the index holds exactly the
 * pages the build wrote: drafts and scheduled posts are never built, so never searchable.
 * Only elements marked `data-pagefind-body` (post articles) are indexed.
 */
export default function searchIndex(): AstroIntegration {
  return {
    name: 'socialbench-search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const pagefind = await import('pagefind');
        const outDir = fileURLToPath(dir);
        const { index, errors } = await pagefind.createIndex({ forceLanguage: 'ko' });
        if (!index) throw new Error(`Search index: Pagefind could not start: ${errors.join('; ')}`);
        // Only post pages carry data-pagefind-body; reading the other pages would only cost time.
        const added = await index.addDirectory({ path: outDir, glob: 'posts/**/*.html' });
        if (added.errors.length) throw new Error(`Search index: ${added.errors.join('; ')}`);
        const written = await index.writeFiles({ outputPath: join(outDir, 'pagefind') });
        if (written.errors.length) throw new Error(`Search index: ${written.errors.join('; ')}`);
        await pagefind.close();
        logger.info(`indexed ${added.page_count} pages for search`);
      },
    },
  };
}
