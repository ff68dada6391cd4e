/**
 * RSS 2.0 feeds as @astrojs/rss options. Pure: the routes gather posts and rendered bodies
 * (src/data/feed-posts.ts), this module decides what each feed says. Unit-tested.
 *
 * Everything @astrojs/rss does not model (dc:creator, atom:link, media:content, channel
 * language) goes through its `customData`, built with fast-xml-builder's serialiser, never by
 * pasting strings. @astrojs/rss parses customData and serialises it again, and its parser turns
 * number-like text into numbers (an author called "007" would become "7"), so item fragments
 * travel as placeholders and are put back, already serialised, into the finished XML.
 */
import { getRssString, type RSSFeedItem, type RSSOptions } from '@astrojs/rss';
import XMLBuilder from 'fast-xml-builder';
import { stripXmlInvalid } from './xml-chars.ts';

export const NAMESPACES = {
  atom: 'http://www.w3.org/2005/Atom',
  dc: 'http://purl.org/dc/elements/1.1/',
  media: 'http://search.yahoo.com/mrss/',
} as const;

/** The channel language: Korean as spoken in Korea (RSS uses RFC 1766 / BCP 47 tags). */
export const FEED_LANGUAGE = 'ko-KR';

export interface FeedImage {
  /** Absolute URL of the image. */
  url: string;
  /** Size in bytes (RSS enclosures require it). */
  length: number;
  type: string;
  width: number;
  height: number;
  alt: string;
}

export interface FeedItemInput {
  title: string;
  /** Absolute, percent-encoded permalink; also the item's guid. */
  link: string;
  description?: string | undefined;
  pubDate: Date;
  updatedDate?: Date | undefined;
  /** Author's display name, for dc:creator (RSS's own <author> wants an e-mail address). */
  author?: string | undefined;
  categories?: string[] | undefined;
  /** Cleaned HTML for content:encoded. */
  content?: string | undefined;
  /** Sent as enclosure and media:content. */
  image?: FeedImage | undefined;
}

export interface FeedChannelInput {
  title: string;
  description: string;
  /** Absolute site URL; the channel's <link>. */
  site: string;
  /** Absolute URL of this feed (atom:link rel="self"). */
  selfUrl: string;
  /** Items newest first, already limited to the feed length. */
  items: FeedItemInput[];
  /** lastBuildDate when there are no items. */
  now: Date;
}

const builder = new XMLBuilder({ ignoreAttributes: false, suppressEmptyNode: true });

/** Serialises a fragment such as `{ 'dc:creator': '김하늘' }` with proper escaping. */
function xml(fragment: Record<string, unknown>): string {
  return builder.build(fragment) as string;
}

const text = (value: string) => stripXmlInvalid(value).trim();

/**
 * When the channel last changed: the newest publication or update among its items. Derived
 * from the content rather than the clock, so rebuilding unchanged content yields the same feed.
 */
export function lastChange(items: FeedItemInput[], fallback: Date): Date {
  let latest: Date | undefined;
  for (const item of items) {
    for (const date of [item.pubDate, item.updatedDate]) {
      if (date && (!latest || date > latest)) latest = date;
    }
  }
  return latest ?? fallback;
}

/** Unique, non-empty category labels, first occurrence kept. */
function categories(values: string[] | undefined): string[] | undefined {
  if (!values) return undefined;
  const seen = new Set<string>();
  for (const value of values.map(text)) if (value) seen.add(value);
  return seen.size ? [...seen] : undefined;
}

/** Serialised item fragments waiting to replace their placeholder element. */
type Slots = Map<string, string>;
const SLOT = 'socialbench-slot';

/** A placeholder element for `fragment`; its id is not number-like, so it survives the round trip. */
function slot(slots: Slots, fragment: string): string {
  const id = `slot-${slots.size}`;
  slots.set(id, fragment);
  return xml({ [SLOT]: id });
}

function itemOptions(item: FeedItemInput, slots: Slots): RSSFeedItem {
  const custom: string[] = [];
  if (item.author) custom.push(xml({ 'dc:creator': text(item.author) }));
  if (item.image) {
    custom.push(
      xml({
        'media:content': {
          '@_url': item.image.url,
          '@_type': item.image.type,
          '@_medium': 'image',
          '@_fileSize': String(item.image.length),
          '@_width': String(item.image.width),
          '@_height': String(item.image.height),
          'media:description': { '@_type': 'plain', '#text': text(item.image.alt) },
        },
      }),
    );
  }
  const result: RSSFeedItem = {
    title: text(item.title),
    link: item.link,
    pubDate: item.pubDate,
  };
  const cats = categories(item.categories);
  if (cats) result.categories = cats;
  if (item.description) result.description = text(item.description);
  if (item.content !== undefined) result.content = stripXmlInvalid(item.content);
  if (item.image) result.enclosure = { url: item.image.url, length: item.image.length, type: item.image.type };
  if (custom.length) result.customData = custom.map((fragment) => slot(slots, fragment)).join('');
  return result;
}

/**
 * Options for @astrojs/rss describing one channel, and the item fragments its placeholders stand
 * for. Use `renderFeed`, which puts them back.
 */
export function feedOptions(channel: FeedChannelInput): { options: RSSOptions; slots: Slots } {
  const slots: Slots = new Map();
  const xmlns: Record<string, string> = { atom: NAMESPACES.atom };
  if (channel.items.some((i) => i.author)) xmlns.dc = NAMESPACES.dc;
  if (channel.items.some((i) => i.image)) xmlns.media = NAMESPACES.media;
  const options: RSSOptions = {
    title: text(channel.title),
    description: text(channel.description),
    site: channel.site,
    xmlns,
    customData: [
      xml({ language: FEED_LANGUAGE }),
      xml({ lastBuildDate: lastChange(channel.items, channel.now).toUTCString() }),
      xml({ 'atom:link': { '@_href': channel.selfUrl, '@_rel': 'self', '@_type': 'application/rss+xml' } }),
    ].join(''),
    items: channel.items.map((item) => itemOptions(item, slots)),
  };
  return { options, slots };
}

/** The channel as an RSS 2.0 document. */
export async function renderFeed(channel: FeedChannelInput): Promise<string> {
  const { options, slots } = feedOptions(channel);
  const rss = await getRssString(options);
  const placeholder = new RegExp(`<${SLOT}>(slot-\\d+)</${SLOT}>`, 'g');
  const filled = rss.replace(placeholder, (whole, id: string) => slots.get(id) ?? whole);
  if (filled.includes(`<${SLOT}>`)) throw new Error('feeds: an item fragment lost its placeholder');
  return filled;
}

/** The feed as the response of an endpoint. */
export async function feedResponse(channel: FeedChannelInput): Promise<Response> {
  return new Response(await renderFeed(channel), { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
}
