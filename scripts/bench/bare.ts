/**
 * The floor for `npm run bench`: a bare Astro site on the same posts, with the same Astro and
 * MDX. One page per post (its body, nothing else) and an index linking every post. It is what
 * Astro itself costs for these posts; everything this project adds is measured against it.
 * Written into .tmp/bench/bare/ by the bench (node_modules symlinked to this project's).
 */
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const FILES: Record<string, string> = {
  'package.json': JSON.stringify({ name: 'bench-bare-astro', type: 'module', private: true }, null, 2),
  'astro.config.mjs': `import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';

export default defineConfig({
  site: 'https://example.com',
  integrations: [mdx()],
  outDir: process.env.OUT_DIR || 'dist',
  cacheDir: process.env.ASTRO_CACHE_DIR || './.astro-cache',
});
`,
  'src/content.config.ts': `import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

// The generated posts' own front matter, read loosely: only what the pages show is required.
const posts = defineCollection({
  loader: glob({ base: process.env.BENCH_POSTS_DIR || './posts', pattern: '**/*.{md,mdx}' }),
  schema: z.looseObject({ title: z.string(), pubDate: z.coerce.date() }),
});

export const collections = { posts };
`,
  'src/pages/index.astro': `---
import { getCollection } from 'astro:content';
const posts = (await getCollection('posts')).sort((a, b) => b.data.pubDate.valueOf() - a.data.pubDate.valueOf());
---
<html lang="ko"><head><meta charset="utf-8" /><title>글</title></head>
<body><ul>{posts.map((p) => <li><a href={\`/posts/\${p.id}/\`}>{p.data.title}</a></li>)}</ul></body></html>
`,
  'src/pages/posts/[...slug].astro': `---
import { getCollection, render } from 'astro:content';
export async function getStaticPaths() {
  return (await getCollection('posts')).map((post) => ({ params: { slug: post.id }, props: { post } }));
}
const { post } = Astro.props;
const { Content } = await render(post);
---
<html lang="ko"><head><meta charset="utf-8" /><title>{post.data.title}</title></head>
<body><article><h1>{post.data.title}</h1><Content /></article></body></html>
`,
};

export function writeBareSite(dir: string, nodeModules: string): void {
  rmSync(dir, { recursive: true, force: true });
  for (const [path, text] of Object.entries(FILES)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  symlinkSync(nodeModules, join(dir, 'node_modules'), 'dir');
}
