/**
 * `npm run build`: builds the site into a temporary folder next to dist/ and replaces dist/ only
 * when the build succeeded, so a failed build (a mistake in a post, a crash, Ctrl-C) leaves the
 * last good site in place for the deploy step and the web server.
 *
 * What the writer reads: the writer checks' Korean problem blocks (printed by the integration
 * itself), warnings that matter, and a short summary. Astro's page-by-page log is shown only as
 * one progress line on a terminal; piped output (CI, a log file) gets no progress at all.
 *
 * OUT_DIR chooses the published folder (default dist/); CONTENT_DIR, BUILD_TIME, SITE_URL and
 * ASTRO_CACHE_DIR pass through to Astro.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { removeStaleStaging, stagingDirFor, swapInto } from './lib/atomic-dir.ts';
import { formatProblem } from '../src/lib/rules/problems.ts';
import { explainAstroFailure, isHarmlessWarning, isWrapperNoise } from './lib/astro-output.ts';
import { acquireBuildLock, OUTPUT_MARKER, outputFolderProblem } from './lib/output-guard.ts';
import { astroBin, buildRuntimeEnv, projectRoot, stripAnsi, toolEnv } from './lib/run.ts';

const target = resolve(projectRoot, process.env.OUT_DIR || 'dist');
const staging = stagingDirFor(target);
const relativeTarget = relative(process.cwd(), target);
const shown = !relativeTarget ? '.' : relativeTarget.startsWith('..') ? target : relativeTarget;
const terminal = Boolean(process.stdout.isTTY);

// Refuse before touching anything: an output folder that is not ours, or another build running.
const refusal = outputFolderProblem(target, projectRoot);
const lock = refusal ? undefined : acquireBuildLock(join(projectRoot, 'node_modules/.cache/socialbench-build.lock'));
const lockProblem = lock && !('release' in lock) ? lock : undefined;
if (refusal || lockProblem) {
  console.error(`\n${formatProblem((refusal ?? lockProblem)!)}\n\n✗ 빌드하지 않았습니다: ${shown}/는 그대로입니다.`);
  process.exit(1);
}
const buildLock = lock as { release(): void };
process.on('exit', () => buildLock.release());

removeStaleStaging(target);

let interrupted = false;
let child: ChildProcess | undefined;
const scratch = mkdtempSync(join(tmpdir(), 'socialbench-build-'));
const summaryFile = join(scratch, 'summary.json');
/** Signals Astro's whole process group; it may be gone already. */
const killGroup = (signal: NodeJS.Signals) => {
  if (child?.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already ended.
  }
};
const cleanUp = () => {
  rmSync(staging, { recursive: true, force: true });
  rmSync(scratch, { recursive: true, force: true });
};
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    // Stop the build (Ctrl-C in a terminal already reached it; a CI cancel may not have), then clean up below.
    interrupted = true;
    killGroup(signal);
  });
}

const started = Date.now();
// "Now" is fixed once for the whole build, so every page, feed and check agrees on what is published.
const buildTime = process.env.BUILD_TIME || new Date(started).toISOString();
const env = toolEnv({
  OUT_DIR: staging,
  BUILD_TIME: buildTime,
  SOCIALBENCH_SUMMARY_FILE: summaryFile,
  // A capped heap (V8 collects garbage sooner instead of growing to most of the machine's memory), and the allocator's settings.
  ...buildRuntimeEnv(),
  // The problem blocks are coloured only for a terminal.
  ...(terminal ? { FORCE_COLOR: '1' } : { NO_COLOR: '1', FORCE_COLOR: '0' }),
});

/** Astro's log, kept for a failure we did not explain ourselves. */
let astroLog = '';
let progressShown = false;
const progress = (line: string) => {
  if (!terminal) return;
  const text = stripAnsi(line).replace(/^\d\d:\d\d:\d\d\s+/, '').trim();
  if (!text) return;
  const width = Math.max(20, (process.stdout.columns || 80) - 12);
  process.stdout.write(`\r\x1b[K빌드 중… ${text.slice(0, width)}`);
  progressShown = true;
};
const clearProgress = () => {
  if (progressShown) process.stdout.write('\r\x1b[K');
  progressShown = false;
};

