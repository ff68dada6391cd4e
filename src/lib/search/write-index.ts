/**
 * Writes the Pagefind index of a built site's post pages into <outDir>/pagefind, or copies the
 * index an earlier build wrote from the same pages.
 *
 * Only post pages are read, and only their element marked `data-pagefind-body` (the article), with
 * the post's metadata and the index-only tokens that find words inside Korean compounds
 * (post-html.ts, segment.ts). Each page as Pagefind is to read it is written to a folder under the
 * same relative path, so Pagefind reads them all at once, in parallel, and gives them the URLs of
 * the built pages. With a cache, that folder is kept between builds (PreparedPages, below), so a
 * build writes only the pages that changed.
 *
 * Why the copy: Pagefind has no incremental mode, and writing the index is most of what a build
 * does after its pages (5-8 s at 1,000 posts, 75 s at 10,000: docs/benchmark.md). An hourly build
 * with no new post, or any rebuild that leaves every post page byte for byte as it was, gets the
 * same index either way. The key is every post page's path and bytes, this folder's code, the
 * versions of Pagefind and htmlparser2 and the options; anything else runs Pagefind in full.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { isRunning } from '../is-running.ts';
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

/** Keeps this index for the next build. A failure to keep it is not the build's. */
function keep(indexDir: string, key: string, source: string, summary: { pages: number; tokens: number }): void {
  const partial = join(indexDir, `${key}.${process.pid}.tmp`);
  try {
    mkdirSync(indexDir, { recursive: true });
    rmSync(partial, { recursive: true, force: true });
    cpSync(source, join(partial, 'pagefind'), { recursive: true });
    writeFileSync(join(partial, 'summary.json'), JSON.stringify(summary));
    // Complete or absent: another build only ever sees a finished folder under the key's name.
    if (!existsSync(join(indexDir, key))) renameSync(partial, join(indexDir, key));
    else rmSync(partial, { recursive: true, force: true });
  } catch {
    rmSync(partial, { recursive: true, force: true });
  }
}

/** The pid in a name that ends in `.<pid>` or `.<pid>.tmp`; undefined for any other name. */
function pidIn(name: string): number | undefined {
  const match = /\.(\d+)(?:\.tmp)?$/.exec(name);
  return match ? Number(match[1]) : undefined;
}

/** Removes everything in `dir` but `keepNames`, except the folders of builds still running beside this one. */
function removeOthers(dir: string, keepNames: Set<string>): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (keepNames.has(name)) continue;
    const pid = pidIn(name);
    if (pid && pid !== process.pid && isRunning(pid)) continue;
    rmSync(join(dir, name), { recursive: true, force: true });
  }
}

interface PreparedEntry {
  /** Of the settings and the built page's bytes: the same key, the same prepared page. */
  key: string;
  tokens: number;
}

const MANIFEST = 'pages.json';
const PREPARED = 'prepared';

/**
 * The post pages as Pagefind reads them, laid out as the site (posts/<slug>/index.html), with
 * pages.json giving each page's key and token count. With a cache it is <cacheDir>/prepared, kept
 * between builds: a build rewrites only the pages whose bytes changed and removes those that are
 * gone. Preparing a page is about 1 ms (10 s at 10,000 posts), and writing every page to a scratch
 * folder and removing it again took about 1 s a build at 1,000 (docs/benchmark.md).
 *
 * A build claims the folder by renaming it to prepared.<pid>, so two builds sharing a cache never
 * write into one folder (the second starts an empty one), and gives it back once Pagefind has read
 * it. A build that stops before then leaves prepared.<pid>; a later build removes it, and the next
 * one starts from nothing: a folder given back always matches its pages.json.
 */
class PreparedPages {
  readonly dir: string;
  private entries: Record<string, PreparedEntry> = {};
  private readonly shared?: string;

  constructor(cacheDir: string | undefined) {
    if (!cacheDir) {
      this.dir = mkdtempSync(join(tmpdir(), 'socialbench-search-'));
      return;
    }
    this.shared = join(cacheDir, PREPARED);
    this.dir = join(cacheDir, `${PREPARED}.${process.pid}`);
    rmSync(this.dir, { recursive: true, force: true });
    mkdirSync(cacheDir, { recursive: true });
    try {
      renameSync(this.shared, this.dir);
      const { pages } = JSON.parse(readFileSync(join(this.dir, MANIFEST), 'utf8')) as { pages?: Record<string, PreparedEntry> };
      if (typeof pages !== 'object' || pages === null) throw new Error('not a list of prepared pages');
      this.entries = pages;
    } catch {
      // None kept, another build has it, or it is not one this code wrote: start empty.
      rmSync(this.dir, { recursive: true, force: true });
      mkdirSync(this.dir, { recursive: true });
      this.entries = {};
    }
  }

