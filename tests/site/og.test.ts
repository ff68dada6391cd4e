/**
 * Open Graph images of the blog fixture: one 1200x630 PNG per post and survey page, the meta
 * tags that point social networks at them, and a font that can draw every title.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'cheerio';
import { getBuild, readBuilt } from '../support/sites';
import { pngSize } from '../support/png';
import { missingGlyphs } from '../support/glyphs';
import { defaultAuthors } from '../support/fixtures';
import { BLOG, BLOG_NOW, BLOG_SITE_URL, blogContentDir } from '../support/sites-blog';
import { publishedPosts, readJsonDir, site as config } from '../support/source';

const SITE = BLOG;
const ORIGIN = BLOG_SITE_URL;
const out = (path: string) => join(getBuild(SITE).outDir, path);
const pagesIn = (dir: string) => (existsSync(out(dir)) ? readdirSync(out(dir)).filter((id) => existsSync(out(`${dir}/${id}/index.html`))) : []);

const postSlugs = () => pagesIn('posts');
const surveyIds = () => pagesIn('surveys');

describe('Open Graph image files', () => {
  it('one per published post and per survey page, and none for anything else', () => {
    expect(postSlugs().sort()).toEqual(publishedPosts(blogContentDir, BLOG_NOW).map((p) => p.slug).sort());
    expect(surveyIds().sort()).toEqual(readJsonDir(blogContentDir, 'surveys').map((s) => s.id).sort());
    expect(readdirSync(out('og/posts')).sort()).toEqual(postSlugs().map((s) => `${s}.png`).sort());
    expect(readdirSync(out('og/surveys')).sort()).toEqual(surveyIds().map((s) => `${s}.png`).sort());
  });

  it('every one is a 1200x630 PNG', () => {
    const files = ['og/site.png', ...postSlugs().map((s) => `og/posts/${s}.png`), ...surveyIds().map((s) => `og/surveys/${s}.png`)];
    for (const path of files) expect(pngSize(readFileSync(out(path))), path).toEqual({ width: 1200, height: 630 });
  });

  it('cards differ per post (each is drawn from its own title)', () => {
    const bytes = postSlugs().map((s) => readFileSync(out(`og/posts/${s}.png`)).toString('base64'));
    expect(new Set(bytes).size).toBe(bytes.length);
  });
});

describe('Open Graph meta tags', () => {
  const check = (path: string, image: string) => {
    const $ = load(readBuilt(SITE, path));
    const meta = (key: string) => $(`meta[property="${key}"], meta[name="${key}"]`).attr('content');
    expect(meta('og:image'), path).toBe(`${ORIGIN}${encodeURI(image)}`);
    expect(meta('og:image:width')).toBe('1200');
    expect(meta('og:image:height')).toBe('630');
    expect(meta('og:image:alt')?.length).toBeGreaterThan(0);
    expect(meta('twitter:card')).toBe('summary_large_image');
    expect(meta('twitter:site')).toBe(config.twitterHandle ? `@${config.twitterHandle}` : undefined);
    expect(meta('twitter:image')).toBe(`${ORIGIN}${encodeURI(image)}`);
    expect(meta('twitter:image:alt')).toBe(meta('og:image:alt'));
    expect(existsSync(out(image)), image).toBe(true);
  };

  it('each post page points at its own card', () => {
    for (const slug of postSlugs()) check(`posts/${slug}/index.html`, `/og/posts/${slug}.png`);
  });

  it('each survey page points at its own card', () => {
    for (const id of surveyIds()) check(`surveys/${id}/index.html`, `/og/surveys/${id}.png`);
  });

  it('other pages use the site card', () => {
    check('index.html', '/og/site.png');
    check('archive/index.html', '/og/site.png');
  });
});

describe('the card font draws every title', () => {
  /** og:title of every post and survey page: the text drawn in bold on the cards. */
  const titles = () =>
    [...postSlugs().map((s) => `posts/${s}/index.html`), ...surveyIds().map((id) => `surveys/${id}/index.html`)].map((path) => ({
      path,
      title: load(readBuilt(SITE, path))('meta[property="og:title"]').attr('content') ?? '',
    }));

  it('every character of every post and survey title is in Pretendard Bold (emoji drawn as images)', () => {
    const list = titles();
    expect(list.length).toBe(postSlugs().length + surveyIds().length);
    const missing = list.map(({ path, title }) => ({ path, title, missing: missingGlyphs(title, 700) })).filter((t) => t.missing.length > 0);
    expect(missing).toEqual([]);
  });

  it('author names, survey publishers and the site name (regular weight) are covered too', () => {
    const texts: string[] = [];
    for (const slug of postSlugs()) {
      const ld = JSON.parse(load(readBuilt(SITE, `posts/${slug}/index.html`))('script[type="application/ld+json"]').first().text());
      texts.push(ld.author.name, ld.articleSection);
    }
    // Publishers as the survey files give them, and the site name of src/site.config.ts.
    for (const { data } of readJsonDir(blogContentDir, 'surveys')) texts.push(data.publisher);
    texts.push(config.name);
    expect(texts.length).toBeGreaterThan(surveyIds().length);
    const missing = texts.filter((t) => missingGlyphs(t, 400).length > 0);
    expect(missing).toEqual([]);
  });

  it('the check itself notices a character the font lacks', () => {
    expect(missingGlyphs('漢字 제목', 700)).toEqual(['漢', '字']);
    expect(missingGlyphs('🎉 축하 👨‍👩‍👧', 700)).toEqual([]);
    expect(missingGlyphs(defaultAuthors.kim.name, 400)).toEqual([]);
  });
});
