/**
 * A build at time T publishes exactly the posts with pubDate <= T: posts a second before, at,
 * and a second after T, bare days (midnight in Seoul) and UTC times around it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getBuild } from '../support/sites';
import { schedulePosts, SCHEDULE_TIME } from '../support/sites-writing';

describe(`a build at ${SCHEDULE_TIME}`, () => {
  const build = () => getBuild('writing-schedule');

  it('succeeds', () => {
    expect(build().ok, build().output).toBe(true);
  });

  it.each(schedulePosts)('$slug (pubDate $pubDate): published = $published', ({ slug, published }) => {
    const { outDir } = build();
    expect(existsSync(join(outDir, 'posts', slug, 'index.html'))).toBe(published);
    const home = readFileSync(join(outDir, 'index.html'), 'utf8');
    expect(home.includes(`/posts/${slug}/`)).toBe(published);
    const rss = readFileSync(join(outDir, 'rss.xml'), 'utf8');
    expect(rss.includes(`/posts/${slug}/`)).toBe(published);
  });

  it('puts exactly the published posts in the sitemap', () => {
    const { outDir } = build();
    const sitemap = readFileSync(join(outDir, 'sitemap-0.xml'), 'utf8');
    const inSitemap = schedulePosts.filter(({ slug }) => sitemap.includes(`/posts/${slug}/`)).map((p) => p.slug);
    expect(inSitemap).toEqual(schedulePosts.filter((p) => p.published).map((p) => p.slug));
  });
});
