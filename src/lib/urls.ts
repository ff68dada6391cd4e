import site from '../site.config';

/** Absolute URL of a site path ("/posts/a/" -> "https://example.com/posts/a/"). Absolute URLs pass through. */
export function absoluteUrl(path: string, base: string = site.url): string {
  return new URL(path, `${base}/`).href;
}

/** "글 제목 | 사이트 이름"; the home page is just the site name. */
export function pageTitle(title: string, siteName: string = site.name): string {
  return !title || title === siteName ? siteName : `${title} | ${siteName}`;
}