  /** Makes the folder hold exactly `pages` as prepared with `settings`; returns their tokens in all. */
  update(pages: PostPage[], options: WriteIndexOptions, settings: string): number {
    const next: Record<string, PreparedEntry> = {};
    let tokens = 0;
    for (const { path, bytes, hash } of pages) {
      const key = sha256(settings, '\0', hash);
      const file = join(this.dir, path);
      const kept = this.entries[path];
      const exists = kept !== undefined && existsSync(file);
      let entry: PreparedEntry;
      if (exists && kept.key === key) {
        entry = kept;
      } else {
        const prepared = preparePage(path, bytes, options);
        if (!exists) mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, prepared.page);
        entry = { key, tokens: prepared.tokens };
      }
      next[path] = entry;
      tokens += entry.tokens;
    }
    for (const path of Object.keys(this.entries)) {
      if (path in next) continue;
      rmSync(join(this.dir, path), { force: true });
      // Its folder (posts/<slug>/) too, and the folders above it, when nothing else is in them.
      for (let dir = dirname(join(this.dir, path)); dir.length > this.dir.length; dir = dirname(dir)) {
        try {
          rmdirSync(dir);
        } catch {
          break;
        }
      }
    }
    this.entries = next;
    writeFileSync(join(this.dir, MANIFEST), JSON.stringify({ pages: next }));
    return tokens;
  }

  /** Gives the folder back for the next build (or removes it: no cache, a failed build, or another build gave one back first). */
  release(keepIt: boolean): void {
    if (keepIt && this.shared) {
      try {
        renameSync(this.dir, this.shared);
        return;
      } catch {
        // Another build gave one back first: theirs stays.
      }
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** A post page as Pagefind is to read it (post-html.ts), with the number of index-only tokens it carries. */
function preparePage(path: string, bytes: Buffer, options: WriteIndexOptions): { page: string; tokens: number } {
  try {
    const post = readPostHtml(bytes.toString('utf8'));
    const meta = indexMeta(post, { timeZone: options.timeZone, infix: options.infix });
    return {
      page: pageForIndex(post, meta, options.lang),
      tokens: `${meta[META.titleInfix] ?? ''} ${meta[META.infix] ?? ''}`.split(' ').filter(Boolean).length,
    };
  } catch (error) {
    throw new Error(`검색 색인: ${path}: ${(error as Error).message}`);
  }
}

/** Writes <outDir>/pagefind from the built post pages (see the top of this file). */
export async function writeSearchIndex(outDir: string, options: WriteIndexOptions): Promise<WrittenIndex> {
  // A redirect or other page under posts/ has no article to index.
  let pages: PostPage[] | undefined = postPages(outDir).flatMap((file) => {
    const bytes = readFileSync(file);
    return bytes.includes('data-pagefind-body') ? [{ path: relative(outDir, file), bytes, hash: sha256(bytes) }] : [];
  });
  const target = join(outDir, 'pagefind');
  rmSync(target, { recursive: true, force: true });

  if (options.pagefind === false) {
    // `npm run check`'s build: every page is read as for the index, so one Pagefind could not
    // index still stops it; nothing is written or kept.
    let tokens = 0;
    for (const { path, bytes } of pages) tokens += preparePage(path, bytes, options).tokens;
    await options.whileWriting?.();
    return { pages: pages.length, tokens, reused: false };
  }

  const { cacheDir } = options;
  const indexDir = cacheDir && join(cacheDir, 'index');
  const settings = settingsKey(options);
  const key = indexDir ? indexKey(pages, settings) : undefined;
  if (indexDir && key) {
    const reused = reuse(indexDir, key, target);
    if (reused) {
      await options.whileWriting?.();
      return { ...reused, reused: true };
    }
  }

  const prepared = new PreparedPages(cacheDir);
  let released = false;
  try {
    const tokens = prepared.update(pages, options, settings);
    const summary = { pages: pages.length, tokens };
    // Every post page's bytes (about 600 MB at 10,000 posts) are let go before Pagefind writes and
    // the link check runs beside it, which would otherwise hold them on top of its own.
    pages = undefined;

    const pagefind = await import('pagefind');
    try {
      const { index, errors } = await pagefind.createIndex({ forceLanguage: options.lang, excludeSelectors: EXCLUDE_SELECTORS });
      if (!index) throw new Error(`검색 색인: Pagefind를 시작하지 못했습니다: ${errors.join('; ')}`);
      const added = await index.addDirectory({ path: prepared.dir, glob: 'posts/**/*.html' });
      if (added.errors.length) throw new Error(`검색 색인: ${added.errors.join('; ')}`);
      if (added.page_count !== summary.pages) throw new Error(`검색 색인: 글 페이지 ${summary.pages}개 중 ${added.page_count}개만 색인되었습니다`);
      const writing = index.writeFiles({ outputPath: target });
      let alongside: void | Promise<void>;
      try {
        // Pagefind has read the pages: the folder goes back now, and what the last index left in
        // the cache is removed while Pagefind's process writes (this thread would only wait).
        prepared.release(true);
        released = true;
        if (cacheDir && indexDir && key) {
          removeOthers(indexDir, new Set([key]));
          removeOthers(cacheDir, new Set(['index', PREPARED]));
        }
        alongside = options.whileWriting?.();
      } catch (error) {
        await writing.catch(() => undefined);
        throw error;
      }
      const [written] = await Promise.all([writing, alongside]);
      if (written.errors.length) throw new Error(`검색 색인: ${written.errors.join('; ')}`);
    } finally {
      await pagefind.close();
    }
    for (const name of UNUSED_FILES) rmSync(join(target, name), { force: true });
    if (indexDir && key) keep(indexDir, key, target, summary);
    return { ...summary, reused: false };
  } finally {
    if (!released) prepared.release(false);
  }
}
