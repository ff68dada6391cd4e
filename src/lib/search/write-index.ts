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
 * versions of Pagefind and htmlparser2 and the options; anything else runs Pagefind in full, with
 * the pages whose bytes are unchanged read from the prepared copies kept beside the index.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { writeCacheFile } from '../cache-file.ts';
import { packageVersion } from '../package-version.ts';
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
   * Work to do while Pagefind's process writes the index, when it needs nothing from this thread
   * (the build's link check: about 1 s at 1,000 posts, beside Pagefind's 3–4 s). Run once, after
   * the pages are prepared, also when Pagefind is not run or its index is copied; awaited.
   */
  whileWriting?: () => void | Promise<void>;
  /**
   * Run Pagefind. Default true. `npm run check` turns it off: its trial build checks links, which
   * never point into the index. Every post page is still read as for the index, so a page it
   * could not index still stops the build.
   */
  pagefind?: boolean;
  /** Where the index and the prepared pages are kept for the next build (inside Astro's cache); none: nothing kept. */
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

const versionOf = (name: string): string => packageVersion(name, import.meta.url);

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
  /** Of the bytes, once: the index's key and the prepared page's both use it. */
  hash: string;
}

/** What an index and each prepared page depend on besides the pages: the code, the versions, the options. */
function settingsKey(options: WriteIndexOptions): string {
  return JSON.stringify({
    code: codeHash(),
    pagefind: versionOf('pagefind'),
    htmlparser2: versionOf('htmlparser2'),
    lang: options.lang,
    timeZone: options.timeZone,
    infix: options.infix ?? true,
    exclude: EXCLUDE_SELECTORS,
  });
}

const sha256 = (...parts: (string | Buffer)[]): string => {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest('hex').slice(0, 32);
};

function indexKey(pages: PostPage[], settings: string): string {
  return sha256(settings, ...pages.flatMap((page) => [`\0${page.path}\0`, page.hash]));
}

