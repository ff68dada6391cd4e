/**
 * Where Open Graph images live. Shared by the page head, the feeds and the image endpoints
 * so they can never disagree.
 */
export const OG_WIDTH = 1200;
export const OG_HEIGHT = 630;

export const ogImagePath = {
  /** Site default, used by pages that have no image of their own. */
  site: () => '/og/site.png',
  post: (slug: string) => `/og/posts/${slug}.png`,
  survey: (id: string) => `/og/surveys/${id}.png`,
};
