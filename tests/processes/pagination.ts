/**
 * Lists at the pagination boundaries: 0, 1, page size and page size + 1 posts, on two small sites
 * built here (tests/support/sites-core.ts) rather than in the global setup, so they are built
 * beside the browser tests instead of before them.
 */
import { load, type CheerioAPI } from 'cheerio';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tagUrl } from '@/lib/urls';
import { buildSite, type BuildResult } from '../support/build-site';
import { defaultCategory } from '../support/fixtures';
import { coreSites, FULL_PAGE_TAG, ONE_TAG, PAGE_SIZE } from '../support/sites-core';

const built = new Map<string, BuildResult>();
function build(name: string): BuildResult {
  const result = buildSite(name, coreSites[name]!());
  built.set(name, result);
  return result;
}

function page(site: string, path: string): CheerioAPI {
  const outDir = built.get(site)!.outDir;
  const clean = decodeURIComponent(path);
  const file = clean.endsWith('/') ? join(outDir, clean, 'index.html') : join(outDir, clean);
  if (!existsSync(file)) throw new Error(`${site}: no built file for ${path}`);
  return load(readFileSync(file, 'utf8'));
}

function htmlPages(site: string): string[] {
  const root = built.get(site)!.outDir;
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? walk(path) : [relative(root, path)];
    });
  return walk(root)
    .filter((f) => f.endsWith('index.html'))
    .map((f) => `/${f.slice(0, -'index.html'.length)}`);
}

const titles = (site: string, path: string) => {
  const $ = page(site, path);
  return $('.post-card h2').map((_, el) => $(el).text().trim()).get();
};

describe('pagination at the boundaries', () => {
  let zero: BuildResult;
  beforeAll(() => {
    zero = build('posts-0');
    const full = build(`posts-${PAGE_SIZE + 1}`);
    expect(full.ok, full.output.slice(-2000)).toBe(true);
  }, 300_000);

  it('0 published posts (a draft only): one home page with an empty state, no page 2', () => {
    expect(zero.ok, zero.output.slice(-2000)).toBe(true);
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