/** A copy of an earlier build's index: <cacheDir>/index/<key>/{pagefind/, summary.json}. */
function reuse(indexDir: string, key: string, target: string): { pages: number; tokens: number } | undefined {
  const entry = join(indexDir, key);
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
function keep(indexDir: string, key: string, source: string, summary: { pages: number; tokens: number }): void {
  const partial = join(indexDir, `${key}.${process.pid}.tmp`);
  try {
    mkdirSync(indexDir, { recursive: true });
    rmSync(partial, { recursive: true, force: true });
    cpSync(source, join(partial, 'pagefind'), { recursive: true });
    writeFileSync(join(partial, 'summary.json'), JSON.stringify(summary));
    // Complete or absent: another build only ever sees a finished folder under the key's name.
    if (!existsSync(join(indexDir, key))) renameSync(partial, join(indexDir, key));
    for (const name of readdirSync(indexDir)) if (name !== key) rmSync(join(indexDir, name), { recursive: true, force: true });
  } catch {
    rmSync(partial, { recursive: true, force: true });
  }
}

interface Prepared {
  /** The page as Pagefind is given it (post-html.ts). */
  page: string;
  tokens: number;
}

/**
 * Each post page as Pagefind is to read it, from <cacheDir>/pages/ when an earlier build
 * prepared the same bytes with the same code (reading a page and making its tokens is about
 * 1 ms a post: 10 s at 10,000), else prepared now and kept. Returns the keys used.
 */
function preparePages(pages: PostPage[], scratch: string, options: WriteIndexOptions, settings: string, pagesDir?: string): { tokens: number; used: Set<string> } {
  if (pagesDir) mkdirSync(pagesDir, { recursive: true });
  const used = new Set<string>();
  let tokens = 0;
  for (const { path, bytes, hash } of pages) {
    const key = pagesDir ? `${sha256(settings, '\0', hash)}.json` : undefined;
    let prepared: Prepared | undefined;
    if (pagesDir && key) {
      used.add(key);
      try {
        prepared = JSON.parse(readFileSync(join(pagesDir, key), 'utf8')) as Prepared;
      } catch {
        prepared = undefined;
      }
    }
    if (!prepared) {
      try {
        const post = readPostHtml(bytes.toString('utf8'));
        const meta = indexMeta(post, { timeZone: options.timeZone, infix: options.infix });
        prepared = {
          page: pageForIndex(post, meta, options.lang),
          tokens: `${meta[META.titleInfix] ?? ''} ${meta[META.infix] ?? ''}`.split(' ').filter(Boolean).length,
        };
      } catch (error) {
        throw new Error(`Search index: ${path}: ${(error as Error).message}`);
      }
      if (pagesDir && key) writeCacheFile(join(pagesDir, key), JSON.stringify(prepared));
    }
    tokens += prepared.tokens;
    mkdirSync(dirname(join(scratch, path)), { recursive: true });
    writeFileSync(join(scratch, path), prepared.page);
  }
  return { tokens, used };
}

/** Writes <outDir>/pagefind from the built post pages (see the top of this file). */
export async function writeSearchIndex(outDir: string, options: WriteIndexOptions): Promise<WrittenIndex> {
  // A redirect or other page under posts/ has no article to index.
  let pages: PostPage[] | undefined = postPages(outDir).flatMap((file) => {
    const bytes = readFileSync(file);
    return bytes.includes('data-pagefind-body') ? [{ path: relative(outDir, file), bytes, hash: sha256(bytes) }] : [];
  });
  const target = join(outDir, 'pagefind');
  const runPagefind = options.pagefind ?? true;
  // `npm run check`'s build reads the pages only: it neither uses nor changes what is kept.
  const cacheDir = runPagefind ? options.cacheDir : undefined;
  const indexDir = cacheDir && join(cacheDir, 'index');
  const pagesDir = cacheDir && join(cacheDir, 'pages');
  const settings = settingsKey(options);
  const key = indexDir ? indexKey(pages, settings) : undefined;
  rmSync(target, { recursive: true, force: true });
  if (indexDir && key) {
    const reused = reuse(indexDir, key, target);
    if (reused) {
      await options.whileWriting?.();
      return { ...reused, reused: true };
    }
  }

  const scratch = mkdtempSync(join(tmpdir(), 'socialbench-search-'));
  try {
    const { tokens, used } = preparePages(pages, scratch, options, settings, pagesDir);
    const summary = { pages: pages.length, tokens };
    // Every post page's bytes (about 600 MB at 10,000 posts) are let go before Pagefind writes and
    // the link check runs beside it, which would otherwise hold them on top of its own.
    pages = undefined;
    if (!runPagefind) {
      await options.whileWriting?.();
      return { ...summary, reused: false };
    }

    const pagefind = await import('pagefind');
    try {
      const { index, errors } = await pagefind.createIndex({ forceLanguage: options.lang, excludeSelectors: EXCLUDE_SELECTORS });
      if (!index) throw new Error(`Search index: Pagefind could not start: ${errors.join('; ')}`);
      const added = await index.addDirectory({ path: scratch, glob: 'posts/**/*.html' });
      if (added.errors.length) throw new Error(`Search index: ${added.errors.join('; ')}`);
      if (added.page_count !== summary.pages) throw new Error(`Search index: Pagefind indexed ${added.page_count} of ${summary.pages} post pages`);
      const writing = index.writeFiles({ outputPath: target });
      let alongside: void | Promise<void>;
      try {
        alongside = options.whileWriting?.();
      } catch (error) {
        await writing.catch(() => undefined);
        throw error;
      }
      const [written] = await Promise.all([writing, alongside]);
      if (written.errors.length) throw new Error(`Search index: ${written.errors.join('; ')}`);
    } finally {
      await pagefind.close();
    }
    for (const name of UNUSED_FILES) rmSync(join(target, name), { force: true });
    if (cacheDir && indexDir && pagesDir && key) {
      keep(indexDir, key, target, summary);
      // Only what this build used is kept: a page that changed or went away leaves nothing behind.
      for (const name of readdirSync(pagesDir)) if (!used.has(name)) rmSync(join(pagesDir, name), { force: true });
      for (const name of readdirSync(cacheDir)) if (name !== 'index' && name !== 'pages') rmSync(join(cacheDir, name), { recursive: true, force: true });
    }
    return { ...summary, reused: false };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
