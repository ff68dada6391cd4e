/**
 * npm run audit [-- --no-build] [--runs N] [--min SCORE]
 *
 * The Lighthouse budget in docs/budgets.md, measured the way a reader's phone meets the site:
 *   1. builds the site with `npm run build` (or, with --no-build, takes the dist/ that is there;
 *      OUT_DIR chooses another folder, as for the build);
 *   2. serves it on 127.0.0.1 with gzip and the headers of public/_headers, Content-Security-Policy
 *      included (scripts/lib/static-server.ts), as Netlify or Cloudflare Pages would;
 *   3. scores the home page, a post with charts (the first post in the build that has a
 *      canvas[data-chart]), a survey page and the search page with Lighthouse's Node API on its
 *      default mobile settings (a mid-range phone on a slow 4G network, simulated), in Debian's
 *      Chromium (CHROMIUM_PATH or CHROME_PATH for another). The site uses the reader's own fonts;
 *      a phone has a Korean one, a CI container usually none, so Chromium is given Pretendard's OTF
 *      files from node_modules, renamed "Audit Korean Sans", as its system font (a private
 *      fontconfig file, Linux only; FONTCONFIG_FILE overrides it) rather than drawing empty boxes
 *      and spending main-thread time hunting for Hangul glyphs it cannot find;
 *   4. prints the four scores of every page, the metrics behind performance and each audit that
 *      cost points, and writes every report to .tmp/audit/<page>.json.
 *
 * Every page is scored 3 times (--runs N for another number) and the run with the median
 * performance score is shown: Lighthouse's own advice, since one run on a busy machine can be off
 * by several points. Exits 1 when any score is below --min
 * (95 unless given); the target is 100 everywhere (docs/audit.md).
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import type { Result as LighthouseResult } from 'lighthouse';
import { projectRoot, runInherited, toolEnv } from './lib/run.ts';
import { serveStatic } from './lib/static-server.ts';

const USAGE = 'usage: npm run audit [-- --no-build] [--runs N] [--min SCORE]   (defaults: build first, 3 runs a page, fail below 95)';

const CATEGORIES = [
  { id: 'performance', label: '성능' },
  { id: 'accessibility', label: '접근성' },
  { id: 'best-practices', label: '권장사항' },
  { id: 'seo', label: '검색엔진 최적화' },
] as const;

const METRICS = [
  { id: 'first-contentful-paint', label: 'FCP' },
  { id: 'largest-contentful-paint', label: 'LCP' },
  { id: 'total-blocking-time', label: 'TBT' },
  { id: 'cumulative-layout-shift', label: 'CLS' },
  { id: 'speed-index', label: 'Speed Index' },
] as const;

interface Options {
  build: boolean;
  runs: number;
  min: number;
}

function parseArgs(argv: string[]): Options {
  const options: Options = { build: true, runs: 3, min: 95 };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--help' || arg === '-h') {
      console.log(USAGE);
      process.exit(0);
    }
    if (arg === '--no-build') {
      options.build = false;
      continue;
    }
    const match = /^--(runs|min)(?:=(.*))?$/.exec(arg);
    const value = match ? (match[2] ?? argv[++i]) : undefined;
    const number = Number(value);
    if (!match || value === undefined || !Number.isInteger(number) || number < (match[1] === 'runs' ? 1 : 0) || number > 100) {
      console.error(`알 수 없는 인자: ${arg}\n${USAGE}`);
      process.exit(2);
    }
    if (match[1] === 'runs') options.runs = number;
    else options.min = number;
  }
  return options;
}

/** The pages scored: fixed addresses, and the first chart post and survey page the build has. */
function pagesOf(dist: string): { name: string; label: string; path: string }[] {
  const firstWith = (folder: string, test: (html: string) => boolean): string | undefined => {
    const dir = join(dist, folder);
    if (!existsSync(dir)) return undefined;
    return readdirSync(dir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, 'index.html')))
      .map((entry) => entry.name)
      .sort()
      .find((name) => test(readFileSync(join(dir, name, 'index.html'), 'utf8')));
  };
  const hasChart = (html: string) => /<canvas\b[^>]*\bdata-chart\b/.test(html);
  const post = firstWith('posts', hasChart);
  const survey = firstWith('surveys', () => true);
  const missing = [!post && '차트가 있는 글(posts/*/index.html 가운데 canvas[data-chart]가 있는 것)', !survey && '조사 쪽(surveys/*/index.html)'].filter(Boolean);
  if (missing.length > 0) {
    console.error(`✗ 빌드 결과에 ${missing.join(', ')}이 없습니다: ${dist}`);
    process.exit(1);
  }
  return [
    { name: 'home', label: '첫 화면', path: '/' },
    { name: 'chart-post', label: '차트가 있는 글', path: `/posts/${post}/` },
    { name: 'survey', label: '조사 쪽', path: `/surveys/${survey}/` },
    { name: 'search', label: '검색', path: '/search/' },
  ];
}

