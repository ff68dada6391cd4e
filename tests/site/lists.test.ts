import { describe, expect, it } from 'vitest';
import { gunzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtFiles, htmlPages, page } from '../support/html';
import { getBuild } from '../support/sites';
import { BLOG, BLOG_NOW, BLOG_SITE_URL, blogContentDir, DRAFT, SCHEDULED } from '../support/sites-blog';
import { midnightIn, publishedPosts, readPosts, site as config, stripControl } from '../support/source';

const titles = (site: string, path: string) => {
  const $ = page(site, path);
  return $('.post-card h2').map((_, el) => $(el).text().trim()).get();
};

describe('one rule decides what is published (blog fixture)', () => {
  const site = BLOG;
  const all = readPosts(blogContentDir);
  const published = publishedPosts(blogContentDir, BLOG_NOW);
  const unpublished = all.filter((p) => !published.some((q) => q.slug === p.slug));

  it('lists the newest published posts first; drafts and scheduled posts are in no built file', () => {
    expect(getBuild(site).ok, getBuild(site).output.slice(-2000)).toBe(true);
    expect(titles(site, '/')).toEqual(published.slice(0, config.pageSize).map((p) => stripControl(p.data.title)));
    expect(unpublished.map((p) => p.slug)).toEqual(expect.arrayContaining([DRAFT.slug, SCHEDULED.slug]));
    expect(unpublished.length).toBeGreaterThan(2);
    const markers = [DRAFT.tag, SCHEDULED.tag, ...unpublished.flatMap((p) => [p.slug, p.data.title as string])];
    const leaks: string[] = [];
    for (const file of builtFiles(site)) {
      const bytes = readFileSync(join(getBuild(site).outDir, file));
      // Pagefind stores its index gzipped; read it as a search engine would.
      const text = file.startsWith('pagefind/') && bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes).toString('utf8') : bytes.toString('utf8');
      for (const marker of markers) {
        if (text.includes(marker) || decodeURIComponent(file).includes(marker)) leaks.push(`${file}: ${marker}`);
      }
    }
    expect(leaks).toEqual([]);
    const pages = htmlPages(site);
    for (const post of published) expect(pages).toContain(`/posts/${post.slug}/`);
    expect(pages.filter((p) => p.startsWith('/posts/'))).toHaveLength(published.length);
  });

  it('the search index holds every published post and nothing else', () => {
    const fragments = builtFiles(site).filter((f) => f.startsWith('pagefind/fragment/'));
    expect(fragments).toHaveLength(published.length);
    const text = fragments.map((f) => gunzipSync(readFileSync(join(getBuild(site).outDir, f))).toString('utf8')).join('');
    for (const post of published.filter((p) => !/[<&"]/.test(p.data.title))) expect(text, post.slug).toContain(post.data.title);
  });

  it('reads a front-matter date-time as written and a bare day as midnight in the site time zone', () => {
    const times = page(site, '/posts/timed/')('article header time');
    // 09:00 at +09:00 is 00:00 UTC, which YAML alone cannot tell from the bare day 2010-07-20.
    expect(times.eq(0).attr('datetime')).toBe('2010-07-20T00:00:00.000Z');
    // updatedDate 2010-07-20 (midnight in the site's time zone) on the day of publication is accepted.
    expect(times.eq(1).attr('datetime')).toBe(new Date(midnightIn('2010-07-20')).toISOString());
    expect(times.eq(1).text()).toBe('2010. 7. 20.');
  });
});

describe('sitemap and robots.txt (blog fixture)', () => {
  const site = BLOG;
  it('the sitemap lists every published page and nothing else', () => {
    const files = builtFiles(site).filter((f) => /^sitemap-\d+\.xml$/.test(f));
    const xml = files.map((f) => readFileSync(join(getBuild(site).outDir, f), 'utf8')).join('');
    const xmlText = (s: string) => s.replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" })[e]!);
    const urls = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => {
      const loc = xmlText(m[1]!);
      expect(loc.startsWith(`${BLOG_SITE_URL}/`), loc).toBe(true);
      return decodeURI(new URL(loc).pathname);
    });
    const pages = htmlPages(site).map((p) => decodeURI(p)).sort();
    expect(urls.sort()).toEqual(pages);
    expect(xml).not.toMatch(/zz-draft-marker|zz-scheduled-marker|second-after|bare-day-tomorrow/);
  });

  it('robots.txt points to the sitemap', () => {
    const robots = readFileSync(join(getBuild(site).outDir, 'robots.txt'), 'utf8');
    expect(robots).toContain(`Sitemap: ${BLOG_SITE_URL}/sitemap-index.xml`);
  });
});
