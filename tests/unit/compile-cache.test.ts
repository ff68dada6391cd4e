/**
 * Compiled MDX posts kept between builds (src/lib/markdown/compile-cache.ts): the next build must
 * get the module the compiler would have made, without compiling, and must compile again whenever
 * anything the compile reads differs. Compiled with Astro's own MDX renderer (Sätteri) behind the
 * site's Korean-prose step, as astro.config.mjs sets it up.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { satteri, satteriHighlightPlugin } from '@astrojs/markdown-satteri';
import { compileVersion, mdxCompileCache, type CompiledMdx } from '../../src/lib/markdown/compile-cache';
import { highlightCache } from '../../src/lib/markdown/highlight-cache';
import { withKoreanMdxProse } from '../../src/lib/markdown/mdx-renderer';

const POST = '# 소셜 미디어 운영\n\n우리 팀은 <성장>을 읽었습니다.\n\n```ts\nconst channels = 2;\n```\n';
const FILE = '/site/content/posts/first.mdx';
const FRONTMATTER = { title: '첫 글' };
const RENDERER_ARGS = [{ syntaxHighlight: false, gfm: true, smartypants: true }, { optimize: false, srcDir: new URL('file:///site/src/'), sourcemap: false }];

let dir: string;
let cacheDir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'compile-cache-'));
  cacheDir = join(dir, 'socialbench-mdx');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** One build's compiler: the site's processor with the caches, counting real compiles and highlights. */
async function buildCompiler(options: { version?: string; write?: boolean; rendererArgs?: unknown[] } = {}) {
  let highlights = 0;
  const highlight = highlightCache(async (code: string) => {
    highlights++;
    return { type: 'element', tagName: 'pre', properties: { className: ['astro-code'] }, children: [{ type: 'text', value: code }] };
  }, 'test');
  highlight.open(join(dir, 'socialbench-highlight.json'));
  const cache = mdxCompileCache(options.version ?? 'v1', highlight);
  cache.open(cacheDir, { write: options.write ?? true });
  let compiles = 0;
  const processor = satteri({ hastPlugins: [satteriHighlightPlugin(highlight.highlight as never, undefined)] });
  const create = processor.createMdxRenderer!.bind(processor);
  processor.createMdxRenderer = async (...args) => {
    const renderer = await create(...args);
    return { process: (...a: Parameters<typeof renderer.process>) => (compiles++, renderer.process(...a)) };
  };
  const renderer = await withKoreanMdxProse(processor, cache).createMdxRenderer!(...((options.rendererArgs ?? RENDERER_ARGS) as [never, never]));
  return {
    compile: (content = POST, file = FILE, frontmatter: Record<string, unknown> = FRONTMATTER) => renderer.process(content, file, frontmatter) as Promise<CompiledMdx>,
    /** What a finished build does: keep what it used. */
    finish() {
      cache.prune();
      highlight.save();
    },
    calls: () => ({ compiles, highlights }),
    counts: () => cache.counts(),
  };
}

const keptFiles = (version = 'v1') => (existsSync(join(cacheDir, version)) ? readdirSync(join(cacheDir, version)) : []);

