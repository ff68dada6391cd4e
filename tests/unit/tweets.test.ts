import { describe, expect, it } from 'vitest';
import {
  LINK_COST,
  TEXT_BUDGET,
  TWEET_LIMIT,
  fitsWithLink,
  shortenForTweet,
  tweetLengthProblem,
  tweetText,
  weightedLength,
  weightedLengthWithLink,
} from '@/lib/tweets';

const hangul = (n: number) => '가나다라마바사아자차카타파하'.repeat(20).slice(0, n);

describe('weighted tweet length (twitter-text v3)', () => {
  it('counts 140 Hangul syllables as 280: a full tweet when no URL follows', () => {
    expect(weightedLength(hangul(140))).toBe(280);
    expect(weightedLength(hangul(140)) <= TWEET_LIMIT).toBe(true);
    expect(weightedLength(hangul(141))).toBe(282);
  });

  it('counts Latin letters 1, Hangul 2 and an emoji sequence 2', () => {
    expect(weightedLength('abc')).toBe(3);
    expect(weightedLength('소셜')).toBe(4);
    expect(weightedLength('👍')).toBe(2);
    // A family emoji is several code points joined by ZWJ but one emoji for Twitter.
    expect(weightedLength('👨‍👩‍👧')).toBe(2);
    expect(weightedLength('SNS 운영 👍')).toBe(4 + 4 + 1 + 2);
  });

  it('counts any URL in the text as 23, however long', () => {
    expect(weightedLength('https://example.com/a')).toBe(23);
    expect(weightedLength(`https://example.com/${'a'.repeat(200)}`)).toBe(23);
    expect(weightedLength('보기 https://example.com/very/long/path/to/a/post/')).toBe(4 + 1 + 23);
  });

  it('charges the appended link as a space plus 23, even on a domain twitter-text does not know', () => {
    expect(LINK_COST).toBe(24);
    expect(weightedLengthWithLink('글')).toBe(2 + 24);
    expect(TEXT_BUDGET).toBe(256);
  });

  it('accepts text of exactly the budget with the link and rejects one more', () => {
    expect(fitsWithLink(hangul(128))).toBe(true); // 256 + 24 = 280
    expect(fitsWithLink(hangul(129))).toBe(false); // 258 + 24 = 282
    expect(fitsWithLink('a'.repeat(256))).toBe(true);
    expect(fitsWithLink('a'.repeat(257))).toBe(false);
    // Mixed: 100 Hangul (200) + 50 Latin (50) + 3 emoji (6) = 256.
    expect(fitsWithLink(`${hangul(100)}${'a'.repeat(50)}👍🎉🚀`)).toBe(true);
    expect(fitsWithLink(`${hangul(100)}${'a'.repeat(51)}👍🎉🚀`)).toBe(false);
  });
});

describe('shortenForTweet', () => {
  it('leaves a title that fits untouched', () => {
    expect(shortenForTweet('소셜미디어 운영 가이드')).toBe('소셜미디어 운영 가이드');
    expect(shortenForTweet(hangul(128))).toBe(hangul(128));
  });

  it('cuts a long Hangul title to the budget and ends it with …', () => {
    const short = shortenForTweet(hangul(200));
    expect(short.endsWith('…')).toBe(true);
    expect(weightedLength(short)).toBeLessThanOrEqual(TEXT_BUDGET);
    // "…" weighs 2, so 127 syllables (254) + 2 = 256 is the longest that fits.
    expect(short).toBe(`${hangul(127)}…`);
  });

  it('never splits a grapheme cluster (emoji with ZWJ or skin tone, decomposed Hangul)', () => {
    const family = '👨‍👩‍👧';
    const title = `${'a'.repeat(252)}${family}${family}끝`;
    const short = shortenForTweet(title);
    expect(short).toBe(`${'a'.repeat(252)}${family}…`);
    const decomposed = '한'.normalize('NFD'); // ᄒ + ᅡ + ᆫ, one grapheme
    const short2 = shortenForTweet(`${'a'.repeat(253)}${decomposed}${decomposed}`);
    const body = short2.slice(0, -1);
    expect(body.startsWith('a'.repeat(253))).toBe(true);
    // Whatever is kept after the Latin run is whole syllables, never a lone jamo.
    expect(body.slice(253).length % 3).toBe(0);
  });

  it('drops the space before the ellipsis', () => {
    const title = `${'a'.repeat(253)} ${'b'.repeat(10)}`;
    expect(shortenForTweet(title)).toBe(`${'a'.repeat(253)}…`);
  });
});

describe('tweetText', () => {
  it('uses the tweet field when present, else the title', () => {
    expect(tweetText({ tweet: '새 글: 트위터 운영 3년', title: '제목', file: 'a.mdx' })).toBe('새 글: 트위터 운영 3년');
    expect(tweetText({ title: '제목', file: 'a.mdx' })).toBe('제목');
  });

  it('shortens a long title instead of failing', () => {
    expect(weightedLengthWithLink(tweetText({ title: hangul(120) + 'abc'.repeat(20), file: 'a.mdx' }))).toBeLessThanOrEqual(TWEET_LIMIT);
  });

  it('explains a tweet that does not fit without naming a file (for schemas)', () => {
    expect(tweetLengthProblem(hangul(128))).toBeUndefined();
    expect(tweetLengthProblem(hangul(129))).toBe(
      '가중치 258자입니다. 공백과 글 주소(23)를 더하면 282자로, 280자보다 2자 깁니다.',
    );
    expect(tweetLengthProblem('a'.repeat(256))).toBeUndefined();
    expect(tweetLengthProblem('a'.repeat(257))).toMatch(/281자로, 280자보다 1자 깁니다\.$/);
  });

  it('fails for a tweet that does not fit, naming the file and the weighted length', () => {
    expect(() => tweetText({ tweet: hangul(128), title: 't', file: 'content/posts/a.mdx' })).not.toThrow();
    expect(() => tweetText({ tweet: hangul(129), title: 't', file: 'content/posts/a.mdx' })).toThrow(
      /^content\/posts\/a\.mdx: 가중치 258자입니다\. .*282자로, 280자보다 2자 깁니다/,
    );
  });
});
