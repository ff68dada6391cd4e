import { describe, expect, it } from 'vitest';
import { astroErrorExcerpt, explainAstroFailure, isHarmlessWarning, isWrapperNoise, lastWorkedOn } from '../../scripts/lib/astro-output';

describe("reading Astro's output for a writer", () => {
  it('names the signal and the last page or file Astro was working on when the process died', () => {
    const log = ['10:00:01 [build] Building static entrypoints...', '10:00:02   ▶ /posts/a/index.html (+5ms)', '10:00:02   ▶ /posts/deep/index.html'].join('\n');
    expect(lastWorkedOn(log)).toBe('/posts/deep/index.html');
    const text = explainAstroFailure(log, 'SIGSEGV');
    expect(text).toContain('오류 빌드 과정이 신호 SIGSEGV(으)로 끝났습니다 · /posts/deep/index.html');
    expect(text).toContain('마지막으로 처리하던 것: /posts/deep/index.html');
    expect(explainAstroFailure('', 'SIGKILL')).toContain('신호 SIGKILL');
    expect(lastWorkedOn('nothing here')).toBeUndefined();
    expect(lastWorkedOn('[content] Reloaded data from content/posts/x.mdx')).toBe('content/posts/x.mdx');
  });

  it("keeps Astro's message and drops its wrapper: stack, location, docs links, the hook-crash line", () => {
    const output = [
      '12:00:00 [ERROR] [vite] Something broke in src/pages/x.astro',
      'An unhandled error occurred while running the "astro:build:done" hook',
      '  Location:',
      '    /work/x/node_modules/astro/dist/a.js:0:0',
      '  Stack trace:',
      '    at run (file:///work/x/node_modules/astro/dist/a.js:1:1)',
      '  See https://docs.astro.build/en/reference/errors/',
    ].join('\n');
    const excerpt = astroErrorExcerpt(output);
    expect(excerpt).toBe('Something broke in src/pages/x.astro');
    for (const line of output.split('\n').slice(1)) expect(isWrapperNoise(line), line).toBe(true);
  });

  it('filters only the warnings known to be harmless', () => {
    expect(isHarmlessWarning('[WARN] [vite] [MODULE_LEVEL_DIRECTIVE] The semantics of the module level directive "use astro:head-inject"')).toBe(true);
    expect(isHarmlessWarning('[WARN] [glob-loader] The base directory "/x/content/surveys/" does not exist.')).toBe(true);
    expect(isHarmlessWarning('[WARN] [glob-loader] The base directory "/x/content/metrics/" does not exist.')).toBe(true);
    expect(isHarmlessWarning('[WARN] [glob-loader] The base directory "/x/content/posts/" does not exist.')).toBe(false);
    // Only drafts and scheduled posts (a new site): the summary says so; no post files at all is refused before Astro runs.
    expect(isHarmlessWarning('[WARN] [content] The collection "posts" does not exist or is empty. Please check your content config file for errors.')).toBe(true);
    expect(isHarmlessWarning('[WARN] [content] The collection "authors" does not exist or is empty.')).toBe(false);
    expect(isHarmlessWarning('[WARN] [images] Could not find image')).toBe(false);
  });
});
