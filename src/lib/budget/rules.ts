/**
 * The page-weight budgets of docs/budgets.md, checked over the measured pages of a build
 * (./weights.ts), and the Korean report `npm run budget` prints.
 */
import type { PageWeight } from './weights.ts';

export const BUDGETS = {
  /** JavaScript (gzip) on a page with survey charts. */
  chartPageScriptGzip: 60 * 1024,
  /** CSS (gzip) on any page. */
  pageStyleGzip: 15 * 1024,
  /** HTML (gzip) of a typical (median) post page. */
  typicalPostHtmlGzip: 30 * 1024,
  /** Web fonts the home page's CSS can fetch on the first view. */
  homeFontBytes: 150 * 1024,
} as const;

export type Budgets = { [K in keyof typeof BUDGETS]: number };

export interface BudgetOffender {
  path: string;
  bytes: number;
  /** What makes up the figure, largest first ("/_astro/charts.js 12.3 kB"). */
  detail: string[];
}

export interface BudgetResult {
  /** Korean name of the rule. */
  rule: string;
  ok: boolean;
  /** Limit in bytes (0 for "none at all"). */
  limit: number;
  /** The figure the rule is judged on: the largest page, or the median for the typical post. */
  measured: number;
  /** Pages counted. */
  pages: number;
  /** Worst pages first (at most `worst` of them), over the limit when the rule fails. */
  worst: BudgetOffender[];
}

const sum = (assets: { bytes: number }[]) => assets.reduce((n, a) => n + a.bytes, 0);

export function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} kB`;
}

function detail(assets: { url: string; bytes: number }[]): string[] {
  return [...assets].sort((a, b) => b.bytes - a.bytes).map((a) => `${a.url} ${kb(a.bytes)}`);
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : Math.round((sorted[mid - 1]! + sorted[mid]!) / 2);
}

function isPostPage(path: string): boolean {
  return /^\/posts\/[^/]+\/$/.test(path);
}

/** Every budget over the pages of one build. `worst` limits the pages listed per rule. */
export function checkBudgets(pages: PageWeight[], budgets: Budgets = BUDGETS, worst = 5): BudgetResult[] {
  const results: BudgetResult[] = [];
  const ranked = (list: BudgetOffender[]) => [...list].sort((a, b) => b.bytes - a.bytes || a.path.localeCompare(b.path));

  const ordinary = pages.filter((p) => !p.hasCharts && !p.hasSearch);
  const withScripts = ranked(ordinary.filter((p) => p.scripts.length > 0).map((p) => ({ path: p.path, bytes: sum(p.scripts), detail: detail(p.scripts) })));
  results.push({
    rule: '차트나 검색이 없는 페이지의 JavaScript',
    ok: withScripts.length === 0,
    limit: 0,
    measured: withScripts[0]?.bytes ?? 0,
    pages: ordinary.length,
    worst: withScripts.slice(0, worst),
  });

  // The heaviest page decides: every page must be within the limit.
  const heaviestWithin = (rule: string, limit: number, offenders: BudgetOffender[], pageCount: number): BudgetResult => {
    const list = ranked(offenders);
    const measured = list[0]?.bytes ?? 0;
    return { rule, ok: measured <= limit, limit, measured, pages: pageCount, worst: list.slice(0, worst) };
  };
  const chartPages = pages.filter((p) => p.hasCharts);
  results.push(
    heaviestWithin(
      '설문 차트가 있는 페이지의 JavaScript (gzip, 나중에 불러오는 모듈 포함)',
      budgets.chartPageScriptGzip,
      chartPages.map((p) => ({ path: p.path, bytes: sum(p.scripts), detail: detail(p.scripts) })),
      chartPages.length,
    ),
  );
  results.push(heaviestWithin('페이지마다 CSS (gzip)', budgets.pageStyleGzip, pages.map((p) => ({ path: p.path, bytes: sum(p.styles), detail: detail(p.styles) })), pages.length));

  const posts = ranked(pages.filter((p) => isPostPage(p.path)).map((p) => ({ path: p.path, bytes: p.htmlGzip, detail: [] })));
  const typical = median(posts.map((p) => p.bytes));
  results.push({
    rule: '보통 글(중앙값) 페이지의 HTML (gzip)',
    ok: typical <= budgets.typicalPostHtmlGzip,
    limit: budgets.typicalPostHtmlGzip,
    measured: typical,
    pages: posts.length,
    worst: posts.slice(0, worst),
  });

  const home = pages.find((p) => p.path === '/');
  const homeFonts = home ? sum(home.fonts) : 0;
  results.push({
    rule: '첫 화면(홈)의 웹 글꼴',
    ok: homeFonts <= budgets.homeFontBytes,
    limit: budgets.homeFontBytes,
    measured: homeFonts,
    pages: home ? 1 : 0,
    worst: home && home.fonts.length ? [{ path: '/', bytes: homeFonts, detail: detail(home.fonts) }] : [],
  });
  return results;
}

/** The report printed by `npm run budget`: one line per rule, the worst pages under a failing one. */
export function formatBudgetReport(results: BudgetResult[], pageCount: number): string {
  const lines = [`페이지 무게 예산 (페이지 ${pageCount.toLocaleString('ko-KR')}개 검사)`, ''];
  for (const r of results) {
    const limit = r.limit === 0 ? '없어야 함' : `한도 ${kb(r.limit)}`;
    const figure = r.limit === 0 ? (r.ok ? '없음' : `${r.worst.length ? `${kb(r.measured)}까지` : ''}`) : kb(r.measured);
    lines.push(`${r.ok ? '✓' : '✗'} ${r.rule}: ${figure} (${limit}, 대상 페이지 ${r.pages.toLocaleString('ko-KR')}개)`);
    if (!r.ok) {
      lines.push('  가장 무거운 페이지:');
      for (const o of r.worst) {
        lines.push(`  - ${o.path} ${kb(o.bytes)}`);
        for (const d of o.detail.slice(0, 4)) lines.push(`      ${d}`);
      }
    }
  }
  const failed = results.filter((r) => !r.ok).length;
  lines.push('', failed ? `✗ 예산을 넘은 항목 ${failed}개. docs/budgets.md에서 기준과 줄이는 법을 보세요.` : '✓ 모든 페이지가 예산 안에 있습니다.');
  return lines.join('\n');
}
