import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultAuthors } from '../support/fixtures';
import { fileForUrl, htmlPages, page } from '../support/html';
import { AVATAR, BLOG, BLOG_NOW, BLOG_SITE_URL, blogContentDir, DIAGRAM_ALT } from '../support/sites-blog';
import { instant, koreanDay, publishedPosts, readPosts, site as config, stripControl } from '../support/source';

const site = BLOG;

/** The fixture posts as the writer wrote them, read from the fixture's content folder. */
const published = publishedPosts(blogContentDir, BLOG_NOW);
const korean = (v: unknown) => koreanDay(instant(v));
const sections = (body: string) => body.split('\n').filter((l) => /^## /.test(l)).length;

describe('post pages', () => {
  it('the fixture has published posts in every configured category, by two authors, a draft and scheduled posts', () => {
    const all = readPosts(blogContentDir);
    expect(published.length).toBeGreaterThan(config.pageSize);
    expect(new Set(published.map((p) => p.data.category))).toEqual(new Set(config.categories.map((c) => c.id)));
    expect(new Set(published.map((p) => p.data.author)).size).toBe(2);
    expect(all.some((p) => p.data.draft === true)).toBe(true);
    expect(all.some((p) => !p.data.draft && instant(p.data.pubDate) > new Date(BLOG_NOW).getTime())).toBe(true);
  });

  it('every published post has a page with its title, Korean dates, author, category, tags and reading time', () => {
    for (const post of published) {
      const $ = page(site, `/posts/${post.slug}/`);
      expect($('h1').text().trim(), post.slug).toBe(stripControl(post.data.title));
      const times = $('article header time').map((_, el) => $(el).text()).get();
      expect(times[0], post.slug).toBe(korean(post.data.pubDate));
      expect($('article header time').first().attr('datetime'), post.slug).toBe(new Date(instant(post.data.pubDate)).toISOString());
      if (post.data.updatedDate) expect(times[1], post.slug).toBe(korean(post.data.updatedDate));
      else expect(times).toHaveLength(1);
      expect($('article .meta').text()).toMatch(/읽는 데 \d+분/);
      expect($(`article a[href="/categories/${post.data.category}/"]`).length, post.slug).toBeGreaterThan(0);
      expect($(`.author-card a[href="/authors/${post.data.author}/"]`).length, post.slug).toBe(1);
      for (const tag of post.data.tags ?? []) expect($('ul.tags').text(), post.slug).toContain(`#${tag}`);
    }
  });

  it('a table of contents appears exactly on posts with three or more sections', () => {
    let withToc = 0;
    for (const post of published) {
      const count = sections(post.body);
      const $ = page(site, `/posts/${post.slug}/`);
      expect($('nav.toc').length, post.slug).toBe(count >= 3 ? 1 : 0);
      if (count >= 3) {
        withToc++;
        expect($('nav.toc > ol > li').length).toBe(count);
      }
    }
    expect(withToc).toBeGreaterThan(0);
    // A post one section short of the threshold has none.
    expect(published.some((p) => sections(p.body) === 2)).toBe(true);
  });

  it('headings have ids and a self-link', () => {
    const $ = page(site, `/posts/${published.find((p) => /^## /m.test(p.body))!.slug}/`);
    const h2 = $('.prose h2').first();
    expect(h2.attr('id')).toBeTruthy();
    expect(h2.find('a.heading-anchor').attr('href')).toBe(`#${h2.attr('id')}`);
  });

  it('previous/next links walk the posts in date order', () => {
    // publishedPosts() orders newest first, ties broken by id, as the site promises.
    const order = published;
    expect(new Set(order.map((p) => instant(p.data.pubDate))).size).toBeLessThan(order.length); // ties are exercised
    order.forEach((post, i) => {
      const $ = page(site, `/posts/${post.slug}/`);
      const prev = $('.post-nav a[rel="prev"]').attr('href');
      const next = $('.post-nav a[rel="next"]').attr('href');
      expect(prev, post.slug).toBe(order[i + 1] ? `/posts/${order[i + 1]!.slug}/` : undefined);
      expect(next, post.slug).toBe(i > 0 ? `/posts/${order[i - 1]!.slug}/` : undefined);
    });
  });

  it('related posts share a tag or the category, at most three', () => {
    let shown = 0;
    for (const post of published) {
      const $ = page(site, `/posts/${post.slug}/`);
      const links = $('.related a').map((_, el) => $(el).attr('href')!).get();
      expect(links.length).toBeLessThanOrEqual(config.relatedPosts);
      shown += links.length;
      for (const href of links) {
        const other = published.find((p) => `/posts/${p.slug}/` === href)!;
        expect(other, href).toBeDefined();
        const shares = (other.data.tags ?? []).some((t: string) => (post.data.tags ?? []).includes(t)) || other.data.category === post.data.category;
        expect(shares, `${post.slug} -> ${href}`).toBe(true);
      }
    }
    expect(shown).toBeGreaterThan(0);
  });

  it('has a Twitter share link with the canonical URL, and no script', () => {
    const post = published[0]!;
    const $ = page(site, `/posts/${post.slug}/`);
    const share = new URL($('a[href^="https://twitter.com/intent/tweet"]').attr('href')!);
    expect(share.searchParams.get('url')).toBe($('link[rel="canonical"]').attr('href'));
    expect(share.searchParams.get('text')).toBe(post.data.title);
  });

  it('the hero image is optimised by astro:assets and keeps its alt text', () => {
    const post = published.find((p) => p.data.heroImage)!;
    expect(post).toBeDefined();
    const img = page(site, `/posts/${post.slug}/`)('img.hero');
    expect(img.attr('alt')).toBe(post.data.heroAlt);
    expect(img.attr('src')).toMatch(/^\/_astro\/.+\.webp$/);
    expect(img.attr('width')).toBeTruthy();
    const srcset = img.attr('srcset') ?? '';
    expect(srcset.split(',').length, srcset).toBeGreaterThan(1);
  });

  it('an image beside the post in its body is optimised too and keeps its alt text', () => {
    const img = page(site, '/posts/gfm/')(`.prose img[alt="${DIAGRAM_ALT}"]`);
    expect(img.length).toBe(1);
    expect(img.attr('src')).toMatch(/^\/_astro\/.+\.(webp|png)$/);
  });

  it("an author's photo (avatar) is optimised, cropped square and shown with the name as alt text on the card under posts and on the author pages", () => {
    const name = defaultAuthors.kim.name;
    const byKim = published.find((p) => p.data.author === AVATAR.author)!;
    const byOther = published.find((p) => p.data.author !== AVATAR.author)!;
    expect(byKim && byOther).toBeTruthy();
    for (const path of [`/posts/${byKim.slug}/`, `/authors/${AVATAR.author}/`, '/authors/']) {
      const $ = page(site, path);
      const card = $('.author-card').filter((_, el) => $(el).find('.name').text() === name);
      const img = card.find('img.avatar');
      expect(img.length, path).toBe(1);
      expect(img.attr('alt'), path).toBe(`${name} 사진`);
      expect(img.attr('src'), path).toMatch(/^\/_astro\/.+\.webp$/);
      // Portrait in, square out: 72 CSS pixels, and twice that for high-density screens.
      expect([img.attr('width'), img.attr('height')], path).toEqual(['72', '72']);
      const candidates = (img.attr('srcset') ?? '').split(',').map((c) => c.trim().split(/\s+/));
      expect(candidates.map((c) => c[1]), path).toEqual(['1x', '2x']);
      for (const [url] of candidates) expect(existsSync(fileForUrl(site, url!) ?? ''), url).toBe(true);
    }
    // An author without a photo gets the card without an image.
    const other = page(site, `/posts/${byOther.slug}/`)('.author-card');
    expect(other.find('img').length).toBe(0);
    expect(other.find('.name').text()).toBe(defaultAuthors[byOther.data.author as keyof typeof defaultAuthors].name);
  });

  it('renders GitHub-flavoured Markdown with Korean footnote labels', () => {
    const pages = published.map((p) => page(site, `/posts/${p.slug}/`));
    const some = (selector: string) => pages.some(($) => $(`.prose ${selector}`).length > 0);
    expect(some('table')).toBe(true);
    expect(some('del')).toBe(true);
    expect(some('input[type="checkbox"]')).toBe(true);
    expect(some('section.footnotes')).toBe(true);
    expect(some('pre.astro-code')).toBe(true);
    const $ = pages.find(($) => $('.prose section.footnotes').length > 0)!;
    expect($('#footnote-label').text()).toBe('각주');
    expect($('.footnotes a[data-footnote-backref]').first().attr('aria-label')).toMatch(/^본문의 \d+번 각주 위치로 돌아가기$/);
    expect($('html').text()).not.toMatch(/Footnotes|Back to reference/);
    // Autolink literal: a bare URL in the text became a link whose text is the URL.
    expect(pages.some(($) => $('.prose a').filter((_, a) => /^https?:\/\//.test($(a).text()) && $(a).text() === $(a).attr('href')).length > 0)).toBe(true);
  });

  it('head has title pattern, description, canonical, Open Graph, Twitter card and BlogPosting JSON-LD', () => {
    const post = published[0]!;
    const $ = page(site, `/posts/${post.slug}/`);
    expect($('title').text()).toBe(`${post.data.title} | ${config.name}`);
    expect($('meta[name="description"]').attr('content')).toBe(post.data.description);
    expect($('link[rel="canonical"]').attr('href')).toBe(`${BLOG_SITE_URL}/posts/${post.slug}/`);
    expect($('meta[property="og:locale"]').attr('content')).toBe(config.ogLocale);
    expect($('meta[property="og:type"]').attr('content')).toBe('article');
    expect($('meta[property="og:image"]').attr('content')).toMatch(new RegExp(`^${BLOG_SITE_URL}/.+\\.png$`));
    expect($('meta[name="twitter:card"]').attr('content')).toBe('summary_large_image');
    expect($('link[rel="alternate"][type="application/rss+xml"]').attr('href')).toBe('/rss.xml');
    const ld = JSON.parse($('script[type="application/ld+json"]').text());
    expect(ld['@type']).toBe('BlogPosting');
    expect(ld.headline).toBe(post.data.title);
    expect(new Date(ld.datePublished).getTime()).toBe(instant(post.data.pubDate));
  });

  it('JSON-LD dates are the instants written, whether a bare day, a time with an offset or UTC', () => {
    const kinds = { bare: /^\d{4}-\d{2}-\d{2}$/, offset: /[+-]\d{2}:\d{2}$/, utc: /Z$/ };
    for (const [kind, pattern] of Object.entries(kinds)) {
      const post = published.find((p) => pattern.test(String(p.data.pubDate)));
      expect(post, kind).toBeDefined();
      const ld = JSON.parse(page(site, `/posts/${post!.slug}/`)('script[type="application/ld+json"]').text());
      expect(new Date(ld.datePublished).getTime(), post!.slug).toBe(instant(post!.data.pubDate));
    }
  });
});

describe('no JavaScript on ordinary pages', () => {
  it('home, posts, lists, archive and author pages have no <script> but JSON-LD', () => {
    const ordinary = htmlPages(site).filter((p) => /^\/(page\/|posts\/|categories\/|tags\/|authors\/|archive\/|$)/.test(p));
    expect(ordinary.length).toBeGreaterThan(published.length);
    const offenders = ordinary.filter((p) => {
      const $ = page(site, p);
      return $('script').filter((_, s) => $(s).attr('type') !== 'application/ld+json').length > 0;
    });
    // Posts that embed a survey chart load the chart module; every other page has none.
    const chartPosts = published.filter((p) => /<Survey(Chart|Comparison)/.test(p.body)).map((p) => `/posts/${p.slug}/`);
    expect(chartPosts.length).toBeGreaterThan(0);
    expect(offenders.filter((p) => !chartPosts.includes(p))).toEqual([]);
    expect(offenders.sort()).toEqual(chartPosts.sort());
  });
});