describe('compiled MDX posts kept between builds', () => {
  it('the next build gets the same module without compiling', async () => {
    const first = await buildCompiler();
    const compiled = await first.compile();
    first.finish();
    expect(compiled.code).toContain('성장');
    expect(first.calls()).toEqual({ compiles: 1, highlights: 1 });

    const second = await buildCompiler();
    expect(await second.compile()).toEqual(compiled);
    expect(second.calls()).toEqual({ compiles: 0, highlights: 0 });
    expect(second.counts()).toEqual({ kept: 1, compiled: 0 });
  });

  it('compiles again when the text, the file, the front matter or the renderer options differ', async () => {
    const first = await buildCompiler();
    await first.compile();
    first.finish();
    const second = await buildCompiler();
    const edited = await second.compile(`${POST}\n한 문장을 더 썼습니다.\n`);
    await second.compile(POST, '/site/content/posts/second.mdx');
    await second.compile(POST, FILE, { title: '제목을 고친 글' });
    expect(second.calls().compiles).toBe(3);
    expect(edited.code).toContain('한 문장을 더 썼습니다.');
    const otherOptions = await buildCompiler({ rendererArgs: [{ ...RENDERER_ARGS[0]!, gfm: false }, RENDERER_ARGS[1]] });
    await otherOptions.compile();
    expect(otherOptions.calls().compiles).toBe(1);
  });

  it("keeps only what the last build used: an edited or deleted post's old module is removed", async () => {
    const first = await buildCompiler();
    await first.compile();
    await first.compile(POST, '/site/content/posts/deleted.mdx');
    first.finish();
    expect(keptFiles()).toHaveLength(2);
    const second = await buildCompiler();
    await second.compile(`${POST}\n고쳤습니다.\n`);
    second.finish();
    expect(keptFiles()).toHaveLength(1);
    const third = await buildCompiler();
    await third.compile(`${POST}\n고쳤습니다.\n`);
    expect(third.calls().compiles).toBe(0);
  });

  it("a post's code blocks stay highlighted while the post comes from the cache, for the day it is edited", async () => {
    const first = await buildCompiler();
    await first.compile();
    first.finish();
    // Two builds where the post is not compiled: its block must not be dropped from the highlight cache.
    for (let i = 0; i < 2; i++) {
      const kept = await buildCompiler();
      await kept.compile();
      kept.finish();
    }
    const edited = await buildCompiler();
    await edited.compile(POST.replace('소셜 미디어 운영', '소셜 미디어 운영 (고침)'));
    expect(edited.calls()).toEqual({ compiles: 1, highlights: 0 });
  });

  it('keeps nothing of a post whose hydrated component Astro resolved on disk', async () => {
    const compiler = await buildCompiler();
    const island = "import Counter from './Counter.jsx';\n\n<Counter client:load />\n";
    const compiled = await compiler.compile(island);
    expect(compiled.astroMetadata?.hydratedComponents).toHaveLength(1);
    compiler.finish();
    expect(keptFiles()).toEqual([]);
    const again = await buildCompiler();
    await again.compile(island);
    expect(again.calls().compiles).toBe(1);
  });

  it('keeps nothing of a compile that fails: the error comes again', async () => {
    const broken = '# 제목\n\n<Callout>\n닫지 않은 태그\n';
    for (let i = 0; i < 2; i++) {
      const compiler = await buildCompiler();
      await expect(compiler.compile(broken)).rejects.toThrow();
      compiler.finish();
    }
    expect(keptFiles()).toEqual([]);
  });

  it("ignores another version's results and removes them after a build", async () => {
    const old = await buildCompiler({ version: 'v0' });
    await old.compile();
    old.finish();
    const current = await buildCompiler();
    await current.compile();
    expect(current.calls().compiles).toBe(1);
    current.finish();
    expect(readdirSync(cacheDir)).toEqual(['v1']);
  });

  it('compiles a post again when its kept file is unreadable', async () => {
    const first = await buildCompiler();
    await first.compile();
    first.finish();
    for (const name of keptFiles()) writeFileSync(join(cacheDir, 'v1', name), '{ "result": { "code": 1');
    const second = await buildCompiler();
    expect((await second.compile()).code).toContain('성장');
    expect(second.calls().compiles).toBe(1);
  });

  it('renderer options it cannot write down (a cycle) keep nothing, and still compile', async () => {
    const cyclic: Record<string, unknown> = { ...RENDERER_ARGS[0] };
    cyclic.self = cyclic;
    for (let i = 0; i < 2; i++) {
      const compiler = await buildCompiler({ rendererArgs: [cyclic, RENDERER_ARGS[1]] });
      expect((await compiler.compile()).code).toContain('성장');
      expect(compiler.calls().compiles).toBe(1);
      compiler.finish();
    }
    expect(keptFiles()).toEqual([]);
  });

  it('a dev server (write: false) reads kept results but writes and removes none', async () => {
    const build = await buildCompiler();
    await build.compile();
    build.finish();
    const dev = await buildCompiler({ write: false });
    await dev.compile();
    await dev.compile(`${POST}\n개발 서버에서 고침\n`);
    dev.finish();
    expect(dev.calls().compiles).toBe(1);
    expect(keptFiles()).toHaveLength(1);
  });
});

describe('the compiler version', () => {
  function site(): string {
    const root = join(dir, 'site');
    mkdirSync(join(root, 'src/lib'), { recursive: true });
    mkdirSync(join(root, 'node_modules'), { recursive: true });
    writeFileSync(join(root, 'astro.config.mjs'), 'export default {};\n');
    writeFileSync(join(root, 'src/lib/plugin.ts'), 'export const plugin = 1;\n');
    writeFileSync(join(root, 'node_modules/.package-lock.json'), '{"packages":{"node_modules/satteri":{"version":"0.10.5"}}}');
    return root;
  }

  it('changes with the config, any file under src/ and the installed packages, and only with them', () => {
    const root = site();
    const config = join(root, 'astro.config.mjs');
    const version = compileVersion(root, config);
    expect(compileVersion(root, config)).toBe(version);
    const changes: [string, string][] = [
      ['astro.config.mjs', 'export default { markdown: {} };\n'],
      ['src/lib/plugin.ts', 'export const plugin = 2;\n'],
      ['src/plugins/new-plugin.ts', 'export default 1;\n'],
      ['node_modules/.package-lock.json', '{"packages":{"node_modules/satteri":{"version":"0.11.0"}}}'],
    ];
    let previous = version;
    for (const [file, text] of changes) {
      mkdirSync(join(root, file, '..'), { recursive: true });
      writeFileSync(join(root, file), text);
      const next = compileVersion(root, config);
      expect(next, file).not.toBe(previous);
      previous = next;
    }
    // Content and build output are not the compiler.
    mkdirSync(join(root, 'content/posts'), { recursive: true });
    writeFileSync(join(root, 'content/posts/a.mdx'), '# 글\n');
    expect(compileVersion(root, config)).toBe(previous);
  });
});
