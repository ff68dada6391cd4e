/**
 * Categories, tags and how posts relate through them: tag slugs, the tag index, the related-posts
 * ranking. Pure functions over posts of any shape that has the fields used; unit-tested.
 */
import site, { type CategoryConfig } from '../site.config.ts';

/** A category of src/site.config.ts by id; an unknown id is a bug (front matter is validated against the same list). */
export function categoryOf(id: string, categories: readonly CategoryConfig[] = site.categories): CategoryConfig {
  const category = categories.find((c) => c.id === id);
  if (!category) throw new Error(`Unknown category "${id}"`);
  return category;
}

const slugs = new Map<string, string>();

/** A tag's URL segment: trimmed, lower-cased, spaces to "-". Hangul stays (the browser shows it; the URL percent-encodes it). */
export function tagSlug(tag: string): string {
  let slug = slugs.get(tag);
  if (slug === undefined) slugs.set(tag, (slug = computeTagSlug(tag)));
  return slug;
}

function computeTagSlug(tag: string): string {
  return tag
    .normalize('NFC')
    .trim()
    .toLowerCase()
    .replace(/[\s/?#%\\]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Each post's tag slugs, worked out once: every post page ranks every other post. */
const tagSets = new WeakMap<object, Set<string>>();

function slugsOf(post: Relatable): Set<string> {
  let set = tagSets.get(post);
  if (!set) tagSets.set(post, (set = new Set(post.data.tags.map(tagSlug))));
  return set;
}

/** One tag in use: its text as first written, its URL slug, and its posts in the order given. */
export interface TagGroup<T> {
  tag: string;
  slug: string;
  posts: T[];
}

/**
 * Every tag of `posts` grouped by slug ("SNS" and "sns" are one tag, shown as first written),
 * most used first, then in Korean alphabetical order.
 */
export function groupByTag<T extends { data: { tags: string[] } }>(posts: readonly T[]): TagGroup<T>[] {
  const bySlug = new Map<string, TagGroup<T>>();
  for (const post of posts) {
    for (const tag of post.data.tags) {
      const slug = tagSlug(tag);
      const group = bySlug.get(slug) ?? { tag, slug, posts: [] };
      // Two tags of one post may share a slug ("SNS", "sns"): the post is listed once. Posts come one
      // after another, so a repeat can only be the last one added.
      if (group.posts.at(-1) !== post) group.posts.push(post);
      bySlug.set(slug, group);
    }
  }
  return [...bySlug.values()].sort((a, b) => b.posts.length - a.posts.length || a.tag.localeCompare(b.tag, 'ko'));
}

interface Relatable {
  id: string;
  data: { tags: string[]; category: string; pubDate: Date };
}

/**
 * Up to `limit` posts related to `post`: those sharing the most tags first, then those in the
 * same category, newest first within a rank. Posts sharing nothing are not related.
 * This ranks every candidate: the definition. Pages use relatedIndex, which gives the same answer
 * for a whole site at once.
 */
export function relatedPosts<T extends Relatable>(post: T, candidates: T[], limit: number): T[] {
  const tags = slugsOf(post);
  return candidates
    .filter((c) => c.id !== post.id)
    .map((c) => ({
      post: c,
      shared: [...slugsOf(c)].filter((t) => tags.has(t)).length,
      sameCategory: c.data.category === post.data.category ? 1 : 0,
    }))
    .filter((r) => r.shared > 0 || r.sameCategory > 0)
    .sort(
      (a, b) =>
        b.shared - a.shared ||
        b.sameCategory - a.sameCategory ||
        b.post.data.pubDate.getTime() - a.post.data.pubDate.getTime() ||
        a.post.id.localeCompare(b.post.id),
    )
    .slice(0, limit)
    .map((r) => r.post);
}

/** Set bits of a 32-bit word. */
function popcount(word: number): number {
  let v = word - ((word >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/**
 * The same ranking as relatedPosts for every post of a site, without ranking every post on every
 * page (which grows with the square of the number of posts). Posts with the same tags and category
 * rank alike, so they form one group, kept newest first; a post's related posts are the best of
 * each group's first few, worked out once per group and shared by every post in it.
 */
export function relatedIndex<T extends Relatable>(candidates: readonly T[], limit: number): (post: T) => T[] {
  // Each tag slug is one bit of a mask; a post's shared tags are the bits two masks have in common.
  const bits = new Map<string, number>();
  for (const c of candidates) for (const slug of slugsOf(c)) if (!bits.has(slug)) bits.set(slug, bits.size);
  const words = Math.max(1, Math.ceil(bits.size / 32));
  const maskOf = (post: Relatable): Uint32Array => {
    const mask = new Uint32Array(words);
    for (const slug of slugsOf(post)) {
      const bit = bits.get(slug);
      if (bit !== undefined) mask[bit >>> 5]! |= 1 << (bit & 31);
    }
    return mask;
  };
  const keyOf = (mask: Uint32Array, category: string) => `${mask.join(',')}|${category}`;
  const newest = (a: T, b: T) => b.data.pubDate.getTime() - a.data.pubDate.getTime() || a.id.localeCompare(b.id);

  interface Group {
    mask: Uint32Array;
    category: string;
    posts: T[];
  }
  const groups = new Map<string, Group>();
  for (const c of candidates) {
    const mask = maskOf(c);
    const key = keyOf(mask, c.data.category);
    const group = groups.get(key) ?? { mask, category: c.data.category, posts: [] };
    group.posts.push(c);
    groups.set(key, group);
  }
  for (const group of groups.values()) group.posts.sort(newest);

  // The best `limit + 1` of all candidates for a group's tags and category: one more than shown,
  // in case the post itself is among them.
  const best = new Map<string, T[]>();
  const rankFor = (mask: Uint32Array, category: string): T[] => {
    const ranked: { shared: number; sameCategory: number; post: T }[] = [];
    const keep = limit + 1;
    const before = (a: (typeof ranked)[number], b: (typeof ranked)[number]) =>
      a.shared - b.shared || a.sameCategory - b.sameCategory || -newest(a.post, b.post);
    for (const group of groups.values()) {
      let shared = 0;
      for (let w = 0; w < words; w++) shared += popcount(mask[w]! & group.mask[w]!);
      const sameCategory = group.category === category ? 1 : 0;
      if (shared === 0 && sameCategory === 0) continue;
      for (const post of group.posts) {
        const entry = { shared, sameCategory, post };
        if (ranked.length === keep && before(entry, ranked[keep - 1]!) <= 0) break;
        // Insert in order; the list is at most limit + 1 long.
        let i = ranked.length;
        while (i > 0 && before(entry, ranked[i - 1]!) > 0) i--;
        ranked.splice(i, 0, entry);
        if (ranked.length > keep) ranked.pop();
      }
    }
    return ranked.map((r) => r.post);
  };

  return (post: T): T[] => {
    if (limit <= 0) return [];
    const mask = maskOf(post);
    const key = keyOf(mask, post.data.category);
    let top = best.get(key);
    if (!top) best.set(key, (top = rankFor(mask, post.data.category)));
    return top.filter((c) => c.id !== post.id).slice(0, limit);
  };
}
