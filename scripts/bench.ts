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
 *   3. prints the median of each build (wall time, CPU time, peak RSS, pages, where the time
 *      went), the ratios to the bare build and the targets, the least time the cold and warm
 *      builds' CPU allows on this machine's cores, and writes .tmp/bench/result.json.
 *
 * Exits 1 only when a build fails (with the tail of its log); a missed target is reported, not fatal.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { writeBareSite } from './bench/bare.ts';
import { writePosts } from './bench/generate-posts.ts';
import { hasGnuTime, measureBuild, type BuildRun } from './bench/measure.ts';
import { ProcessTreeCpu } from './bench/process-cpu.ts';
import { breakdown, checkTargets, cpuFloors, formatMiB, table, targetsFor } from './bench/report.ts';
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

/** The five builds, as the table names them. */
const LABELS = {
  cold: '이 사이트, 콜드',
  warm: '이 사이트, 웜 (글 1개 바뀜)',
  unchanged: '이 사이트, 웜 (바뀐 것 없음)',
  bare: '기본 Astro, 콜드',
  starter: '스타터, 콜드',
};

const USAGE = '사용법: npm run bench [-- --posts N] [--runs R]   (기본값: 글 1,000개, 3회; 빌드마다 중앙값을 보여 줍니다)';

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
      console.error(`알 수 없는 옵션입니다: ${arg}\n${USAGE}`);
      process.exit(2);
    }
    const name = match[1] as 'posts' | 'runs';
    const value = match[2] ?? argv[++i];
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1) {
      console.error(`--${name}: "${value ?? ''}"은(는) 1 이상의 정수가 아닙니다. 예: --${name} ${options[name]}`);
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
  console.error(`\n✗ ${run.label} 빌드가 ${run.wallS.toFixed(1)} s 만에 실패했습니다. 로그의 마지막 줄:\n\n${tail}`);
  process.exit(1);
}

