/**
 * Running the project's own tools (astro) from the scripts, with Node 24 from node_modules/.bin
 * first on PATH whatever started us.
 */
import { spawn, spawnSync, type ChildProcess, type SpawnSyncReturns } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const projectRoot = resolve(import.meta.dirname, '../..');
export const astroBin = join(projectRoot, 'node_modules/.bin/astro');

export function toolEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PATH: `${join(projectRoot, 'node_modules/.bin')}:${process.env.PATH ?? ''}`,
    ASTRO_TELEMETRY_DISABLED: '1',
  };
  for (const [key, value] of Object.entries(extra)) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  return env;
}

export const stripAnsi = (text: string): string => text.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '');

/** Runs a command to completion and captures its output (colours stripped). */
export function runCaptured(command: string, args: string[], env: NodeJS.ProcessEnv): { ok: boolean; output: string; status: number | null } {
  const result: SpawnSyncReturns<string> = spawnSync(command, args, { cwd: projectRoot, env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const output = stripAnsi(`${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? `\n${result.error.message}` : ''}`);
  return { ok: result.status === 0, output, status: result.status };
}

export interface StartedCommand {
  /** Settles when the command exits, with its output as runCaptured gives it. */
  result: Promise<{ ok: boolean; output: string; status: number | null }>;
  /** Stops the command (SIGTERM) and waits for it to exit; its result is then not ok. */
  stop(): Promise<void>;
}

/**
 * Starts a command in the background, its output going to `logFile` rather than a pipe: the
 * caller may block its own event loop meanwhile (spawnSync, long synchronous work) without the
 * command stalling on a full pipe.
 */
export function startCaptured(command: string, args: string[], env: NodeJS.ProcessEnv, logFile: string): StartedCommand {
  const fd = openSync(logFile, 'w');
  const child = spawn(command, args, { cwd: projectRoot, env, stdio: ['ignore', fd, fd] });
  closeSync(fd);
  const running = () => child.exitCode === null && child.signalCode === null;
  const kill = () => {
    if (running()) child.kill('SIGTERM');
  };
  // It never outlives the process that started it, however that process ends.
  process.on('exit', kill);
  const output = (extra = '') => stripAnsi(`${readFileSync(logFile, 'utf8')}${extra}`);
  const result = new Promise<{ ok: boolean; output: string; status: number | null }>((done) => {
    child.on('error', (error) => done({ ok: false, output: output(`\n${error.message}`), status: null }));
    child.on('close', (status) => done({ ok: status === 0, output: output(), status }));
  });
  void result.then(() => process.off('exit', kill));
  return {
    result,
    async stop() {
      kill();
      await result;
    },
  };
}

/** Runs a command with its output going straight to the terminal (long builds show progress). */
export function runInherited(command: string, args: string[], env: NodeJS.ProcessEnv, onSpawn?: (child: ChildProcess) => void): Promise<number> {
  return new Promise((done) => {
    const child = spawn(command, args, { cwd: projectRoot, env, stdio: 'inherit' });
    onSpawn?.(child);
    child.on('error', () => done(1));
    child.on('close', (code, signal) => done(code ?? (signal ? 1 : 0)));
  });
}

/**
 * The V8 heap limit the site's build runs with, in MiB. Without one, V8 sizes its heap from the
 * machine's memory and, while memory is free, keeps garbage instead of collecting it: a bare Astro
 * build of 10,000 posts peaked at 5.7 GB. With the limit it collects sooner, and the build's peak
 * stays near the limit plus native memory (docs/benchmark.md "memory").
 */
export const BUILD_HEAP_MIB = 3072;

/** NODE_OPTIONS with the build's heap limit added, unless the caller already chose one. */
export function withHeapLimit(nodeOptions: string | undefined, mib = BUILD_HEAP_MIB): string {
  const current = (nodeOptions ?? '').trim();
  if (/--max-old-space-size[=\s]/.test(current)) return current;
  return `${current} --max-old-space-size=${mib}`.trim();
}

/**
 * The environment an Astro build of this site runs with, on top of the caller's: the heap limit
 * above, and 2 MiB pages for mimalloc, the allocator linked into resvg (and other native
 * modules). With 4 KiB pages every Open Graph card's render touched about 90 fresh pages, each a
 * page fault, which a virtual machine makes costly; with 2 MiB pages about 10. Measured on a cold
 * 1,000-post build: rasterising a card 6.7 → 5.3 ms of CPU, the same peak memory
 * (docs/benchmark.md). A value the caller set wins.
 */
export function buildRuntimeEnv(env: NodeJS.ProcessEnv = process.env): { NODE_OPTIONS: string; MIMALLOC_ALLOW_LARGE_OS_PAGES: string } {
  return {
    NODE_OPTIONS: withHeapLimit(env.NODE_OPTIONS),
    MIMALLOC_ALLOW_LARGE_OS_PAGES: env.MIMALLOC_ALLOW_LARGE_OS_PAGES ?? '1',
  };
}
