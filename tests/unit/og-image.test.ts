import { describe, expect, it, vi } from 'vitest';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pngSize } from '../support/png';
import { useTempAstroCache } from '../support/temp-cache';
import { emojiSvg } from '@/lib/og-emoji';

const card = { title: '"소통" & <태그> 다루기 🎉 — 트위터 운영 Q&A', kicker: '고객 서비스', meta: ['2011. 4. 18. · 김하늘'], siteName: '다온에듀 소셜 블로그' };

const cacheRoot = useTempAstroCache('og-cache-');

describe('Open Graph images', () => {
  it('draws a 1200x630 PNG', async () => {
    const { drawOgImage } = await import('@/lib/og-image');
    expect(pngSize(await drawOgImage(card))).toEqual({ width: 1200, height: 630 });
  });

  it('draws each card exactly as a whole-card render would (fixed parts drawn once, only the text per card)', async () => {
    const { drawOgImage, drawOgImageWhole, ogDrawCounts } = await import('@/lib/og-image');
    const { default: sharp } = await import('sharp');
    const pixels = async (png: Buffer) => sharp(png).removeAlpha().raw().toBuffer();
    const cards = [
      card,
      { ...card, title: '짧은 제목' },
      { ...card, title: '소셜미디어 운영 가이드라인을 새로 쓰며 배운 것들: 트위터와 블로그에서 고객의 질문에 답한 세 해, 그리고 앞으로의 계획과 남은 숙제에 관한 아주 긴 제목입니다', meta: ['2012. 12. 31. · 박서연'] },
      { title: '다온에듀 소셜 블로그', meta: ['다온에듀'], siteName: card.siteName },
      // Two bottom lines close together, and a word too long for a line (broken anywhere).
      { ...card, title: '초장문합성어초장문합성어초장문합성어초장문합성어초장문합성어초장문합성어 정리', meta: ['2013. 1. 2.', '김하늘 · 박서연'] },
      { ...card, title: 'gjpqy 아래로 내려가는 글자와 Ég 위로 올라가는 글자', kicker: '인재 채용' },
    ];
    const before = { ...ogDrawCounts };
    for (const c of cards) {
      const [fast, whole] = await Promise.all([drawOgImage(c), drawOgImageWhole(c)]);
      expect(pngSize(fast), c.title).toEqual({ width: 1200, height: 630 });
      expect((await pixels(fast)).equals(await pixels(whole)), c.title).toBe(true);
    }
    // Only the card with an emoji is drawn whole; the others really went the cheaper way.
    expect(ogDrawCounts.inParts - before.inParts).toBe(cards.length - 1);
  });

  it('caches each card on disk under ASTRO_CACHE_DIR and reads it back instead of drawing again', async () => {
    const first = await import('@/lib/og-image');
    const png = await first.ogImage(card);
    const dir = join(cacheRoot(), 'og-images');
    const files = readdirSync(dir);
    expect(files).toEqual([`${first.ogCacheKey(card)}.png`]);
    // Replace the cached file: a fresh build (new module instance) must serve it untouched.
    const marker = Buffer.from('cached, not redrawn');
    writeFileSync(join(dir, files[0]!), marker);
    vi.resetModules();
    const second = await import('@/lib/og-image');
    expect(Buffer.from(await second.ogImage(card)).toString()).toBe(marker.toString());
    expect(png.byteLength).toBeGreaterThan(1000);
  });

  it('gives a changed card a new key, so an edited title is drawn again', async () => {
    const { ogCacheKey } = await import('@/lib/og-image');
    expect(ogCacheKey({ ...card, title: `${card.title}!` })).not.toBe(ogCacheKey(card));
    expect(ogCacheKey({ ...card, meta: ['2011. 4. 19. · 김하늘'] })).not.toBe(ogCacheKey(card));
    expect(ogCacheKey({ ...card })).toBe(ogCacheKey(card));
    // A control character is not drawn, so it does not change the picture or the key.
    expect(ogCacheKey({ ...card, title: `${card.title}\u0008` })).toBe(ogCacheKey(card));
  });
});

describe('emoji for cards', () => {
  it('finds single emoji, emoji with a variation selector, skin tones and ZWJ sequences', () => {
    for (const emoji of ['🎉', '❤️', '❤', '👍🏽', '👨‍👩‍👧']) {
      expect(emojiSvg(emoji), emoji).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 \d+ \d+"/);
    }
  });

  it('has nothing for ordinary letters', () => {
    expect(emojiSvg('가')).toBeUndefined();
    expect(emojiSvg('a')).toBeUndefined();
  });
});
