/**
 * Runs one `astro build` and measures it: wall time, peak RSS (GNU time's %M: the largest
 * resident set of the build process or any child it waited for), CPU time of every process of the
 * build (scripts/bench/process-cpu.ts), pages written, and where the time went according to
 * Astro's own log.
 */
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { ProcessTreeCpu, type CpuByProcess } from './process-cpu.ts';

const GNU_TIME = '/usr/bin/time';

/** True when /usr/bin/time is GNU time (BusyBox and BSD time lack `-f`/`-o`). */
export function hasGnuTime(): boolean {
  if (!existsSync(GNU_TIME)) return false;
  const probe = spawnSync(GNU_TIME, ['--version'], { encoding: 'utf8' });
  return `${probe.stdout}${probe.stderr}`.includes('GNU');
}

export interface Phases {
  /** Config, content sync, type generation, `astro:build:start` hooks ("Collecting build info"). */
  setupS?: number;
  /** Vite/Rolldown bundling of the server and client entrypoints. */
  bundleS?: number;
  /** Rendering every route (pages, endpoints, images). */
  generateS?: number;
  /** After generation: `astro:build:done` hooks (sitemap, search index, link checks) and clean-up. */
  afterS?: number;
  /** Time per route group, from Astro's "(+12ms)" lines, largest first. */
  routes: { group: string; count: number; s: number }[];
}

export interface BuildRun {
  label: string;
  ok: boolean;
  wallS: number;
  /** Peak RSS in MiB, or null when GNU time is not available. */
  rssMiB: number | null;
  /** User plus system CPU seconds of the build and every process it started, or null without /proc. */
  cpuS: number | null;
  /** The same by process (Astro, Pagefind, the card and link-check processes), largest first. */
  cpuByProcess: CpuByProcess['byLabel'];
  /** Every process as sampled, with its start and its main thread's CPU over time. */
  cpuProcesses: CpuByProcess['processes'];
  pages: number;
  phases: Phases;
  /** Full log, colours stripped. */
  output: string;
}

function stripAnsi(text: string): string {
  return text.replace(/\x1b\[[0-9;]*m/g, '');
}

/**
 * Groups a route by replacing its varying segments with "*": a segment stays when it names a
 * section of the site (any first segment, e.g. "posts" in /og/posts/a.png), is "page", or is a
 * feed-like file (rss.xml); the number after "page" becomes N.
 *   /og/posts/a.png -> og/posts/*.png, /tags/x/page/2/ -> tags/*\/page/N, /categories/x/rss.xml -> categories/*\/rss.xml
 */
export function routeGroup(path: string, sections: ReadonlySet<string>): string {
  const parts = path.replace(/^\/+|\/+$/g, '').replace(/(^|\/)index\.html$/, '').split('/').filter(Boolean);
  if (parts.length === 0) return '/ (home)';
  return parts
    .map((part, i) => {
      if (i === 0 || part === 'page' || sections.has(part) || /\.(xml|json|txt)$/.test(part)) return part;
      if (parts[i - 1] === 'page') return 'N';
      const ext = part.match(/\.[a-z]+$/)?.[0] ?? '';
      return `*${ext}`;
    })
    .join('/');
}

/** Astro prints durations as "183ms", "42.32s" or "1m 5s". */
const DURATION = String.raw`((?:\d+m\s+)?[\d.]+m?s)`;

export function parseDuration(text: string): number {
  const m = text.match(/^(?:(\d+)m\s+)?([\d.]+)(m?s)$/);
  if (!m) return NaN;
  return Number(m[1] ?? 0) * 60 + Number(m[2]) / (m[3] === 'ms' ? 1000 : 1);
}

/** Reads Astro 7's build log. Missing lines leave the phase undefined: the table then shows "?". */
export function parsePhases(log: string): Phases {
  const phases: Phases = { routes: [] };
  const duration = (pattern: string, flags = '') => {
    const m = log.match(new RegExp(pattern.replace('DURATION', DURATION), flags));
    return m ? parseDuration(m[1] as string) : undefined;
  };
  phases.setupS = duration(String.raw`Collecting build info\.\.\.\s*\n.*?✓ Completed in DURATION`);
  let bundle = 0;
  for (const m of log.matchAll(new RegExp(String.raw`\[vite\] ✓ built in ${DURATION}`, 'g'))) bundle += parseDuration(m[1] as string);
  if (bundle > 0) phases.bundleS = bundle;
  // Page generation ends with an untagged "✓ Completed in" line (the tagged ones are [build]).
  phases.generateS = duration(String.raw`^\d\d:\d\d:\d\d ✓ Completed in DURATION`, 'm');
  const total = duration(String.raw`page\(s\) built in DURATION`);
  // The last "[build] ✓ Completed" covers bundling and generation.
  const build = duration(String.raw`\[build\] ✓ Completed in DURATION\.?\s*\n(?![\s\S]*\[build\] ✓ Completed in)`);
  if (total !== undefined && phases.setupS !== undefined && build !== undefined) phases.afterS = Math.max(0, total - phases.setupS - build);
  const groups = new Map<string, { count: number; s: number }>();
  const routes = [...log.matchAll(/[├└]─ (\S+) \(\+([\d.]+)(m?s)\)/g)];
  const sections = new Set(routes.map((m) => (m[1] as string).split('/').filter(Boolean)[0] ?? ''));
  for (const m of routes) {
    const group = routeGroup(m[1] as string, sections);
    const entry = groups.get(group) ?? { count: 0, s: 0 };
    entry.count += 1;
    entry.s += parseDuration(`${m[2]}${m[3]}`);
    groups.set(group, entry);
  }
  phases.routes = [...groups].map(([group, v]) => ({ group, ...v })).sort((a, b) => b.s - a.s);
  return phases;
}

/** Number of HTML pages under `dir`. */
export function countPages(dir: string): number {
  if (!existsSync(dir)) return 0;
  let n = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith('.html')) n++;
  }
  return n;
}

