/**
 * The MDX renderer Astro builds posts with, reading Korean prose first (src/lib/markdown/mdx-prose.ts).
 * @astrojs/mdx asks the site's Markdown processor for an MDX renderer and calls its `process` with
 * each post's body; this wraps that one call, so `.mdx` pages get exactly the source the writer
 * checks (`npm run check`, src/lib/rules/mdx.ts) read. The processor object itself is kept, since
 * Astro and integrations read and change its options. With a compile cache (./compile-cache.ts),
 * a post compiled by an earlier build from the same text comes from there.
 */
import type { CompiledMdx, MdxCompileCache } from './compile-cache.ts';
import { prepareMdxProse, sourceColumn } from './mdx-prose.ts';

interface MdxRenderer {
  process(content: string, filePath: string, frontmatter: Record<string, unknown>): Promise<CompiledMdx>;
}

interface MdxCapableProcessor {
  createMdxRenderer?: (...args: never[]) => Promise<MdxRenderer>;
}

/** `processor` with MDX rendering that reads `<성장>`, `<br>`, `<!-- -->` and `<https://…>` as a writer means them. */
export function withKoreanMdxProse<P extends MdxCapableProcessor>(processor: P, cache?: MdxCompileCache): P {
  const create = processor.createMdxRenderer?.bind(processor);
  if (!create) return processor;
  processor.createMdxRenderer = async (...args: never[]) => {
    const renderer = await create(...args);
    const compile = async (content: string, filePath: string, frontmatter: Record<string, unknown>) => {
      const prepared = prepareMdxProse(content);
      try {
        return await renderer.process(prepared.text, filePath, frontmatter);
      } catch (error) {
        // The message starts "line:column:"; the column is moved back to the writer's text.
        if (error instanceof Error && prepared.edits.length) {
          error.message = error.message.replace(/^(\d+):(\d+)/, (_, line: string, column: string) => `${line}:${sourceColumn(prepared.edits, Number(line), Number(column))}`);
        }
        throw error;
      }
    };
    // The renderer's options (Shiki, GFM, the source folder, …) are part of what a kept compile depends on.
    return { ...renderer, process: cache ? cache.wrap(compile, args) : compile } satisfies MdxRenderer;
  };
  return processor;
}
