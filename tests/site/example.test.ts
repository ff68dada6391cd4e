/**
 * content/ as it is: the example site, or a site owner's own content once they replace it. Only
 * facts that hold for ANY valid content are checked here (never an example post, author or
 * survey by name); every behaviour of the site is tested on fixtures written by the tests.
 */
import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { root } from '../support/build-site';
import { feedparser, rssParser } from '../support/feed-readers';
import { fileForUrl, htmlPages } from '../support/html';
import { getBuild, readBuilt } from '../support/sites';
import { publishedPosts, readJsonDir, readPosts, site as config } from '../support/source';

const SITE = 'example';
const contentDir = join(root, 'content');
const out = (path: string) => join(getBuild(SITE).outDir, path);

describe('the content in content/', () => {
  it('builds', () => {
    const build = getBuild(SITE);
    expect(build.ok, build.output.slice(-3000)).toBe(true);
  });

  it('has a home page and a 404 page', () => {
    expect(existsSync(out('index.html'))).toBe(true);
    expect(existsSync(out('404.html'))).toBe(true);
  });

  it('every published post has a page, and no other post does', () => {
    // "Now" as the build took it (the start of the run), so an owner's recent posts count too.
    const { buildTime } = getBuild(SITE);
    expect(buildTime, 'the build records its BUILD_TIME (a build from before it did: run without REUSE_BUILDS)').toBeDefined();
    const published = publishedPosts(contentDir, buildTime!).map((p) => `/posts/${p.slug}/`);
    const pages = htmlPages(SITE).filter((p) => p.startsWith('/posts/'));
    expect(pages.sort()).toEqual(published.sort());
    // Drafts and scheduled posts are read (their files exist) but get no page.
    for (const post of readPosts(contentDir)) expect(pages.includes(`/posts/${post.slug}/`)).toBe(published.includes(`/posts/${post.slug}/`));
  });

  it('every survey has a page with its data files', () => {
    for (const { id } of readJsonDir(contentDir, 'surveys')) {
      for (const file of [`surveys/${id}/index.html`, `surveys/${id}/data.csv`, `surveys/${id}/data.json`]) expect(existsSync(out(file)), file).toBe(true);
    }
  });

  const feeds = ['rss.xml', 'twitter.xml', ...config.categories.map((c) => `categories/${c.id}/rss.xml`)];
  it.each(feeds)('%s is read by feedparser (no bozo) and rss-parser, and links pages that exist', async (path) => {
    const parsed = feedparser(out(path));
    expect(parsed.bozo_exception).toBeNull();
    expect(parsed.bozo).toBe(0);
    expect(parsed.version).toBe('rss20');
    const npm = await rssParser(readBuilt(SITE, path));
    expect(npm.items.map((i) => i.link)).toEqual(parsed.entries.map((e) => e.link));
    for (const entry of parsed.entries) expect(fileForUrl(SITE, new URL(entry.link).pathname), entry.link).toBeDefined();
  });
});
