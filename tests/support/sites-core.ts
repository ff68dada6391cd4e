import type { BuildOptions } from './build-site';
import { manyPosts, postData, writeFixture } from './fixtures';
import site from '../../src/site.config';

const NOW = '2026-11-27T12:00:00+09:00';
/** Page size in src/site.config.ts; the pagination fixtures sit at its boundaries. */
export const PAGE_SIZE = site.pageSize;

const badPost = (name: string, data: Record<string, unknown>, rawFrontmatter?: string, extra: Record<string, string | Uint8Array> = {}) => () => ({
  contentDir: writeFixture(name, { posts: [{ file: `${name}.mdx`, data, rawFrontmatter }], files: extra }),
  buildTime: NOW,
});

/** Sites the blog-core tests need; see tests/support/sites.ts. */
export const coreSites: Record<string, () => BuildOptions> = {
  // Pagination at the boundaries: 0, 1, page size, page size + 1 posts (publishing: the blog fixture).
  // No published post: only a draft (a content folder without any post file is refused).
  'posts-0': () => ({ contentDir: writeFixture('posts-0', { posts: [{ file: 'draft.md', data: postData({ title: '초안', draft: true }) }] }), buildTime: NOW }),
  'posts-1': () => ({ contentDir: writeFixture('posts-1', { posts: manyPosts(1) }), buildTime: NOW }),
  [`posts-${PAGE_SIZE}`]: () => ({ contentDir: writeFixture(`posts-${PAGE_SIZE}`, { posts: manyPosts(PAGE_SIZE) }), buildTime: NOW }),
  [`posts-${PAGE_SIZE + 1}`]: () => ({ contentDir: writeFixture(`posts-${PAGE_SIZE + 1}`, { posts: manyPosts(PAGE_SIZE + 1) }), buildTime: NOW }),
  // Each bad input fails the build.
  'bad-missing-title': badPost('bad-missing-title', postData({ title: undefined })),
  'bad-date': badPost('bad-date', postData({ pubDate: undefined }), 'pubDate: 2010-13-45x'),
  'bad-updated-before': badPost('bad-updated-before', postData({ pubDate: '2010-08-10', updatedDate: '2010-08-01' })),
  'bad-author': badPost('bad-author', postData({ author: 'park' })),
  'bad-category': badPost('bad-category', postData({ category: 'sales' })),
  'bad-tag': badPost('bad-tag', postData({ tags: ['트위터', '?'] })),
  'bad-hero-alt': badPost('bad-hero-alt', postData({ heroImage: './hero.png' }), undefined, {
    // A real 1x1 PNG beside the post so only the missing alt text is wrong.
    'posts/hero.png': Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
      'base64',
    ),
  }),
};
