import { describe, expect, it } from 'vitest';
import { XMLParser } from 'fast-xml-parser';
import { FEED_LANGUAGE, NAMESPACES, lastChange, renderFeed, type FeedItemInput } from '@/lib/feeds';

const parser = new XMLParser({ ignoreAttributes: false, parseTagValue: false, trimValues: false, isArray: (name) => name === 'item' || name === 'category' });

const tricky = 'Q&A: <태그> "큰" \'작은\' 🎉\u0008끝 ]]> 1e3';

function item(overrides: Partial<FeedItemInput> = {}): FeedItemInput {
  return {
    title: '글',
    link: 'https://blog.example/posts/a/',
    description: '요약',
    pubDate: new Date('2010-08-10T00:00:00Z'),
    author: '김하늘',
    categories: ['고객 서비스', '트위터'],
    content: '<p>본문</p>',
    ...overrides,
  };
}

async function build(items: FeedItemInput[], title = '블로그') {
  const xml = await renderFeed({
    title,
    description: '설명',
    site: 'https://blog.example/',
    selfUrl: 'https://blog.example/rss.xml',
    items,
    now: new Date('2020-01-01T00:00:00Z'),
  });
  return { xml, doc: parser.parse(xml) };
}

describe('renderFeed', () => {
  it('describes the channel: language, self link, namespaces, lastBuildDate', async () => {
    const { doc } = await build([item()]);
    const rss = doc.rss;
    expect(rss['@_version']).toBe('2.0');
    expect(rss['@_xmlns:atom']).toBe(NAMESPACES.atom);
    expect(rss['@_xmlns:dc']).toBe(NAMESPACES.dc);
    expect(rss['@_xmlns:content']).toBe('http://purl.org/rss/1.0/modules/content/');
    expect(rss.channel.language).toBe(FEED_LANGUAGE);
    expect(rss.channel['atom:link']).toMatchObject({ '@_href': 'https://blog.example/rss.xml', '@_rel': 'self', '@_type': 'application/rss+xml' });
    expect(rss.channel.lastBuildDate).toBe('Tue, 10 Aug 2010 00:00:00 GMT');
  });

  it('writes each item with guid = link, RFC 822 date, dc:creator and one category per label', async () => {
    const { doc } = await build([item({ categories: ['고객 서비스', '트위터', '트위터', ' '] })]);
    const it0 = doc.rss.channel.item[0];
    expect(it0.link).toBe('https://blog.example/posts/a/');
    expect(it0.guid).toEqual({ '#text': 'https://blog.example/posts/a/', '@_isPermaLink': 'true' });
    expect(it0.pubDate).toBe('Tue, 10 Aug 2010 00:00:00 GMT');
    expect(it0['dc:creator']).toBe('김하늘');
    expect(it0.category).toEqual(['고객 서비스', '트위터']);
    expect(it0['content:encoded']).toBe('<p>본문</p>');
  });

  it('keeps &, <, quotes, emoji and "]]>" exactly and drops U+0008 from every text', async () => {
    const { xml, doc } = await build(
      [item({ title: tricky, description: tricky, author: tricky, categories: [tricky], content: `<p>${tricky.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>` })],
      tricky,
    );
    const expected = tricky.replace('\u0008', '');
    expect(xml).not.toContain('\u0008');
    expect(doc.rss.channel.title).toBe(expected);
    const it0 = doc.rss.channel.item[0];
    expect(it0.title).toBe(expected);
    expect(it0.description).toBe(expected);
    expect(it0['dc:creator']).toBe(expected);
    expect(it0.category).toEqual([expected]);
    expect(it0['content:encoded']).toBe(`<p>${expected.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`);
  });

  it('keeps a number-like author name as written (@astrojs/rss parses customData as numbers)', async () => {
    for (const author of ['007', '1e3', '0x10', ' 12 ', '1004']) {
      const { doc } = await build([item({ author })]);
      expect(doc.rss.channel.item[0]['dc:creator']).toBe(author.trim());
    }
  });

  it('adds the Open Graph image as enclosure and media:content', async () => {
    const image = { url: 'https://blog.example/og/posts/a.png', length: 12345, type: 'image/png', width: 1200, height: 630, alt: '제목 & "요약"' };
    const { doc } = await build([item({ image, content: undefined })]);
    expect(doc.rss['@_xmlns:media']).toBe(NAMESPACES.media);
    const it0 = doc.rss.channel.item[0];
    expect(it0.enclosure).toMatchObject({ '@_url': image.url, '@_length': '12345', '@_type': 'image/png' });
    expect(it0['media:content']).toMatchObject({ '@_url': image.url, '@_type': 'image/png', '@_medium': 'image', '@_width': '1200', '@_height': '630', '@_fileSize': '12345' });
    expect(it0['media:content']['media:description']['#text']).toBe('제목 & "요약"');
    expect(it0['content:encoded']).toBeUndefined();
  });

  it('declares only the namespaces it uses', async () => {
    const { doc } = await build([item({ author: undefined, content: undefined })]);
    expect(doc.rss['@_xmlns:dc']).toBeUndefined();
    expect(doc.rss['@_xmlns:media']).toBeUndefined();
    expect(doc.rss['@_xmlns:content']).toBeUndefined();
  });
});

describe('lastChange', () => {
  it('is the newest publication or update date, or the fallback for an empty feed', () => {
    const a = item({ pubDate: new Date('2010-08-10T00:00:00Z'), updatedDate: new Date('2010-09-01T00:00:00Z') });
    const b = item({ pubDate: new Date('2010-08-20T00:00:00Z') });
    expect(lastChange([a, b], new Date(0)).toISOString()).toBe('2010-09-01T00:00:00.000Z');
    expect(lastChange([], new Date(5)).getTime()).toBe(5);
  });
});
