/**
 * Gathers what the feed routes need from the collections: published posts only (through
 * getPublishedPosts), absolute permalinks, rendered and cleaned bodies, Open Graph images.
 * The XML itself is described by ./feeds.ts.
 */
import type { ImageMetadata } from 'astro';
import { getImage } from 'astro:assets';
import XMLBuilder from 'fast-xml-builder';
import site from '../site.config';
import { buildTime } from './build-time';
import { cleanFeedHtml } from './feed-html';
import { FEED_LANGUAGE, type FeedChannelInput, type FeedImage, type FeedItemInput } from './feeds';
import { postOgImage, postOgAlt } from './og-cards';
import { ogImagePath, OG_HEIGHT, OG_WIDTH } from './og-paths';
import { categoryOf, getAuthor, getPublishedPosts, postsInCategory, postUrl, type Post } from './posts';
import { renderPostHtml } from './render-post';
import { tweetText } from './tweets';

export { FEED_LANGUAGE };

const fragmentBuilder = new XMLBuilder({ ignoreAttributes: false, suppressEmptyNode: true });

/** Absolute URL of a site path against the configured site (SITE_URL honoured), percent-encoded. */
export function siteUrl(path: string, siteBase: URL | string | undefined): string {
  return new URL(path, siteBase ?? site.url).href;
}

/** The newest `site.feedLength` published posts, optionally of one category. */
export async function feedPosts(category?: string): Promise<Post[]> {
  const posts = category ? await postsInCategory(category) : await getPublishedPosts();
  return posts.slice(0, site.feedLength);
}

/** The hero image (shown above the body on the post page, outside the MDX) as feed HTML. */
async function heroHtml(post: Post): Promise<string> {
  const { heroImage, heroAlt } = post.data;
  if (!heroImage || !heroAlt) return '';
  // The schema's image() helper is typed loosely; at run time it is the image's metadata.
  const image = await getImage({ src: heroImage as ImageMetadata, width: 1280 });
  const attrs: Record<string, string> = { '@_src': image.src, '@_alt': heroAlt };
  for (const name of ['width', 'height'] as const) {
    const value: unknown = image.attributes[name];
    if (value !== undefined) attrs[`@_${name}`] = String(value);
  }
  // Serialised, not concatenated: the alt text may hold quotes or "&". sanitize-html reads it next.
  return fragmentBuilder.build({ p: { img: attrs } }) as string;
}

/** One RSS item with the full, cleaned body. */
export async function fullItem(post: Post, siteBase: URL | string | undefined): Promise<FeedItemInput> {
  const link = siteUrl(postUrl(post), siteBase);
  const [author, body, hero] = await Promise.all([getAuthor(post.data.author), renderPostHtml(post), heroHtml(post)]);
  return {
    title: post.data.title,
    link,
    description: post.data.description,
    pubDate: post.data.pubDate,
    updatedDate: post.data.updatedDate,
    author: author.data.name,
    categories: [categoryOf(post.data.category).name, ...post.data.tags],
    content: cleanFeedHtml(hero + body, link),
  };
}

/** The post's Open Graph image as an enclosure (RSS requires its size in bytes). */
export async function ogEnclosure(post: Post, siteBase: URL | string | undefined): Promise<FeedImage> {
  const png = await postOgImage(post);
  return {
    url: siteUrl(ogImagePath.post(post.id), siteBase),
    length: png.byteLength,
    type: 'image/png',
    width: OG_WIDTH,
    height: OG_HEIGHT,
    alt: postOgAlt(post),
  };
}

function tweetSource(post: Post) {
  return { tweet: post.data.tweet, title: post.data.title, file: post.filePath ?? `posts/${post.id}` };
}

/** One /twitter.xml item: the tweet as title, the permalink, the Open Graph image. */
export async function tweetItem(post: Post, siteBase: URL | string | undefined): Promise<FeedItemInput> {
  return {
    title: tweetText(tweetSource(post)),
    link: siteUrl(postUrl(post), siteBase),
    description: post.data.description,
    pubDate: post.data.pubDate,
    updatedDate: post.data.updatedDate,
    image: await ogEnclosure(post, siteBase),
  };
}

/** Channel fields shared by every feed. */
export function channel(
  fields: Pick<FeedChannelInput, 'title' | 'description' | 'items'> & { path: string },
  siteBase: URL | string | undefined,
): FeedChannelInput {
  return {
    title: fields.title,
    description: fields.description,
    items: fields.items,
    site: siteUrl('/', siteBase),
    selfUrl: siteUrl(fields.path, siteBase),
    now: buildTime,
  };
}
