import site from '../site.config.ts';

/** "글 제목 | 사이트 이름"; the home page is just the site name. */
export function pageTitle(title: string, siteName: string = site.name): string {
  return !title || title === siteName ? siteName : `${title} | ${siteName}`;
}
