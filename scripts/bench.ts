/**
 * npm run bench [-- --posts N]
 *
 * The build budget in docs/budgets.md: building 1,000 MDX posts must be no slower than
 * Astro's own blog starter on the same posts. This script
 *   1. writes N deterministic Korean MDX posts to .tmp/bench/content (scripts/bench/generate-posts.ts),
 *      with the example authors, surveys and benchmarks so every collection exists;
 *   2. builds this site on them twice: cold (cache removed) and warm (cache kept);
 *   3. builds a re-creation of Astro's `blog` starter (scripts/bench/starter/) on the same posts, cold;
 *   4. prints times, peak RSS, pages and where the time went, and writes .tmp/bench/result.json.
 *
 * Exits 1 only when a build fails (with the tail of its log); being over budget is reported, not fatal.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { writePosts } from './bench/generate-posts.ts';
import { hasGnuTime, measureBuild, type BuildRun } from './bench/measure.ts';

const root = resolve(import.meta.dirname, '..');
const benchDir = join(root, '.tmp/bench');
const contentDir = join(benchDir, 'content');
const postsDir = join(contentDir, 'posts');
const starterTemplate = join(root, 'scripts/bench/starter');
const starterDir = join(benchDir, 'starter');
const astroBin = join(root, 'node_modules/.bin/astro');
const BUILD_TIME = '2026-11-27T12:00:00+09:00';

const USAGE = 'usage: npm run bench [-- --posts N] [--runs R]   (defaults: 1000 posts, 1 run; with R > 1 the median run is reported)';

function parseArgs(argv: string[]): { posts: number; runs: number } {
  const options = { posts: 1000, runs: 1 };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--help' || arg === '-h') {
      console.log(USAGE);
      process.exit(0);
    }
    const match = arg.match(/^--(posts|runs)(?:=(.*))?$/);
    if (!match) {
      console.error(`unknown option ${arg}; ${USAGE}`);
      process.exit(2);
    }
    const name = match[1] as 'posts' | 'runs';
    const value = match[2] ?? argv[++i];
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1) {
      console.error(`--${name}: "${value ?? ''}" is not a whole number; expected e.g. --${name} ${options[name]}`);
      process.exit(2);
    }
    options[name] = n;
  }
  return options;
}

/** Same variables for every build, with Node 24 from node_modules/.bin first on PATH. */
function buildEnv(extra: Record<string, string>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    // npm sets npm_* and may set NODE_ENV; a user's `astro build` sees neither.
    if (value === undefined || key.startsWith('npm_') || key === 'NODE_ENV' || key === 'INIT_CWD') continue;
    env[key] = value;
  }
  return {
    ...env,
    PATH: `${join(root, 'node_modules/.bin')}:${process.env.PATH ?? ''}`,
    ASTRO_TELEMETRY_DISABLED: '1',
    NO_COLOR: '1',
    FORCE_COLOR: '0',
    BUILD_TIME,
    ...extra,
  };
}

function generateContent(posts: number): { hangulMin: number; hangulMax: number } {
  rmSync(contentDir, { recursive: true, force: true });
  const authors = readdirSync(join(root, 'content/authors'))
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -'.json'.length))
    .sort();
  for (const collection of ['authors', 'surveys', 'benchmarks']) {
    cpSync(join(root, 'content', collection), join(contentDir, collection), { recursive: true });
  }
  return writePosts(postsDir, posts, authors);
}

/** Copies scripts/bench/starter/**\/*.tmpl to .tmp/bench/starter without the suffix. */
function setUpStarter(): void {
  rmSync(starterDir, { recursive: true, force: true });
  for (const entry of readdirSync(starterTemplate, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.tmpl')) continue;
    const from = join(entry.parentPath, entry.name);
    const to = join(starterDir, relative(starterTemplate, from).slice(0, -'.tmpl'.length));
    mkdirSync(dirname(to), { recursive: true });
    cpSync(from, to);
  }
  symlinkSync(join(root, 'node_modules'), join(starterDir, 'node_modules'), 'dir');
}

function fail(run: BuildRun): never {
  const tail = run.output.trimEnd().split('\n').slice(-40).join('\n');
  console.error(`\n✗ ${run.label} build failed after ${run.wallS.toFixed(1)} s. Last lines of its log:\n\n${tail}`);
  process.exit(1);
}

async function build(label: string, key: string, cwd: string, outName: string, cacheName: string, cold: boolean, extraEnv: Record<string, string>, gnuTime: boolean): Promise<BuildRun> {
  const outDir = join(benchDir, outName);
  const cacheDir = join(benchDir, cacheName);
  rmSync(outDir, { recursive: true, force: true });
  if (cold) rmSync(cacheDir, { recursive: true, force: true });
  process.stdout.write(`building ${label}… `);
  const run = await measureBuild({
    label,
    cwd,
    astroBin,
    env: buildEnv({ OUT_DIR: outDir, ASTRO_CACHE_DIR: cacheDir, ...extraEnv }),
    outDir,
    timeFile: join(benchDir, `${key}.time`),
    logFile: join(benchDir, `${key}.log`),
    gnuTime,
  });
  if (!run.ok) fail(run);
  console.log(`${run.wallS.toFixed(1)} s`);
  return run;
}

/** The run with the median wall time (the upper one of the middle two for an even count). */
function median(runs: BuildRun[]): BuildRun {
  return [...runs].sort((a, b) => a.wallS - b.wallS)[Math.floor(runs.length / 2)] as BuildRun;
}

const fmtS = (s: number | undefined) => (s === undefined ? '?' : `${s.toFixed(1)} s`);
const fmtMiB = (m: number | null) => (m === null ? 'n/a' : `${Math.round(m)} MiB`);

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  return rows.map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ')).join('\n');
}

