/**
 * Writes the Pagefind index of a built site's post pages into <outDir>/pagefind, or copies the
 * index an earlier build wrote from the same pages.
 *
 * Only post pages are read, and only their element marked `data-pagefind-body` (the article), with
 * the post's metadata and the index-only tokens that find words inside Korean compounds
 * (post-html.ts, segment.ts). Each page as Pagefind is to read it is written to a scratch folder
 * under the same relative path, so Pagefind reads them all at once, in parallel, and gives them
 * the URLs of the built pages.
 *
 * Why the copy: Pagefind has no incremental mode, and writing the index is most of what a build
 * does after its pages (5-8 s at 1,000 posts, 75 s at 10,000: docs/benchmark.md). An hourly build
 * with no new post, or any rebuild that leaves every post page byte for byte as it was, gets the
 * same index either way. The key is every post page's path and bytes, this folder's code, the
 * versions of Pagefind and htmlparser2 and the options; anything else runs Pagefind in full.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { findPackageJSON } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { EXCLUDE_SELECTORS, META, indexMeta, pageForIndex, readPostHtml } from './post-html.ts';

export interface WriteIndexOptions {
  /** The site's language (Pagefind's stemming and segmentation) and time zone (the day of each post). */
  lang: string;
  timeZone: string;
  /**
   * Add the index-only tokens that make words inside Korean compounds findable (segment.ts).
   * Default true; false only to measure what they cost (docs/search.md).
   */
  infix?: boolean;
  /**
   * Run Pagefind. Default true. `npm run check` turns it off: its trial build checks links, which
   * never point into the index. Every post page is still read as for the index, so a page it
   * could not index still stops the build.
   */
  pagefind?: boolean;
  /** Where a copy of the index is kept for the next build (inside Astro's cache); none: no copy. */
  cacheDir?: string;
}

