/**
 * The one rule for what is published. Pure so it can be unit-tested; src/data/posts.ts applies it
 * to the collection, and every page, list, feed, sitemap entry and search record goes through that.
 */
export interface PublishingFields {
  draft: boolean;
  pubDate: Date;
}

export type PublishState = 'published' | 'draft' | 'scheduled';

export function publishState(post: PublishingFields, now: Date): PublishState {
  if (post.draft) return 'draft';
  if (post.pubDate.getTime() > now.getTime()) return 'scheduled';
  return 'published';
}

/** In `astro dev` writers preview drafts and scheduled posts (with a badge); a build never includes them. */
export function isVisible(post: PublishingFields, now: Date, previewUnpublished: boolean): boolean {
  return previewUnpublished || publishState(post, now) === 'published';
}

/** Newest first; ties broken by id so the order is stable across builds. */
export function byNewest<T extends { id: string; data: { pubDate: Date } }>(a: T, b: T): number {
  return b.data.pubDate.getTime() - a.data.pubDate.getTime() || a.id.localeCompare(b.id);
}

/** The older (`previous`) and newer (`next`) neighbours of a post in a newest-first list. */
export function neighbours<T extends { id: string }>(post: T, newestFirst: readonly T[]): { previous?: T; next?: T } {
  const index = newestFirst.findIndex((p) => p.id === post.id);
  if (index < 0) return {};
  return { previous: newestFirst[index + 1], next: index > 0 ? newestFirst[index - 1] : undefined };
}
