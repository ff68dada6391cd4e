/** /og/posts/<slug>.png: one Open Graph card per published post. */
import type { APIContext, GetStaticPaths } from 'astro';
import { getAuthor, getPublishedPosts } from '@/data/posts';
import { postCard } from '@/lib/og-cards';
import { ogCacheKey, ogImage, type OgCard } from '@/lib/og-image';
import { pngResponse } from '@/lib/og-response';

// The card's own cache key (everything that changes its pixels) is its key for the incremental
// build too: an unchanged card is copied from Astro's cache without reading the card cache.
export const getStaticPaths = (async () =>
  Promise.all(
    (await getPublishedPosts()).map(async (post) => {
      const card = postCard(post, (await getAuthor(post.data.author)).data.name);
      return { params: { slug: post.id }, props: { card }, cacheKey: ogCacheKey(card) };
    }),
  )) satisfies GetStaticPaths;

export async function GET(context: APIContext<{ card: OgCard }>): Promise<Response> {
  return pngResponse(await ogImage(context.props.card));
}
