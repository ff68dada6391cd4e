/** /rss.xml: the newest posts with their full content, for feed readers. */
import type { APIContext } from 'astro';
import site from '@/site.config';
import { channel, feedPosts, fullItem } from '@/data/feed-posts';
import { feedResponse } from '@/lib/feeds';
import { rssFeedUrl } from '@/lib/urls';

export async function GET(context: APIContext): Promise<Response> {
  const posts = await feedPosts();
  const items = await Promise.all(posts.map((post) => fullItem(post, context.site)));
  return feedResponse(channel({ title: site.name, description: site.description, items, path: rssFeedUrl() }, context.site));
}
