/**
 * Replacing a published folder (dist/) with a freshly built one so that a reader, a web server
 * or a deploy step never sees a half-written site: the new site is built in a sibling folder
 * (same file system, so rename is atomic), and only then swapped in with two renames.
 *
 * POSIX rename cannot replace a non-empty directory, so the swap is: dist -> .dist-old-<pid>,
 * staging -> dist, remove the old one. Between the two renames (microseconds) dist/ is absent;
 * if the second rename fails, the first is undone.
 */
import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { isRunning } from '../../src/lib/is-running.ts';

export { isRunning };

/** Sibling folder to build into: `<parent>/.<name>-next-<pid>`. */
export function stagingDirFor(target: string, pid: number = process.pid): string {
  return join(dirname(target), `.${basename(target)}-next-${pid}`);
}

/** Leftovers of builds that were killed before they could clean up. */
export function removeStaleStaging(target: string): string[] {
  const parent = dirname(target);
  if (!existsSync(parent)) return [];
  const prefix = [`.${basename(target)}-next-`, `.${basename(target)}-old-`];
  const removed: string[] = [];
  // Killed between the two renames: the last good site is the "-old-" folder; put it back.
  const orphan = readdirSync(parent).find((n) => n.startsWith(prefix[1]!));
  if (!existsSync(target) && orphan) renameSync(join(parent, orphan), target);
  for (const name of readdirSync(parent)) {
    if (!prefix.some((p) => name.startsWith(p))) continue;
    const pid = Number(name.slice(name.lastIndexOf('-') + 1));
    // A folder of a build that is still running (another terminal) is left alone.
    if (pid && pid !== process.pid && isRunning(pid)) continue;
    rmSync(join(parent, name), { recursive: true, force: true });
    removed.push(name);
  }
  return removed;
}

/** Puts `staging` in place of `target`. The old target is deleted only once the new one is in place. */
export function swapInto(staging: string, target: string): void {
  const old = join(dirname(target), `.${basename(target)}-old-${process.pid}`);
  const hadTarget = existsSync(target);
  if (hadTarget) renameSync(target, old);
  try {
    renameSync(staging, target);
  } catch (error) {
    if (hadTarget) renameSync(old, target);
    throw error;
  }
  if (hadTarget) rmSync(old, { recursive: true, force: true });
}
