/** /og/posts/<slug>.png: one Open Graph card per published post. */
import type { APIContext, GetStaticPaths } from 'astro';
import { getAuthor, getPublishedPosts, type Post } from '@/data/posts';
import { postOgImage } from '@/lib/og-cards';
import { pngResponse } from '@/lib/og-response';

export const getStaticPaths = (async () =>
  (await getPublishedPosts()).map((post) => ({ params: { slug: post.id }, props: { post } }))) satisfies GetStaticPaths;

export async function GET(context: APIContext<{ post: Post }>): Promise<Response> {
  const { post } = context.props;
  const author = await getAuthor(post.data.author);
  return pngResponse(await postOgImage(post, author.data.name));
}
