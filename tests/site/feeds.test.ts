/**
 * Feeds of the blog fixture (edge cases from tests/support/sites-syndication.ts): tricky
 * characters, drafts and scheduled posts, tweet-length boundaries, SITE_URL, a too-long tweet.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'cheerio';
import twitterText from 'twitter-text';
import { getBuild, readBuilt } from '../support/sites';
import { feedparser, rssParser } from '../support/feed-readers';
import { BOUNDARY_TWEET, LONG_TITLE, MIXED_TWEET, TRICKY_CODE, TRICKY_DESCRIPTION, TRICKY_IMAGE_ALT, TRICKY_TITLE } from '../support/sites-syndication';
import { BLOG, BLOG_NOW, BLOG_SITE_URL, blogContentDir, DRAFT, SCHEDULED } from '../support/sites-blog';
import { defaultAuthors } from '../support/fixtures';
import { categoryName, instant, publishedPosts, readPosts, site as config, stripControl, type SourcePost } from '../support/source';

const SITE = BLOG;
const file = (path: string) => join(getBuild(SITE).outDir, path);
const FEEDS = ['rss.xml', 'twitter.xml', ...config.categories.map((c) => `categories/${c.id}/rss.xml`)];
const expectedTitle = TRICKY_TITLE.replace('\u0008', '');
const trickyLink = `${BLOG_SITE_URL}/posts/tricky/`;
/** The fixture's published posts as written, newest first: what every feed must hold. */
const published = publishedPosts(blogContentDir, BLOG_NOW);
const tricky = published.find((p) => p.slug === 'tricky')!;
const linkOf = (post: SourcePost) => `${BLOG_SITE_URL}/posts/${encodeURIComponent(post.slug)}/`;
/** The newest change (publication or update) of some posts, as an RSS date. */
const lastChange = (posts: SourcePost[]) =>
  new Date(Math.max(...posts.flatMap((p) => [p.data.pubDate, p.data.updatedDate].filter(Boolean).map(instant)))).toUTCString();

/** Weighted length of "<text> <link>" as Twitter counts it once the link is a t.co URL (23). */
const tweetWithLink = (text: string) => twitterText.parseTweet(`${text} https://t.co/AbCdEfGhIj`).weightedLength;

describe('blog fixture build', () => {
  it('builds', () => {
    const build = getBuild(SITE);
    expect(build.ok, build.output.slice(-3000)).toBe(true);
  });

  it('puts the feed edge cases in the window of /rss.xml and /twitter.xml', () => {
    const window = published.slice(0, config.feedLength).map((p) => p.slug);
    const needed = ['tricky', '소셜-미디어', 'boundary-tweet', 'mixed-tweet', 'long-title'];
    expect(window, `feedLength ${config.feedLength} in src/site.config.ts is too short for the blog fixture`).toEqual(expect.arrayContaining(needed));
  });
});

describe('every feed is read cleanly by real readers', () => {
  it.each(FEEDS)('%s: feedparser reports no problem (bozo 0) and rss-parser parses it', async (path) => {
    const parsed = feedparser(file(path));
    expect(parsed.bozo_exception).toBeNull();
    expect(parsed.bozo).toBe(0);
    expect(parsed.version).toBe('rss20');
    expect(parsed.feed.language).toBe('ko-KR');
    expect(parsed.feed.self).toBe(`${BLOG_SITE_URL}/${path}`);
    const npm = await rssParser(readBuilt(SITE, path));
    expect(npm.items.length).toBe(parsed.entries.length);
    expect(npm.items.map((i) => i.title)).toEqual(parsed.entries.map((e) => e.title));
  });

  it('no feed holds a character XML 1.0 forbids', () => {
    for (const path of FEEDS) {
      expect(readBuilt(SITE, path)).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/);
    }
  });

  it('SITE_URL reaches every link, guid and enclosure', () => {
    for (const path of FEEDS) {
      for (const entry of feedparser(file(path)).entries) {
        expect(entry.link.startsWith(`${BLOG_SITE_URL}/posts/`)).toBe(true);
        expect(entry.id).toBe(entry.link);
        for (const e of entry.enclosures) expect(e.href.startsWith(`${BLOG_SITE_URL}/og/posts/`)).toBe(true);
      }
    }
  });
});

