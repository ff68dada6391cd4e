import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserContext, type Page } from 'playwright-core';
import { axeContext, axeViolations } from '../support/axe';
import { browseBuiltSites } from '../support/static-server';
import { BLOG } from '../support/sites-blog';
import { site as config } from '../support/source';

/** Blog fixture pages: a post with a hero image, one with a table, footnotes, code and an image, lists and the 404 page. */
const POST = '/posts/with-hero/';
const CATEGORY = `/categories/${config.categories.at(-1)!.id}/`;
// One page of each layout: category, tag and author lists share one list page, so the category stands for them.
const PAGES = ['/', POST, '/posts/gfm/', '/archive/', CATEGORY, '/404.html'];
/**
 * One page of every kind a reader can open, for axe: each list layout, a second page, the indexes,
 * posts with and without a hero, code and a table, the operations report, the 404 page and the
 * search page before a search (tests/browser/search.test.ts checks it with results,
 * tests/browser/charts.test.ts the survey pages and a post with charts, once drawn).
 */
const EVERY_KIND = [
  '/',
  '/page/2/',
  '/archive/',
  '/authors/',
  '/authors/kim/',
  '/categories/',
  CATEGORY,
  '/tags/',
  '/tags/트위터/',
  POST,
  '/posts/gfm/',
  '/posts/plain-post/',
  '/search/',
  '/about/operations/',
  '/404.html',
];

const sites = browseBuiltSites(BLOG);


async function open(path: string, options: { width?: number; scheme?: 'light' | 'dark' } = {}): Promise<{ page: Page; errors: string[]; fonts: string[] }> {
  const page = await sites.browser.newPage({ viewport: { width: options.width ?? 1024, height: 800 }, colorScheme: options.scheme ?? 'light' });
  const errors: string[] = [];
  const fonts: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('request', (r) => r.url().endsWith('.woff2') && fonts.push(r.url()));
  await page.goto(sites.server(BLOG).url + encodeURI(path), { waitUntil: 'networkidle' });
  return { page, errors, fonts };
}

/** Goes to a page in an open tab, as a reader following a link would, and waits for its fonts. */
async function visit(page: Page, path: string): Promise<void> {
  const response = await page.goto(sites.server(BLOG).url + encodeURI(path), { waitUntil: 'load' });
  expect(response?.status(), path).toBe(200);
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
}

for (const scheme of ['light', 'dark'] as const) {
  describe(`every kind of page in ${scheme} mode: no axe violations, WCAG A/AA and best practices`, () => {
    // One tab for them all, following links as a reader would: axe is compiled once per context.
    let context: BrowserContext;
    let page: Page;
    beforeAll(async () => {
      context = await axeContext(sites.browser, { colorScheme: scheme });
      page = await context.newPage();
    });
    afterAll(async () => {
      await context?.close();
    });

    it.each(EVERY_KIND)(`%s (${scheme})`, async (path) => {
      await visit(page, path);
      expect(await axeViolations(page)).toEqual([]);
    });
  });
}

describe('reading the blog in Chromium', () => {
  it('the first Tab focuses the skip link, which moves focus to the main content', async () => {
    const { page } = await open(POST);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('본문 바로가기');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).not.toBe('none');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => location.hash)).toBe('#main');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    await page.close();
  });

  it('reads at 320 px without sideways scrolling', async () => {
    const page = await sites.browser.newPage({ viewport: { width: 320, height: 800 } });
    for (const path of PAGES) {
      await visit(page, path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
    await page.close();
  });

  it("reads in the reader's own Korean font, downloading no web font, and runs no script", async () => {
    const { page, errors, fonts } = await open(POST);
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    // No font file: a web font cost every page a layout shift or a late first paint (docs/audit.md).
    expect(fonts).toEqual([]);
    const family = await page.evaluate(() => getComputedStyle(document.body).fontFamily);
    expect(family).toMatch(/Apple SD Gothic Neo/);
    expect(family).toMatch(/Noto Sans KR/);
    expect(await page.evaluate(() => document.scripts.length - document.querySelectorAll('script[type="application/ld+json"]').length)).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});
