/**
 * CPU time of a build and every process it starts, read from Linux's /proc while it runs.
 *
 * GNU time's %U and %S count only the children a process waited for. Pagefind's process is killed
 * at the end of the build and the build exits without waiting for it, so its seconds (4–6 s of a
 * 1,000-post warm build) would be missing. Reading each process's own time (`utime`, `stime` of
 * /proc/<pid>/stat) every few milliseconds counts every process in the tree, whoever reaps it,
 * less at most one interval per process at its end.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';

export interface ProcStat {
  pid: number;
  ppid: number;
  /** User plus system CPU of this process alone (not its children), in clock ticks. */
  ticks: number;
}

/**
 * One /proc/<pid>/stat line. The command name sits in parentheses and may hold spaces and
 * parentheses itself, so the fields are counted from the last ")".
 */
export function parseStat(line: string): ProcStat | undefined {
  const close = line.lastIndexOf(')');
  if (close < 0) return undefined;
  const pid = Number.parseInt(line, 10);
  // After ")": state, ppid, pgrp, session, tty, tpgid, flags, minflt, cminflt, majflt, cmajflt, utime, stime.
  const fields = line.slice(close + 2).split(' ');
  const ppid = Number(fields[1]);
  const ticks = Number(fields[11]) + Number(fields[12]);
  return Number.isInteger(pid) && Number.isInteger(ppid) && Number.isFinite(ticks) ? { pid, ppid, ticks } : undefined;
}

/** `root` and every process below it, by their parents. */
export function processTree(stats: Iterable<ProcStat>, root: number): ProcStat[] {
  const children = new Map<number, ProcStat[]>();
  let rootStat: ProcStat | undefined;
  for (const stat of stats) {
    if (stat.pid === root) rootStat = stat;
    const siblings = children.get(stat.ppid) ?? [];
    siblings.push(stat);
    children.set(stat.ppid, siblings);
  }
  const tree: ProcStat[] = rootStat ? [rootStat] : [];
  for (let i = 0; i < tree.length; i++) tree.push(...(children.get(tree[i]!.pid) ?? []));
  return tree;
}

/** The labels the floors look for: the build's own process and the search index's. */
const ASTRO = 'Astro';
const PAGEFIND = 'Pagefind';

/**
 * What a process is, for the report: Pagefind, esbuild, the `astro` command, a Node script by its
 * file name (the site's card and link-check processes), else the program's name. A process seen
 * while `env` (the `#!/usr/bin/env node` of node_modules/.bin/astro) was starting its program is
 * named by that program: the process keeps its number when `env` becomes it.
 */
export function processLabel(argv: string[]): string {
  if (basename(argv[0] ?? '') === 'env') {
    const program = argv.slice(1).findIndex((arg) => !arg.startsWith('-') && !/^[A-Za-z_][A-Za-z0-9_]*=/.test(arg));
    if (program >= 0) return processLabel(argv.slice(program + 1));
  }
  const program = basename(argv[0] ?? '');
  if (/pagefind/.test(program)) return PAGEFIND;
  if (program === 'time') return 'time';
  if (/^node(js)?$/.test(program)) {
    if (argv.some((arg) => /(^|\/)astro(\.m?js)?$/.test(arg))) return ASTRO;
    const script = argv.slice(1).find((arg) => !arg.startsWith('-'));
    return script ? basename(script) : 'node';
  }
  return program || '?';
}

/** One process of a build, as sampled. */
export interface ProcessCpu {
  label: string;
  /** CPU seconds of the whole process, every thread. */
  s: number;
  /** Seconds after sampling began of the last look that did not find it yet: it started later. */
  startedAfterS: number;
  /**
   * Its main thread's CPU seconds as it grew: [seconds after sampling began, CPU so far]. For Node
   * that is the JavaScript thread, which runs one thing at a time.
   */
  mainThread: [number, number][];
}

export interface CpuByProcess {
  /** Seconds of CPU of every process of the tree. */
  totalS: number;
  /** The same, by process label, largest first. */
  byLabel: { label: string; s: number }[];
  processes: ProcessCpu[];
}

interface Followed {
  ticks: number;
  label: string;
  startedAfterS: number;
  mainThread: [number, number][];
}

/**
 * Samples the tree under `root` until stopped. Linux only: `available()` says whether /proc is
 * there. Every `scanMs` all of /proc is read to find new processes of the tree; every `updateMs`
 * only the ones found, so a process's last seconds are missed by at most `updateMs`.
 */
export class ProcessTreeCpu {
  static available(): boolean {
    try {
      return parseStat(readFileSync('/proc/self/stat', 'utf8')) !== undefined;
    } catch {
      return false;
    }
  }

  readonly #root: number;
  /** Clock ticks per second (`getconf CLK_TCK`): 100 on every Linux that Node runs on. */
  readonly #ticksPerSecond: number;
  readonly #seen = new Map<number, Followed>();
  readonly #timers: NodeJS.Timeout[];
  readonly #began = performance.now();
  /** When the last scan ran, in seconds after sampling began. */
  #lastScanS = 0;

