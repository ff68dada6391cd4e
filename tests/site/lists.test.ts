import { describe, expect, it } from 'vitest';
import { gunzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtFiles, htmlPages, page } from '../support/html';
import { getBuild } from '../support/sites';
import { PAGE_SIZE } from '../support/sites-core';

const titles = (site: string, path: string) => {
  const $ = page(site, path);
  return $('.post-card h2').map((_, el) => $(el).text().trim()).get();
};

describe('pagination at the boundaries', () => {
  it('0 posts: one home page with an empty state, no page 2', () => {
    expect(getBuild('posts-0').ok, getBuild('posts-0').output.slice(-2000)).toBe(true);
    const $ = page('posts-0', '/');
    expect($('.post-card').length).toBe(0);
    expect($('.post-list .empty').text()).toContain('아직 게시된 글이 없습니다');
    expect($('nav.pagination').length).toBe(0);
    expect(htmlPages('posts-0')).not.toContain('/page/2/');
    expect(page('posts-0', '/categories/marketing/')('.empty').text()).toContain('이 분류에는 아직 글이 없습니다');
    expect(page('posts-0', '/archive/')('main').text()).toContain('아직 게시된 글이 없습니다');
  });

  it('1 post: one page, no pagination', () => {
    expect(titles('posts-1', '/')).toEqual(['글 1']);
    expect(page('posts-1', '/')('nav.pagination').length).toBe(0);
    expect(htmlPages('posts-1')).not.toContain('/page/2/');
  });

  it(`${PAGE_SIZE} posts (a full page): one page, newest first`, () => {
    expect(titles(`posts-${PAGE_SIZE}`, '/')).toEqual(Array.from({ length: PAGE_SIZE }, (_, i) => `글 ${PAGE_SIZE - i}`));
    expect(htmlPages(`posts-${PAGE_SIZE}`)).not.toContain('/page/2/');
    expect(page(`posts-${PAGE_SIZE}`, '/')('nav.pagination').length).toBe(0);
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
    expect(titles(site, '/categories/marketing/page/2/')).toEqual(['글 1']);
    expect(titles(site, '/authors/kim/page/2/')).toEqual(['글 1']);
    expect(titles(site, '/tags/트위터/page/2/')).toEqual(['글 1']);
  });
});

describe('one rule decides what is published', () => {
  const site = 'publishing';
  it('a post at the build time is published; a draft and a post one minute later are in no built file', () => {
    expect(getBuild(site).ok, getBuild(site).output.slice(-2000)).toBe(true);
    expect(titles(site, '/')).toEqual(['게시된 글', '시각을 적은 글']);
    const leaks: string[] = [];
    for (const file of builtFiles(site)) {
      const bytes = readFileSync(join(getBuild(site).outDir, file));
      // Pagefind stores its index gzipped; read it as a search engine would.
      const text = file.startsWith('pagefind/') && bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes).toString('utf8') : bytes.toString('utf8');
      for (const marker of ['초안표식글', '예약표식글', 'zz-draft-marker', 'zz-scheduled-marker', '초안전용태그', '예약전용태그']) {
        if (text.includes(marker) || file.includes(marker)) leaks.push(`${file}: ${marker}`);
      }
    }
    expect(leaks).toEqual([]);
    expect(htmlPages(site)).toContain('/posts/published/');
    expect(htmlPages(site).some((p) => p.includes('marker'))).toBe(false);
  });

  it('the search index holds the published posts', () => {
    const fragments = builtFiles(site).filter((f) => f.startsWith('pagefind/fragment/'));
    expect(fragments).toHaveLength(2);
    const text = fragments.map((f) => gunzipSync(readFileSync(join(getBuild(site).outDir, f))).toString('utf8')).join('');
    expect(text).toContain('게시된 글');
  });

  it('reads a front-matter date-time as written and a bare day as midnight in Seoul', () => {
    const times = page(site, '/posts/timed/')('article header time');
    // 09:00 in Seoul is 00:00 UTC, which YAML alone cannot tell from the bare day 2010-08-10.
    expect(times.eq(0).attr('datetime')).toBe('2010-08-10T00:00:00.000Z');
    // updatedDate 2010-08-10 (midnight in Seoul) on the day of publication is accepted.
    expect(times.eq(1).attr('datetime')).toBe('2010-08-09T15:00:00.000Z');
    expect(times.eq(1).text()).toBe('2010. 8. 10.');
  });
});

describe('sitemap and robots.txt', () => {
  const site = 'example';
  it('the sitemap lists every published page and nothing else', () => {
    const files = builtFiles(site).filter((f) => /^sitemap-\d+\.xml$/.test(f));
    const xml = files.map((f) => readFileSync(join(getBuild(site).outDir, f), 'utf8')).join('');
    const urls = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => decodeURI(new URL(m[1]!).pathname)).sort();
    const pages = htmlPages(site).map((p) => decodeURI(p)).sort();
    expect(urls).toEqual(pages);
    expect(xml).not.toMatch(/draft-example|scheduled-example/);
  });

  it('robots.txt points to the sitemap', () => {
    const robots = readFileSync(join(getBuild(site).outDir, 'robots.txt'), 'utf8');
    expect(robots).toContain('Sitemap: https://blog.daon-edu.example/sitemap-index.xml');
  });
});