export interface WrittenIndex {
  /** Post pages in the index. */
  pages: number;
  /** Index-only tokens added for words inside compounds. */
  tokens: number;
  /** The index was copied from an earlier build of the same pages. */
  reused: boolean;
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

const versionOf = (name: string): string => {
  const file = findPackageJSON(name, import.meta.url);
  return file ? (JSON.parse(readFileSync(file, 'utf8')) as { version?: string }).version ?? '' : '';
};

/** This folder's code: a change to how pages are read or tokens are made is a different index. */
function codeHash(): string {
  const hash = createHash('sha256');
  const dir = import.meta.dirname;
  for (const name of readdirSync(dir).sort()) {
    if (!name.endsWith('.ts')) continue;
    hash.update(`\0${name}\0`);
    hash.update(readFileSync(join(dir, name)));
  }
  return hash.digest('hex');
}

interface PostPage {
  /** Relative to the site root: posts/<slug>/index.html. */
  path: string;
  bytes: Buffer;
}

function indexKey(pages: PostPage[], options: WriteIndexOptions): string {
  const hash = createHash('sha256');
  hash.update(
    JSON.stringify({
      code: codeHash(),
      pagefind: versionOf('pagefind'),
      htmlparser2: versionOf('htmlparser2'),
      lang: options.lang,
      timeZone: options.timeZone,
      infix: options.infix ?? true,
      exclude: EXCLUDE_SELECTORS,
    }),
  );
  for (const page of pages) {
    hash.update(`\0${page.path}\0`);
    hash.update(page.bytes);
  }
  return hash.digest('hex').slice(0, 32);
}

/** A copy of an earlier build's index: <cacheDir>/<key>/{pagefind/, summary.json}, one key kept. */
function reuse(cacheDir: string, key: string, target: string): { pages: number; tokens: number } | undefined {
  const entry = join(cacheDir, key);
  try {
    const summary = JSON.parse(readFileSync(join(entry, 'summary.json'), 'utf8')) as { pages: number; tokens: number };
    cpSync(join(entry, 'pagefind'), target, { recursive: true });
    return summary;
  } catch {
    // None, or a build beside this one replaced it mid-copy: write the index anew.
    rmSync(target, { recursive: true, force: true });
    return undefined;
  }
}

/** Keeps this index for the next build, in place of the one kept before. A failure to keep it is not the build's. */
function keep(cacheDir: string, key: string, source: string, summary: { pages: number; tokens: number }): void {
  const partial = join(cacheDir, `${key}.${process.pid}.tmp`);
  try {
    rmSync(partial, { recursive: true, force: true });
    cpSync(source, join(partial, 'pagefind'), { recursive: true });
    writeFileSync(join(partial, 'summary.json'), JSON.stringify(summary));
    // Complete or absent: another build only ever sees a finished folder under the key's name.
    if (!existsSync(join(cacheDir, key))) renameSync(partial, join(cacheDir, key));
    for (const name of readdirSync(cacheDir)) if (name !== key) rmSync(join(cacheDir, name), { recursive: true, force: true });
  } catch {
    rmSync(partial, { recursive: true, force: true });
  }
}

/** Writes <outDir>/pagefind from the built post pages (see the top of this file). */
export async function writeSearchIndex(outDir: string, options: WriteIndexOptions): Promise<WrittenIndex> {
  // A redirect or other page under posts/ has no article to index.
  const pages = postPages(outDir)
    .map((file) => ({ path: relative(outDir, file), bytes: readFileSync(file) }))
    .filter((page) => page.bytes.includes('data-pagefind-body'));
  const target = join(outDir, 'pagefind');
  const runPagefind = options.pagefind ?? true;
  const key = runPagefind && options.cacheDir ? indexKey(pages, options) : undefined;
  if (key && options.cacheDir) {
    rmSync(target, { recursive: true, force: true });
    const reused = reuse(options.cacheDir, key, target);
    if (reused) return { ...reused, reused: true };
  }

  const scratch = mkdtempSync(join(tmpdir(), 'socialbench-search-'));
  try {
    let tokens = 0;
    for (const { path, bytes } of pages) {
      let page: string;
      try {
        const post = readPostHtml(bytes.toString('utf8'));
        const meta = indexMeta(post, { timeZone: options.timeZone, infix: options.infix });
        tokens += `${meta[META.titleInfix] ?? ''} ${meta[META.infix] ?? ''}`.split(' ').filter(Boolean).length;
        page = pageForIndex(post, meta, options.lang);
      } catch (error) {
        throw new Error(`Search index: ${path}: ${(error as Error).message}`);
      }
      mkdirSync(dirname(join(scratch, path)), { recursive: true });
      writeFileSync(join(scratch, path), page);
    }
    const summary = { pages: pages.length, tokens };
    if (!runPagefind) return { ...summary, reused: false };

    const pagefind = await import('pagefind');
    try {
      const { index, errors } = await pagefind.createIndex({ forceLanguage: options.lang, excludeSelectors: EXCLUDE_SELECTORS });
      if (!index) throw new Error(`Search index: Pagefind could not start: ${errors.join('; ')}`);
      const added = await index.addDirectory({ path: scratch, glob: 'posts/**/*.html' });
      if (added.errors.length) throw new Error(`Search index: ${added.errors.join('; ')}`);
      if (added.page_count !== pages.length) throw new Error(`Search index: Pagefind indexed ${added.page_count} of ${pages.length} post pages`);
      // Pagefind adds to a folder it writes into; an index left from an earlier build would stay.
      rmSync(target, { recursive: true, force: true });
      const written = await index.writeFiles({ outputPath: target });
      if (written.errors.length) throw new Error(`Search index: ${written.errors.join('; ')}`);
    } finally {
      await pagefind.close();
    }
    for (const name of UNUSED_FILES) rmSync(join(target, name), { force: true });
    if (key && options.cacheDir) {
      mkdirSync(options.cacheDir, { recursive: true });
      keep(options.cacheDir, key, target, summary);
    }
    return { ...summary, reused: false };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
