/**
 * `npm run import` end to end: a Jekyll folder, a Hugo folder, a WordPress export, an RSS feed and an
 * Atom feed (fixture blogs of tests/fixtures/import/) each imported by the real command into a fresh
 * content folder and built (tests/support/sites-import.ts). The posts are pages, their local images are optimised by Astro,
 * and their old addresses redirect when the site is served over HTTP: with a 301 where the host reads
 * `_redirects`, and through the Korean redirect page (meta refresh) where it does not. Redirect pages
 * are valid HTML and stay out of the sitemap and the search index; drafts get none.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { load } from 'cheerio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtFiles, htmlPages, page } from '../support/html';
import { JAVA } from '../support/prerequisites';
import { getBuild } from '../support/sites';
import { importRunFile, SITE_URL, type ImportRun, type ImportSite } from '../support/sites-import';
import { serveStatic, type StaticServer } from '../../scripts/lib/static-server';

interface Expected {
  /** Old address -> the post it now lives at. */
  redirects: Record<string, string>;
  /** Posts and the optimised image each shows (a file name's start), if any. */
  posts: Record<string, string | undefined>;
  /** Imported as drafts: no page, no redirect. */
  drafts: string[];
  /** Words of the report's "needs a person" part. */
  human: string[];
}

const EXPECTED: Record<ImportSite, Expected> = {
  'import-jekyll': {
    redirects: {
      '/dev/2021/03/22/hello-jekyll.html': '2021-03-22-hello-jekyll',
      '/회사 소식/2021/04/01/두번째-글.html': '2021-04-01-dubeonjjae-geul',
    },
    posts: { '2021-03-22-hello-jekyll': 'photo', '2021-04-01-dubeonjjae-geul': 'diagram' },
    drafts: ['공개하지 않은 글', '초안 아이디어'],
    human: ['youtube.html', 'https://cdn.old.example/remote.png'],
  },
  'import-wxr': {
    redirects: { '/2021/03/wordpress-post/': '2021-03-15-wordpress-post' },
    posts: { '2021-03-15-wordpress-post': 'office' },
    drafts: ['아직 쓰는 중인 글'],
    human: ['https://www.youtube.com/embed/xyz'],
  },
  'import-rss': {
    redirects: { '/123': '2021-02-02-tiseutori-geul-hana', '/entry/named-post': '2021-02-03-named-post' },
    posts: { '2021-02-02-tiseutori-geul-hana': undefined, '2021-02-03-named-post': undefined },
    drafts: [],
    human: ['https://blog.kakaocdn.net/dn/abc/img.png', '스크립트'],
  },
  'import-hugo': {
    redirects: {
      '/2020/11/first/': '2020-11-05-first',
      '/2020/12/bundle-post/': '2020-12-01-bundle-post',
      '/old/bundle/': '2020-12-01-bundle-post',
    },
    posts: { '2020-11-05-first': 'chart', '2020-12-01-bundle-post': 'cover' },
    drafts: [],
    human: ['youtube w7Ft2ymGmfc'],
  },
  'import-atom': {
    redirects: { '/2022/01/atom-entry.html': '2022-01-10-atom-entry' },
    posts: { '2022-01-10-atom-entry': undefined },
    drafts: [],
    human: ['없습니다'],
  },
};

const VNU_JAR = createRequire(import.meta.url).resolve('vnu-jar/build/dist/vnu.jar');

/** The request path of an old address as a browser sends it. */
const requestPath = (path: string) => encodeURI(path);

