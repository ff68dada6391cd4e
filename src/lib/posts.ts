import { getCollection, getEntry, type CollectionEntry } from 'astro:content';
import site from '../site.config';
import { buildTime } from './build-time';
import { byNewest, isVisible, publishState, type PublishState } from './publishing';
import { tagSlug } from './taxonomy';

export type Post = CollectionEntry<'posts'>;
export type AuthorEntry = CollectionEntry<'authors'>;

/** Drafts and scheduled posts are previewed by `npm run dev` only, never written by a build. */
const previewUnpublished = import.meta.env.PREVIEW_UNPUBLISHED === true;

let cache: Promise<Post[]> | undefined;

/**
 * Every post a reader may see, newest first. The only door to the posts collection:
 * pages, feeds, the sitemap and the search index all call this.
 */
export function getPublishedPosts(): Promise<Post[]> {
  cache ??= getCollection('posts', (post) => isVisible(post.data, buildTime, previewUnpublished)).then((posts) =>
    posts.sort(byNewest),
  );
  return cache;
}

export function postState(post: Post): PublishState {
  return publishState(post.data, buildTime);
}

export function postUrl(post: Post | string): string {
  return `/posts/${typeof post === 'string' ? post : post.id}/`;
}

export function categoryOf(id: string) {
  const category = site.categories.find((c) => c.id === id);
  if (!category) throw new Error(`Unknown category "${id}"`);
  return category;
}

export async function getAuthor(id: string): Promise<AuthorEntry> {
  const author = await getEntry('authors', id);
  if (!author) throw new Error(`Unknown author "${id}"`);
  return author;
}

export async function postsInCategory(id: string): Promise<Post[]> {
  return (await getPublishedPosts()).filter((p) => p.data.category === id);
}

export async function postsByAuthor(id: string): Promise<Post[]> {
  return (await getPublishedPosts()).filter((p) => p.data.author === id);
}

/** Every tag in use with its URL slug and posts, most used first. */
export async function getTags(): Promise<{ tag: string; slug: string; posts: Post[] }[]> {
  const bySlug = new Map<string, { tag: string; slug: string; posts: Post[] }>();
  for (const post of await getPublishedPosts()) {
    for (const tag of post.data.tags) {
      const slug = tagSlug(tag);
      const entry = bySlug.get(slug) ?? { tag, slug, posts: [] };
      if (!entry.posts.includes(post)) entry.posts.push(post);
      bySlug.set(slug, entry);
    }
  }
  return [...bySlug.values()].sort((a, b) => b.posts.length - a.posts.length || a.tag.localeCompare(b.tag, 'ko'));
}

/** Older and newer neighbours of a post in the published list. */
export async function neighbours(post: Post): Promise<{ previous?: Post; next?: Post }> {
  const posts = await getPublishedPosts();
  const index = posts.findIndex((p) => p.id === post.id);
  if (index < 0) return {};
  return { previous: posts[index + 1], next: index > 0 ? posts[index - 1] : undefined };
}
