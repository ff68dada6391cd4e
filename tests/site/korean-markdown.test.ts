/**
 * Korean Markdown as writers write it, in the built pages of a fixture of its own
 * (tests/support/sites-markdown.ts), once as .md and once as .mdx: bold and italics next to
 * particles, quotes and brackets are <strong> and <em> (CJK-friendly emphasis), the same
 * characters inside code stay literal, and `$$…$$` maths is MathML made at build time, with no
 * script, style sheet or font of its own, in pages the Nu HTML Checker accepts.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { fileForUrl, page } from '../support/html';
import { JAVA } from '../support/prerequisites';
import { getBuild, readBuilt } from '../support/sites';
import { KOREAN_MARKDOWN } from '../support/sites-markdown';

const site = KOREAN_MARKDOWN;
const POSTS = ['/posts/emphasis-md/', '/posts/emphasis-mdx/'];

describe.each(POSTS)('Korean emphasis and maths in %s', (url) => {
  const body = () => page(site, url)('article .prose');

  it('builds', () => {
    const build = getBuild(site);
    expect(build.ok, build.output.slice(-3000)).toBe(true);
  });

  it('bolds and italicises next to particles, quotes and brackets', () => {
    const $ = page(site, url);
    const strong = $('article .prose strong')
      .map((_, el) => $(el).text())
      .get();
    expect(strong).toEqual(['“도구”', '‘하루 한 편’', '굵게', '(괄호)', '“인용”', '“셀”']);
    expect($('article .prose em').first().text()).toBe('강조');
    expect($('article .prose h2 strong').text()).toBe('“인용”');
    expect($('article .prose td strong').text()).toBe('“셀”');
    expect(body().text()).toContain('“도구”를 고르는 법');
  });

  it('shows no asterisk outside code, and keeps code spans literal', () => {
    const $ = page(site, url);
    const prose = $('article .prose').clone();
    const codes = prose
      .find('code')
      .map((_, el) => $(el).text())
      .get();
    expect(codes).toEqual(['**x**를', '*강조*는']);
    prose.find('code').remove();
    expect(prose.text()).not.toContain('*');
  });

  it('renders $$ maths as MathML with no script, style or KaTeX assets, and leaves prices in dollars alone', () => {
    const $ = page(site, url);
    const maths = $('article .prose math');
    expect(maths).toHaveLength(2);
    expect(maths.eq(0).attr('display')).toBeUndefined();
    expect(maths.eq(0).find('msup').length).toBe(1);
    expect(maths.eq(1).attr('display')).toBe('block');
    expect(maths.eq(1).find('mfrac').length).toBe(1);
    expect(maths.eq(1).find('annotation').text()).toBe('\\frac{1}{2} + \\sqrt{x^2}');
    expect($('article .prose [style]')).toHaveLength(0);
    expect($('article .prose code.language-math')).toHaveLength(0);
    expect($('script[src*="katex"], link[href*="katex"]')).toHaveLength(0);
    expect(body().text()).toContain('가격은 $5에서 $10으로');
  });
});

describe('the feed', () => {
  it('carries the maths as MathML and the emphasis as <strong>', () => {
    const rss = readBuilt(site, 'rss.xml');
    expect(rss).toMatch(/(<|&lt;)mfrac(>|&gt;)/);
    expect(rss).toMatch(/(<|&lt;)strong(>|&gt;)“도구”(<|&lt;)\/strong(>|&gt;)를/);
  });
});

describe('the Korean Markdown pages are valid HTML', () => {
  it('MathML and all: no Nu HTML Checker error', () => {
    const files = POSTS.map((url) => fileForUrl(site, url));
    expect(files.every(Boolean)).toBe(true);
    const vnu = createRequire(import.meta.url).resolve('vnu-jar/build/dist/vnu.jar');
    const run = spawnSync(JAVA, ['-Xss8m', '-XX:TieredStopAtLevel=1', '-jar', vnu, '--format', 'json', '--errors-only', '--stdout', ...(files as string[])], { encoding: 'utf8' });
    expect(run.error).toBeUndefined();
    const messages = (JSON.parse(run.stdout) as { messages: { message: string; extract?: string }[] }).messages;
    expect(messages.map((m) => `${m.message} ${m.extract ?? ''}`)).toEqual([]);
  });
});
