import { describe, expect, it } from 'vitest';
import { tableOfContents } from '@/lib/toc';
import { jsonForScript } from '@/lib/json-script';
import { pageTitle } from '@/lib/page-title';
import { absoluteUrl } from '@/lib/urls';
import { siteTwitterAccount, twitterShareUrl } from '@/lib/share';
import { groupByMonth } from '@/lib/archive';
import { packageVersion } from '@/lib/package-version';
import { readFileSync } from 'node:fs';

describe('table of contents', () => {
  const h = (depth: number, text: string) => ({ depth, slug: text, text: `${text} #` });
  it('needs three sections', () => {
    expect(tableOfContents([h(2, 'a'), h(2, 'b')])).toEqual([]);
    expect(tableOfContents([h(2, 'a'), h(2, 'b'), h(2, 'footnote-label')].map((x, i) => (i === 2 ? { ...x, slug: 'footnote-label' } : x)))).toEqual([]);
  });
  it('nests h3 under h2 and drops the "#" self-link text', () => {
    const toc = tableOfContents([h(2, 'a'), h(3, 'a1'), h(2, 'b'), h(2, 'c'), h(4, 'deep')]);
    expect(toc.map((i) => i.text)).toEqual(['a', 'b', 'c']);
    expect(toc[0]!.children.map((i) => i.text)).toEqual(['a1']);
  });
});

describe('JSON inside a script element', () => {
  it('cannot close the element and still parses to the same value', () => {
    const value = { label: '</script><script>alert(1)</script>', other: '<!-- & \u2028' };
    const text = jsonForScript(value);
    expect(text).not.toMatch(/<\/script|<!--/i);
    expect(JSON.parse(text)).toEqual(value);
  });
});

describe('URLs and titles', () => {
  it('absolutises against the site URL', () => {
    expect(absoluteUrl('/posts/a/', 'https://blog.example')).toBe('https://blog.example/posts/a/');
    expect(absoluteUrl('https://other.example/x', 'https://blog.example')).toBe('https://other.example/x');
    expect(absoluteUrl('/tags/트위터/', 'https://blog.example')).toBe('https://blog.example/tags/%ED%8A%B8%EC%9C%84%ED%84%B0/');
  });
  it('titles pages "page | site"', () => {
    expect(pageTitle('글', '사이트')).toBe('글 | 사이트');
    expect(pageTitle('사이트', '사이트')).toBe('사이트');
  });
  it('builds a Twitter web-intent link', () => {
    const url = new URL(twitterShareUrl('소통 & 공유', 'https://blog.example/posts/a/', 'daon_example'));
    expect(url.origin + url.pathname).toBe('https://twitter.com/intent/tweet');
    expect(url.searchParams.get('text')).toBe('소통 & 공유');
    expect(url.searchParams.get('url')).toBe('https://blog.example/posts/a/');
    expect(url.searchParams.get('via')).toBe('daon_example');
  });
});

describe('the site\'s Twitter account appears only when one is configured', () => {
  it('no account for an empty handle: no footer link, no twitter:site, no via', () => {
    expect(siteTwitterAccount('')).toBeUndefined();
    expect(siteTwitterAccount('  ')).toBeUndefined();
    expect(siteTwitterAccount('@')).toBeUndefined();
    expect(siteTwitterAccount(undefined)).toBeUndefined();
  });
  it('a configured handle gives the profile link and the "@" form, forgiving a leading "@"', () => {
    const account = { handle: 'daon_example', mention: '@daon_example', url: 'https://twitter.com/daon_example' };
    expect(siteTwitterAccount('daon_example')).toEqual(account);
    expect(siteTwitterAccount(' @daon_example ')).toEqual(account);
  });
  it('the share link names the account in "via" only when there is one', () => {
    const share = (via?: string) => new URL(twitterShareUrl('제목', 'https://blog.example/posts/a/', via)).searchParams;
    expect(share('').has('via')).toBe(false);
    expect(share(undefined).has('via')).toBe(false);
    expect(share('@daon_example').get('via')).toBe('daon_example');
    expect(share('').get('url')).toBe('https://blog.example/posts/a/');
  });
});

describe('archive', () => {
  it('groups by year and month in the site zone, keeping order', () => {
    const posts = [
      { id: 'c', data: { pubDate: new Date('2011-01-01T00:30:00+09:00') } },
      { id: 'b', data: { pubDate: new Date('2010-08-20T00:00:00+09:00') } },
      { id: 'a', data: { pubDate: new Date('2010-08-01T00:00:00+09:00') } },
    ];
    const years = groupByMonth(posts, 'Asia/Seoul');
    expect(years.map((y) => y.year)).toEqual([2011, 2010]);
    expect(years[1]!.months[0]!.label).toBe('2010년 8월');
    expect(years[1]!.months[0]!.posts.map((p) => p.id)).toEqual(['b', 'a']);
  });
});

describe('installed package versions (cache keys)', () => {
  it('reads the version a module resolves, and nothing for a package that is not installed', () => {
    const astro = JSON.parse(readFileSync(new URL('../../node_modules/astro/package.json', import.meta.url), 'utf8')) as { version: string };
    expect(packageVersion('astro', import.meta.url)).toBe(astro.version);
    expect(packageVersion('no-such-package-socialbench', import.meta.url)).toBe('');
  });
});
