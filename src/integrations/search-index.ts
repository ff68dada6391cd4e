import type { AstroIntegration } from 'astro';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import site from '../site.config.ts';
import { EXCLUDE_SELECTORS, META, indexMeta, pageForIndex, readPostHtml } from '../lib/search/post-html.ts';

export interface SearchIndexOptions {
  /**
   * Add the index-only tokens that make words inside Korean compounds findable
   * (src/lib/search/segment.ts). Default true; false only to measure what they cost (docs/search.md).
   */
  infix?: boolean;
  /**
   * Run Pagefind. Default true; `npm run check` turns it off (SOCIALBENCH_PAGEFIND=0): its trial
   * build checks links, which never point into the index, and Pagefind took about 0.4 s of that
   * build's 5 s on the example site. Every post page is still read as for the index, so a page it could not index
   * still stops the build.
   */
  pagefind?: boolean;
}

/**
 * Pagefind's ready-made interfaces, which it always writes beside its search API. The search page
 * has its own (src/client/search.ts); left in place, they would only be dead weight to deploy.
 */
const UNUSED_FILES = ['pagefind-ui.js', 'pagefind-ui.css', 'pagefind-modular-ui.js', 'pagefind-modular-ui.css', 'pagefind-component-ui.js', 'pagefind-component-ui.css', 'pagefind-highlight.js'];

/** Post pages a build wrote: posts/<slug>/index.html (slugs may have folders). */
function postPages(outDir: string): string[] {
  const postsDir = join(outDir, 'posts');
  let entries: string[];
  try {
    entries = readdirSync(postsDir, { recursive: true, encoding: 'utf8' });
  } catch {
    return [];
  }
  return entries
    .filter((f) => f === 'index.html' || f.endsWith(`${sep}index.html`))
    .map((f) => join(postsDir, f))
    .sort();
}

/**
 * Indexes the post pages of a built site into <outDir>/pagefind; returns the pages and the
 * index-only tokens added. Each page as Pagefind is to read it (src/lib/search/post-html.ts) is
 * written to a scratch folder under the same relative path, so Pagefind reads them all at once, in
 * parallel, and gives them the URLs of the built pages.
 */
async function writeIndex(outDir: string, options: SearchIndexOptions): Promise<{ pages: number; tokens: number }> {
  const scratch = mkdtempSync(join(tmpdir(), 'socialbench-search-'));
  try {
    let pages = 0;
    let tokens = 0;
    for (const file of postPages(outDir)) {
      const html = readFileSync(file, 'utf8');
      // A redirect or other page under posts/ has no article to index.
      if (!html.includes('data-pagefind-body')) continue;
      const path = relative(outDir, file);
      let page: string;
      try {
        const post = readPostHtml(html);
        const meta = indexMeta(post, { timeZone: site.timeZone, infix: options.infix });
        tokens += `${meta[META.titleInfix] ?? ''} ${meta[META.infix] ?? ''}`.split(' ').filter(Boolean).length;
        page = pageForIndex(post, meta, site.lang);
      } catch (error) {
        throw new Error(`Search index: ${path}: ${(error as Error).message}`);
      }
      mkdirSync(dirname(join(scratch, path)), { recursive: true });
      writeFileSync(join(scratch, path), page);
      pages++;
    }
    if (options.pagefind === false) return { pages, tokens };
    const pagefind = await import('pagefind');
    try {
      const { index, errors } = await pagefind.createIndex({ forceLanguage: site.lang, excludeSelectors: EXCLUDE_SELECTORS });
      if (!index) throw new Error(`Search index: Pagefind could not start: ${errors.join('; ')}`);
      const added = await index.addDirectory({ path: scratch, glob: 'posts/**/*.html' });
      if (added.errors.length) throw new Error(`Search index: ${added.errors.join('; ')}`);
      if (added.page_count !== pages) throw new Error(`Search index: Pagefind indexed ${added.page_count} of ${pages} post pages`);
      // Pagefind adds to a folder it writes into; an index left from an earlier build would stay.
      rmSync(join(outDir, 'pagefind'), { recursive: true, force: true });
      const written = await index.writeFiles({ outputPath: join(outDir, 'pagefind') });
      if (written.errors.length) throw new Error(`Search index: ${written.errors.join('; ')}`);
    } finally {
      await pagefind.close();
    }
    for (const name of UNUSED_FILES) rmSync(join(outDir, 'pagefind', name), { force: true });
    return { pages, tokens };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * Builds the Pagefind search index from the finished HTML, so the index holds exactly the
 * pages the build wrote: drafts and scheduled posts are never built, so never searchable.
 * Only post pages are read, and only their element marked `data-pagefind-body` (the article),
 * with the post's metadata and the index-only tokens that find words inside Korean compounds
 * (src/lib/search/). The built pages are not changed. docs/search.md explains and measures it.
 */
export default function searchIndex(options: SearchIndexOptions = {}): AstroIntegration {
  return {
    name: 'socialbench-search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const pagefind = options.pagefind ?? process.env.SOCIALBENCH_PAGEFIND !== '0';
        const { pages, tokens } = await writeIndex(fileURLToPath(dir), { ...options, pagefind });
        logger.info(
          pagefind
            ? `indexed ${pages} pages for search (${tokens} index-only tokens for words inside compounds)`
            : `read ${pages} pages as for the search index; Pagefind not run (SOCIALBENCH_PAGEFIND=0)`,
        );
      },
    },
  };
}
