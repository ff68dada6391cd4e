/**
 * The one door to the posts collection: pages, feeds, Open Graph images, the sitemap and the
 * search index all get posts here, so drafts and scheduled posts never leak into a build.
 * The rules themselves are pure and live in src/lib (publishing, taxonomy).
 */
import { getCollection, getEntry, type CollectionEntry } from 'astro:content';
import { buildTime } from '@/lib/build-time';
import site from '@/site.config';
import { byNewest, isVisible, neighbourIndex, publishState, type PublishState } from '@/lib/publishing';
import { redirectsOf, type Redirect } from '@/lib/redirects';
import { groupByTag, relatedIndex, type TagGroup } from '@/lib/taxonomy';
import { postUrl } from '@/lib/urls';

export type Post = CollectionEntry<'posts'>;
export type AuthorEntry = CollectionEntry<'authors'>;

/** Drafts and scheduled posts are previewed by `npm run dev` only, never written by a build (src/integrations/preview-unpublished.ts). */
const previewUnpublished = import.meta.env.PREVIEW_UNPUBLISHED === true;

let publishedCache: Promise<Post[]> | undefined;

/** Every post a reader may see, newest first. */
export function getPublishedPosts(): Promise<Post[]> {
  publishedCache ??= getCollection('posts', (post) => isVisible(post.data, buildTime, previewUnpublished)).then((posts) =>
    posts.sort(byNewest),
  );
  return publishedCache;
}

export function postState(post: Post): PublishState {
  return publishState(post.data, buildTime);
}

/**
 * Everything a page asks about the published posts as a whole (lists by category and author,
 * tags, neighbours, related posts), worked out once per build: a page then costs the same
 * whether the site has a hundred posts or ten thousand.
 */
interface PostIndex {
  byCategory: Map<string, Post[]>;
  byAuthor: Map<string, Post[]>;
  tags: TagGroup<Post>[];
  neighbours: (post: Post) => { previous?: Post; next?: Post };
  related: (post: Post) => Post[];
}

let indexCache: Promise<PostIndex> | undefined;

function groupBy(posts: Post[], key: (post: Post) => string): Map<string, Post[]> {
  const groups = new Map<string, Post[]>();
  for (const post of posts) {
    const list = groups.get(key(post));
    if (list) list.push(post);
    else groups.set(key(post), [post]);
  }
  return groups;
}

function getIndex(): Promise<PostIndex> {
  indexCache ??= getPublishedPosts().then((posts) => ({
    byCategory: groupBy(posts, (p) => p.data.category),
    byAuthor: groupBy(posts, (p) => p.data.author),
    tags: groupByTag(posts),
    neighbours: neighbourIndex(posts),
    related: relatedIndex(posts, site.relatedPosts),
  }));
  return indexCache;
}

/** Published posts of a category, newest first (a new array: callers may slice it). */
export async function postsInCategory(id: string): Promise<Post[]> {
  return [...((await getIndex()).byCategory.get(id) ?? [])];
}

export async function postsByAuthor(id: string): Promise<Post[]> {
  return [...((await getIndex()).byAuthor.get(id) ?? [])];
}

/** Every tag in use with its URL slug and posts, most used first. */
export async function getTags(): Promise<TagGroup<Post>[]> {
  return (await getIndex()).tags;
}

/** Older and newer neighbours of a post in the published list. */
export async function postNeighbours(post: Post): Promise<{ previous?: Post; next?: Post }> {
  return (await getIndex()).neighbours(post);
}

/** Up to site.relatedPosts posts related to `post` (src/lib/taxonomy.ts relatedPosts for the ranking). */
export async function relatedTo(post: Post): Promise<Post[]> {
  return (await getIndex()).related(post);
}

/** Every author, by name in Korean order. */
export async function getAuthors(): Promise<AuthorEntry[]> {
  return (await getCollection('authors')).sort((a, b) => a.data.name.localeCompare(b.data.name, 'ko'));
}

export async function getAuthor(id: string): Promise<AuthorEntry> {
  const author = await getEntry('authors', id);
  if (!author) throw new Error(`Unknown author "${id}"`);
  return author;
}

/**
 * The old addresses of published posts (front matter `redirectFrom`) with the post's title: a
 * redirect page each, and `_redirects`. Drafts and scheduled posts have none.
 */
export async function getRedirects(): Promise<(Redirect & { title: string })[]> {
  const posts = await getPublishedPosts();
  const titles = new Map(posts.map((p) => [postUrl(p.id), p.data.title]));
  return redirectsOf(posts).map((r) => ({ ...r, title: titles.get(r.to) ?? '' }));
}