describe('/rss.xml', () => {
  const parsed = () => feedparser(file('rss.xml'));

  it(`holds the newest ${config.feedLength} published posts, newest first`, () => {
    const entries = parsed().entries;
    expect(published.length).toBeGreaterThan(config.feedLength);
    expect(entries.length).toBe(config.feedLength);
    expect(entries.map((e) => e.link)).toEqual(published.slice(0, config.feedLength).map(linkOf));
    expect(entries.map((e) => e.title)).toEqual(published.slice(0, config.feedLength).map((p) => stripControl(p.data.title)));
    const dates = entries.map((e) => Date.parse(e.published_iso!));
    expect(dates).toEqual(published.slice(0, config.feedLength).map((p) => Math.floor(instant(p.data.pubDate) / 1000) * 1000));
    // The oldest posts fall out of the window.
    expect(entries.map((e) => e.link)).not.toContain(linkOf(published.at(-1)!));
  });

  it('keeps a title with &, <, quotes and emoji exactly as written, dropping only U+0008', async () => {
    const entry = parsed().entries.find((e) => e.link === trickyLink)!;
    const tags = [categoryName(tricky.data.category), ...tricky.data.tags];
    expect(entry.title).toBe(expectedTitle);
    expect(entry.summary).toBe(TRICKY_DESCRIPTION);
    expect(entry.tags).toEqual(tags);
    expect(entry.author).toBe(defaultAuthors.kim.name);
    const npm = (await rssParser(readBuilt(SITE, 'rss.xml'))).items.find((i) => i.link === trickyLink)!;
    expect(npm.title).toBe(expectedTitle);
    expect(npm.creator).toBe(defaultAuthors.kim.name);
    expect(npm.categories).toEqual(tags);
  });

  it('carries the full body: text, code with "]]>", table and image as written', async () => {
    const html = parsed().entries.find((e) => e.link === trickyLink)!.content[0]!;
    const $ = load(html);
    expect($('p').first().text()).toContain('&와 <와 >');
    expect($('p').first().text()).toContain('🎉');
    expect($('p').first().text()).not.toContain('\u0008');
    expect($('pre code').text()).toBe(TRICKY_CODE);
    expect($('table td').map((_, td) => $(td).text()).get()).toEqual(['트위터', '1 & 2']);
    // The alt text the post page shows (Markdown typesets its quotes as “ ”), "&" and all.
    const pageAlt = load(readBuilt(SITE, 'posts/tricky/index.html'))('article img[alt^="흐름도"]').attr('alt');
    expect(pageAlt?.replace(/[“”]/g, '"')).toBe(TRICKY_IMAGE_ALT);
    expect($('img').attr('alt')).toBe(pageAlt);
    // rss-parser sees the same body.
    const npm = (await rssParser(readBuilt(SITE, 'rss.xml'))).items.find((i) => i.link === trickyLink)!;
    expect(load(npm['content:encoded']!)('pre code').text()).toBe(TRICKY_CODE);
  });

  it('resolves relative, root-relative and fragment links and image URLs to absolute ones', () => {
    const $ = load(parsed().entries.find((e) => e.link === trickyLink)!.content[0]!);
    const hrefs = $('a').map((_, a) => $(a).attr('href')).get();
    expect(hrefs).toEqual([
      `${BLOG_SITE_URL}/posts/${encodeURIComponent('소셜-미디어')}/`,
      `${BLOG_SITE_URL}/posts/plain-post/`,
      `${trickyLink}#${encodeURIComponent('링크와-이미지')}`,
      'https://example.org/a?b=1&c=2',
    ]);
    const src = $('img').attr('src')!;
    expect(src).toMatch(new RegExp(`^${BLOG_SITE_URL}/_astro/.+\\.(webp|png)$`));
    expect(existsSync(file(new URL(src).pathname))).toBe(true);
  });

  // Event handlers (on*) never reach a build: the writer checks refuse them in a post.
  it('removes styles, Astro scoping attributes and hidden parts (raw XML checked)', () => {
    const raw = readBuilt(SITE, 'rss.xml');
    expect(raw).not.toMatch(/onclick|onmouseover|style=|data-astro-cid|&lt;script|hidden/i);
    expect(raw).toContain('스타일 속성이 있던 상자');
    expect(raw).not.toContain('숨은 내용');
  });

  it('has a stable lastBuildDate: the newest change among its posts, not the clock or the build time', () => {
    const lastBuildDate = (path: string) => /<lastBuildDate>([^<]+)<\/lastBuildDate>/.exec(readBuilt(SITE, path))![1];
    expect(lastBuildDate('rss.xml')).toBe(lastChange(published.slice(0, config.feedLength)));
    let olderThanBuild = 0;
    for (const { id } of config.categories) {
      const posts = published.filter((p) => p.data.category === id).slice(0, config.feedLength);
      expect(lastBuildDate(`categories/${id}/rss.xml`), id).toBe(lastChange(posts));
      if (lastChange(posts) !== new Date(BLOG_NOW).toUTCString()) olderThanBuild++;
    }
    expect(olderThanBuild).toBeGreaterThan(0);
  });
});

