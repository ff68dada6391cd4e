/** /og/posts/<slug>.png: one Open Graph card per published post. */
import type { APIContext, GetStaticPaths } from 'astro';
import { getPublishedPosts, type Post } from '../../../lib/posts';
import { postOgImage } from '../../../lib/og-cards';
import { pngResponse } from '../../../lib/og-response';

export const getStaticPaths = (async () =>
  (await getPublishedPosts()).map((post) => ({ params: { slug: post.id }, props: { post } }))) satisfies GetStaticPaths;

export async function GET(context: APIContext<{ post: Post }>): Promise<Response> {
  return pngResponse(await postOgImage(context.props.post));
}
