/** /categories/<id>/rss.xml: the newest posts of one category, full content. */
import type { APIContext, GetStaticPaths } from 'astro';
import site, { type CategoryConfig } from '@/site.config';
import { channel, feedPosts, fullItem } from '@/data/feed-posts';
import { feedResponse } from '@/lib/feeds';
import { categoryFeedUrl } from '@/lib/urls';

export const getStaticPaths = (() =>
  site.categories.map((category) => ({ params: { id: category.id }, props: { category } }))) satisfies GetStaticPaths;

export async function GET(context: APIContext<{ category: CategoryConfig }>): Promise<Response> {
  const { category } = context.props;
  const posts = await feedPosts(category.id);
  const items = await Promise.all(posts.map((post) => fullItem(post, context.site)));
  const title = `${site.name}: ${category.name}`;
  return feedResponse(channel({ title, description: category.description, items, path: categoryFeedUrl(category.id) }, context.site));
}
