/**
 * npm run bench [-- --posts N] [--runs R]
 *
 * The build targets in docs/budgets.md, measured against a bare Astro site on the same posts.
 * This script
 *   1. writes N deterministic Korean MDX posts to .tmp/bench/content (scripts/bench/generate-posts.ts),
 *      with the example authors, surveys and benchmarks so every collection exists;
 *   2. in each of R rounds, builds in turn: this site cold (cache removed), a bare Astro site
 *      (scripts/bench/bare.ts) cold, this site warm (cache kept, one post changed), this site
 *      again with nothing changed (the hourly build when no post goes out), and a re-creation of
 *      Astro's `blog` starter (scripts/bench/starter/) cold. Alternating the builds spreads the
 *      load of anything else running on the machine over all of them;
 *   3. prints the median of each build (wall time, peak RSS, pages, where the time went), the
 *      ratios to the bare build and the targets, and writes .tmp/bench/result.json.
 *
 * Exits 1 only when a build fails (with the tail of its log); a missed target is reported, not fatal.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { writeBareSite } from './bench/bare.ts';
import { writePosts } from './bench/generate-posts.ts';
import { hasGnuTime, measureBuild, type BuildRun } from './bench/measure.ts';
import { buildRuntimeEnv } from './lib/run.ts';

const root = resolve(import.meta.dirname, '..');
const benchDir = join(root, '.tmp/bench');
const contentDir = join(benchDir, 'content');
const postsDir = join(contentDir, 'posts');
const starterTemplate = join(root, 'scripts/bench/starter');
const starterDir = join(benchDir, 'starter');
const bareDir = join(benchDir, 'bare');
const astroBin = join(root, 'node_modules/.bin/astro');
const BUILD_TIME = '2026-11-27T12:00:00+09:00';

const USAGE = 'usage: npm run bench [-- --posts N] [--runs R]   (defaults: 1000 posts, 3 rounds; the median of each build is reported)';

/** The targets of docs/budgets.md, against the bare Astro build on the same posts. */
const TARGETS = { coldToBare: 1.25, warmToBareCold: 1.0, peakMiB1000: 1536 };

