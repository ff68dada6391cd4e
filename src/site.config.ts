/**
 * The one file a site owner edits. Every page, feed and image reads its settings from here.
 *
 * Environment variables override two of these at build time (see README):
 *   SITE_URL   replaces `url` (feeds, canonical links, sitemap, Open Graph images)
 *   BUILD_TIME replaces "now" when deciding which posts are published
 */

export interface CategoryConfig {
  /** Stable id used in front matter (`category: marketing`) and in URLs (`/categories/marketing/`). ASCII, lowercase. */
  id: string;
  /** Name shown to readers. */
  name: string;
  /** One sentence shown on the category page and in its feed. */
  description: string;
}

export interface SiteConfig {
  /** Site name: page titles ("글 제목 | name"), header, feeds, Open Graph images. */
  name: string;
  /** One-line description: home page meta description and feed description. */
  description: string;
  /** Absolute URL where the site is served, without a trailing slash. `SITE_URL` overrides it. */
  url: string;
  /** BCP 47 language of the content: `<html lang>`, feed language, Open Graph locale. */
  lang: 'ko';
  /** Open Graph locale (`og:locale`). */
  ogLocale: string;
  /** IANA time zone in which dates are shown and in which a bare `pubDate: 2010-08-10` is read. */
  timeZone: string;
  /**
   * The company's own Twitter account, without "@": the footer's profile link, `twitter:site` and the
   * share link's `via` (src/lib/share.ts). Empty string for none: then none of the three appears.
   * Set it only to an account the organisation owns.
   */
  twitterHandle: string;
  /** Organisation shown in the footer, JSON-LD publisher and copyright line. */
  organization: string;
  /** Post categories. The five defaults are the purposes companies give for running social media. */
  categories: CategoryConfig[];
  /** Posts per page on home, category, tag and author lists. */
  pageSize: number;
  /** Number of newest posts in `/rss.xml`, the category feeds and `/twitter.xml`. */
  feedLength: number;
  /** Reading speed for the post page's "읽는 데 n분": Hangul characters per minute; a Latin word counts as 2 characters (src/lib/reading-time.ts). */
  readingCharsPerMinute: number;
  /** Maximum number of related posts under an article. */
  relatedPosts: number;
}

const config: SiteConfig = {
  name: '다온에듀 소셜 블로그',
  description: '교육 기업 다온에듀가 소셜미디어를 운영하며 배운 것과 업계 조사 결과를 나눕니다.',
  url: 'https://blog.daon-edu.example',
  lang: 'ko',
  ogLocale: 'ko_KR',
  timeZone: 'Asia/Seoul',
  twitterHandle: '',
  organization: '다온에듀',
  categories: [
    { id: 'reputation', name: '평판 관리', description: '회사의 목소리를 지키고 믿음을 쌓아 가는 이야기' },
    { id: 'marketing', name: '마케팅·홍보', description: '강좌와 교재를 알리고 이벤트를 꾸리는 이야기' },
    { id: 'customer-service', name: '고객 서비스', description: '멘션과 댓글로 들어온 수강생·학부모의 질문에 답하는 이야기' },
    { id: 'recruiting', name: '인재 채용', description: '함께 일할 사람을 블로그와 트위터에서 찾는 이야기' },
    { id: 'communication', name: '사내외 소통', description: '회사 안의 동료, 밖의 고객·언론과 소식을 주고받는 이야기' },
  ],
  pageSize: 6,
  feedLength: 20,
  readingCharsPerMinute: 500,
  relatedPosts: 3,
};

/** Site settings with environment overrides applied. */
export const site: SiteConfig = {
  ...config,
  url: (process.env.SITE_URL || config.url).replace(/\/+$/, ''),
};

export default site;
