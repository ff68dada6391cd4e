/**
 * npm run budget [-- <folder>]
 *
 * After a build: checks every page of the built site (dist/, or OUT_DIR, or the folder given)
 * against the page-weight budgets of docs/budgets.md and prints a Korean report. When a budget is
 * exceeded it lists the heaviest pages and what makes them heavy, and exits 1.
 */
import { existsSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { checkBudgets, formatBudgetReport } from '../src/lib/budget/rules.ts';
import { measureSite } from '../src/lib/budget/weights.ts';
import site from '../src/site.config.ts';

const root = resolve(import.meta.dirname, '..');
const dir = resolve(process.argv[2] ?? process.env.OUT_DIR ?? resolve(root, 'dist'));
const shown = relative(process.cwd(), dir) || '.';

if (!existsSync(dir)) {
  console.error(`✗ ${shown}/ 폴더가 없습니다. 먼저 npm run build로 사이트를 빌드하세요.`);
  process.exit(1);
}
const pages = await measureSite(dir, site.url);
if (pages.length === 0) {
  console.error(`✗ ${shown}/에 HTML 페이지가 없습니다. npm run build가 끝까지 성공했는지 확인하세요.`);
  process.exit(1);
}
const results = checkBudgets(pages);
console.log(formatBudgetReport(results, pages.length));
process.exit(results.every((r) => r.ok) ? 0 : 1);
