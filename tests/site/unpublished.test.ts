/**
 * Nothing of a draft or a scheduled post is in any built file: the tests elsewhere look for text;
 * this one compares the bytes of every file of the built site with the unpublished posts' images,
 * and looks for their names, so an embargoed photo cannot ship under its own name or a hash.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BLOG, DRAFT, SCHEDULED, UNPUBLISHED_IMAGES } from '../support/sites-blog';
import { getBuild } from '../support/sites';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

describe('unpublished posts in the built site', () => {
  const build = getBuild(BLOG);
  const built = files(build.outDir);

  it('contains none of their images, byte for byte or by name', () => {
    expect(build.ok, build.output).toBe(true);
    const images = Object.values(UNPUBLISHED_IMAGES).map((bytes) => Buffer.from(bytes));
    const sizes = new Set(images.map((b) => b.length));
    for (const path of built) {
      const name = relative(build.outDir, path);
      expect(name).not.toMatch(/embargo/);
      if (!sizes.has(statSync(path).size)) continue;
      const bytes = readFileSync(path);
      for (const image of images) expect(bytes.equals(image), `${name} is an unpublished post's image`).toBe(false);
    }
    // The images exist in the fixture, so the comparison above compared something.
    expect(Object.keys(UNPUBLISHED_IMAGES).map((p) => basename(p))).toContain('embargo-hero.png');
  });

  it('has no page, Open Graph image or mention of them', () => {
    for (const slug of [DRAFT.slug, SCHEDULED.slug]) {
      expect(built.some((p) => relative(build.outDir, p).includes(slug)), slug).toBe(false);
    }
    for (const path of built.filter((p) => /\.(html|xml|json|txt|csv)$/.test(p))) {
      const text = readFileSync(path, 'utf8');
      expect(text, relative(build.outDir, path)).not.toMatch(/DRAFTMARK|SCHEDULEDMARK/);
    }
  });
});
