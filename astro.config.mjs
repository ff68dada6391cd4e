// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { satteri, satteriCreateHighlightFn, satteriHighlightPlugin } from '@astrojs/markdown-satteri';
import { withKoreanMdxProse } from './src/lib/markdown/mdx-renderer.ts';
import { forbiddenCharacters, headingAnchors, mathAsMathml, taskListLabels } from './src/lib/markdown-plugins.mjs';
import { cjkFriendlyEmphasis } from './src/lib/cjk-emphasis.ts';
import { MARKDOWN_FEATURES } from './src/lib/markdown-features.ts';
import searchIndex from './src/integrations/search-index.ts';
import previewUnpublished from './src/integrations/preview-unpublished.ts';
// The one place the site's URL is set (SITE_URL applied there), so feeds and sitemap agree with pages.
import site from './src/site.config.ts';
import { exitOnSiteConfigProblems } from './src/lib/rules/site-config-gate.ts';
import writerChecks from './src/integrations/writer-checks.ts';
import incrementalGuard from './src/integrations/incremental-guard.ts';
import compileCaches from './src/integrations/compile-caches.ts';
import { highlightCache, highlightVersion } from './src/lib/markdown/highlight-cache.ts';
import { compileVersion, mdxCompileCache } from './src/lib/markdown/compile-cache.ts';
import { DIRECTIVES, SCRIPT_SOURCES, STYLE_SOURCES } from './src/lib/csp.ts';
import { CODE_THEMES, codeTransformers } from './src/lib/code-highlight.ts';
import { tableAlignClasses } from './src/lib/table-align.ts';

// Before Astro reads the config: a wrong field gets a Korean block naming it, not "Invalid URL".
exitOnSiteConfigProblems(site);

/**
 * Shiki, with classes instead of style attributes (the CSP allows none): src/lib/code-highlight.ts,
 * colours in src/styles/code.css. It runs as our own first hast plugin, the one Astro would add,
 * with markdown.syntaxHighlight off: Astro warns about Shiki's inline styles whenever its own
 * Shiki is on, and these code blocks have none. Same order as Astro's: highlighting first.
 * @type {ReturnType<typeof satteriCreateHighlightFn> | undefined}
 */
let highlighter;
/** @type {(code: string, lang: string, meta?: string) => Promise<any>} */
const highlight = async (code, lang, meta) => {
  highlighter ??= satteriCreateHighlightFn('shiki', { themes: { ...CODE_THEMES }, transformers: codeTransformers() });
  const fn = await highlighter;
  if (!fn) throw new Error('Shiki did not start');
  return fn(code, lang, meta);
};
/** The same, answered from the last build's results for code it already highlighted (src/lib/markdown/highlight-cache.ts). */
const codeHighlight = highlightCache(highlight, highlightVersion({ themes: CODE_THEMES }));
/**
 * Each MDX post compiled by an earlier build from the same text, with the same config, src/ and
 * packages, is taken from there instead of compiled again (src/lib/markdown/compile-cache.ts).
 */
const compiledMdx = mdxCompileCache(compileVersion(import.meta.dirname, import.meta.filename), codeHighlight);

export default defineConfig({
  site: site.url,
  trailingSlash: 'always',
  // Pages render four at a time, so one page's file reads and writes overlap another's rendering.
  build: { concurrency: 4 },
  outDir: process.env.OUT_DIR || 'dist',
  // Tests give each build its own cache so fixture sites never share a content store.
  cacheDir: process.env.ASTRO_CACHE_DIR || './node_modules/.astro',
  // A page whose key (src/data/page-keys.ts) and code are unchanged since the last build is copied
  // from the cache above instead of rendered (src/integrations/incremental-guard.ts: not after a build
  // stopped while writing pages). SOCIALBENCH_INCREMENTAL=0 renders every page.
  experimental: { incrementalBuild: process.env.SOCIALBENCH_INCREMENTAL !== '0' },
  markdown: {
    // In .mdx, `<성장>`, `1,000원 < 2,000원`, `<br>`, `<!-- 메모 -->` and `<https://…>` are what the writer means (src/lib/markdown/mdx-prose.ts).
    processor: withKoreanMdxProse(satteri({
      // Emphasis next to Korean (`**“도구”**를`) by the CJK-friendly rules: src/lib/cjk-emphasis.ts.
      mdastPlugins: [cjkFriendlyEmphasis(MARKDOWN_FEATURES)],
      // Maths before the highlighter, which would otherwise take `$$` blocks for code.
      hastPlugins: [mathAsMathml, satteriHighlightPlugin(codeHighlight.highlight, undefined), headingAnchors, taskListLabels, tableAlignClasses, forbiddenCharacters],
      // The same features as the writer checks and the emphasis plugin's re-parse: src/lib/markdown-features.ts.
      features: MARKDOWN_FEATURES,
    }), compiledMdx),
    // Highlighting is the first hast plugin above (Shiki without style attributes).
    syntaxHighlight: false,
  },
  // writerChecks after searchIndex: its link check runs while Pagefind's process writes the index
  // (the pages link nothing inside it), and its summary when everything is written.
  // Test builds and caches live in .tmp/; the dev server must not watch them (test content in .tmp/fixtures it must).
  vite: {
    server: { watch: { ignored: ['**/.tmp/sites/**', '**/.tmp/cache/**', '**/dist/**', '**/.dist-*/**'] } },
    build: {
      rolldownOptions: {
        // Astro marks every MDX module "use astro:head-inject"; the bundler's notice about it is harmless and repeats per post.
        onwarn(warning, warn) {
          if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
        },
      },
    },
  },
  integrations: [incrementalGuard(), compileCaches({ highlight: codeHighlight, mdx: compiledMdx }), previewUnpublished(), mdx(), sitemap(), searchIndex(), writerChecks()],
  // A Content-Security-Policy <meta> in every page, with the hashes of the scripts and <style>
  // elements Astro emits; the same policy (plus frame-ancestors) is public/_headers' header. No
  // 'unsafe-inline': see src/lib/csp.ts and docs/deploy.md.
  security: {
    csp: {
      algorithm: 'SHA-256',
      directives: [...DIRECTIVES],
      scriptDirective: { resources: [...SCRIPT_SOURCES] },
      styleDirective: { resources: [...STYLE_SOURCES] },
    },
  },
});
