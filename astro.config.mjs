// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { satteri } from '@astrojs/markdown-satteri';
import { headingAnchors, taskListLabels } from './src/lib/markdown-plugins.mjs';
import searchIndex from './src/integrations/search-index.ts';
import previewUnpublished from './src/integrations/preview-unpublished.ts';
// The one place the site's URL is set (SITE_URL applied there), so feeds and sitemap agree with pages.
import site from './src/site.config.ts';
import { exitOnSiteConfigProblems } from './src/lib/rules/site-config-gate.ts';
import writerChecks from './src/integrations/writer-checks.ts';

// Before Astro reads the config: a wrong field gets a Korean block naming it, not "Invalid URL".
exitOnSiteConfigProblems(site);

export default defineConfig({
  site: site.url,
  trailingSlash: 'always',
  // Open Graph images rasterise off the main thread (resvg renderAsync); let other pages render meanwhile.
  build: { concurrency: 4 },
  outDir: process.env.OUT_DIR || 'dist',
  // Tests give each build its own cache so fixture sites never share a content store.
  cacheDir: process.env.ASTRO_CACHE_DIR || './node_modules/.astro',
  markdown: {
    processor: satteri({
      hastPlugins: [headingAnchors, taskListLabels],
      features: {
        gfm: { footnotes: { label: '각주', backLabel: (n) => `본문의 ${n}번 각주 위치로 돌아가기` } },
      },
    }),
    shikiConfig: { themes: { light: 'github-light', dark: 'github-dark' } },
  },
  // writerChecks last: its link check reads the finished site, search index included.
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
  integrations: [previewUnpublished(), mdx(), sitemap(), searchIndex(), writerChecks()],
});
