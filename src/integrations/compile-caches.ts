import type { AstroIntegration } from 'astro';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MdxCompileCache } from '../lib/markdown/compile-cache.ts';
import type { HighlightCache } from '../lib/markdown/highlight-cache.ts';

/**
 * Gives the compile caches their place in Astro's cache folder: highlighted code blocks
 * (src/lib/markdown/highlight-cache.ts) and compiled MDX posts (src/lib/markdown/compile-cache.ts).
 * After a finished `astro build` each keeps what the build used, and nothing else. `astro dev`
 * reads them but never writes: a dev server compiles only the pages it was asked for, and would
 * otherwise forget the rest.
 */
export default function compileCaches(caches: { highlight: HighlightCache<unknown>; mdx: MdxCompileCache }): AstroIntegration {
  let command = '';
  return {
    name: 'socialbench-compile-caches',
    hooks: {
      'astro:config:setup': (options) => {
        command = options.command;
      },
      'astro:config:done': ({ config }) => {
        const cacheDir = fileURLToPath(config.cacheDir);
        caches.highlight.open(join(cacheDir, 'socialbench-highlight.json'));
        caches.mdx.open(join(cacheDir, 'socialbench-mdx'), { write: command === 'build' });
      },
      'astro:build:done': ({ logger }) => {
        if (command !== 'build') return;
        caches.highlight.save();
        caches.mdx.prune();
        const { kept, compiled } = caches.mdx.counts();
        const count = (n: number) => n.toLocaleString('ko-KR');
        if (kept && compiled) logger.info(`MDX 글 ${count(kept + compiled)}개 중 ${count(kept)}개는 지난 빌드가 변환한 그대로 쓰고, 바뀐 ${count(compiled)}개만 새로 변환했습니다.`);
        else if (kept) logger.info(`MDX 글 ${count(kept)}개 모두 지난 빌드가 변환한 그대로 썼습니다.`);
      },
    },
  };
}
