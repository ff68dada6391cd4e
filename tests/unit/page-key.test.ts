import { describe, expect, it } from 'vitest';
import { entryStamp, pageKey } from '@/lib/page-key';

describe('entryStamp: what a page shows of one entry', () => {
  it('changes with the file digest and with the built address of each image', () => {
    const post = { id: 'a', digest: 'd1' };
    const stamp = entryStamp('posts', post, [{ src: '/_astro/hero.AAA.png' }]);
    expect(entryStamp('posts', { ...post, digest: 'd2' }, [{ src: '/_astro/hero.AAA.png' }])).not.toBe(stamp);
    expect(entryStamp('posts', post, [{ src: '/_astro/hero.BBB.png' }])).not.toBe(stamp);
    expect(entryStamp('posts', post, [])).not.toBe(stamp);
    expect(entryStamp('authors', post, [{ src: '/_astro/hero.AAA.png' }])).not.toBe(stamp);
    expect(entryStamp('posts', post, [{ src: '/_astro/hero.AAA.png' }])).toBe(stamp);
  });

  it('tells an entry without an image from one whose image is missing, by position', () => {
    expect(entryStamp('posts', { id: 'a', digest: 'd' }, [undefined, { src: 'x' }])).not.toBe(entryStamp('posts', { id: 'a', digest: 'd' }, [{ src: 'x' }, undefined]));
  });

  it('is undefined when Astro kept no digest: such a page is rendered on every build', () => {
    expect(entryStamp('posts', { id: 'a' })).toBeUndefined();
    expect(entryStamp('posts', { id: 'a', digest: '' })).toBeUndefined();
    expect(entryStamp('posts', { id: 'a', digest: 0 })).toBeDefined();
  });
});

describe('pageKey: one key for everything a page shows', () => {
  it('is the same for the same parts and changes with any part or its place', () => {
    const key = pageKey(['year 2010', 'posts/a@1', 'posts/b@2']);
    expect(key).toMatch(/^[\w-]{43}$/);
    expect(pageKey(['year 2010', 'posts/a@1', 'posts/b@2'])).toBe(key);
    expect(pageKey(['year 2011', 'posts/a@1', 'posts/b@2'])).not.toBe(key);
    expect(pageKey(['year 2010', 'posts/b@2', 'posts/a@1'])).not.toBe(key);
    expect(pageKey(['year 2010', 'posts/a@1'])).not.toBe(key);
    // Parts are kept apart: moving text from one part to the next is another key.
    expect(pageKey(['ab', 'c'])).not.toBe(pageKey(['a', 'bc']));
    expect(pageKey([1, '1'])).not.toBe(pageKey(['1', 1]));
  });

  it('is undefined when any part could not be stamped', () => {
    expect(pageKey(['year 2010', undefined, 'posts/b@2'])).toBeUndefined();
    expect(pageKey([])).toBeDefined();
  });
});
