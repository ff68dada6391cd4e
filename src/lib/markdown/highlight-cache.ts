/**
 * Highlighted code blocks kept between builds.
 *
 * A post Astro compiles again (an edited MDX post, or any post when the MDX compile cache,
 * ./compile-cache.ts, starts afresh) has Shiki highlight each of its code blocks again: about 4 ms
 * of CPU a block, and the first block of each language loads its grammar (1,000 posts with 192
 * blocks: 0.75 s of a build's bundling, more on a busy machine; docs/benchmark.md). This keeps
 * each result under a hash of the code, its language and its meta string, in one JSON file in
 * Astro's cache folder, and answers from it before asking Shiki: a build that edits a post whose
 * code is unchanged never starts Shiki.
 *
 * A post whose compiled module comes from the MDX compile cache asks for none of its blocks; that
 * cache records which blocks each post used (`recordBlocks`) and hands them back (`keepBlocks`),
 * so they stay for the day the post is edited.
 *
 * Keeping a result is only right because the same code always gets the same tree: Shiki's time
 * limit per line, which could colour a block differently on a busy machine, is lifted
 * (`untimedTokenizing` in ../code-highlight.ts).
 *
 * The file is only used by the same highlighting: its `version` covers this module and
 * ../code-highlight.ts (the class transformer), the Shiki and Astro packages that make the tree,
 * and the options (the themes). A build writes back only the blocks it used, so code that was
 * edited or deleted leaves nothing behind. (A Markdown `.md` post Astro did not render again, its
 * page coming from Astro's own content cache, uses none: its blocks are highlighted again the
 * next time it changes.) Each answer is a fresh copy: the Markdown processor and later plugins
 * may change the tree they are given.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeCacheFile } from '../cache-file.ts';
import { packageVersion } from '../package-version.ts';

/** The Markdown processor's highlighter: a code block's text, language and meta string to a hast element. */
export type HighlightFn<Node> = (code: string, lang: string, meta?: string) => Promise<Node | undefined>;

/** The packages whose code makes a highlighted tree. */
const PACKAGES = ['shiki', '@shikijs/core', '@shikijs/langs', '@shikijs/themes', '@astrojs/internal-helpers', '@astrojs/markdown-satteri'];

/** What a kept result depends on besides the block itself; `options` are the highlighter's (themes, …). */
export function highlightVersion(options: unknown): string {
  const hash = createHash('sha256');
  hash.update(readFileSync(import.meta.filename));
  hash.update(readFileSync(join(import.meta.dirname, '..', 'code-highlight.ts')));
  for (const name of PACKAGES) hash.update(`\0${name}@${packageVersion(name, import.meta.url)}`);
  hash.update(`\0${JSON.stringify(options)}`);
  return hash.digest('base64url');
}

/** A block's key: its language, meta string and code. */
export function blockKey(code: string, lang: string, meta?: string): string {
  return createHash('sha256').update(JSON.stringify([lang, meta ?? null, code])).digest('base64url');
}

export interface HighlightCache<Node> {
  /** Highlights like the function given, from the kept results when it can. */
  highlight: HighlightFn<Node>;
  /** Reads the results kept in `file` (a missing, unreadable or other version's file: none), and keeps this run's there on `save`. */
  open(file: string): void;
  /** Writes the results this run used to the opened file, when they differ from what it read. */
  save(): void;
  /** Blocks answered from the file and highlighted, since `open`. */
  counts(): { kept: number; highlighted: number };
  /** Runs `work` (one post's compile) and gives the keys of the blocks it highlighted, even beside other compiles. */
  recordBlocks<T>(work: () => Promise<T>): Promise<{ value: T; blocks: string[] }>;
  /** Keeps these blocks for the next build as if highlighted now (a post compiled from the last build's result). */
  keepBlocks(blocks: readonly string[]): void;
}

/** The block keys of the compile running in this async context (compiles of several posts overlap). */
const compiling = new AsyncLocalStorage<string[]>();

export function highlightCache<Node>(highlight: HighlightFn<Node>, version: string): HighlightCache<Node> {
  let file: string | undefined;
  let before = new Map<string, string>();
  const used = new Map<string, string>();
  let kept = 0;
  let highlighted = 0;
  return {
    async highlight(code, lang, meta) {
      if (!file) return highlight(code, lang, meta);
      const key = blockKey(code, lang, meta);
      compiling.getStore()?.push(key);
      const json = used.get(key) ?? before.get(key);
      if (json !== undefined) {
        kept++;
        used.set(key, json);
        return JSON.parse(json) as Node;
      }
      const node = await highlight(code, lang, meta);
      highlighted++;
      if (node !== undefined) used.set(key, JSON.stringify(node));
      return node;
    },
    open(path) {
      file = path;
      before = new Map();
      used.clear();
      kept = highlighted = 0;
      try {
        const stored = JSON.parse(readFileSync(path, 'utf8')) as { version?: unknown; blocks?: unknown };
        if (stored.version === version && stored.blocks && typeof stored.blocks === 'object') {
          for (const [key, json] of Object.entries(stored.blocks)) if (typeof json === 'string') before.set(key, json);
        }
      } catch {
        // None yet, or not readable: every block is highlighted and the file written anew.
      }
    },
    save() {
      if (!file) return;
      const same = used.size === before.size && [...used.keys()].every((key) => before.has(key));
      if (same) return;
      try {
        writeCacheFile(file, JSON.stringify({ version, blocks: Object.fromEntries(used) }));
      } catch {
        // A cache that cannot be written costs the next build the highlighting, nothing else.
      }
    },
    counts: () => ({ kept, highlighted }),
    async recordBlocks(work) {
      const blocks: string[] = [];
      const value = await compiling.run(blocks, work);
      return { value, blocks };
    },
    keepBlocks(blocks) {
      for (const key of blocks) {
        const json = used.get(key) ?? before.get(key);
        if (json !== undefined) used.set(key, json);
      }
    },
  };
}
