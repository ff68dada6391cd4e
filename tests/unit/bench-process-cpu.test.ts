import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseStat, processLabel, processTree, ProcessTreeCpu } from '../../scripts/bench/process-cpu';

describe('npm run bench: CPU time of every process of a build', () => {
  it('reads /proc/<pid>/stat, a command name with spaces and parentheses included', () => {
    const line = '4242 (Web (Content) x) S 4200 4242 4242 0 -1 4194560 1200 0 0 0 1534 221 3 1 20 0 12 0 900 1000000 5000';
    // utime 1534 + stime 221 ticks; the children's 3 and 1 are theirs, not this process's.
    expect(parseStat(line)).toEqual({ pid: 4242, ppid: 4200, ticks: 1755 });
    expect(parseStat('garbage')).toBeUndefined();
  });

  it('follows a tree by parents, leaving out the processes outside it', () => {
    const stats = [
      { pid: 1, ppid: 0, ticks: 5 },
      { pid: 10, ppid: 1, ticks: 1 }, // GNU time
      { pid: 11, ppid: 10, ticks: 100 }, // Astro
      { pid: 12, ppid: 11, ticks: 40 }, // Pagefind
      { pid: 13, ppid: 12, ticks: 2 },
      { pid: 20, ppid: 1, ticks: 999 }, // another session's build
    ];
    expect(processTree(stats, 10).map((s) => s.pid)).toEqual([10, 11, 12, 13]);
    expect(processTree(stats, 99)).toEqual([]);
  });

  it('names the processes of a build', () => {
    expect(processLabel(['/work/site/node_modules/pagefind-linux-x64/bin/pagefind_extended', '--service'])).toBe('Pagefind');
    expect(processLabel(['/usr/bin/node', '--max-old-space-size=3072', '/work/site/node_modules/.bin/astro', 'build'])).toBe('Astro');
    expect(processLabel(['node', '/work/site/node_modules/astro/bin/astro.mjs', 'build'])).toBe('Astro');
    // node_modules/.bin/astro starts as `env`, which then becomes Node under the same number.
    expect(processLabel(['/usr/bin/env', 'node', '/work/site/node_modules/.bin/astro', 'build'])).toBe('Astro');
    expect(processLabel(['/usr/bin/env', '-i', 'NODE_ENV=production', 'node', '/work/site/scripts/x.ts'])).toBe('x.ts');
    expect(processLabel(['/work/site/node_modules/node/bin/node', '--max-old-space-size=3072', '/work/site/src/lib/og-predraw-child.ts'])).toBe('og-predraw-child.ts');
    expect(processLabel(['/usr/bin/time', '-f', '%e %M', 'astro'])).toBe('time');
    expect(processLabel(['/work/site/node_modules/@esbuild/linux-x64/bin/esbuild', '--service=0.25.0'])).toBe('esbuild');
  });

  // A real tree: a shell that starts a busy Node script and exits without waiting for it, so
  // nothing reaps the script's seconds into its parent's, as with Astro and Pagefind's process.
  it.runIf(existsSync('/proc/self/stat'))("counts the CPU of a child nobody waited for", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bench-cpu-'));
    try {
      const script = join(dir, 'busy-child.mjs');
      writeFileSync(script, 'const end = Date.now() + 1000; while (Date.now() < end);\n');
      const shell = spawn('sh', ['-c', `"${process.execPath}" "${script}" & sleep 0.5; exit 0`], { stdio: 'ignore' });
      const cpu = new ProcessTreeCpu(shell.pid!, { scanMs: 20, updateMs: 10 });
      await new Promise((resolve) => shell.on('close', resolve));
      const used = cpu.stop();
      // Up to half a second busy while the shell lived (less on a loaded machine); the rest ran
      // after the "build" had ended.
      const child = used.byLabel.find((c) => c.label === 'busy-child.mjs');
      expect(child?.s).toBeGreaterThan(0.05);
      expect(child?.s).toBeLessThan(0.9);
      expect(used.totalS).toBeGreaterThanOrEqual(child!.s);
      // Its start is placed after a look that did not see it, and its main thread's CPU is followed.
      const followed = used.processes.find((p) => p.label === 'busy-child.mjs')!;
      expect(followed.startedAfterS).toBeGreaterThanOrEqual(0);
      expect(followed.mainThread.at(-1)![1]).toBeGreaterThan(0);
      expect(followed.mainThread.at(-1)![1]).toBeLessThanOrEqual(followed.s);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  // A process is first seen as what it was before exec: a forked child shows its parent's command
  // line until it execs, and node_modules/.bin/astro is `env` before it is Node.
  it.runIf(existsSync('/proc/self/stat'))('names a process by what it became, not by what it was first seen as', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bench-cpu-'));
    try {
      const script = join(dir, 'became.mjs');
      writeFileSync(script, 'const end = Date.now() + 300; while (Date.now() < end);\n');
      const shell = spawn('sh', ['-c', `sleep 0.2; exec "${process.execPath}" "${script}"`], { stdio: 'ignore' });
      const cpu = new ProcessTreeCpu(shell.pid!, { scanMs: 20, updateMs: 10 });
      await new Promise((resolve) => shell.on('close', resolve));
      const labels = cpu.stop().byLabel.map((c) => c.label);
      expect(labels).toContain('became.mjs');
      expect(labels).not.toContain('sh');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