describe('drafts and scheduled posts', () => {
  it('appear in no feed and get no Open Graph image', () => {
    for (const path of FEEDS) {
      const raw = readBuilt(SITE, path);
      expect(raw).not.toContain('DRAFTMARK');
      expect(raw).not.toContain('SCHEDULEDMARK');
      expect(raw).not.toMatch(/posts\/zz-(draft|scheduled)-marker\//);
    }
    const unpublished = readPosts(blogContentDir).filter((p) => !published.some((q) => q.slug === p.slug));
    expect(unpublished.map((p) => p.slug)).toEqual(expect.arrayContaining([DRAFT.slug, SCHEDULED.slug]));
    for (const post of unpublished) expect(existsSync(file(`og/posts/${post.slug}.png`)), post.slug).toBe(false);
  });
});

describe('category feeds', () => {
  it('hold exactly their category\'s newest posts, and each category page links its feed for autodiscovery', () => {
    for (const { id, name } of config.categories) {
      const parsed = feedparser(file(`categories/${id}/rss.xml`));
      expect(parsed.feed.title).toContain(name);
      const expected = published.filter((p) => p.data.category === id).slice(0, config.feedLength);
      expect(expected.length, id).toBeGreaterThan(0);
      expect(parsed.entries.map((e) => e.link), id).toEqual(expected.map(linkOf));
      expect(parsed.entries.map((e) => e.title), id).toEqual(expected.map((p) => stripControl(p.data.title)));
      for (const entry of parsed.entries) expect(entry.tags[0]).toBe(name);
      const $ = load(readBuilt(SITE, `categories/${id}/index.html`));
      expect($(`link[rel="alternate"][type="application/rss+xml"][href="/categories/${id}/rss.xml"]`).length).toBe(1);
    }
  });
});

describe('/twitter.xml', () => {
  const entries = () => feedparser(file('twitter.xml')).entries;
  const byLink = (slug: string) => entries().find((e) => e.link === `${BLOG_SITE_URL}/posts/${slug}/`)!;

  it('every item title fits one tweet with a space and its link', () => {
    const all = entries();
    expect(all.length).toBe(config.feedLength);
    for (const entry of all) expect(tweetWithLink(entry.title), entry.title).toBeLessThanOrEqual(280);
  });

  it('uses the tweet field at exactly 280 with the link: 128 Hangul syllables', () => {
    const entry = byLink('boundary-tweet');
    expect(entry.title).toBe(BOUNDARY_TWEET);
    expect(tweetWithLink(entry.title)).toBe(280);
  });

  it('counts Latin 1, Hangul 2, emoji 2 and a URL 23 in a mixed tweet at exactly 280', () => {
    const entry = byLink('mixed-tweet');
    expect(entry.title).toBe(MIXED_TWEET);
    expect(tweetWithLink(entry.title)).toBe(280);
  });

  it('uses the title when there is no tweet field: a 120-character title fits whole', () => {
    expect(byLink('long-title').title).toBe(LONG_TITLE);
    expect(byLink('tricky').title).toBe(expectedTitle);
  });

  it('links with the percent-encoded permalink', () => {
    const entry = entries().find((e) => e.title === '한글 주소를 가진 글')!;
    expect(entry.link).toBe(`${BLOG_SITE_URL}/posts/%EC%86%8C%EC%85%9C-%EB%AF%B8%EB%94%94%EC%96%B4/`);
    expect(entry.link).toMatch(/^[\x21-\x7e]+$/);
    expect(decodeURI(entry.link)).toBe(`${BLOG_SITE_URL}/posts/소셜-미디어/`);
  });

  it('attaches the Open Graph image as enclosure and media:content with its real size', async () => {
    const npm = await rssParser(readBuilt(SITE, 'twitter.xml'));
    for (const entry of entries()) {
      const slug = decodeURIComponent(new URL(entry.link).pathname.replace(/^\/posts\/|\/$/g, ''));
      const png = file(`og/posts/${slug}.png`);
      const expectedUrl = `${BLOG_SITE_URL}/og/posts/${encodeURIComponent(slug)}.png`;
      expect(entry.enclosures).toEqual([{ href: expectedUrl, length: String(statSync(png).size), type: 'image/png' }]);
      expect(entry.media_content[0]).toMatchObject({ url: expectedUrl, type: 'image/png', medium: 'image', width: '1200', height: '630' });
    }
    expect(npm.items.every((i) => i.media?.$.url === i.enclosure?.url)).toBe(true);
  });
});

describe('the fixture content is what the tests think it is', () => {
  it('has the control character in the source title', () => {
    const source = readFileSync(join(blogContentDir, 'posts/tricky/index.md'), 'utf8');
    expect(JSON.parse(/^title: (.*)$/m.exec(source)![1]!)).toBe(TRICKY_TITLE);
    expect(TRICKY_TITLE).toContain('\u0008');
  });
});