  constructor(root: number, { scanMs = 250, updateMs = 50, ticksPerSecond = 100 } = {}) {
    this.#root = root;
    this.#ticksPerSecond = ticksPerSecond;
    this.scan();
    this.#timers = [setInterval(() => this.scan(), scanMs), setInterval(() => this.update(), updateMs)];
  }

  #now(): number {
    return (performance.now() - this.#began) / 1000;
  }

  /** Reads every process, and starts following the tree's new ones. */
  scan(): void {
    const now = this.#now();
    const stats: ProcStat[] = [];
    for (const name of readdirSync('/proc')) {
      if (!/^\d+$/.test(name)) continue;
      const stat = readStat(Number(name));
      if (stat) stats.push(stat);
    }
    for (const { pid, ticks } of processTree(stats, this.#root)) {
      const known = this.#seen.get(pid);
      // Named again at every scan: a process caught between fork and exec still shows its
      // parent's command line (Astro's, for the link check's process), and `env` becomes Node.
      const label = readLabel(pid);
      if (!known) {
        const followed: Followed = { ticks, label, startedAfterS: this.#lastScanS, mainThread: [] };
        this.#seen.set(pid, followed);
        this.#readMainThread(pid, followed, now);
      } else {
        known.ticks = Math.max(known.ticks, ticks);
        if (label !== '?') known.label = label;
      }
    }
    this.#lastScanS = now;
  }

  /** Reads the processes already followed. */
  update(): void {
    const now = this.#now();
    for (const [pid, known] of this.#seen) {
      const stat = readStat(pid);
      if (stat) known.ticks = Math.max(known.ticks, stat.ticks);
      this.#readMainThread(pid, known, now);
    }
  }

  #readMainThread(pid: number, followed: Followed, now: number): void {
    const stat = readStat(pid, `/proc/${pid}/task/${pid}/stat`);
    if (!stat) return;
    const s = stat.ticks / this.#ticksPerSecond;
    const last = followed.mainThread.at(-1);
    if (!last || s > last[1]) followed.mainThread.push([now, s]);
  }

  stop(): CpuByProcess {
    for (const timer of this.#timers) clearInterval(timer);
    const processes = [...this.#seen.values()].map(({ ticks, label, startedAfterS, mainThread }) => ({ label, s: ticks / this.#ticksPerSecond, startedAfterS, mainThread }));
    const byLabel = new Map<string, number>();
    for (const { label, s } of processes) byLabel.set(label, (byLabel.get(label) ?? 0) + s);
    return {
      totalS: processes.reduce((sum, p) => sum + p.s, 0),
      byLabel: [...byLabel].map(([label, s]) => ({ label, s })).sort((a, b) => b.s - a.s),
      processes,
    };
  }
}

/** A main thread's CPU seconds as last read at or before `atS` (0 before the first reading). */
export function mainThreadBy(mainThread: readonly [number, number][], atS: number): number {
  let s = 0;
  for (const [t, cpu] of mainThread) {
    if (t > atS) break;
    s = cpu;
  }
  return s;
}

/**
 * The least wall time the order of a build's work allows, whatever the number of cores: Astro's
 * JavaScript thread does one thing at a time, and Pagefind's process starts only once every page
 * is written. So a build takes at least what that thread did before Pagefind's process started,
 * then Pagefind's CPU spread over the cores. A build without Pagefind takes at least what the
 * thread did in all. Both figures are as sampled, so never more than what was done: the floor
 * never overstates. Undefined when no Astro process was seen.
 */
export function orderFloor(processes: readonly ProcessCpu[], cores: number): { floorS: number; astroThreadS: number; indexS: number } | undefined {
  const astro = processes.filter((p) => p.label === ASTRO).sort((a, b) => b.s - a.s)[0];
  if (!astro) return undefined;
  const pagefind = processes.filter((p) => p.label === PAGEFIND);
  if (pagefind.length === 0) {
    const astroThreadS = astro.mainThread.at(-1)?.[1] ?? 0;
    return { floorS: astroThreadS, astroThreadS, indexS: 0 };
  }
  const started = Math.min(...pagefind.map((p) => p.startedAfterS));
  const astroThreadS = mainThreadBy(astro.mainThread, started);
  const indexS = pagefind.reduce((sum, p) => sum + p.s, 0) / cores;
  return { floorS: astroThreadS + indexS, astroThreadS, indexS };
}

function readStat(pid: number, path = `/proc/${pid}/stat`): ProcStat | undefined {
  try {
    return parseStat(readFileSync(path, 'utf8'));
  } catch {
    return undefined; // ended since it was listed
  }
}

function readLabel(pid: number): string {
  try {
    return processLabel(readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean));
  } catch {
    return '?';
  }
}
