import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { axeContext, axeViolations } from '../support/axe';
import { browseBuiltSites } from '../support/static-server';
import { XSS } from '../support/sites-surveys';
import { BLOG, blogContentDir } from '../support/sites-blog';
import { readJsonDir } from '../support/source';

/** The blog fixture's surveys, the hostile one last: the ordinary ones are drawn and checked first. */
const surveyIds = readJsonDir(blogContentDir, 'surveys')
  .map((s) => s.id)
  .sort((a, b) => Number(a === 'xss-survey') - Number(b === 'xss-survey') || a.localeCompare(b));
const ARTICLE = '/posts/survey-comparison/';
const CHART_PAGES = [...surveyIds.map((id) => `/surveys/${id}/`), ARTICLE];

const sites = browseBuiltSites(BLOG);


interface Opened {
  page: Page;
  errors: string[];
  dialogs: string[];
  offsite: string[];
}

async function open(server: { url: string }, path: string, options: BrowserContextOptions = {}): Promise<Opened> {
  const context = await sites.browser.newContext({ viewport: { width: 1024, height: 700 }, ...options });
  const page = await context.newPage();
  const opened: Opened = { page, errors: [], dialogs: [], offsite: [] };
  page.on('console', (m) => m.type() === 'error' && opened.errors.push(m.text()));
  page.on('pageerror', (e) => opened.errors.push(e.message));
  page.on('dialog', (d) => {
    opened.dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('request', (r) => !r.url().startsWith(server.url) && !r.url().startsWith('data:') && opened.offsite.push(r.url()));
  await page.goto(server.url + encodeURI(path), { waitUntil: 'load' });
  return opened;
}

/** Pixels of a chart canvas that are not transparent (0 while the chart is not drawn). */
function paintedPixels(page: Page, index: number): Promise<number> {
  return page.evaluate((i) => {
    const canvas = document.querySelectorAll<HTMLCanvasElement>('canvas[data-chart]')[i]!;
    if (canvas.width === 0 || canvas.height === 0) return 0;
    const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    let painted = 0;
    for (let p = 3; p < data.length; p += 4) if (data[p]! > 0) painted++;
    return painted;
  }, index);
}

/** Scrolls each chart into view, as a reader would, and waits until it is drawn. */
async function drawEveryChart(page: Page): Promise<number> {
  const count = await page.locator('canvas[data-chart]').count();
  for (let i = 0; i < count; i++) {
    await page.locator('canvas[data-chart]').nth(i).scrollIntoViewIfNeeded();
    await expect.poll(() => paintedPixels(page, i), { timeout: 10_000 }).toBeGreaterThan(500);
  }
  return count;
}

/** Distinct colours painted on a canvas, as "r,g,b". */
function colours(page: Page, index: number): Promise<string[]> {
  return page.evaluate((i) => {
    const canvas = document.querySelectorAll<HTMLCanvasElement>('canvas[data-chart]')[i]!;
    const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    const seen = new Set<string>();
    for (let p = 0; p < data.length; p += 4) if (data[p + 3] === 255) seen.add(`${data[p]},${data[p + 1]},${data[p + 2]}`);
    return [...seen];
  }, index);
}

/** "#6b8fd6" or "rgb(107, 143, 214)" -> "107,143,214" */
function rgb(css: string): string {
  const hex = /^#([\da-f]{2})([\da-f]{2})([\da-f]{2})$/i.exec(css.trim());
  if (hex) return hex.slice(1).map((h) => parseInt(h, 16)).join(',');
  return (css.match(/\d+/g) ?? []).slice(0, 3).join(',');
}

describe('survey charts in Chromium', () => {
  it.each(CHART_PAGES)('%s: every chart draws, with no console errors and no request off the site', async (path) => {
    const { page, errors, offsite } = await open(sites.server(BLOG), path);
    const count = await drawEveryChart(page);
    expect(count).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    expect(offsite).toEqual([]);
    await page.context().close();
  });

  it('creates a chart only when it nears the viewport', async () => {
    const { page } = await open(sites.server(BLOG), ARTICLE, { viewport: { width: 1024, height: 600 } });
    const last = (await page.locator('canvas[data-chart]').count()) - 1;
    await page.waitForTimeout(1000);
    expect(await paintedPixels(page, last)).toBe(0);
    await page.locator('canvas[data-chart]').nth(last).scrollIntoViewIfNeeded();
    await expect.poll(() => paintedPixels(page, last), { timeout: 10_000 }).toBeGreaterThan(500);
    await page.context().close();
  });

  it('takes its colours from the CSS custom properties, so dark mode recolours it', async () => {
    const painted: Record<string, string[]> = {};
    const expected: Record<string, string> = {};
    for (const colorScheme of ['light', 'dark'] as const) {
      const { page } = await open(sites.server(BLOG), `/surveys/${surveyIds[0]}/`, { colorScheme });
      await drawEveryChart(page);
      painted[colorScheme] = await colours(page, 0);
      expected[colorScheme] = rgb(await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--chart-bar')));
      await page.context().close();
    }
    expect(expected.light).not.toBe(expected.dark);
    expect(painted.light).toContain(expected.light);
    expect(painted.light).not.toContain(expected.dark);
    expect(painted.dark).toContain(expected.dark);
    expect(painted.dark).not.toContain(expected.light);
  });

  /** The first frame in which the first chart shows anything, and the frame a second later. */
  async function firstAndSettledFrames(reducedMotion: 'reduce' | 'no-preference'): Promise<[string, string]> {
    const { page } = await open(sites.server(BLOG), `/surveys/${surveyIds[0]}/`, { reducedMotion, viewport: { width: 1024, height: 400 } });
    const first = await page.evaluate(async () => {
      const canvas = document.querySelector<HTMLCanvasElement>('canvas[data-chart]')!;
      canvas.scrollIntoView();
      const blank = (c: HTMLCanvasElement) => c.width === 0 || !c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data.some((v, i) => i % 4 === 3 && v > 0);
      for (let frame = 0; frame < 600; frame++) {
        await new Promise((r) => requestAnimationFrame(r));
        if (!blank(canvas)) return canvas.toDataURL();
      }
      return 'never drawn';
    });
    await page.waitForTimeout(1200);
    const settled = await page.evaluate(() => document.querySelector<HTMLCanvasElement>('canvas[data-chart]')!.toDataURL());
    await page.context().close();
    return [first, settled];
  }

  it('does not animate under prefers-reduced-motion (and does otherwise)', async () => {
    const [reducedFirst, reducedSettled] = await firstAndSettledFrames('reduce');
    expect(reducedFirst).not.toBe('never drawn');
    expect(reducedFirst).toBe(reducedSettled);
    const [movingFirst, movingSettled] = await firstAndSettledFrames('no-preference');
    expect(movingFirst).not.toBe(movingSettled);
  });
});

/** The survey index, every survey page and the comparison article (the hostile survey's page is the same layout; its text is checked below). */
const AXE_PAGES = ['/surveys/', ...CHART_PAGES.filter((p) => p !== '/surveys/xss-survey/')];

for (const colorScheme of ['light', 'dark'] as const) {
  describe(`survey pages in ${colorScheme} mode, charts drawn: no axe violations, WCAG A/AA and best practices`, () => {
    // One tab for them all: axe is compiled once per context. Charts drawn at once, not animated:
    // axe reads the page as it ends up.
    let context: BrowserContext;
    let page: Page;
    beforeAll(async () => {
      context = await axeContext(sites.browser, { viewport: { width: 1024, height: 700 }, colorScheme, reducedMotion: 'reduce' });
      page = await context.newPage();
    });
    afterAll(async () => {
      await context?.close();
    });

    it.each(AXE_PAGES)(`%s (${colorScheme})`, async (path) => {
      await page.goto(sites.server(BLOG).url + encodeURI(path), { waitUntil: 'load' });
      // A chart that does not draw fails the tests above; axe still reads the rest.
      await drawEveryChart(page).catch(() => undefined);
      expect(await axeViolations(page)).toEqual([]);
    });
  });
}

describe('hostile survey text in Chromium (blog fixture, xss-survey)', () => {
  it.each(['/surveys/xss-survey/', '/posts/with-chart/'])('%s shows `</script><script>alert(1)</script>` as text and runs nothing', async (path) => {
    const { page, errors, dialogs } = await open(sites.server(BLOG), path);
    await drawEveryChart(page);
    await page.waitForTimeout(300);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    const figure = page.locator('figure[data-question="q"]');
    await expect.poll(() => figure.locator('tbody th').first().textContent()).toBe(XSS);
    expect(await figure.locator('canvas').getAttribute('aria-label')).toContain(XSS);
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    await page.context().close();
  });
});
