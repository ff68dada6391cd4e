/**
 * Gathers what the feed routes need from the collections: published posts only (through
 * getPublishedPosts), absolute permalinks, rendered and cleaned bodies, Open Graph images.
 * The XML itself is described by src/lib/feeds.ts.
 */
import type { ImageMetadata } from 'astro';
import { getImage } from 'astro:assets';
import XMLBuilder from 'fast-xml-builder';
import site from '@/site.config';
import { buildTime } from '@/lib/build-time';
import { cleanFeedHtml } from '@/lib/feed-html';
import type { FeedChannelInput, FeedImage, FeedItemInput } from '@/lib/feeds';
import { postOgAlt, postOgImage } from '@/lib/og-cards';
import { OG_HEIGHT, OG_WIDTH } from '@/lib/og-size';
import { categoryOf } from '@/lib/taxonomy';
import { tweetText } from '@/lib/tweets';
import { absoluteUrl, homeUrl, postOgImageUrl, postUrl } from '@/lib/urls';
import { getAuthor, getPublishedPosts, postsInCategory, type Post } from './posts';
import { renderPostHtml } from './render-post';

const fragmentBuilder = new XMLBuilder({ ignoreAttributes: false, suppressEmptyNode: true });

/** Astro's `context.site` (the configured site, SITE_URL applied), or the configuration's URL when it is unset. */
type SiteBase = URL | string | undefined;

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
export async function fullItem(post: Post, siteBase: SiteBase): Promise<FeedItemInput> {
  const link = absoluteUrl(postUrl(post.id), siteBase);
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
export async function ogEnclosure(post: Post, siteBase: SiteBase): Promise<FeedImage> {
  const author = await getAuthor(post.data.author);
  const png = await postOgImage(post, author.data.name);
  return {
    url: absoluteUrl(postOgImageUrl(post.id), siteBase),
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
export async function tweetItem(post: Post, siteBase: SiteBase): Promise<FeedItemInput> {
  return {
    title: tweetText(tweetSource(post)),
    link: absoluteUrl(postUrl(post.id), siteBase),
    description: post.data.description,
    pubDate: post.data.pubDate,
    updatedDate: post.data.updatedDate,
    image: await ogEnclosure(post, siteBase),
  };
}

/** Channel fields shared by every feed; `path` is the feed's own URL (src/lib/urls.ts). */
export function channel(fields: Pick<FeedChannelInput, 'title' | 'description' | 'items'> & { path: string }, siteBase: SiteBase): FeedChannelInput {
  return {
    title: fields.title,
    description: fields.description,
    items: fields.items,
    site: absoluteUrl(homeUrl(), siteBase),
    selfUrl: absoluteUrl(fields.path, siteBase),
    now: buildTime,
  };
}
