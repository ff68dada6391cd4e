/** /rss.xml: the newest posts with their full content, for feed readers. */
import type { APIContext } from 'astro';
import site from '../site.config';
import { feedResponse } from '../lib/feeds';
import { channel, feedPosts, fullItem } from '../lib/feed-posts';

export async function GET(context: APIContext): Promise<Response> {
  const posts = await feedPosts();
  const items = await Promise.all(posts.map((post) => fullItem(post, context.site)));
  return feedResponse(channel({ title: site.name, description: site.description, items, path: '/rss.xml' }, context.site));
}
