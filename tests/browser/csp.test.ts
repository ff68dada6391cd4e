/**
 * The Content-Security-Policy (src/lib/csp.ts) on every kind of page of the blog fixture, served as
 * a host that reads _headers serves it (tests/support/static-server.ts): the header from
 * public/_headers and the <meta> Astro writes, both enforced by Chromium. Each page is used as a
 * reader would use it (charts scrolled into view and drawn, a query typed into search) and must
 * report no `securitypolicyviolation` and no console error. A control shows that the policy does
 * block an inline script and a style attribute, so "no violation" means something.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { readdirSync, readFileSync } from 'node:fs';
import { load } from 'cheerio';
import { join } from 'node:path';
import { DIRECTIVES, headerPolicy, SCRIPT_SOURCES } from '../../src/lib/csp';
import { chromiumLaunch, serveStatic } from '../support/static-server';
import { getBuild } from '../support/sites';
import { BLOG } from '../support/sites-blog';
import { builtFiles, htmlPages } from '../support/html';

type Server = Awaited<ReturnType<typeof serveStatic>>;
let browser: Browser;
let server: Server;
const build = getBuild(BLOG);
const root = build.outDir;

/** The first page under a folder of the build ("categories" -> "/categories/communication/"). */
function firstUnder(folder: string): string {
  const name = readdirSync(join(root, folder), { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort()[0];
  return `/${folder}/${name ?? 'missing'}/`;
}

const NOT_FOUND = '/no-such-page/';
/** The text of the raw `<div style>` a writer wrote in the feed fixture's tricky post (tests/support/sites-syndication.ts). */
const TRICKY_STYLED_TEXT = '스타일 속성이 있던 상자';
const CHART_POST = '/posts/survey-comparison/';
const SEARCH = '/search/';

/**
 * One page of every kind, named so a failure says which; then the first page of any top-level
 * folder not yet covered, so a new kind of page is checked without editing this list.
 */
function pagesToVisit(): string[] {
  if (!build.ok) return [];
  const named = [
    '/',
    '/page/2/',
    '/posts/with-hero/',
    '/posts/gfm/', // a highlighted code block, an aligned table, footnotes, an image
    CHART_POST,
    '/surveys/',
    firstUnder('surveys'),
    SEARCH,
    '/authors/',
    '/authors/kim/', // the author with a photo
    '/categories/',
    firstUnder('categories'),
    '/tags/',
    firstUnder('tags'),
    '/archive/',
    NOT_FOUND,
  ];
  const covered = new Set(named.map((p) => p.split('/')[1]));
  const extra = htmlPages(BLOG).filter((p) => {
    const top = p.split('/')[1] ?? '';
    if (covered.has(top)) return false;
    covered.add(top);
    return true;
  });
  return [...named, ...extra];
}
const pages = pagesToVisit();

beforeAll(async () => {
  // A failed build fails every test here at once, rather than each one timing out on a missing page.
  if (!build.ok) throw new Error(`the blog fixture did not build:\n${build.output.slice(-3000)}`);
  server = await serveStatic(root);
  browser = await chromium.launch(chromiumLaunch);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface Visit {
  page: Page;
  status: number;
  header: string | undefined;
  violations: string[];
  errors: string[];
}

/** Opens a page recording CSP violations (from before any of its own scripts run) and console errors. */
async function visit(path: string): Promise<Visit> {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 } });
  // Init scripts are not subject to the page's policy, and run before the page's own code.
  await context.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) => {
      seen.push(`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber} ${e.sample}`);
    });
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  const response = await page.goto(server.url + encodeURI(path), { waitUntil: 'load' });
  return { page, status: response?.status() ?? 0, header: response?.headers()['content-security-policy'], violations: [], errors };
}

const violationsOf = (page: Page) => page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);

/** Non-transparent pixels of a chart canvas. */
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

/** Heights of the chart boxes and what chartHeight() gives for their number of bars. */
function chartBoxes(page: Page): Promise<{ height: number; expected: number }[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.bar-chart')].map((box) => ({
      height: Math.round(box.getBoundingClientRect().height),
      expected: 48 + 34 * Number(box.dataset.rows),
    })),
  );
}

/** What a reader does on the page: scroll every chart into view, or search. */
async function use(page: Page, path: string): Promise<void> {
  const charts = await page.locator('canvas[data-chart]').count();
  for (let i = 0; i < charts; i++) {
    await page.locator('canvas[data-chart]').nth(i).scrollIntoViewIfNeeded();
    await expect.poll(() => painted(page, i), { timeout: 10_000, message: `${path}: chart ${i + 1} drawn` }).toBeGreaterThan(500);
  }
  if (path === SEARCH) {
    await page.locator('[data-search-input]').fill('트위터');
    await expect.poll(() => page.locator('[data-search-results] li').count(), { timeout: 15_000, message: 'search results' }).toBeGreaterThan(0);
  }
  // Anything late (a font, a lazy chunk) reports before the page is judged.
  await page.waitForTimeout(300);
}

