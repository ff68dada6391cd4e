import { describe, expect, it } from 'vitest';
import { groupByTag, relatedIndex, relatedPosts, tagSlug } from '@/lib/taxonomy';

const post = (id: string, tags: string[], category: string, day: number) => ({ id, data: { tags, category, pubDate: new Date(Date.UTC(2010, 7, day)) } });

describe('tag slugs', () => {
  it('keeps Hangul, lower-cases Latin, joins words with "-"', () => {
    expect(tagSlug('트위터')).toBe('트위터');
    expect(tagSlug(' Social Media ')).toBe('social-media');
    expect(tagSlug('Q&A / FAQ?')).toBe('q&a-faq');
  });

  it('normalises Hangul so NFD and NFC spellings meet', () => {
    expect(tagSlug('트위터'.normalize('NFD'))).toBe('트위터');
  });
});

describe('related posts', () => {
  const me = post('me', ['트위터', '가이드라인'], 'reputation', 10);
  const both = post('both', ['트위터', '가이드라인'], 'marketing', 1);
  const oneTag = post('one-tag', ['트위터'], 'marketing', 5);
  const oneTagSameCat = post('one-tag-cat', ['트위터'], 'reputation', 2);
  const sameCat = post('same-cat', ['채용'], 'reputation', 20);
  const unrelated = post('unrelated', ['채용'], 'recruiting', 21);

  it('ranks by shared tags, then same category, then newest', () => {
    const ranked = relatedPosts(me, [unrelated, sameCat, oneTag, both, oneTagSameCat, me], 10);
    expect(ranked.map((p) => p.id)).toEqual(['both', 'one-tag-cat', 'one-tag', 'same-cat']);
  });

  it('never lists the post itself or unrelated posts, and stops at the limit', () => {
    const ranked = relatedPosts(me, [me, unrelated, both, oneTag, oneTagSameCat, sameCat], 3);
    expect(ranked.map((p) => p.id)).toEqual(['both', 'one-tag-cat', 'one-tag']);
    expect(relatedPosts(me, [me, unrelated], 3)).toEqual([]);
  });
});

describe('related posts for a whole site at once', () => {
  /** A small deterministic pseudo-random stream, so a failure can be replayed. */
  function random(seed: number): () => number {
    let s = seed >>> 0;
    return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  }

  function site(n: number, tagPool: number, seed: number) {
    const next = random(seed);
    const categories = ['a', 'b', 'c'];
    return Array.from({ length: n }, (_, i) => {
      const tags = Array.from({ length: Math.floor(next() * 4) }, () => `태그${Math.floor(next() * tagPool)}`);
      // Some posts share a day, so the id decides their order.
      return post(`p${i}`, tags, categories[Math.floor(next() * categories.length)]!, 1 + Math.floor(next() * 20));
    });
  }

  it.each([
    [60, 5, 1],
    [200, 12, 2],
    [300, 40, 3],
    [150, 70, 4],
  ])('gives every post of %i posts (%i tags) the same related posts as ranking them one by one', (n, tags, seed) => {
    const posts = site(n, tags, seed);
    for (const limit of [0, 1, 3, 7]) {
      const related = relatedIndex(posts, limit);
      for (const p of posts) expect(related(p).map((r) => r.id), `${p.id}, limit ${limit}`).toEqual(relatedPosts(p, posts, limit).map((r) => r.id));
    }
  });

  it('ranks the example above the same way', () => {
    const me = post('me', ['트위터', '가이드라인'], 'reputation', 10);
    const others = [post('both', ['트위터', '가이드라인'], 'marketing', 1), post('one-tag', ['트위터'], 'marketing', 5), post('one-tag-cat', ['트위터'], 'reputation', 2), post('same-cat', ['채용'], 'reputation', 20), post('unrelated', ['채용'], 'recruiting', 21)];
    expect(relatedIndex([me, ...others], 10)(me).map((p) => p.id)).toEqual(['both', 'one-tag-cat', 'one-tag', 'same-cat']);
  });

  it('handles more than 32 distinct tags (masks of several words)', () => {
    const posts = site(120, 90, 9);
    const related = relatedIndex(posts, 3);
    for (const p of posts) expect(related(p)).toEqual(relatedPosts(p, posts, 3));
  });
});

describe('tag groups', () => {
  it('lists a post once under a tag it carries twice in two spellings', () => {
    const a = post('a', ['SNS', 'sns', '트위터'], 'x', 1);
    const b = post('b', ['sns'], 'x', 2);
    const groups = groupByTag([a, b]);
    expect(groups.map((g) => [g.slug, g.posts.map((p) => p.id)])).toEqual([
      ['sns', ['a', 'b']],
      ['트위터', ['a']],
    ]);
  });
});
