/**
 * /twitter.xml, for RSS-to-Twitter services (IFTTT, dlvr.it...): each item's title is the tweet,
 * which fits one tweet together with a space and the item's link; each item carries the post's
 * Open Graph image. An over-long `tweet` field fails the build when the post is read
 * (src/lib/rules/post-schema.ts), drafts and scheduled posts included.
 */
import type { APIContext } from 'astro';
import site from '@/site.config';
import { channel, feedPosts, tweetItem } from '@/data/feed-posts';
import { feedResponse } from '@/lib/feeds';
import { twitterFeedUrl } from '@/lib/urls';

export async function GET(context: APIContext): Promise<Response> {
  const posts = await feedPosts();
  const items = await Promise.all(posts.map((post) => tweetItem(post, context.site)));
  const title = `${site.name} (트위터 발행용)`;
  return feedResponse(channel({ title, description: site.description, items, path: twitterFeedUrl() }, context.site));
}
