import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromiumLaunch, serveStatic } from '../support/static-server';
import { getBuild } from '../support/sites';
import { BLOG } from '../support/sites-blog';
import { site as config } from '../support/source';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
/** Blog fixture pages: a post with a hero image, one with a table, footnotes, code and an image, lists and the 404 page. */
const POST = '/posts/with-hero/';
// One page of each layout: category, tag and author lists share one list page, so the category stands for them.
const PAGES = ['/', POST, '/posts/gfm/', '/archive/', `/categories/${config.categories.at(-1)!.id}/`, '/404.html'];

let browser: Browser;
let server: Awaited<ReturnType<typeof serveStatic>>;

beforeAll(async () => {
  // A failed build fails every test here at once, rather than each one timing out on a missing page.
  const build = getBuild(BLOG);
  if (!build.ok) throw new Error(`the blog fixture did not build:\n${build.output.slice(-3000)}`);
  server = await serveStatic(build.outDir);
  browser = await chromium.launch(chromiumLaunch);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(path: string, options: { width?: number; scheme?: 'light' | 'dark' } = {}): Promise<{ page: Page; errors: string[]; fonts: string[] }> {
  const page = await browser.newPage({ viewport: { width: options.width ?? 1024, height: 800 }, colorScheme: options.scheme ?? 'light' });
  const errors: string[] = [];
  const fonts: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('request', (r) => r.url().endsWith('.woff2') && fonts.push(r.url()));
  await page.goto(server.url + encodeURI(path), { waitUntil: 'networkidle' });
  return { page, errors, fonts };
}

/** Goes to a page in an open tab, as a reader following a link would, and waits for its fonts. */
async function visit(page: Page, path: string): Promise<void> {
  const response = await page.goto(server.url + encodeURI(path), { waitUntil: 'load' });
  expect(response?.status(), path).toBe(200);
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
}

describe('reading the blog in Chromium', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`has no WCAG A/AA violations (axe-core) in ${scheme} mode`, async () => {
      const failures: string[] = [];
      const page = await browser.newPage({ viewport: { width: 1024, height: 800 }, colorScheme: scheme });
      for (const path of PAGES) {
        await visit(page, path);
        await page.addScriptTag({ content: axeSource });
        const result = await page.evaluate(async () => {
          // @ts-expect-error axe is injected above
          const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
          return r.violations.map((v: { id: string; nodes: { target: string[] }[] }) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
        });
        failures.push(...result.map((r: string) => `${path} ${r}`));
      }
      await page.close();
      expect(failures).toEqual([]);
    });
  }

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
    const page = await browser.newPage({ viewport: { width: 320, height: 800 } });
    for (const path of PAGES) {
      await visit(page, path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
    await page.close();
  });

  it('uses Pretendard, downloading only the unicode-range subsets the page needs, and runs no script', async () => {
    const { page, errors, fonts } = await open(POST);
    // Font files may still be arriving when the network goes quiet on a busy machine.
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    expect(await page.evaluate(() => document.fonts.check('16px Pretendard', '소셜미디어'))).toBe(true);
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.length).toBeLessThan(184 / 3); // 92 subsets x 2 weights exist
    expect(fonts.every((f) => /Pretendard-(Regular|Bold)\.subset\.\d+\.[\w-]+\.woff2$/.test(f) || /Pretendard-(Regular|Bold)/.test(f))).toBe(true);
    expect(await page.evaluate(() => document.scripts.length - document.querySelectorAll('script[type="application/ld+json"]').length)).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});
