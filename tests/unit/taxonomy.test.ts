import { describe, expect, it } from 'vitest';
import { relatedPosts, tagSlug } from '@/lib/taxonomy';

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
