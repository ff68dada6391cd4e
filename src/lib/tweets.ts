/**
 * Tweet length as Twitter counts it, for /twitter.xml. An RSS-to-Twitter service posts
 * "<item title> <item link>", so the title plus a space plus the link must fit one tweet.
 *
 * Counting is twitter-text's v3 configuration (its default): most Latin, punctuation and
 * symbols count 1, Hangul, CJK and other scripts 2, an emoji sequence 2, and any URL 23
 * because Twitter wraps every link in t.co. Pure functions, unit-tested.
 */
import twitterText, { type ParseTweetOptions } from 'twitter-text';

/** The package ships its configurations as `configs`; its type definitions leave them out. */
const { configs } = twitterText as unknown as { configs: Record<'version3', Required<ParseTweetOptions>> };
const config = configs.version3;

/** Weighted characters allowed in one tweet (280). */
export const TWEET_LIMIT: number = config.maxWeightedTweetLength;
/** Weight of any link once Twitter has wrapped it in t.co (23). */
export const URL_WEIGHT: number = config.transformedURLLength;
/** What the link appended by the service costs: a space plus the t.co URL. */
export const LINK_COST = 1 + URL_WEIGHT;
/** Weighted characters left for the text of a tweet that ends with the post's link. */
export const TEXT_BUDGET = TWEET_LIMIT - LINK_COST;

const ELLIPSIS = '…';

/** Weighted length of `text` as Twitter counts it (URLs inside the text count 23). */
export function weightedLength(text: string): number {
  return twitterText.parseTweet(text, config).weightedLength;
}

/**
 * Weighted length of "<text> <url>". The link is counted as 23 whatever it looks like:
 * twitter-text only recognises URLs with a known top-level domain, but the service's t.co
 * link always costs 23, even for a site on a private or test domain.
 */
export function weightedLengthWithLink(text: string): number {
  return weightedLength(text) + LINK_COST;
}

/** True when "<text> <url>" fits one tweet. */
export function fitsWithLink(text: string): boolean {
  return weightedLengthWithLink(text) <= TWEET_LIMIT;
}

const graphemes = new Intl.Segmenter('ko', { granularity: 'grapheme' });

/**
 * `title` shortened so that "<title> <url>" fits one tweet: whole grapheme clusters only
 * (an emoji family or a decomposed Hangul syllable is never cut in half), trailing spaces
 * dropped, and "…" appended. A title that fits is returned unchanged.
 */
export function shortenForTweet(title: string, budget: number = TEXT_BUDGET): string {
  if (weightedLength(title) <= budget) return title;
  const clusters = Array.from(graphemes.segment(title), (s) => s.segment);
  // The weight grows with every cluster, so the longest fitting prefix is found by bisection.
  let lo = 0;
  let hi = clusters.length;
  const candidate = (n: number) => `${clusters.slice(0, n).join('').trimEnd()}${ELLIPSIS}`;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (weightedLength(candidate(mid)) <= budget) lo = mid;
    else hi = mid - 1;
  }
  return candidate(lo);
}

export interface TweetSource {
  /** The post's `tweet` front-matter field, when present. */
  tweet?: string | undefined;
  title: string;
  /** The post's file as the writer sees it, for the error message. */
  file: string;
}

/**
 * Why a `tweet` field does not fit with the post's link, or undefined when it fits. Without the
 * file name, so a collection schema can use it too (Astro names the file itself).
 */
export function tweetLengthProblem(tweet: string): string | undefined {
  const length = weightedLengthWithLink(tweet);
  if (length <= TWEET_LIMIT) return undefined;
  return `가중치 ${weightedLength(tweet)}자입니다. 공백과 글 주소(${URL_WEIGHT})를 더하면 ${length}자로, ${TWEET_LIMIT}자보다 ${length - TWEET_LIMIT}자 깁니다.`;
}

/**
 * The text of the tweet for a post: its `tweet` field, which must fit with the link (a writer
 * chose those words, so cutting them would be wrong: the build fails instead), or else its
 * title, shortened when needed.
 */
export function tweetText(post: TweetSource): string {
  if (post.tweet !== undefined) {
    const problem = tweetLengthProblem(post.tweet);
    if (problem) throw new Error(`${post.file}: ${problem}`);
    return post.tweet;
  }
  return shortenForTweet(post.title);
}
