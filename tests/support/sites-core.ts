import type { BuildOptions } from './build-site';
import { manyPosts, postData, writeFixture } from './fixtures';
import site from '../../src/site.config';

const NOW = '2026-11-27T12:00:00+09:00';
/** Page size in src/site.config.ts; the pagination fixtures sit at its boundaries. */
export const PAGE_SIZE = site.pageSize;

export const ONE_TAG = '하나뿐';
export const FULL_PAGE_TAG = '한쪽가득';

/** Page size + 1 posts, "글 1" the oldest; the oldest post alone has ONE_TAG, the oldest page size have FULL_PAGE_TAG. */
function boundaryPosts() {
  return manyPosts(PAGE_SIZE + 1).map((post, i) => ({
    ...post,
    data: { ...post.data, tags: ['트위터', ...(i < PAGE_SIZE ? [FULL_PAGE_TAG] : []), ...(i === 0 ? [ONE_TAG] : [])] },
  }));
}

/** Sites the blog-core tests need; see tests/support/sites.ts. */
export const coreSites: Record<string, () => BuildOptions> = {
  // Pagination at the boundaries: 0, 1, page size, page size + 1 posts (publishing: the blog fixture).
  // No published post: only a draft (a content folder without any post file is refused).
  'posts-0': () => ({ contentDir: writeFixture('posts-0', { posts: [{ file: 'draft.md', data: postData({ title: '초안', draft: true }) }] }), buildTime: NOW }),
  // One site for the other three boundaries: its home holds page size + 1 posts, the tag ONE_TAG
  // one post and FULL_PAGE_TAG exactly a page size (the same list component paginates both).
  [`posts-${PAGE_SIZE + 1}`]: () => ({ contentDir: writeFixture(`posts-${PAGE_SIZE + 1}`, { posts: boundaryPosts() }), buildTime: NOW }),
};