/**
 * A fontconfig file that adds Pretendard's desktop fonts (the `pretendard` package, also used for
 * the Open Graph images) to the machine's own, for the audited Chromium only.
 */
function fontconfigWithKorean(dir: string): string {
  const from = dirname(createRequire(import.meta.url).resolve('pretendard/dist/public/static/Pretendard-Regular.otf'));
  // A folder of our own: fontconfig caches what it found in a folder, renamed or not.
  const fonts = join(dir, 'korean-font');
  mkdirSync(fonts, { recursive: true });
  for (const name of ['Pretendard-Regular.otf', 'Pretendard-Bold.otf']) copyFileSync(join(from, name), join(fonts, name));
  const file = join(dir, 'fonts.conf');
  writeFileSync(
    file,
    [
      '<?xml version="1.0"?>',
      '<!DOCTYPE fontconfig SYSTEM "fonts.dtd">',
      '<fontconfig>',
      `  <cachedir>${join(dir, 'fontconfig-cache')}</cachedir>`,
      '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>',
      `  <dir>${fonts}</dir>`,
      // Under another name, so a page asking for "Pretendard" does not get it for free: this stands
      // for a phone's own Korean font, which a web font would replace.
      '  <match target="scan">',
      '    <test name="family"><string>Pretendard</string></test>',
      '    <edit name="family" mode="assign" binding="same"><string>Audit Korean Sans</string></edit>',
      '  </match>',
      '</fontconfig>',
      '',
    ].join('\n'),
  );
  return file;
}

function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH || process.env.CHROME_PATH || '/usr/bin/chromium';
  if (!existsSync(path)) {
    console.error(
      `✗ Chromium이 없습니다 (${path}): Debian/Ubuntu는 "sudo apt-get install chromium", 다른 시스템은 Chrome/Chromium 실행 파일 경로를 CHROMIUM_PATH에 주세요.`,
    );
    process.exit(1);
  }
  return path;
}

const score = (lhr: LighthouseResult, id: string): number | undefined => {
  const value = lhr.categories[id]?.score;
  return typeof value === 'number' ? Math.round(value * 100) : undefined;
};

/** The audits that cost points in a category: weighted, and scored below 1. */
function lostPoints(lhr: LighthouseResult): string[] {
  const lines: string[] = [];
  for (const { id, label } of CATEGORIES) {
    for (const ref of lhr.categories[id]?.auditRefs ?? []) {
      const audit = lhr.audits[ref.id];
      if (!audit || ref.weight === 0 || audit.score === null || audit.score >= 1) continue;
      const value = audit.displayValue ? ` (${audit.displayValue})` : '';
      lines.push(`    ${label}: ${audit.title}${value} — 점수 ${Math.round(audit.score * 100)}`);
    }
  }
  return lines;
}

function table(headers: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(headers), line(headers.map(() => '---')), ...rows.map(line)].join('\n');
}

/**
 * One Lighthouse run. A run that Lighthouse itself could not finish (a protocol timeout on a busy
 * machine, no paint in time) is tried again, twice at most, rather than failing the audit.
 */