function forwardLines(stream: NodeJS.ReadableStream, onLine: (line: string) => void): void {
  let rest = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    const lines = (rest + chunk).split('\n');
    rest = lines.pop() ?? '';
    for (const line of lines) onLine(line);
  });
  stream.on('end', () => rest && onLine(rest));
}

const status = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => {
  // Its own process group, so stopping the build stops what Astro started too (Pagefind writing into the staging folder).
  const proc = spawn(astroBin, ['build', ...process.argv.slice(2)], { cwd: projectRoot, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  child = proc;
  // stdout is Astro's own log: a progress line, and its warnings unless known to be harmless.
  forwardLines(proc.stdout!, (line) => {
    astroLog += `${line}\n`;
    const plain = stripAnsi(line);
    if (/\[WARN\]/.test(plain) && !isHarmlessWarning(plain)) {
      clearProgress();
      console.log(plain.replace(/^\d\d:\d\d:\d\d\s+/, ''));
    } else progress(line);
  });
  // stderr carries the writer checks' problem blocks and real errors: shown as they come.
  forwardLines(proc.stderr!, (line) => {
    astroLog += `${line}\n`;
    const plain = stripAnsi(line);
    // Astro's own crash report is summarised in Korean at the end, without stack or wrapper.
    if (isHarmlessWarning(plain) || isWrapperNoise(plain) || /\[ERROR\]/.test(plain)) return;
    clearProgress();
    process.stderr.write(`${line}\n`);
  });
  proc.on('error', () => done({ code: 1, signal: null }));
  proc.on('close', (code, signal) => done({ code, signal }));
});
clearProgress();
const seconds = ((Date.now() - started) / 1000).toFixed(1);

if (status.code !== 0 || interrupted || !existsSync(staging)) {
  // Nothing of the build may still be writing when its folder is removed.
  killGroup('SIGKILL');
  const kept = existsSync(target) ? `${shown}/는 그대로 두었습니다 (마지막으로 성공한 사이트)` : `${shown}/에는 아무것도 쓰지 않았습니다`;
  const explained = existsSync(summaryFile) || /^(오류|경고) /m.test(stripAnsi(astroLog));
  if (!explained && !interrupted) console.error(explainAstroFailure(astroLog, status.signal));
  cleanUp();
  console.error(`\n✗ 빌드 실패 (${seconds}초): ${kept}.${interrupted ? ' 빌드를 중단했습니다.' : ''}`);
  process.exit(status.code && status.code !== 0 ? status.code : 1);
}

let summary: { published: number; drafts: number; scheduled: number; pages: number; links: number } | undefined;
try {
  summary = JSON.parse(readFileSync(summaryFile, 'utf8')) as typeof summary;
} catch {
  // Writer checks turned off (SOCIALBENCH_WRITER_CHECKS=0): no numbers to report.
}
// Marks the folder as this command's output, so the next build may replace it (scripts/lib/output-guard.ts).
writeFileSync(join(staging, OUTPUT_MARKER), '');
swapInto(staging, target);
rmSync(scratch, { recursive: true, force: true });
console.log(`✓ 빌드 완료 (${seconds}초) → ${shown}/`);
if (summary) {
  const waiting = [summary.drafts ? `초안 ${summary.drafts}개` : '', summary.scheduled ? `예약 ${summary.scheduled}개` : ''].filter(Boolean).join(', ');
  console.log(`  공개된 글 ${summary.published}개${waiting ? ` (${waiting}는 빌드하지 않았습니다)` : ''}`);
  console.log(`  페이지 ${summary.pages}개, 내부 링크 ${summary.links.toLocaleString('ko-KR')}개 확인`);
}
