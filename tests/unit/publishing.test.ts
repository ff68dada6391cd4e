import { describe, expect, it } from 'vitest';
import { byNewest, isVisible, neighbourIndex, neighbours, publishMoment, publishState, unpublishedLines } from '@/lib/publishing';

const now = new Date('2026-11-27T12:00:00+09:00');
const at = (iso: string, draft = false) => ({ draft, pubDate: new Date(iso) });

describe('what is published', () => {
  it('publishes a post dated at or before the build time', () => {
    expect(publishState(at('2026-11-27T12:00:00+09:00'), now)).toBe('published');
    expect(publishState(at('2010-08-10T00:00:00+09:00'), now)).toBe('published');
  });

  it('schedules a post one millisecond after the build time', () => {
    expect(publishState({ draft: false, pubDate: new Date(now.getTime() + 1) }, now)).toBe('scheduled');
  });

  it('never publishes a draft, even an old one', () => {
    expect(publishState(at('2010-08-10T00:00:00+09:00', true), now)).toBe('draft');
  });

  it('shows everything only in preview', () => {
    const draft = at('2010-08-10T00:00:00+09:00', true);
    expect(isVisible(draft, now, false)).toBe(false);
    expect(isVisible(draft, now, true)).toBe(true);
  });

  it('orders newest first, ties by id', () => {
    const posts = [
      { id: 'b', data: { pubDate: new Date('2010-08-10') } },
      { id: 'c', data: { pubDate: new Date('2010-09-01') } },
      { id: 'a', data: { pubDate: new Date('2010-08-10') } },
    ];
    expect(posts.sort(byNewest).map((p) => p.id)).toEqual(['c', 'a', 'b']);
  });
});

describe('unpublishedLines (npm run check)', () => {
  const posts = [
    { file: 'content/posts/b.mdx', state: 'scheduled' as const, pubDate: new Date('2030-09-01T00:00:00Z') },
    { file: 'content/posts/live.mdx', state: 'published' as const, pubDate: new Date('2010-08-10T00:00:00Z') },
    { file: 'content/posts/a.mdx', state: 'scheduled' as const, pubDate: new Date('2010-09-01T00:00:00+09:00') },
    { file: 'content/posts/draft.mdx', state: 'draft' as const, pubDate: new Date('2010-08-01T00:00:00Z') },
    { file: 'content/posts/broken.mdx' },
  ];
  it('lists drafts, then scheduled posts by date with their time in the site zone, and nothing else', () => {
    expect(unpublishedLines(posts, 'Asia/Seoul')).toEqual([
      'content/posts/draft.mdx  초안: 공개되지 않습니다 (draft: true를 지우면 공개)',
      'content/posts/a.mdx  예약: 2010-09-01 00:00 공개',
      'content/posts/b.mdx  예약: 2030-09-01 09:00 공개',
    ]);
    expect(unpublishedLines([], 'Asia/Seoul')).toEqual([]);
  });
  it('writes the moment in the given zone, on a 24-hour clock', () => {
    expect(publishMoment(new Date('2010-08-10T15:30:00Z'), 'Asia/Seoul')).toBe('2010-08-11 00:30');
    expect(publishMoment(new Date('2010-08-10T15:30:00Z'), 'UTC')).toBe('2010-08-10 15:30');
  });
});

describe('previous and next post', () => {
  const list = ['e', 'd', 'c', 'b', 'a'].map((id) => ({ id }));

  it('gives the older post as previous and the newer as next, nothing past either end', () => {
    expect(neighbours(list[2]!, list)).toEqual({ previous: list[3], next: list[1] });
    expect(neighbours(list[0]!, list)).toEqual({ previous: list[1], next: undefined });
    expect(neighbours(list[4]!, list)).toEqual({ previous: undefined, next: list[3] });
    expect(neighbours({ id: 'x' }, list)).toEqual({});
  });

  it('the index answers exactly as the search through the list', () => {
    const index = neighbourIndex(list);
    for (const post of [...list, { id: 'x' }]) expect(index(post)).toEqual(neighbours(post, list));
  });
});
