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
      if (!group.posts.includes(post)) group.posts.push(post);
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
