/**
 * The blog fixture's feeds as subscribers and RSS-to-Twitter services see them, checked
 * against the built post pages (what a reader of the site sees).
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { load, type CheerioAPI } from 'cheerio';
import { XMLParser } from 'fast-xml-parser';
import twitterText from 'twitter-text';
import { getBuild, readBuilt } from '../support/sites';
import { feedparser, rssParser } from '../support/feed-readers';
import { BLOG, BLOG_SITE_URL, DRAFT, SCHEDULED } from '../support/sites-blog';
import { BOUNDARY_TWEET } from '../support/sites-syndication';
import { site as config, stripControl } from '../support/source';

const SITE = BLOG;
const ORIGIN = BLOG_SITE_URL;
const FEED_LENGTH = config.feedLength;
const CATEGORIES = config.categories.map((c) => c.id);
const FEEDS = ['rss.xml', 'twitter.xml', ...CATEGORIES.map((id) => `categories/${id}/rss.xml`)];
const file = (path: string) => join(getBuild(SITE).outDir, path);
const RFC822 = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/;

interface PagePost {
  slug: string;
  url: string;
  title: string;
  date: number;
  author: string;
  category: string;
  $: CheerioAPI;
}

/** Every post page the build wrote, newest first, read from its JSON-LD. */
function builtPosts(): PagePost[] {
  const dir = file('posts');
  return readdirSync(dir)
    .filter((slug) => existsSync(join(dir, slug, 'index.html')))
    .map((slug) => {
      const $ = load(readBuilt(SITE, `posts/${slug}/index.html`));
      const ld = JSON.parse($('script[type="application/ld+json"]').first().text()) as Record<string, any>;
      return { slug, url: ld.url, title: stripControl(ld.headline), date: Date.parse(ld.datePublished), author: ld.author.name, category: ld.articleSection, $ };
    })
    .sort((a, b) => b.date - a.date || a.slug.localeCompare(b.slug));
}

const xml = new XMLParser({ ignoreAttributes: false, parseTagValue: false, isArray: (name) => ['item', 'category'].includes(name) });

/** Feeds that carry full content: the site feed and every category feed. */
const CONTENT_FEEDS = FEEDS.filter((path) => path !== 'twitter.xml');
/** Every item of the content feeds once (a post is in the site feed and its category's). */
function contentEntries() {
  const seen = new Map<string, ReturnType<typeof feedparser>['entries'][number]>();
  for (const path of CONTENT_FEEDS) for (const entry of feedparser(file(path)).entries) if (!seen.has(entry.link)) seen.set(entry.link, entry);
  return [...seen.values()];
}

describe('feeds: readers', () => {
  it.each(FEEDS)('%s is read by feedparser without bozo and by rss-parser with the same items', async (path) => {
    const parsed = feedparser(file(path));
    expect(parsed.bozo_exception).toBeNull();
    expect(parsed.bozo).toBe(0);
    expect(parsed.version).toBe('rss20');
    const npm = await rssParser(readBuilt(SITE, path));
    expect(npm.items.map((i) => i.link)).toEqual(parsed.entries.map((e) => e.link));
    expect(npm.items.map((i) => i.title)).toEqual(parsed.entries.map((e) => e.title));
  });
});

describe('feeds: structure', () => {
  it.each(FEEDS)('%s has the required channel elements, a self link and RFC 822 dates; guid equals link', (path) => {
    const channel = xml.parse(readBuilt(SITE, path)).rss.channel;
    expect(channel.title).toBeTruthy();
    expect(channel.description).toBeTruthy();
    expect(channel.link).toBe(`${ORIGIN}/`);
    expect(channel.language).toBe('ko-KR');
    expect(channel.lastBuildDate).toMatch(RFC822);
    expect(channel['atom:link']).toMatchObject({ '@_href': `${ORIGIN}/${path}`, '@_rel': 'self', '@_type': 'application/rss+xml' });
    for (const item of channel.item ?? []) {
      expect(item.title).toBeTruthy();
      expect(item.link.startsWith(`${ORIGIN}/posts/`)).toBe(true);
      expect(item.guid).toEqual({ '#text': item.link, '@_isPermaLink': 'true' });
      expect(item.pubDate).toMatch(RFC822);
      expect(new Date(item.pubDate).toUTCString()).toBe(item.pubDate);
    }
  });
});

