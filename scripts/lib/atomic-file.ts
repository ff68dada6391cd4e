/**
 * Writing a file so that it is either the old file or the whole new one, never half of either:
 * the text goes to a temporary file beside it (same folder, so the same file system), is flushed
 * to disk, and is then renamed over the target (atomic on POSIX). When anything fails the
 * temporary file is removed and the target is left as it was. The folder for scripts/safe-build.ts
 * is scripts/lib/atomic-dir.ts.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** `<folder>/.<name>.tmp-<pid>-<random>`: hidden, and not ending in ".json" so no loader reads it. */
export function tempPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
}

/** Creates `path` (failing if it exists) with `data`, flushed to disk. */
function writeNew(path: string, data: string): void {
  const fd = openSync(path, 'wx');
  try {
    const bytes = Buffer.from(data);
    for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export interface AtomicWriteOptions {
  /** How the temporary file is written (tests pass one that fails halfway). */
  writeTemp?: (path: string, data: string) => void;
}

/** Replaces (or creates) `target` with `data`; on failure throws, leaving `target` untouched. */
export function writeFileAtomic(target: string, data: string, { writeTemp = writeNew }: AtomicWriteOptions = {}): void {
  const temp = tempPathFor(target);
  // Never someone else's file (the name is random; this only guards the improbable).
  if (existsSync(temp)) throw new Error(`임시 파일 ${temp}이(가) 이미 있습니다.`);
  try {
    writeTemp(temp, data);
    renameSync(temp, target);
  } catch (error) {
    try {
      rmSync(temp, { force: true, recursive: true });
    } catch {
      // The error worth reporting is the first one.
    }
    throw error;
  }
  // The rename itself survives a power cut once the folder is flushed; not every system allows it.
  try {
    const fd = openSync(dirname(target), 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Best effort.
  }
}
