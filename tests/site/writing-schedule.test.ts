/**
 * A build at time T publishes exactly the posts with pubDate <= T: posts a second before, at,
 * and a second after T, bare days (midnight in the site's time zone) and UTC times around it.
 * They are part of the blog fixture, built at T (tests/support/sites-blog.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getBuild } from '../support/sites';
import { BLOG, BLOG_NOW, schedulePosts } from '../support/sites-blog';

describe(`a build at ${BLOG_NOW}`, () => {
  const build = () => getBuild(BLOG);

  it('succeeds', () => {
    expect(build().ok, build().output.slice(-3000)).toBe(true);
  });

  it('the cases straddle the build time', () => {
    expect(schedulePosts.filter((p) => p.published).length).toBeGreaterThan(0);
    expect(schedulePosts.filter((p) => !p.published).length).toBeGreaterThan(0);
  });

  it.each(schedulePosts)('$slug (pubDate $pubDate): published = $published', ({ slug, published }) => {
    const { outDir } = build();
    expect(existsSync(join(outDir, 'posts', slug, 'index.html'))).toBe(published);
    // The published ones are the newest posts of the fixture: all on the home page and in the feed.
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
