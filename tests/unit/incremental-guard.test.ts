import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { doneGenerating, INCREMENTAL_MANIFEST, startGenerating } from '@/lib/incremental-guard';

describe('incremental guard: no page copied from a build that stopped while writing pages', () => {
  const dirs: string[] = [];
  const cacheDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'incremental-guard-'));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('keeps the manifest of a build that finished', () => {
    const dir = cacheDir();
    expect(startGenerating(dir)).toBe(false);
    writeFileSync(join(dir, INCREMENTAL_MANIFEST), '{}');
    doneGenerating(dir);
    expect(startGenerating(dir)).toBe(false);
    expect(existsSync(join(dir, INCREMENTAL_MANIFEST))).toBe(true);
  });

  it('forgets the manifest when the last build stopped between starting and finishing its pages', () => {
    const dir = cacheDir();
    writeFileSync(join(dir, INCREMENTAL_MANIFEST), '{}');
    expect(startGenerating(dir)).toBe(false);
    // Stopped here: no doneGenerating.
    expect(startGenerating(dir)).toBe(true);
    expect(existsSync(join(dir, INCREMENTAL_MANIFEST))).toBe(false);
    // Once this build finishes, the next one trusts its manifest again.
    writeFileSync(join(dir, INCREMENTAL_MANIFEST), '{}');
    doneGenerating(dir);
    expect(startGenerating(dir)).toBe(false);
    expect(existsSync(join(dir, INCREMENTAL_MANIFEST))).toBe(true);
  });

  it('works in a cache folder that does not exist yet (the first build)', () => {
    const dir = join(cacheDir(), 'not-yet');
    expect(startGenerating(dir)).toBe(false);
    doneGenerating(dir);
    expect(startGenerating(dir)).toBe(false);
  });
});
