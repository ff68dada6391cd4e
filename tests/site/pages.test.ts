import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { builtFiles, fileForUrl, htmlPages, page } from '../support/html';
import { getBuild } from '../support/sites';
import { BLOG } from '../support/sites-blog';
import { site as config } from '../support/source';

const site = BLOG;

describe('blog fixture site', () => {
  it('builds', () => {
    const build = getBuild(site);
    expect(build.ok, build.output.slice(-3000)).toBe(true);
  });

  it('has every page type', () => {
    const pages = htmlPages(site);
    for (const prefix of ['/', '/page/2/', '/posts/', '/categories/', '/tags/', '/authors/', '/archive/', '/search/', '/surveys/']) {
      expect(pages.some((p) => p.startsWith(prefix)), prefix).toBe(true);
    }
    for (const file of ['404.html', 'robots.txt', 'sitemap-index.xml', 'rss.xml', 'twitter.xml']) {
      expect(builtFiles(site), file).toContain(file);
    }
    for (const { id } of config.categories) expect(pages, id).toContain(`/categories/${id}/`);
  });

  it('every local link and image on every page resolves to a built file', () => {
    const broken: string[] = [];
    for (const path of [...htmlPages(site), '/404.html']) {
      const $ = page(site, path);
      $('a[href], link[href], img[src], script[src], source[srcset], img[srcset]').each((_, el) => {
        const attrs = ['href', 'src', 'srcset'].map((a) => $(el).attr(a)).filter((v): v is string => !!v);
        for (const value of attrs) {
          const urls = value.includes(',') || /\s\d+w/.test(value) ? value.split(',').map((s) => s.trim().split(/\s+/)[0]!) : [value];
          for (const url of urls) {
            if (/^(https?:|mailto:|data:|#)/.test(url) || url === '') continue;
            const resolved = new URL(url, `https://x${path}`).pathname;
            if (!fileForUrl(site, resolved)) broken.push(`${path} -> ${url}`);
          }
        }
      });
    }
    expect(broken).toEqual([]);
  });

  it('every in-page anchor has a target', () => {
    const broken: string[] = [];
    for (const path of htmlPages(site).filter((p) => p.startsWith('/posts/'))) {
      const $ = page(site, path);
      $('a[href^="#"]').each((_, el) => {
        const id = decodeURIComponent($(el).attr('href')!.slice(1));
        if (id && $(`[id="${id}"]`).length === 0) broken.push(`${path}#${id}`);
      });
    }
    expect(broken).toEqual([]);
  });

  it('pages are Korean and accessible by structure', () => {
    for (const path of ['/', '/archive/', `/categories/${config.categories[0]!.id}/`, '/authors/kim/', '/tags/트위터/', '/posts/gfm/', '/surveys/', '/404.html']) {
      const $ = page(site, path);
      expect($('html').attr('lang'), path).toBe(config.lang);
      const firstFocusable = $('a[href], button, input, select, textarea').first();
      expect(firstFocusable.text(), path).toBe('본문 바로가기');
      expect(firstFocusable.attr('href')).toBe('#main');
      expect($('main#main').length, path).toBe(1);
      expect($('header').length && $('footer').length && $('nav').length, path).toBeTruthy();
      expect($('h1').length, path).toBe(1);
    }
  });

  it('the 404 page is in Korean', () => {
    const html = readFileSync(fileForUrl(site, '/404.html')!, 'utf8');
    expect(html).toContain('페이지를 찾을 수 없습니다');
  });
});