async function score1(url: string, port: number): Promise<LighthouseResult> {
  let problem = '';
  for (let attempt = 1; attempt <= 3; attempt++) {
    try {
      const result = await lighthouse(url, { port, output: 'json', logLevel: 'error', onlyCategories: CATEGORIES.map((c) => c.id) });
      if (result && !result.lhr.runtimeError) return result.lhr;
      problem = result?.lhr.runtimeError ? `${result.lhr.runtimeError.code} ${result.lhr.runtimeError.message}` : 'no result';
    } catch (error) {
      problem = error instanceof Error ? error.message : String(error);
    }
    console.warn(`  Lighthouse가 측정을 마치지 못했습니다 (${attempt}/3): ${problem}`);
  }
  throw new Error(`Lighthouse: ${url}: ${problem}`);
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const dist = resolve(projectRoot, process.env.OUT_DIR || 'dist');
  const shown = relative(process.cwd(), dist) || '.';

  if (options.build) {
    const status = await runInherited(process.execPath, [join(projectRoot, 'scripts/safe-build.ts')], toolEnv());
    if (status !== 0) {
      console.error('✗ 빌드가 실패해 점수를 재지 않았습니다.');
      process.exit(1);
    }
  } else if (!existsSync(join(dist, 'index.html'))) {
    console.error(`✗ ${shown}/index.html이 없습니다: --no-build 없이 실행해 먼저 빌드하세요.`);
    process.exit(1);
  }

  const pages = pagesOf(dist);
  const reportDir = join(projectRoot, '.tmp/audit');
  mkdirSync(reportDir, { recursive: true });
  const server = await serveStatic(dist);
  const chrome = await chromeLauncher.launch({
    chromePath: chromiumPath(),
    // Root (CI, containers) needs --no-sandbox; nothing but 127.0.0.1 is fetched.
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    logLevel: 'silent',
    handleSIGINT: false,
    envVars: { ...process.env, FONTCONFIG_FILE: process.env.FONTCONFIG_FILE || fontconfigWithKorean(reportDir) },
  });
  // Ctrl-C or a CI timeout: leave no Chromium behind.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      chrome.kill();
      void server.close();
      process.exit(130);
    });
  }
  const started = Date.now();
  const results: { page: (typeof pages)[number]; lhr: LighthouseResult }[] = [];
  try {
    for (const page of pages) {
      const runs: LighthouseResult[] = [];
      for (let run = 0; run < options.runs; run++) {
        process.stdout.write(`Lighthouse: ${page.label} ${page.path}${options.runs > 1 ? ` (${run + 1}/${options.runs})` : ''}\n`);
        runs.push(await score1(`${server.url}${page.path}`, chrome.port));
      }
      runs.sort((a, b) => (score(a, 'performance') ?? 0) - (score(b, 'performance') ?? 0));
      const lhr = runs[Math.floor((runs.length - 1) / 2)]!;
      writeFileSync(join(reportDir, `${page.name}.json`), JSON.stringify(lhr));
      results.push({ page, lhr });
    }
  } finally {
    chrome.kill();
    await server.close();
  }

  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  const first = results[0]?.lhr;
  // Lighthouse's CPU benchmark: below about 1000 the machine was busy or slow, and blocking time reads high.
  const benchmark = results.map(({ lhr }) => Math.round(lhr.environment.benchmarkIndex)).join('/');
  console.log(
    `\nLighthouse ${first?.lighthouseVersion ?? ''}, 모바일, ${first?.environment.hostUserAgent.match(/Chrome\/[\d.]+/)?.[0] ?? ''}, ` +
      `측정 ${options.runs}회${options.runs > 1 ? '의 중앙값' : ''}, CPU 지수(benchmarkIndex) ${benchmark}, ${seconds}초\n`,
  );
  console.log(
    table(
      ['쪽', '주소', ...CATEGORIES.map((c) => c.label)],
      results.map(({ page, lhr }) => [page.label, page.path, ...CATEGORIES.map((c) => String(score(lhr, c.id) ?? '-'))]),
    ),
  );
  console.log('');
  console.log(
    table(
      ['쪽', ...METRICS.map((m) => m.label)],
      results.map(({ page, lhr }) => [page.label, ...METRICS.map((m) => lhr.audits[m.id]?.displayValue ?? '-')]),
    ),
  );

  const below = results.flatMap(({ page, lhr }) =>
    CATEGORIES.filter((c) => (score(lhr, c.id) ?? 0) < options.min).map((c) => `${page.label} ${c.label} ${score(lhr, c.id) ?? '-'}`),
  );
  const lost = results.map(({ page, lhr }) => ({ page, lines: lostPoints(lhr) })).filter((r) => r.lines.length > 0);
  if (lost.length > 0) {
    console.log('\n점수를 깎은 항목:');
    for (const { page, lines } of lost) console.log(`  ${page.label} (${page.path})\n${lines.join('\n')}`);
  }
  console.log(`\n보고서: ${relative(process.cwd(), reportDir)}/*.json (https://googlechrome.github.io/lighthouse/viewer/ 에 끌어다 놓으면 보입니다)`);
  if (below.length > 0) {
    console.error(`\n✗ ${options.min}점 미만: ${below.join(', ')}`);
    process.exit(1);
  }
  console.log(`\n✓ 모든 점수가 ${options.min}점 이상입니다.`);
}

await main().catch((error: unknown) => {
  console.error(`✗ 점수를 재지 못했습니다: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
