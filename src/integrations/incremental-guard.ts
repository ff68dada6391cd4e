import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { doneGenerating, startGenerating } from '../lib/incremental-guard.ts';

/** Keeps Astro's incremental build from copying pages a stopped build left (src/lib/incremental-guard.ts). */
export default function incrementalGuard(): AstroIntegration {
  let cacheDir = '';
  return {
    name: 'socialbench-incremental-guard',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheDir = fileURLToPath(config.cacheDir);
      },
      'astro:build:start': ({ logger }) => {
        if (startGenerating(cacheDir)) logger.info('지난 빌드가 페이지를 쓰다가 멈췄습니다: 이번에는 모든 페이지를 새로 만듭니다.');
      },
      'astro:build:generated': () => doneGenerating(cacheDir),
    },
  };
}