/**
 * Peak RSS in MiB from GNU time's report for `-f '%e %M'`: its last line (earlier lines say
 * "Command exited with non-zero status N"); null when the line holds none.
 */
export function parseGnuTime(report: string): number | null {
  const kb = Number((report.trim().split('\n').pop() ?? '').split(/\s+/)[1]);
  return Number.isFinite(kb) && kb > 0 ? kb / 1024 : null;
}

export interface BuildSpec {
  label: string;
  /** Project root the build runs in. */
  cwd: string;
  astroBin: string;
  env: Record<string, string>;
  outDir: string;
  /** Scratch file for GNU time's report. */
  timeFile: string;
  /** Where the build's stdout and stderr go. A file, not a pipe: Node may exit before a pipe is drained. */
  logFile: string;
  gnuTime: boolean;
}

export async function measureBuild(spec: BuildSpec): Promise<BuildRun> {
  rmSync(spec.timeFile, { force: true });
  const [cmd, args] = spec.gnuTime
    ? [GNU_TIME, ['-f', '%e %M', '-o', spec.timeFile, spec.astroBin, 'build']]
    : [spec.astroBin, ['build']];
  const log = openSync(spec.logFile, 'w');
  let spawnError = '';
  let cpu: ProcessTreeCpu | undefined;
  const started = performance.now();
  const code = await new Promise<number>((resolveExit) => {
    const child = spawn(cmd, args, { cwd: spec.cwd, env: spec.env, stdio: ['ignore', log, log] });
    if (child.pid !== undefined && ProcessTreeCpu.available()) cpu = new ProcessTreeCpu(child.pid);
    child.on('error', (error) => {
      spawnError = `\n${error.message}\n`;
      resolveExit(127);
    });
    child.on('close', (status) => resolveExit(status ?? 1));
  });
  const wallS = (performance.now() - started) / 1000;
  const cpuUsed = cpu?.stop();
  closeSync(log);
  const output = stripAnsi(readFileSync(spec.logFile, 'utf8')) + spawnError;
  const rssMiB = spec.gnuTime && existsSync(spec.timeFile) ? parseGnuTime(readFileSync(spec.timeFile, 'utf8')) : null;
  const cpuS = cpuUsed ? cpuUsed.totalS : null;
  return { label: spec.label, ok: code === 0, wallS, rssMiB, cpuS, cpuByProcess: cpuUsed?.byLabel ?? [], cpuProcesses: cpuUsed?.processes ?? [], pages: countPages(spec.outDir), phases: parsePhases(output), output };
}
