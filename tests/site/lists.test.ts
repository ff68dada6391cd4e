import { describe, expect, it } from 'vitest';
import { gunzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtFiles, htmlPages, page } from '../support/html';
import { getBuild } from '../support/sites';
import { FULL_PAGE_TAG, ONE_TAG, PAGE_SIZE } from '../support/sites-core';
import { tagUrl } from '@/lib/urls';
import { defaultCategory } from '../support/fixtures';
import { BLOG, BLOG_NOW, BLOG_SITE_URL, blogContentDir, DRAFT, SCHEDULED } from '../support/sites-blog';
import { midnightIn, publishedPosts, readPosts, site as config } from '../support/source';

const titles = (site: string, path: string) => {
  const $ = page(site, path);
  return $('.post-card h2').map((_, el) => $(el).text().trim()).get();
};

describe('pagination at the boundaries', () => {
  it('0 published posts (a draft only): one home page with an empty state, no page 2', () => {
    expect(getBuild('posts-0').ok, getBuild('posts-0').output.slice(-2000)).toBe(true);
    const $ = page('posts-0', '/');
    expect($('.post-card').length).toBe(0);
    expect($('.post-list .empty').text()).toContain('아직 게시된 글이 없습니다');
    expect($('nav.pagination').length).toBe(0);
    expect(htmlPages('posts-0')).not.toContain('/page/2/');
    expect(page('posts-0', `/categories/${defaultCategory}/`)('.empty').text()).toContain('이 분류에는 아직 글이 없습니다');
    expect(page('posts-0', '/archive/')('main').text()).toContain('아직 게시된 글이 없습니다');
  });

  it('1 post: one page, no pagination', () => {
    const site = `posts-${PAGE_SIZE + 1}`;
    expect(titles(site, tagUrl(ONE_TAG))).toEqual(['글 1']);
    expect(page(site, tagUrl(ONE_TAG))('nav.pagination').length).toBe(0);
    expect(htmlPages(site)).not.toContain(tagUrl(ONE_TAG, 2));
  });

  it(`${PAGE_SIZE} posts (a full page): one page, newest first`, () => {
    const site = `posts-${PAGE_SIZE + 1}`;
    expect(titles(site, tagUrl(FULL_PAGE_TAG))).toEqual(Array.from({ length: PAGE_SIZE }, (_, i) => `글 ${PAGE_SIZE - i}`));
    expect(htmlPages(site)).not.toContain(tagUrl(FULL_PAGE_TAG, 2));
    expect(page(site, tagUrl(FULL_PAGE_TAG))('nav.pagination').length).toBe(0);
  });

  it(`${PAGE_SIZE + 1} posts: page 2 holds the oldest post and links back`, () => {
    const site = `posts-${PAGE_SIZE + 1}`;
    expect(titles(site, '/')).toHaveLength(PAGE_SIZE);
    expect(titles(site, '/page/2/')).toEqual(['글 1']);
    expect(htmlPages(site)).not.toContain('/page/3/');
    const first = page(site, '/');
    expect(first('a[rel="next"]').attr('href')).toBe('/page/2/');
    expect(first('a[rel="prev"]').length).toBe(0);
    const second = page(site, '/page/2/');
    expect(second('a[rel="prev"]').attr('href')).toBe('/');
    expect(second('[aria-current="page"]').last().text()).toBe('2');
    expect(second('title').text()).toContain('(2쪽)');
    // The same list component paginates categories, tags and authors.
    expect(titles(site, `/categories/${defaultCategory}/page/2/`)).toEqual(['글 1']);
    expect(titles(site, '/authors/kim/page/2/')).toEqual(['글 1']);
    expect(titles(site, '/tags/트위터/page/2/')).toEqual(['글 1']);
  });
});

describe('one rule decides what is published (blog fixture)', () => {
  const site = BLOG;
  const all = readPosts(blogContentDir);
  const published = publishedPosts(blogContentDir, BLOG_NOW);
  const unpublished = all.filter((p) => !published.some((q) => q.slug === p.slug));

  it('lists the newest published posts first; drafts and scheduled posts are in no built file', () => {
    expect(getBuild(site).ok, getBuild(site).output.slice(-2000)).toBe(true);
    expect(titles(site, '/')).toEqual(published.slice(0, config.pageSize).map((p) => p.data.title));
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
