/**
 * /about/operations/ in Chromium: every chart draws when scrolled to, nothing logs an error, and
 * axe finds no violation (WCAG A/AA and best practices) in either colour scheme, on the blog
 * fixture and on the example site (content/ as it is, which holds the survey figures beside the
 * report when src/site.config.ts names surveys the content has).
 */
import { describe, expect, it } from 'vitest';
import { type Page } from 'playwright-core';
import { addAxe, axeViolations } from '../support/axe';
import { browseBuiltSites } from '../support/static-server';
import { BLOG } from '../support/sites-blog';

const PATH = '/about/operations/';

const sites = browseBuiltSites(BLOG, 'example');


/** Pixels of the i-th chart that are not transparent (0 until it is drawn). */
function painted(page: Page, index: number): Promise<number> {
  return page.evaluate((i) => {
    const canvas = document.querySelectorAll<HTMLCanvasElement>('canvas[data-chart]')[i]!;
    if (canvas.width === 0 || canvas.height === 0) return 0;
    const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    let count = 0;
    for (let p = 3; p < data.length; p += 4) if (data[p]! > 0) count++;
    return count;
  }, index);
}

describe('/about/operations/ in Chromium', () => {
  // Both colour schemes on the page with the survey figures; the blog fixture's has the same parts without them.
  const cases = [
    [BLOG, 'light'],
    ['example', 'light'],
    ['example', 'dark'],
  ] as const;
  for (const [site, colorScheme] of cases) {
    it(`${site}: every chart draws, no error, no axe violation (${colorScheme})`, async () => {
      const context = await sites.browser.newContext({ viewport: { width: 1024, height: 800 }, colorScheme, reducedMotion: 'reduce' });
      await addAxe(context);
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(sites.server(site).url + PATH, { waitUntil: 'load' });
      const charts = await page.locator('canvas[data-chart]').count();
      // At least the weekly posts and the purposes.
      expect(charts).toBeGreaterThanOrEqual(2);
      for (let i = 0; i < charts; i++) {
        await page.locator('canvas[data-chart]').nth(i).scrollIntoViewIfNeeded();
        await expect.poll(() => painted(page, i), { timeout: 10_000 }).toBeGreaterThan(200);
      }
      expect(await axeViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
      await context.close();
    });
  }
});