describe.each(Object.entries(EXPECTED) as [ImportSite, Expected][])('npm run import → build: %s', (site, expected) => {
  let withRedirects: StaticServer;
  let withoutRedirects: StaticServer;
  beforeAll(async () => {
    withRedirects = await serveStatic(getBuild(site).outDir);
    withoutRedirects = await serveStatic(getBuild(site).outDir, { redirects: false });
  });
  afterAll(async () => {
    await withRedirects?.close();
    await withoutRedirects?.close();
  });

  it('imports without error, writes a Korean report naming what needs a person, and the site builds', () => {
    const run = JSON.parse(readFileSync(importRunFile(site), 'utf8')) as ImportRun;
    expect(run.status, run.output).toBe(0);
    expect(run.output).toContain('가져왔습니다');
    const report = readFileSync(run.report, 'utf8');
    expect(report).toContain('# 가져오기 보고서');
    const human = report.slice(report.indexOf('## 사람이 확인할 것'), report.indexOf('## 가져온 글'));
    for (const word of expected.human) expect(human, word).toContain(word);
    const build = getBuild(site);
    expect(build.ok, build.output.slice(-3000)).toBe(true);
  });

  it('every published post is a page, its local images optimised by Astro; drafts are nowhere', () => {
    const pages = htmlPages(site);
    for (const [id, image] of Object.entries(expected.posts)) {
      expect(pages).toContain(`/posts/${id}/`);
      const $ = page(site, `/posts/${id}/`);
      const srcs = $('article img').map((_, img) => $(img).attr('src')).get();
      if (image) {
        const optimised = srcs.find((src) => src.startsWith('/_astro/') && src.includes(image));
        expect(optimised, srcs.join(', ')).toBeDefined();
        expect(existsSync(join(getBuild(site).outDir, optimised!))).toBe(true);
      }
    }
    expect(pages.filter((p) => p.startsWith('/posts/'))).toHaveLength(Object.keys(expected.posts).length);
    for (const file of builtFiles(site).filter((f) => f.endsWith('.html') || f.endsWith('.xml'))) {
      const text = readFileSync(join(getBuild(site).outDir, file), 'utf8');
      for (const title of expected.drafts) expect(text.includes(title), `${file}: ${title}`).toBe(false);
    }
  });

  it('old addresses answer 301 where _redirects is read, and the redirect page sends readers on where it is not', async () => {
    const lines = readFileSync(join(getBuild(site).outDir, '_redirects'), 'utf8')
      .split('\n')
      .filter((l) => l && !l.startsWith('#'));
    expect(lines.sort()).toEqual(Object.entries(expected.redirects).map(([from, id]) => `${requestPath(from)} /posts/${id}/ 301`).sort());
    for (const [from, id] of Object.entries(expected.redirects)) {
      const target = `/posts/${id}/`;
      const moved = await fetch(`${withRedirects.url}${requestPath(from)}`, { redirect: 'manual' });
      expect(moved.status, from).toBe(301);
      expect(moved.headers.get('location')).toBe(target);

      const response = await fetch(`${withoutRedirects.url}${requestPath(from)}`, { redirect: 'manual' });
      // "/123" without a slash is a folder: the host first adds the slash, as static hosts do.
      const landed = response.status === 301 ? await fetch(`${withoutRedirects.url}${response.headers.get('location')}`) : response;
      expect(landed.status, from).toBe(200);
      expect(landed.headers.get('content-type')).toContain('text/html');
      const $ = load(await landed.text());
      expect($('html').attr('lang')).toBe('ko');
      expect($('meta[http-equiv="refresh"]').attr('content')).toBe(`0; url=${target}`);
      expect($('link[rel="canonical"]').attr('href')).toBe(`${SITE_URL}${target}`);
      expect($('meta[name="robots"]').attr('content')).toBe('noindex');
      expect($('main a').attr('href')).toBe(target);
      expect($('h1').text()).toBe('주소가 바뀌었습니다');
      // The refresh leads to the post itself.
      const post = await fetch(`${withoutRedirects.url}${target}`);
      expect(post.status).toBe(200);
      expect(load(await post.text())('article h1').text().length).toBeGreaterThan(0);
    }
  });

  it('redirect pages are in neither the sitemap nor the search index, and are valid HTML', () => {
    const out = getBuild(site).outDir;
    const sitemap = builtFiles(site)
      .filter((f) => /^sitemap-\d+\.xml$/.test(f))
      .map((f) => readFileSync(join(out, f), 'utf8'))
      .join('');
    const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => decodeURI(new URL(m[1]!).pathname));
    for (const [from, id] of Object.entries(expected.redirects)) {
      expect(locs).not.toContain(from);
      expect(locs).toContain(`/posts/${id}/`);
    }
    const fragments = builtFiles(site).filter((f) => f.startsWith('pagefind/fragment/'));
    expect(fragments).toHaveLength(Object.keys(expected.posts).length);
    const index = fragments.map((f) => gunzipSync(readFileSync(join(out, f))).toString('utf8')).join('');
    expect(index).not.toContain('주소가 바뀌었습니다');

    const files = Object.keys(expected.redirects).map((from) => join(out, from.endsWith('/') ? `${from}index.html` : /\.[a-z]+$/.test(from) ? from : `${from}/index.html`));
    for (const file of files) expect(existsSync(file), file).toBe(true);
    const run = spawnSync(JAVA, ['-Xss8m', '-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC', '-jar', VNU_JAR, '--format', 'json', '--errors-only', '--stdout', ...files], { encoding: 'utf8', maxBuffer: 16 << 20 });
    const messages = (JSON.parse(run.stdout) as { messages: { message: string; url?: string }[] }).messages;
    expect(messages.map((m) => `${m.url}: ${m.message}`)).toEqual([]);
  });
});
