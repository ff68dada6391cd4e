import type { AstroIntegration } from 'astro';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import site from '../site.config.ts';
import { sharedChecks } from '../lib/rules/shared-state.ts';
import { writeSearchIndex } from '../lib/search/write-index.ts';

export interface SearchIndexOptions {
  /**
   * Add the index-only tokens that make words inside Korean compounds findable
   * (src/lib/search/segment.ts). Default true; false only to measure what they cost (docs/search.md).
   */
  infix?: boolean;
}

/**
 * Builds the Pagefind search index from the finished HTML (src/lib/search/write-index.ts), so the
 * index holds exactly the pages the build wrote: drafts and scheduled posts are never built, so
 * never searchable. The built pages are not changed. A copy is kept in Astro's cache folder, and a
 * build whose post pages are all byte for byte the same copies it instead of running Pagefind.
 * SOCIALBENCH_PAGEFIND=0 (`npm run check`'s trial build) reads the pages but does not run
 * Pagefind: that build checks links, which never point into the index. docs/search.md explains
 * and measures it.
 */
export default function searchIndex(options: SearchIndexOptions = {}): AstroIntegration {
  let cacheDir: string | undefined;
  return {
    name: 'socialbench-search-index',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheDir = join(fileURLToPath(config.cacheDir), 'socialbench-search');
      },
      'astro:build:done': async ({ dir, logger }) => {
        const pagefind = process.env.SOCIALBENCH_PAGEFIND !== '0';
        const outDir = fileURLToPath(dir);
        // The writer checks' link check runs while Pagefind's own process writes the index.
        const linkCheck = sharedChecks().linkCheck;
        const whileWriting = linkCheck && (() => linkCheck.run(outDir));
        const written = await writeSearchIndex(outDir, { lang: site.lang, timeZone: site.timeZone, infix: options.infix, pagefind, cacheDir, whileWriting });
        const count = (n: number) => n.toLocaleString('ko-KR');
        const tokens = `복합어 속 낱말을 찾게 하는 색인 전용 토큰 ${count(written.tokens)}개`;
        logger.info(
          !pagefind
            ? `검색 색인처럼 글 페이지 ${count(written.pages)}개를 읽었습니다. Pagefind는 실행하지 않았습니다(SOCIALBENCH_PAGEFIND=0).`
            : written.reused
              ? `글 페이지가 지난 빌드와 모두 같아서, 글 ${count(written.pages)}개의 검색 색인을 캐시에서 복사했습니다(${tokens}).`
              : `글 ${count(written.pages)}개로 검색 색인을 만들었습니다(${tokens}).`,
        );
      },
    },
  };
}
