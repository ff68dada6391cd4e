/**
 * axe-core in Chromium for the browser tests: WCAG 2.0-2.2 A and AA rules and axe's best
 * practices (landmarks, headings, the name of a search box, ...), in whichever colour scheme the
 * page's browser context emulates.
 *
 * axe goes in as an init script of the context, not a <script> added to the page
 * (page.addScriptTag): the site's Content-Security-Policy (public/_headers, and the <meta> in every
 * page) blocks inline scripts, which an init script is not subject to, and Chromium reuses the
 * compiled script from page to page, where a script tag costs a second or so on every page.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] as const;

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Makes axe available in every page of `context` opened from now on. */
export async function addAxe(context: BrowserContext): Promise<void> {
  await context.addInitScript({ content: axeSource });
}

/** A new browser context whose pages have axe. */
export async function axeContext(browser: Browser, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1024, height: 800 }, ...options });
  await addAxe(context);
  return context;
}

/**
 * The violations axe finds on the page as it is now, one line each: the rule, its help text and
 * the elements, e.g. `landmark-unique: Landmarks should have a unique ... | section.author-card`.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  return page.evaluate(async (tags) => {
    // @ts-expect-error axe is added by addAxe
    const axe = window.axe as { run: (context: Document, options: object) => Promise<{ violations: { id: string; help: string; nodes: { target: string[] }[] }[] }> } | undefined;
    if (!axe) throw new Error('axe is not on this page: open it in a context given to addAxe (or made by axeContext)');
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations.map((v) => `${v.id}: ${v.help} | ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }, [...AXE_TAGS]);
}
