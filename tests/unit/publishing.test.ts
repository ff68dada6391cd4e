import { describe, expect, it } from 'vitest';
import { byNewest, isVisible, publishState } from '@/lib/publishing';

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
