/**
 * Code blocks highlighted once and kept between builds (src/lib/markdown/highlight-cache.ts): a
 * build that finds a block in the file must get the tree Shiki would have made, without Shiki.
 * Highlighted here with the same function and themes as astro.config.mjs.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { satteriCreateHighlightFn } from '@astrojs/markdown-satteri';
import { CODE_THEMES, codeTransformers } from '../../src/lib/code-highlight';
import { blockKey, highlightCache, highlightVersion, type HighlightFn } from '../../src/lib/markdown/highlight-cache';

const shiki = satteriCreateHighlightFn('shiki', { themes: { ...CODE_THEMES }, transformers: codeTransformers() });

/** The site's highlighter, counting the blocks Shiki was really asked for. */
function countingShiki(): { fn: HighlightFn<unknown>; calls: () => number } {
  let calls = 0;
  return {
    fn: async (code, lang, meta) => {
      calls++;
      const highlight = await shiki;
      if (!highlight) throw new Error('Shiki did not start');
      return highlight(code, lang, meta);
    },
    calls: () => calls,
  };
}

const TS = "const channels: string[] = ['blog', 'twitter']; // 채널";
const BASH = 'npm run build && echo "완료" # 주석';
const version = highlightVersion({ themes: CODE_THEMES });

let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'highlight-cache-'));
  file = join(dir, 'socialbench-highlight.json');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** One build: opens the file, highlights the blocks, saves; returns the trees and Shiki's calls. */
async function build(blocks: [code: string, lang: string, meta?: string][], ver = version) {
  const shikiCalls = countingShiki();
  const cache = highlightCache(shikiCalls.fn, ver);
  cache.open(file);
  const trees = [];
  for (const [code, lang, meta] of blocks) trees.push(await cache.highlight(code, lang, meta));
  cache.save();
  return { trees, calls: shikiCalls.calls(), counts: cache.counts() };
}

describe('highlighted code kept between builds', () => {
  it('the next build gets the same trees without running Shiki', async () => {
    const blocks: [string, string][] = [
      [TS, 'ts'],
      [BASH, 'bash'],
    ];
    const first = await build(blocks);
    expect(first.calls).toBe(2);
    const second = await build(blocks);
    expect(second.calls).toBe(0);
    expect(second.counts).toEqual({ kept: 2, highlighted: 0 });
    expect(second.trees).toEqual(first.trees);
    // And the same as highlighting with no cache at all.
    const plain = countingShiki();
    expect(second.trees).toEqual([await plain.fn(TS, 'ts'), await plain.fn(BASH, 'bash')]);
  });

  it('the same code in another language, or with another meta string, is highlighted anew', async () => {
    await build([[TS, 'ts']]);
    const other = await build([
      [TS, 'ts'],
      [TS, 'js'],
      [TS, 'ts', 'title="a.ts"'],
    ]);
    expect(other.calls).toBe(2);
    expect(blockKey(TS, 'ts')).not.toBe(blockKey(TS, 'js'));
    expect(blockKey(TS, 'ts')).not.toBe(blockKey(TS, 'ts', 'title="a.ts"'));
  });

  it('gives each caller its own tree, so a plugin that changes one changes no other page', async () => {
    await build([[TS, 'ts']]);
    const shikiCalls = countingShiki();
    const cache = highlightCache(shikiCalls.fn, version);
    cache.open(file);
    const a = (await cache.highlight(TS, 'ts')) as { properties: Record<string, unknown> };
    a.properties.changed = true;
    const b = (await cache.highlight(TS, 'ts')) as { properties: Record<string, unknown> };
    expect(b.properties.changed).toBeUndefined();
    expect(shikiCalls.calls()).toBe(0);
  });

  it('keeps only the blocks the last build used: edited or deleted code leaves nothing', async () => {
    await build([
      [TS, 'ts'],
      [BASH, 'bash'],
    ]);
    await build([[`${TS}\n// 고침`, 'ts']]);
    const stored = JSON.parse(readFileSync(file, 'utf8')) as { blocks: Record<string, string> };
    expect(Object.keys(stored.blocks)).toEqual([blockKey(`${TS}\n// 고침`, 'ts')]);
  });

  it('ignores a file another version of the highlighting wrote, or one it cannot read', async () => {
    await build([[TS, 'ts']], 'another version');
    expect((await build([[TS, 'ts']])).calls).toBe(1);
    writeFileSync(file, '{ not json');
    expect((await build([[TS, 'ts']])).calls).toBe(1);
  });

  it('a new theme or a different option is a different version', () => {
    expect(highlightVersion({ themes: { ...CODE_THEMES, dark: 'github-dark' } })).not.toBe(version);
    expect(highlightVersion({ themes: CODE_THEMES })).toBe(version);
  });

  it('without a file (before Astro names its cache folder), highlights every block and keeps none', async () => {
    const shikiCalls = countingShiki();
    const cache = highlightCache(shikiCalls.fn, version);
    await cache.highlight(TS, 'ts');
    await cache.highlight(TS, 'ts');
    cache.save();
    expect(shikiCalls.calls()).toBe(2);
  });
});