function parseArgs(argv: string[]): { posts: number; runs: number } {
  const options = { posts: 1000, runs: 3 };
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

/**
 * The warm build's edit: one post gets a sentence more, as when a writer fixes a typo and pushes.
 * Each round changes it again (the text names the round), so every warm build has one changed post.
 */
function changeOnePost(round: number): void {
  const file = join(postsDir, readdirSync(postsDir).filter((f) => f.endsWith('.mdx')).sort()[0]!);
  const text = readFileSync(file, 'utf8').replace(/\n\n벤치마크 수정 \d+회차입니다\.\n$/, '\n');
  writeFileSync(file, `${text}\n벤치마크 수정 ${round}회차입니다.\n`);
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

  writeBareSite(bareDir, join(root, 'node_modules'));

  // Ours as `npm run build` runs it (scripts/safe-build.ts), heap limit and allocator settings included; the others as Astro runs by default.
  const ourEnv = { CONTENT_DIR: contentDir, ...buildRuntimeEnv() };
  const bareEnv = { BENCH_POSTS_DIR: postsDir };
  const runs: Record<'cold' | 'warm' | 'unchanged' | 'bare' | 'starter', BuildRun[]> = { cold: [], warm: [], unchanged: [], bare: [], starter: [] };
  for (let r = 1; r <= runCount; r++) {
    if (runCount > 1) console.log(`round ${r} of ${runCount}`);
    runs.cold.push(await build('ours (cold)', 'ours-cold', root, 'ours-dist', 'ours-cache', true, ourEnv, gnuTime));
    runs.bare.push(await build('bare Astro (cold)', 'bare-cold', bareDir, 'bare-dist', 'bare-cache', true, bareEnv, gnuTime));
    changeOnePost(r);
    runs.warm.push(await build('ours (warm, 1 post changed)', 'ours-warm', root, 'ours-dist', 'ours-cache', false, ourEnv, gnuTime));
    runs.unchanged.push(await build('ours (warm, nothing changed)', 'ours-unchanged', root, 'ours-dist', 'ours-cache', false, ourEnv, gnuTime));
    runs.starter.push(await build('starter (cold)', 'starter-cold', starterDir, 'starter-dist', 'starter-cache', true, { BENCH_POSTS_DIR: postsDir }, gnuTime));
  }
  const cold = median(runs.cold);
  const warm = median(runs.warm);
  const unchanged = median(runs.unchanged);
  const bare = median(runs.bare);
  const starter = median(runs.starter);

  const toBare = (a: BuildRun) => a.wallS / bare.wallS;
  const rows = [
    ['', 'wall', 'vs bare', 'vs starter', 'peak RSS', 'HTML pages', 'ms/post'],
    ...[cold, warm, unchanged, bare, starter].map((r) => [r.label, `${r.wallS.toFixed(1)} s`, `${toBare(r).toFixed(2)}×`, `${(r.wallS / starter.wallS).toFixed(2)}×`, fmtMiB(r.rssMiB), String(r.pages), ((r.wallS * 1000) / posts).toFixed(1)]),
  ];
  const loadEnd = loadavg()[0]!;
  console.log(`\n${posts} posts, ${runCount === 1 ? '1 round' : `median of ${runCount} alternating rounds`}, ${availableParallelism()} CPUs, load average ${loadStart.toFixed(2)} at the start, ${loadEnd.toFixed(2)} at the end`);
  if (Math.max(loadStart, loadEnd) > availableParallelism()) console.log('(the machine was busy with other work: times are noisy; compare the ratios, or rerun on an idle machine)');
  console.log('');
  console.log(table(rows));
  console.log(`\nall rounds (s): ours cold ${runs.cold.map((r) => r.wallS.toFixed(1)).join(', ')}; warm ${runs.warm.map((r) => r.wallS.toFixed(1)).join(', ')}; nothing changed ${runs.unchanged.map((r) => r.wallS.toFixed(1)).join(', ')}; bare ${runs.bare.map((r) => r.wallS.toFixed(1)).join(', ')}; starter ${runs.starter.map((r) => r.wallS.toFixed(1)).join(', ')}`);
  console.log(`\nWhere the time went (from Astro's log):\n${[cold, warm, unchanged, bare, starter].map((r) => breakdown(r)).join('\n')}`);

  const peakLimit = posts <= 1000 ? TARGETS.peakMiB1000 : undefined;
  const checks = [
    { what: `cold build within ${TARGETS.coldToBare}× the bare build`, ok: toBare(cold) <= TARGETS.coldToBare, figure: `${toBare(cold).toFixed(2)}×` },
    { what: `warm build (one post changed) within ${TARGETS.warmToBareCold}× the bare cold build`, ok: toBare(warm) <= TARGETS.warmToBareCold, figure: `${toBare(warm).toFixed(2)}×` },
    ...(peakLimit && cold.rssMiB !== null ? [{ what: `peak RSS within ${peakLimit} MiB`, ok: cold.rssMiB <= peakLimit, figure: fmtMiB(cold.rssMiB) }] : []),
  ];
  console.log('');
  for (const c of checks) console.log(`${c.ok ? '✓' : '✗'} ${c.what}: ${c.figure}`);

  const summary = (r: BuildRun) => ({ wallS: r.wallS, peakRssMiB: r.rssMiB, pages: r.pages, msPerPost: (r.wallS * 1000) / posts, phases: r.phases });
  const result = {
    date: new Date().toISOString(),
    posts,
    runs: runCount,
    cpus: availableParallelism(),
    node: process.version,
    loadAverage: { start: loadStart, end: loadEnd },
    allRunsWallS: { oursCold: runs.cold.map((r) => r.wallS), oursWarm: runs.warm.map((r) => r.wallS), oursUnchanged: runs.unchanged.map((r) => r.wallS), bareCold: runs.bare.map((r) => r.wallS), starterCold: runs.starter.map((r) => r.wallS) },
    peakRss: gnuTime ? 'GNU time %M: largest resident set among the build process and its children' : 'n/a',
    ours: { cold: summary(cold), warm: summary(warm), unchanged: summary(unchanged) },
    bare: { cold: summary(bare) },
    starter: { cold: summary(starter) },
    ratio: { oursColdToBare: toBare(cold), oursWarmToBareCold: toBare(warm), oursUnchangedToBareCold: toBare(unchanged), oursColdToStarter: cold.wallS / starter.wallS },
    targets: TARGETS,
    met: Object.fromEntries(checks.map((c) => [c.what, c.ok])),
  };
  writeFileSync(join(benchDir, 'result.json'), `${JSON.stringify(result, null, 2)}\n`);
  console.log(`\nresult: ${relative(root, join(benchDir, 'result.json'))}; build logs: ${relative(root, benchDir)}/*.log`);
}

await main();
