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

/** "2010-09-01 09:00" in `timeZone`: when a scheduled post goes out, as a writer reads it. */
export function publishMoment(date: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(date);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
}

/** One line per post a build leaves out: drafts, then scheduled posts by date ("예약: 2010-09-01 09:00 공개"). */
export function unpublishedLines(posts: readonly { file: string; state?: PublishState; pubDate?: Date }[], timeZone: string): string[] {
  const drafts = posts.filter((p) => p.state === 'draft').map((p) => `${p.file}  초안: 공개되지 않습니다 (draft: true를 지우면 공개)`);
  const scheduled = posts
    .filter((p): p is { file: string; state: 'scheduled'; pubDate: Date } => p.state === 'scheduled' && p.pubDate !== undefined)
    .sort((a, b) => a.pubDate.getTime() - b.pubDate.getTime())
    .map((p) => `${p.file}  예약: ${publishMoment(p.pubDate, timeZone)} 공개`);
  return [...drafts.sort(), ...scheduled];
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

/** neighbours() for every post of one list, each answered by one lookup instead of a search through the list. */
export function neighbourIndex<T extends { id: string }>(newestFirst: readonly T[]): (post: T) => { previous?: T; next?: T } {
  const positions = new Map<string, number>();
  newestFirst.forEach((p, i) => {
    if (!positions.has(p.id)) positions.set(p.id, i);
  });
  return (post) => {
    const index = positions.get(post.id);
    if (index === undefined) return {};
    return { previous: newestFirst[index + 1], next: index > 0 ? newestFirst[index - 1] : undefined };
  };
}