async function build(label: string, key: string, cwd: string, outName: string, cacheName: string, cold: boolean, extraEnv: Record<string, string>, gnuTime: boolean): Promise<BuildRun> {
  const outDir = join(benchDir, outName);
  const cacheDir = join(benchDir, cacheName);
  rmSync(outDir, { recursive: true, force: true });
  if (cold) rmSync(cacheDir, { recursive: true, force: true });
  process.stdout.write(`${label} 빌드 중… `);
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

async function main(): Promise<void> {
  const { posts, runs: runCount } = parseArgs(process.argv.slice(2));
  if (!existsSync(astroBin)) {
    console.error(`${relative(root, astroBin)}이(가) 없습니다. 먼저 npm install을 실행하세요.`);
    process.exit(1);
  }
  mkdirSync(benchDir, { recursive: true });
  const gnuTime = hasGnuTime();
  if (!ProcessTreeCpu.available()) console.log('/proc이 없어(리눅스가 아님) CPU 시간은 "알 수 없음"으로 나옵니다.');
  if (!gnuTime) console.log('GNU time(/usr/bin/time)이 없어 최대 메모리는 "알 수 없음"으로 나옵니다 (apt-get install time).');

  const loadStart = loadavg()[0]!;
  const text = generateContent(posts);
  console.log(`글 ${posts.toLocaleString('ko-KR')}개를 ${relative(root, postsDir)}에 썼습니다 (글마다 한글 ${text.hangulMin.toLocaleString('ko-KR')}–${text.hangulMax.toLocaleString('ko-KR')}자).`);
  setUpStarter();

  writeBareSite(bareDir, join(root, 'node_modules'));

  // Ours as `npm run build` runs it (scripts/safe-build.ts), heap limit and allocator settings included; the others as Astro runs by default.
  const ourEnv = { CONTENT_DIR: contentDir, ...buildRuntimeEnv() };
  const bareEnv = { BENCH_POSTS_DIR: postsDir };
  const runs: Record<'cold' | 'warm' | 'unchanged' | 'bare' | 'starter', BuildRun[]> = { cold: [], warm: [], unchanged: [], bare: [], starter: [] };
  for (let r = 1; r <= runCount; r++) {
    if (runCount > 1) console.log(`${r}/${runCount}회차`);
    runs.cold.push(await build(LABELS.cold, 'ours-cold', root, 'ours-dist', 'ours-cache', true, ourEnv, gnuTime));
    runs.bare.push(await build(LABELS.bare, 'bare-cold', bareDir, 'bare-dist', 'bare-cache', true, bareEnv, gnuTime));
    changeOnePost(r);
    runs.warm.push(await build(LABELS.warm, 'ours-warm', root, 'ours-dist', 'ours-cache', false, ourEnv, gnuTime));
    runs.unchanged.push(await build(LABELS.unchanged, 'ours-unchanged', root, 'ours-dist', 'ours-cache', false, ourEnv, gnuTime));
    runs.starter.push(await build(LABELS.starter, 'starter-cold', starterDir, 'starter-dist', 'starter-cache', true, { BENCH_POSTS_DIR: postsDir }, gnuTime));
  }
  const cold = median(runs.cold);
  const warm = median(runs.warm);
  const unchanged = median(runs.unchanged);
  const bare = median(runs.bare);
  const starter = median(runs.starter);

  const toBare = (a: BuildRun) => a.wallS / bare.wallS;
  const rows = [
    ['', '시간', '기본 대비', '스타터 대비', 'CPU', '최대 RSS', 'HTML 페이지', '글당 ms'],
    ...[cold, warm, unchanged, bare, starter].map((r) => [r.label, `${r.wallS.toFixed(1)} s`, `${toBare(r).toFixed(2)}×`, `${(r.wallS / starter.wallS).toFixed(2)}×`, r.cpuS === null ? '알 수 없음' : `${r.cpuS.toFixed(1)} s`, formatMiB(r.rssMiB), r.pages.toLocaleString('ko-KR'), ((r.wallS * 1000) / posts).toFixed(1)]),
  ];
  const loadEnd = loadavg()[0]!;
  console.log(`\n글 ${posts.toLocaleString('ko-KR')}개, ${runCount === 1 ? '1회' : `${runCount}회 번갈아 빌드한 중앙값`}, CPU ${availableParallelism()}개, 부하 평균 시작 ${loadStart.toFixed(2)}, 끝 ${loadEnd.toFixed(2)}`);
  if (Math.max(loadStart, loadEnd) > availableParallelism()) console.log('(기계가 다른 일로 바빠 시간이 흔들립니다. 비율을 비교하거나, 한가한 기계에서 다시 실행하세요.)');
  console.log('');
  console.log(table(rows));
  const seconds = (list: BuildRun[]) => list.map((r) => r.wallS.toFixed(1)).join(', ');
  console.log(`\n모든 회차(초): 콜드 ${seconds(runs.cold)}; 웜 ${seconds(runs.warm)}; 바뀐 것 없음 ${seconds(runs.unchanged)}; 기본 Astro ${seconds(runs.bare)}; 스타터 ${seconds(runs.starter)}`);
  console.log(`\n시간이 든 곳 (Astro 로그 기준):\n${[cold, warm, unchanged, bare, starter].map((r) => breakdown(r)).join('\n')}`);

  const checks = checkTargets(posts, cold, warm, bare);
  console.log('');
  for (const c of checks) console.log(`${c.ok ? '✓' : '✗'} ${c.what}: ${c.figure}`);
  const floors = cpuFloors(posts, cold, warm, bare, availableParallelism());
  if (floors.length) console.log(`\n일의 양과 순서로 본 하한 (CPU는 빌드의 모든 프로세스가 쓴 사용자+시스템 시간):\n${floors.map((f) => `  ${f.text}`).join('\n')}`);

  const summary = (r: BuildRun) => ({ wallS: r.wallS, cpuS: r.cpuS, cpuByProcess: r.cpuByProcess, peakRssMiB: r.rssMiB, pages: r.pages, msPerPost: (r.wallS * 1000) / posts, phases: r.phases });
  const result = {
    date: new Date().toISOString(),
    posts,
    runs: runCount,
    cpus: availableParallelism(),
    node: process.version,
    loadAverage: { start: loadStart, end: loadEnd },
    allRunsWallS: { oursCold: runs.cold.map((r) => r.wallS), oursWarm: runs.warm.map((r) => r.wallS), oursUnchanged: runs.unchanged.map((r) => r.wallS), bareCold: runs.bare.map((r) => r.wallS), starterCold: runs.starter.map((r) => r.wallS) },
    peakRss: gnuTime ? 'GNU time %M: largest resident set among the build process and its children' : 'n/a',
    cpu: ProcessTreeCpu.available() ? 'user + system CPU of every process of the build, each read from /proc every 50 ms' : 'n/a',
    ours: { cold: summary(cold), warm: summary(warm), unchanged: summary(unchanged) },
    bare: { cold: summary(bare) },
    starter: { cold: summary(starter) },
    ratio: { oursColdToBare: toBare(cold), oursWarmToBareCold: toBare(warm), oursUnchangedToBareCold: toBare(unchanged), oursColdToStarter: cold.wallS / starter.wallS },
    targets: targetsFor(posts),
    met: Object.fromEntries(checks.map((c) => [c.id, c.ok])),
    cpuFloor: Object.fromEntries(floors.map(({ id, text: _text, ...floor }) => [id, floor])),
  };
  writeFileSync(join(benchDir, 'result.json'), `${JSON.stringify(result, null, 2)}\n`);
  console.log(`\n결과: ${relative(root, join(benchDir, 'result.json'))}, 빌드 로그: ${relative(root, benchDir)}/*.log`);
}

await main();