function breakdown(run: BuildRun, top = 6): string {
  const p = run.phases;
  const lines = [
    `${run.label}: setup ${fmtS(p.setupS)}, bundle ${fmtS(p.bundleS)}, pages ${fmtS(p.generateS)}, after-build hooks ${fmtS(p.afterS)}`,
  ];
  for (const r of p.routes.slice(0, top)) {
    lines.push(`    ${r.group.padEnd(24)} ${String(r.count).padStart(5)} routes  ${r.s.toFixed(1).padStart(6)} s  (${((r.s * 1000) / r.count).toFixed(1)} ms each)`);
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  const { posts, runs: runCount } = parseArgs(process.argv.slice(2));
  if (!existsSync(astroBin)) {
    console.error(`${relative(root, astroBin)} is missing: run npm install first`);
    process.exit(1);
  }
  mkdirSync(benchDir, { recursive: true });
  const gnuTime = hasGnuTime();
  if (!gnuTime) console.log('GNU time (/usr/bin/time) not found: peak memory will be reported as n/a (apt-get install time).');

  const loadStart = loadavg()[0]!;
  const text = generateContent(posts);
  console.log(`wrote ${posts} posts to ${relative(root, postsDir)} (${text.hangulMin}-${text.hangulMax} Hangul characters each)`);
  setUpStarter();

  const ourEnv = { CONTENT_DIR: contentDir };
  const runs: Record<'cold' | 'warm' | 'starter', BuildRun[]> = { cold: [], warm: [], starter: [] };
  for (let r = 1; r <= runCount; r++) {
    if (runCount > 1) console.log(`run ${r} of ${runCount}`);
    runs.cold.push(await build('ours (cold)', 'ours-cold', root, 'ours-dist', 'ours-cache', true, ourEnv, gnuTime));
    runs.warm.push(await build('ours (warm)', 'ours-warm', root, 'ours-dist', 'ours-cache', false, ourEnv, gnuTime));
    runs.starter.push(await build('starter (cold)', 'starter-cold', starterDir, 'starter-dist', 'starter-cache', true, { BENCH_POSTS_DIR: postsDir }, gnuTime));
  }
  const cold = median(runs.cold);
  const warm = median(runs.warm);
  const starter = median(runs.starter);

  const ratio = (a: BuildRun) => a.wallS / starter.wallS;
  const rows = [
    ['', 'wall', 'vs starter', 'peak RSS', 'HTML pages', 'ms/post'],
    ...[cold, warm, starter].map((r) => [r.label, `${r.wallS.toFixed(1)} s`, `${ratio(r).toFixed(2)}×`, fmtMiB(r.rssMiB), String(r.pages), ((r.wallS * 1000) / posts).toFixed(1)]),
  ];
  const loadEnd = loadavg()[0]!;
  console.log(`\n${posts} posts, ${runCount === 1 ? '1 run' : `median of ${runCount} runs`}, ${availableParallelism()} CPUs, load average ${loadStart.toFixed(2)} at the start, ${loadEnd.toFixed(2)} at the end`);
  if (Math.max(loadStart, loadEnd) > availableParallelism()) console.log('(the machine was busy with other work: times are noisy; rerun on an idle machine or with --runs 3)');
  console.log('');
  console.log(table(rows));
  console.log(`\nWhere the time went (from Astro's log):\n${[cold, warm, starter].map((r) => breakdown(r)).join('\n')}`);

  const withinCold = cold.wallS <= starter.wallS;
  const withinWarm = warm.wallS <= starter.wallS;
  const verdict = withinCold
    ? `✓ within budget: a cold build of ours (${cold.wallS.toFixed(1)} s) is no slower than the starter (${starter.wallS.toFixed(1)} s)`
    : `✗ OVER BUDGET: a cold build of ours takes ${cold.wallS.toFixed(1)} s, ${ratio(cold).toFixed(2)}× the starter's ${starter.wallS.toFixed(1)} s` +
      (withinWarm ? ` (a warm build, ${warm.wallS.toFixed(1)} s, is within it)` : ` (warm: ${warm.wallS.toFixed(1)} s, also over)`);
  console.log(`\n${verdict}`);

  const summary = (r: BuildRun) => ({ wallS: r.wallS, peakRssMiB: r.rssMiB, pages: r.pages, msPerPost: (r.wallS * 1000) / posts, phases: r.phases });
  const result = {
    date: new Date().toISOString(),
    posts,
    runs: runCount,
    cpus: availableParallelism(),
    node: process.version,
    loadAverage: { start: loadStart, end: loadEnd },
    allRunsWallS: { oursCold: runs.cold.map((r) => r.wallS), oursWarm: runs.warm.map((r) => r.wallS), starterCold: runs.starter.map((r) => r.wallS) },
    peakRss: gnuTime ? 'GNU time %M: largest resident set among the build process and its children' : 'n/a',
    ours: { cold: summary(cold), warm: summary(warm) },
    starter: { cold: summary(starter) },
    ratio: { oursColdToStarter: ratio(cold), oursWarmToStarter: ratio(warm) },
    budget: 'no slower than the starter (cold against cold)',
    withinBudget: withinCold,
  };
  writeFileSync(join(benchDir, 'result.json'), `${JSON.stringify(result, null, 2)}\n`);
  console.log(`\nresult: ${relative(root, join(benchDir, 'result.json'))}; build logs: ${relative(root, benchDir)}/*.log`);
}

await main();
