/**
 * Every URL the site writes, built in one place so routes, links, feeds, the sitemap and Open Graph
 * tags can never disagree. Paths are site-relative ("/posts/a/"); `absoluteUrl` makes them absolute.
 * Pure: ids and tags in, strings out. The route files under src/pages must match these shapes.
 */
import site from '../site.config.ts';
import { tagSlug } from './taxonomy.ts';

/** Page `n` of the list whose first page is `base` ("/" or "/categories/marketing/"): `<base>page/<n>/` after page 1. */
export function pageUrl(base: string, n: number = 1): string {
  return n <= 1 ? base : `${base}page/${n}/`;
}

/** The home page: the newest posts, paginated. */
export function homeUrl(page: number = 1): string {
  return pageUrl('/', page);
}

/** Whether a path is one of the home list's pages ("/", "/page/2/"), for the header's current-page mark. */
export function isHomeListPath(path: string): boolean {
  return path === homeUrl() || /^\/page\/\d+\/?$/.test(path);
}

export function postUrl(id: string): string {
  return `/posts/${id}/`;
}

/**
 * The post id in a post page's path ("/posts/2010-08-20-a/" -> "2010-08-20-a", percent-decoded),
 * or undefined for any other path. The inverse of `postUrl`.
 */
export function postIdFromUrlPath(pathname: string): string | undefined {
  const segment = /^\/posts\/([^/]+)\/?$/.exec(pathname)?.[1];
  return segment === undefined ? undefined : decodeURIComponent(segment);
}

/** Percent-decoded text, or the text as written where it is not valid percent-encoding ("100%"). */
export function decodePercent(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

export function categoryIndexUrl(): string {
  return '/categories/';
}

export function categoryUrl(id: string, page: number = 1): string {
  return pageUrl(`${categoryIndexUrl()}${id}/`, page);
}

export function categoryFeedUrl(id: string): string {
  return `${categoryUrl(id)}rss.xml`;
}

export function tagIndexUrl(): string {
  return '/tags/';
}

/** A tag's list: the tag as written in front matter ("트위터 운영"), its slug rule in ./taxonomy.ts. */
export function tagUrl(tag: string, page: number = 1): string {
  return pageUrl(`${tagIndexUrl()}${tagSlug(tag)}/`, page);
}

export function authorIndexUrl(): string {
  return '/authors/';
}

export function authorUrl(id: string, page: number = 1): string {
  return pageUrl(`${authorIndexUrl()}${id}/`, page);
}

export function archiveUrl(): string {
  return '/archive/';
}

export function searchUrl(): string {
  return '/search/';
}

/** The social-media manager's report: posts per week, the monthly log, survey figures beside them. */
export function operationsUrl(): string {
  return '/about/operations/';
}

export function surveyIndexUrl(): string {
  return '/surveys/';
}

export function surveyUrl(id: string): string {
  return `${surveyIndexUrl()}${id}/`;
}

/** The id of a question's figure on its survey page ("q-staff"). */
export function questionAnchor(questionId: string): string {
  return `q-${questionId}`;
}

/** One question's figure on its survey page ("/surveys/kicom-2010/#q-staff"). */
export function surveyQuestionUrl(surveyId: string, questionId: string): string {
  return `${surveyUrl(surveyId)}#${questionAnchor(questionId)}`;
}

/** The survey with the organisation's answers as a download: data.csv or data.json beside the survey page. */
export function surveyDataUrl(id: string, format: 'csv' | 'json'): string {
  return `${surveyUrl(id)}data.${format}`;
}

/** The full-content feed of every post. */
export function rssFeedUrl(): string {
  return '/rss.xml';
}

/** The tweet-ready feed for RSS-to-Twitter services. */
export function twitterFeedUrl(): string {
  return '/twitter.xml';
}

export function sitemapUrl(): string {
  return '/sitemap-index.xml';
}

/** Open Graph image of a post. */
export function postOgImageUrl(id: string): string {
  return `/og/posts/${id}.png`;
}

/** Open Graph image of a survey page. */
export function surveyOgImageUrl(id: string): string {
  return `/og/surveys/${id}.png`;
}

/** The site's default Open Graph image, for pages without one of their own. */
export function siteOgImageUrl(): string {
  return '/og/site.png';
}

/**
 * What the site itself serves, so an old address kept as a redirect (a post's `redirectFrom`) can
 * never shadow a page: the first path segments of every list and page above, and the files at the
 * top of the site. Built from the functions above, so a new route is reserved when it is added here.
 */
export function reservedSitePaths(): { segments: string[]; files: string[] } {
  const first = (path: string) => path.split('/')[1] ?? '';
  // Not /posts/: an old blog's /posts/<slug>/ may be kept, unless a post of this site has that
  // address (src/lib/rules/content.ts checks it against every post).
  const segments = [
    homeUrl(2),
    categoryIndexUrl(),
    tagIndexUrl(),
    authorIndexUrl(),
    archiveUrl(),
    searchUrl(),
    operationsUrl(),
    surveyIndexUrl(),
    postOgImageUrl('x'),
    // Written by the build beside the pages: the search index and Astro's optimised assets.
    '/pagefind/',
    '/_astro/',
  ].map(first);
  const files = [homeUrl(), rssFeedUrl(), twitterFeedUrl(), sitemapUrl(), '/sitemap-0.xml', '/robots.txt', '/404.html', '/favicon.svg', '/index.html', redirectsFileUrl(), '/_headers'];
  return { segments: [...new Set(segments)], files };
}

/** The list of old addresses and where they moved, for hosts that read it (Netlify, Cloudflare Pages). */
export function redirectsFileUrl(): string {
  return '/_redirects';
}

/**
 * Absolute URL of a site path ("/posts/a/" -> "https://example.com/posts/a/"), percent-encoded.
 * `base` defaults to the configured site (SITE_URL honoured); routes pass Astro's `context.site`.
 * Absolute URLs pass through.
 */
export function absoluteUrl(path: string, base: URL | string = site.url): string {
  return new URL(path, String(base).replace(/\/*$/, '/')).href;
}
