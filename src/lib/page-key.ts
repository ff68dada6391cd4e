/**
 * Keys for Astro's incremental build (`experimental.incrementalBuild`, astro.config.mjs): a page
 * whose key and whose code are both unchanged since the last build is copied from Astro's cache
 * instead of being rendered again. Astro hashes the code (the route's module graph) and the MDX
 * a page renders; the key has to cover the rest, the content the page shows.
 *
 * So a key is made of stamps of every content entry a page shows: the digest Astro keeps of the
 * entry's file (front matter and body together) and the built address of its images, which
 * changes with the image's bytes while the front matter naming it does not. A page that cannot
 * stamp something it shows gets no key and is rendered every time: a missed skip costs
 * milliseconds, a wrong one would serve an old page.
 */
import { createHash } from 'node:crypto';

/** What a stamp needs of an Astro content entry (`CollectionEntry` has these). */
export interface StampableEntry {
  id: string;
  digest?: string | number;
}

/** Part of a key; `undefined` stands for something that could not be stamped. */
export type KeyPart = string | number | undefined;

/**
 * The stamp of one entry of `collection`: id, file digest and the addresses of `images` (hero,
 * avatar). `undefined` when Astro kept no digest for it.
 */
export function entryStamp(collection: string, entry: StampableEntry, images: readonly ({ src: string } | undefined)[] = []): string | undefined {
  if (entry.digest === undefined || entry.digest === '') return undefined;
  const imageSources = images.map((image) => image?.src ?? '').join(' ');
  return `${collection}/${entry.id}@${entry.digest}${imageSources.trim() ? ` ${imageSources}` : ''}`;
}

/**
 * The key of a page made of `parts` (stamps, page numbers, names), in order; `undefined` (render
 * every time) when any part is. A SHA-256 of the parts, so a key is short whatever it covers.
 */
export function pageKey(parts: readonly KeyPart[]): string | undefined {
  if (parts.some((part) => part === undefined)) return undefined;
  return createHash('sha256').update(JSON.stringify(parts)).digest('base64url');
}
