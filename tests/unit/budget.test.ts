import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { BUDGETS, checkBudgets, formatBudgetReport } from '@/lib/budget/rules';
import { fontFaceUrls, measureSite, moduleImports, pageRefs } from '@/lib/budget/weights';

const roots: string[] = [];
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

/** A built site of our own: path -> file text. */
function site(files: Record<string, string | Buffer>): string {
  const root = mkdtempSync(join(tmpdir(), 'budget-'));
  roots.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

/** Text that gzip cannot shrink much: about `kb` kB compressed. */
function noise(kb: number, seed = 1): string {
  let s = seed;
  const bytes = Buffer.alloc(Math.ceil(kb * 1024 * 1.02));
  for (let i = 0; i < bytes.length; i++) bytes[i] = (s = (Math.imul(s, 1103515245) + 12345) >>> 0) >>> 24;
  return bytes.toString('base64');
}

const page = (head: string, body = '<p>본문</p>') => `<!doctype html><html lang="ko"><head><meta charset="utf-8"><title>t</title>${head}</head><body>${body}</body></html>`;
const ld = '<script type="application/ld+json">{"@type":"BlogPosting"}</script>';
const css = '<link rel="stylesheet" href="/_astro/site.css">';

const passing = {
  'index.html': page(css, '<main>홈</main>'),
  'posts/a/index.html': page(css + ld, '<article>글</article>'),
  'posts/b/index.html': page(css, '<article>글 둘</article>'),
  'posts/c/index.html': page(css, '<article>차트 글</article><canvas data-chart></canvas><script type="application/json" data-chart-data>{"a":1}</script><script type="module" src="/_astro/charts.js"></script>'),
  'search/index.html': page(css, '<div data-search></div><script type="module" src="/_astro/search.js"></script>'),
  '_astro/site.css': 'body{color:#111}',
  '_astro/charts.js': 'import{a}from"./shared.js";const load=()=>import("./chart-lib.js");a(load);',
  '_astro/shared.js': 'export const a=(f)=>f;',
  '_astro/chart-lib.js': `export const lib="${noise(20)}";`,
  '_astro/search.js': 'console.log(1)',
};

describe('page-weight budgets (npm run budget)', () => {
  it('passes a light site, counting JavaScript that charts load later and leaving JSON data out', async () => {
    const pages = await measureSite(site(passing));
    const chart = pages.find((p) => p.path === '/posts/c/')!;
    expect(chart.hasCharts).toBe(true);
    expect(chart.scripts.map((s) => s.url).sort()).toEqual(['/_astro/chart-lib.js', '/_astro/charts.js', '/_astro/shared.js']);
    expect(pages.find((p) => p.path === '/posts/a/')!.scripts).toEqual([]);
    const results = checkBudgets(pages);
    expect(results.filter((r) => !r.ok)).toEqual([]);
    expect(formatBudgetReport(results, pages.length)).toContain('✓ 모든 페이지가 예산 안에 있습니다.');
  });

  it('fails each budget on a site that breaks it, naming the heaviest pages', async () => {
    const dir = site({
      ...passing,
      // JavaScript on an ordinary page, inline or not.
      'posts/a/index.html': page(css, '<article>글</article><script>alert(1)</script>'),
      'tags/x/index.html': page(css + '<script type="module" src="/_astro/search.js"></script>'),
      // A chart page whose lazily loaded module is too large.
      '_astro/chart-lib.js': `export const lib="${noise(70)}";`,
      // Too much CSS on one page, and a heavy post.
      'posts/b/index.html': page(`${css}<style>.x{content:"${noise(16, 2)}"}</style>`, `<article>${noise(40, 3)}</article>`),
      'posts/d/index.html': page(css, `<article>${noise(35, 4)}</article>`),
      'posts/e/index.html': page(css, `<article>${noise(33, 6)}</article>`),
      // 200 kB of web fonts declared for the home page.
      'index.html': page(`${css}<link rel="stylesheet" href="/_astro/fonts.css">`),
      '_astro/fonts.css': '@font-face{font-family:P;src:url(./p.woff2) format("woff2"),url(./p.woff) format("woff")}',
      '_astro/p.woff2': Buffer.alloc(200 * 1024),
      '_astro/p.woff': Buffer.alloc(300 * 1024),
    });
    const pages = await measureSite(dir);
    const results = checkBudgets(pages);
    expect(results.map((r) => r.ok)).toEqual([false, false, false, false, false]);
    const [scripts, chartJs, styles, posts, fonts] = results;
    expect(scripts!.worst.map((w) => w.path).sort()).toEqual(['/posts/a/', '/tags/x/']);
    expect(chartJs!.measured).toBeGreaterThan(BUDGETS.chartPageScriptGzip);
    expect(chartJs!.worst[0]!.detail[0]).toMatch(/^\/_astro\/chart-lib\.js /);
    expect(styles!.worst[0]!.path).toBe('/posts/b/');
    expect(posts!.worst.map((w) => w.path).slice(0, 3)).toEqual(['/posts/b/', '/posts/d/', '/posts/e/']);
    // Only the first source of a @font-face is fetched.
    expect(fonts!.measured).toBe(200 * 1024);
    const report = formatBudgetReport(results, pages.length);
    expect(report).toContain('✗ 예산을 넘은 항목 5개');
    expect(report).toContain('가장 무거운 페이지');
    expect(report).toContain('/posts/b/');
  });

  it('a typical post is the median: one heavy post alone does not fail the budget', async () => {
    const pages = await measureSite(site({ ...passing, 'posts/huge/index.html': page(css, `<article>${noise(60, 5)}</article>`) }));
    const posts = checkBudgets(pages)[3]!;
    expect(posts.ok).toBe(true);
    expect(posts.worst[0]!.path).toBe('/posts/huge/');
  });

  it('npm run budget prints the report and exits 1 only when a budget is exceeded', () => {
    const run = (dir: string) => spawnSync(process.execPath, ['scripts/budget.ts', dir], { encoding: 'utf8' });
    const ok = run(site(passing));
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toContain('페이지 무게 예산');
    const bad = run(site({ ...passing, 'posts/a/index.html': page(css, '<script>alert(1)</script>') }));
    expect(bad.status).toBe(1);
    expect(bad.stdout).toContain('✗ 차트나 검색이 없는 페이지의 JavaScript');
    expect(bad.stdout).toContain('/posts/a/');
    const missing = run(join(tmpdir(), 'budget-no-such-folder'));
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('npm run build');
  });
});

describe('reading pages, modules and stylesheets', () => {
  it('finds scripts, stylesheets, font preloads, charts and search', () => {
    const refs = pageRefs(page('<link rel="stylesheet" href="/a.css"><link rel="preload" as="font" href="/f.woff2"><script type="application/ld+json">{}</script>', '<canvas data-chart></canvas><div data-search></div><script src="/x.js"></script><script>var a</script>'));
    expect(refs).toMatchObject({ scripts: ['/x.js'], inlineScripts: ['var a'], styles: ['/a.css'], fontPreloads: ['/f.woff2'], hasCharts: true, hasSearch: true });
  });

  it('lists static and dynamic imports of a module', async () => {
    const { init } = await import('es-module-lexer');
    await init;
    expect(moduleImports('import a from "./a.js";export{b}from"./b.js";import("./c.js")').sort()).toEqual(['./a.js', './b.js', './c.js']);
  });

  it('takes the first source of each @font-face', () => {
    expect(fontFaceUrls('@font-face{src:url("a.woff2") format("woff2"),url(a.woff)}@font-face{src:url(b.woff2)}body{background:url(x.png)}')).toEqual(['a.woff2', 'b.woff2']);
  });
});
