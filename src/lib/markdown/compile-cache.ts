/**
 * Compiled MDX posts kept between builds.
 *
 * Astro bundles every MDX post on every build, and bundling starts by compiling each post to a
 * JavaScript module: Markdown parsed, the site's plugins run, the tree printed as code. An hourly
 * build where nothing changed compiles 1,000 posts to the same 1,000 modules again (about 2 s of
 * a 1,000-post build: docs/benchmark.md). This keeps each compiled module in a file of its own
 * in Astro's cache folder, named by a hash of what the compile reads (the post's text, its path,
 * its front matter, the renderer's options), and answers from it when the same post comes again.
 *
 * Kept results are only used by the same compiler: the version (`compileVersion`) is a hash of
 * the Astro config file, every file under `src/` (where the site's Markdown plugins live) and the
 * installed packages (npm's record of node_modules). Any change there starts afresh; an owner's
 * plugin kept outside `src/` is not covered (remove the cache folder after changing it).
 *
 * Not kept: a post with a component hydrated in the browser (`client:*`) or deferred
 * (`server:defer`). Astro resolves those components' paths against the files on disk while
 * compiling, so the same text could compile differently once a file is added. A compile that fails
 * keeps nothing: the error comes again, from the compiler, every build.
 *
 * A build writes each new result at once (a build stopped later keeps them: they are right for
 * their key whatever happens to the build) and, when it finishes, removes the results it did not
 * use and those of other versions. A dev server only reads.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeCacheFile } from '../cache-file.ts';
import { inputsHash } from '../inputs-hash.ts';

/** What Astro's MDX renderer returns for one post (the parts a result is kept by). */
export interface CompiledMdx {
  code: string;
  map?: unknown;
  astroMetadata?: {
    hydratedComponents?: unknown[];
    clientOnlyComponents?: unknown[];
    serverComponents?: unknown[];
  };
}

/** One post's compile, as @astrojs/mdx calls its renderer. */
export type CompileMdx = (content: string, filePath: string, frontmatter: Record<string, unknown>) => Promise<CompiledMdx>;

/** The code blocks a compile highlighted, so a kept post keeps its blocks in the highlight cache (./highlight-cache.ts). */
export interface BlockRecorder {
  recordBlocks<T>(work: () => Promise<T>): Promise<{ value: T; blocks: string[] }>;
  keepBlocks(blocks: readonly string[]): void;
}

export interface MdxCompileCache {
  /** `compile`, answered from a kept result for the same post, renderer options and version. */
  wrap(compile: CompileMdx, rendererOptions: unknown): CompileMdx;
  /** Uses the results kept in folder `dir`; `write`: keep this run's new results there (a build, not a dev server). */
  open(dir: string, options: { write: boolean }): void;
  /** After a finished build: removes the results it did not use and the folders of other versions. */
  prune(): void;
  /** Posts answered from kept results and compiled, since `open`. */
  counts(): { kept: number; compiled: number };
}

interface KeptEntry {
  result: CompiledMdx;
  /** Keys of the code blocks the compile highlighted. */
  blocks: string[];
}

const hash = (text: string): string => createHash('sha256').update(text).digest('base64url');

/** Whether Astro resolved component files on disk for this result (see the top of this file). */
function resolvedFiles(result: CompiledMdx): boolean {
  const meta = result.astroMetadata;
  return Boolean(meta?.hydratedComponents?.length || meta?.clientOnlyComponents?.length || meta?.serverComponents?.length);
}

/**
 * The compiler's version for a site at `root` whose Astro config is `configFile`: a hash of the
 * config, every file under `root/src` and the installed packages (node_modules/.package-lock.json,
 * else package-lock.json).
 */
export function compileVersion(root: string, configFile: string): string {
  const lock = [join(root, 'node_modules/.package-lock.json'), join(root, 'package-lock.json')].find((file) => existsSync(file));
  return inputsHash(root, [configFile, join(root, 'src'), ...(lock ? [lock] : [])]).slice(0, 32);
}

export function mdxCompileCache(version: string, highlighted?: BlockRecorder): MdxCompileCache {
  let dir: string | undefined;
  let write = false;
  const used = new Set<string>();
  let kept = 0;
  let compiled = 0;

  const read = (file: string): KeptEntry | undefined => {
    try {
      const entry = JSON.parse(readFileSync(file, 'utf8')) as Partial<KeptEntry> | null;
      return typeof entry?.result?.code === 'string' && Array.isArray(entry.blocks) ? (entry as KeptEntry) : undefined;
    } catch {
      return undefined; // None yet, or unreadable: compiled anew.
    }
  };

  return {
    wrap(compile, rendererOptions) {
      let options: string | undefined;
      try {
        options = JSON.stringify(rendererOptions) ?? '';
      } catch {
        options = undefined; // Options that cannot be written down (a cycle): nothing is kept for this renderer.
      }
      return async (content, filePath, frontmatter) => {
        if (!dir || options === undefined) return compile(content, filePath, frontmatter);
        const name = `${hash(JSON.stringify([options, filePath, frontmatter, content]))}.json`;
        const file = join(dir, name);
        const entry = read(file);
        if (entry) {
          kept++;
          used.add(name);
          highlighted?.keepBlocks(entry.blocks);
          return entry.result;
        }
        const { value: result, blocks } = highlighted ? await highlighted.recordBlocks(() => compile(content, filePath, frontmatter)) : { value: await compile(content, filePath, frontmatter), blocks: [] };
        compiled++;
        if (!resolvedFiles(result)) {
          used.add(name);
          if (write) {
            try {
              writeCacheFile(file, JSON.stringify({ result, blocks: [...new Set(blocks)] } satisfies KeptEntry));
            } catch {
              // A result that cannot be kept costs the next build its compile, nothing else.
            }
          }
        }
        return result;
      };
    },
    open(cacheDir, options) {
      dir = join(cacheDir, version);
      write = options.write;
      used.clear();
      kept = compiled = 0;
    },
    prune() {
      if (!dir || !write) return;
      const parent = join(dir, '..');
      try {
        for (const name of readdirSync(parent)) if (join(parent, name) !== dir) rmSync(join(parent, name), { recursive: true, force: true });
        for (const name of existsSync(dir) ? readdirSync(dir) : []) if (!used.has(name)) rmSync(join(dir, name), { force: true });
      } catch {
        // Left over results only take room; the next finished build removes them.
      }
    },
    counts: () => ({ kept, compiled }),
  };
}