describe('feeds against the post pages', () => {
  it('lists the newest published posts, newest first, with title, link, date and author of their pages', () => {
    const posts = builtPosts();
    const entries = feedparser(file('rss.xml')).entries;
    expect(entries.length).toBe(Math.min(FEED_LENGTH, posts.length));
    expect(entries.map((e) => e.link)).toEqual(posts.slice(0, FEED_LENGTH).map((p) => p.url));
    entries.forEach((entry, i) => {
      const post = posts[i]!;
      expect(entry.title).toBe(post.title);
      expect(Date.parse(entry.published_iso!)).toBe(Math.floor(post.date / 1000) * 1000);
      expect(entry.author).toBe(post.author);
      expect(entry.tags[0]).toBe(post.category);
      expect(entry.summary).toBe(post.$('meta[name="description"]').attr('content'));
    });
  });

  it('drafts and scheduled posts are in no feed', () => {
    for (const path of FEEDS) {
      const raw = readBuilt(SITE, path);
      for (const marker of [DRAFT.slug, DRAFT.title, SCHEDULED.slug, SCHEDULED.title]) expect(raw).not.toContain(marker);
    }
  });

  it('carries each full body as the page shows it: every paragraph of the article is in the feed', () => {
    const posts = new Map(builtPosts().map((p) => [p.url, p]));
    for (const entry of contentEntries()) {
      const $feed = load(entry.content[0]!);
      const feedText = $feed.root().text().replace(/\s+/g, ' ');
      const post = posts.get(entry.link)!;
      const paragraphs = post.$('.prose > p').map((_, p) => stripControl(post.$(p).text()).replace(/\s+/g, ' ').trim()).get();
      expect(paragraphs.length, entry.link).toBeGreaterThan(0);
      for (const paragraph of paragraphs) expect(feedText, entry.link).toContain(paragraph);
    }
  });

  it('content has no script, event handler, style, Astro scoping attribute or canvas', () => {
    for (const entry of contentEntries()) {
      const $ = load(entry.content[0]!);
      expect($('script, style, canvas, button, noscript, template').length, entry.link).toBe(0);
      $('*').each((_, el) => {
        for (const name of Object.keys((el as { attribs?: Record<string, string> }).attribs ?? {})) {
          expect(name, entry.link).not.toMatch(/^on|^style$|^data-astro-cid/i);
        }
      });
    }
    // Checked on the raw XML too, before any reader's own sanitising.
    for (const path of CONTENT_FEEDS) expect(readBuilt(SITE, path), path).not.toMatch(/data-astro-cid|&lt;script|&lt;canvas|\sonclick=|\sonload=/i);
  });

  it('no relative URL inside content: every href, src and srcset is absolute', () => {
    const items = CONTENT_FEEDS.flatMap((path) => (xml.parse(readBuilt(SITE, path)).rss.channel.item ?? []) as Record<string, string>[]);
    let checked = 0;
    for (const item of items) {
      const $ = load(item['content:encoded']!);
      $('[href], [src], [srcset]').each((_, el) => {
        const attribs = (el as { attribs: Record<string, string> }).attribs;
        for (const name of ['href', 'src']) {
          if (attribs[name] !== undefined) {
            expect(attribs[name], item.link).toMatch(/^(https?:\/\/|mailto:)/);
            checked++;
          }
        }
        for (const candidate of (attribs.srcset ?? '').split(/,\s+/).filter(Boolean)) expect(candidate).toMatch(/^https?:\/\//);
      });
    }
    expect(checked).toBeGreaterThan(10);
  });

  it('images keep their alt text and point at files the build wrote', () => {
    const posts = new Map(builtPosts().map((p) => [p.url, p]));
    let images = 0;
    for (const entry of contentEntries()) {
      const $ = load(entry.content[0]!);
      const pageAlts = posts.get(entry.link)!.$('article img').map((_, img) => posts.get(entry.link)!.$(img).attr('alt')).get();
      $('img').each((_, img) => {
        const alt = $(img).attr('alt');
        expect(alt, entry.link).toBeDefined();
        expect(pageAlts).toContain(alt);
        const src = new URL($(img).attr('src')!);
        expect(src.origin).toBe(ORIGIN);
        expect(existsSync(file(decodeURIComponent(src.pathname))), src.href).toBe(true);
        images++;
      });
    }
    expect(images).toBeGreaterThan(0);
  });

  it('survey charts reach the feed as their tables, with the numbers the page shows', () => {
    const entries = contentEntries();
    const posts = new Map(builtPosts().map((p) => [p.url, p]));
    const withCharts = entries.filter((e) => posts.get(e.link)!.$('article figure table').length > 0);
    expect(withCharts.length).toBeGreaterThan(1);
    for (const entry of withCharts) {
      const page = posts.get(entry.link)!.$;
      const $ = load(entry.content[0]!);
      const pageCells = page('article figure table td').map((_, td) => page(td).text().trim()).get();
      const feedCells = $('figure table td').map((_, td) => $(td).text().trim()).get();
      expect(feedCells).toEqual(pageCells);
      expect($('canvas').length).toBe(0);
    }
  });
});

describe('category feeds against the category pages', () => {
  it('each category page is autodiscoverable and its feed holds exactly its newest posts', () => {
    const posts = builtPosts();
    for (const id of CATEGORIES) {
      const $ = load(readBuilt(SITE, `categories/${id}/index.html`));
      expect($(`head link[rel="alternate"][type="application/rss+xml"][href="/categories/${id}/rss.xml"]`).length, id).toBe(1);
      const name = $('h1').first().text().trim();
      const entries = feedparser(file(`categories/${id}/rss.xml`)).entries;
      const expected = posts.filter((p) => p.category === name).slice(0, FEED_LENGTH);
      expect(entries.map((e) => e.link), id).toEqual(expected.map((p) => p.url));
    }
  });

  it('every page links the site feed for autodiscovery', () => {
    const $ = load(readBuilt(SITE, 'index.html'));
    expect($('head link[rel="alternate"][type="application/rss+xml"][href="/rss.xml"]').length).toBe(1);
  });
});

describe('/twitter.xml against /rss.xml', () => {
  it('holds the same posts as /rss.xml, each title a tweet that fits with its link', () => {
    const tweets = feedparser(file('twitter.xml')).entries;
    expect(tweets.map((e) => e.link)).toEqual(feedparser(file('rss.xml')).entries.map((e) => e.link));
    for (const entry of tweets) {
      // Twitter counts the link as a t.co URL: 23 whatever its length.
      expect(twitterText.parseTweet(`${entry.title} https://t.co/AbCdEfGhIj`).weightedLength, entry.title).toBeLessThanOrEqual(280);
      expect(entry.link).toMatch(/^[\x21-\x7e]+$/);
    }
  });

  it("uses a post's tweet field when it has one, and the title otherwise", () => {
    const tweets = feedparser(file('twitter.xml')).entries;
    const posts = new Map(builtPosts().map((p) => [p.url, p]));
    expect(tweets.find((e) => e.link === `${ORIGIN}/posts/boundary-tweet/`)?.title).toBe(BOUNDARY_TWEET);
    const untweeted = tweets.filter((e) => e.title !== BOUNDARY_TWEET && !e.link.includes('mixed-tweet'));
    expect(untweeted.length).toBeGreaterThan(0);
    for (const entry of untweeted) expect(entry.title, entry.link).toBe(posts.get(entry.link)!.title);
  });

  it('attaches each post\'s Open Graph image with its byte size', () => {
    for (const entry of feedparser(file('twitter.xml')).entries) {
      expect(entry.enclosures.length).toBe(1);
      const enclosure = entry.enclosures[0]!;
      expect(enclosure.type).toBe('image/png');
      const png = file(decodeURIComponent(new URL(enclosure.href).pathname));
      expect(Number(enclosure.length)).toBe(statSync(png).size);
      expect(entry.media_content[0]?.url).toBe(enclosure.href);
    }
  });
});