describe('Content-Security-Policy', () => {
  it('covers every kind of page', () => {
    expect(pages.length).toBeGreaterThanOrEqual(16);
  });

  it.each(pages)('%s works under the header and the <meta> policy: no violation, no console error', async (path) => {
    const { page, status, header, errors } = await visit(path);
    expect(status, path).toBe(path === NOT_FOUND ? 404 : 200);
    expect(header, 'the _headers policy').toBe(headerPolicy());
    await use(page, path);
    // The 404 page's own status is reported as a failed resource; nothing else may be.
    const unexpected = errors.filter((e) => !(path === NOT_FOUND && /Failed to load resource: .*404/.test(e)));
    const problems = [...(await violationsOf(page)).map((v) => `violation: ${v}`), ...unexpected.map((e) => `console: ${e}`)];
    await page.context().close();
    expect(problems).toEqual([]);
  });

  it('each page carries the policy as a <meta> before any style or script, without unsafe-inline or unsafe-eval', async () => {
    const problems: string[] = [];
    const pagesToRead = [...htmlPages(BLOG), '/404.html'];
    for (const path of pagesToRead) {
      const file = path.endsWith('.html') ? path.slice(1) : `${path.slice(1)}index.html`;
      const $ = load(readFileSync(join(root, file), 'utf8'));
      const head = $('head').children().toArray();
      const metas = head.filter((e) => e.tagName === 'meta' && e.attribs['http-equiv']?.toLowerCase() === 'content-security-policy');
      if (metas.length !== 1) {
        problems.push(`${path}: ${metas.length} CSP <meta> elements in <head>`);
        continue;
      }
      const policy = metas[0]!.attribs.content ?? '';
      // Executable scripts and styles: data blocks (JSON, JSON-LD) are not governed by script-src.
      const governed = (e: (typeof head)[number]) =>
        e.tagName === 'style' ||
        (e.tagName === 'link' && e.attribs.rel === 'stylesheet') ||
        (e.tagName === 'script' && !/^application\/(ld\+)?json$/.test(e.attribs.type ?? ''));
      const first = head.find(governed);
      if (first && head.indexOf(first) < head.indexOf(metas[0]!)) problems.push(`${path}: <${first.tagName}> comes before the CSP <meta>`);
      if (/'unsafe-inline'|'unsafe-eval'/.test(policy)) problems.push(`${path}: ${policy}`);
      for (const directive of DIRECTIVES) if (!policy.includes(directive)) problems.push(`${path}: no "${directive}"`);
      if (!policy.includes(`script-src ${SCRIPT_SOURCES.join(' ')}`)) problems.push(`${path}: script-src is not "${SCRIPT_SOURCES.join(' ')}" + hashes`);
    }
    expect(pagesToRead.length).toBeGreaterThan(20);
    expect(problems).toEqual([]);
  });

  it('no built page has a style attribute, an inline event handler or an inline script', () => {
    const problems: string[] = [];
    for (const file of builtFiles(BLOG).filter((f) => f.endsWith('.html'))) {
      const $ = load(readFileSync(join(root, file), 'utf8'));
      $('*').each((_, node) => {
        if (!('attribs' in node)) return;
        const element = node;
        for (const name of Object.keys(element.attribs)) {
          if (name !== 'style' && !/^on[a-z]+$/.test(name)) continue;
          // A writer's own raw HTML keeps its attributes (the feed fixture's <div style>); the policy blocks them.
          if (file === 'posts/tricky/index.html' && name === 'style' && $(element).text() === TRICKY_STYLED_TEXT) continue;
          problems.push(`${file}: <${element.tagName} ${name}="${element.attribs[name]}">`);
        }
      });
      $('script').each((_, element) => {
        const { src, type } = element.attribs;
        if (src || type === 'application/json' || type === 'application/ld+json') return;
        problems.push(`${file}: inline <script${type ? ` type="${type}"` : ''}>`);
      });
    }
    expect(problems).toEqual([]);
  });

  it('blocks what it should: an injected inline script does not run, an injected style attribute does not apply', async () => {
    const { page } = await visit('/');
    const outcome = await page.evaluate(async () => {
      const script = document.createElement('script');
      script.textContent = 'window.__injected = true;';
      document.body.append(script);
      const probe = document.createElement('p');
      probe.setAttribute('style', 'color: rgb(1, 2, 3)');
      document.body.append(probe);
      await new Promise((r) => setTimeout(r, 100));
      return { ran: (window as unknown as { __injected?: boolean }).__injected === true, colour: getComputedStyle(probe).color };
    });
    expect(outcome.ran).toBe(false);
    expect(outcome.colour).not.toBe('rgb(1, 2, 3)');
    const violations = await violationsOf(page);
    expect(violations.some((v) => v.startsWith('script-src-elem blocked (inline)') || v.startsWith('script-src-elem blocked inline'))).toBe(true);
    expect(violations.some((v) => v.startsWith('style-src-attr'))).toBe(true);
    await page.context().close();
  });

  it('charts keep the height reserved for them: the box is chartHeight() before and after drawing', async () => {
    const { page } = await visit(CHART_POST);
    const before = await chartBoxes(page);
    expect(before.length).toBeGreaterThan(0);
    for (const box of before) expect(box.height).toBe(box.expected);
    await use(page, CHART_POST);
    expect(await chartBoxes(page)).toEqual(before);
    await page.context().close();
  });
});
