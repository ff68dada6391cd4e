/**
 * Open Graph cards drawn ahead, in a second process, while Astro bundles and renders the pages.
 *
 * Why: Astro renders one route at a time (a route's paths four at once, on one thread), so the
 * card route, a card of about 10 ms of CPU per post, had the build to itself while the machine's
 * other core idled, and it comes early (`/og/` sorts before `/posts/`). Once the writer checks know
 * the published posts, `startOgPredraw` gives the cards missing from the disk cache to a child
 * process, at a lower priority so that Astro's own work goes first. It draws them from the route's
 * last path backwards into the same cache files (./og-image.ts); the route draws from its first
 * path forwards and finds the rest cached where the two meet.
 *
 * Nothing depends on it: the route draws any card it does not find (one this list got otherwise,
 * one not reached yet, a child that failed), and both write whole files by renaming
 * (./cache-file.ts), so at worst a card is drawn twice.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { setPriority } from 'node:os';
import { fileURLToPath } from 'node:url';
import { postCard } from './og-cards.ts';
import { ogCacheFile, ogCacheKey, type OgCard } from './og-image.ts';
import { byNewest } from './publishing.ts';
import type { PostInfo } from './rules/post.ts';
import site from '../site.config.ts';

/** What the writer checks read of a post that its card needs. */
export type PredrawPost = Pick<PostInfo, 'id' | 'title' | 'category' | 'author' | 'pubDate' | 'state'>;

/**
 * The published posts' cards, in the reverse of the order the card route asks for them
 * (src/data/posts.ts: newest first). A post whose card cannot be told from what the checks read
 * (an unknown author or category: the build stops for those anyway) is left to the route.
 */
export function cardsToPredraw(posts: readonly PredrawPost[], authorNames: ReadonlyMap<string, string>): OgCard[] {
  const known = new Set(site.categories.map((c) => c.id));
  const drawable = posts.flatMap((post) => {
    const { id, title, category, author, pubDate, state } = post;
    if (state !== 'published' || !title || !pubDate || !category || !known.has(category)) return [];
    const authorName = author === undefined ? undefined : authorNames.get(author);
    return authorName === undefined ? [] : [{ id, data: { title, category, pubDate }, authorName }];
  });
  return drawable
    .sort(byNewest)
    .reverse()
    .map((post) => postCard(post, post.authorName));
}

/** The cards whose PNG is not in the cache yet. */
export function missingCards(cards: readonly OgCard[]): OgCard[] {
  return cards.filter((card) => !existsSync(ogCacheFile(ogCacheKey(card))));
}

/**
 * Below this many cards to draw (about half a second of work), starting a second Node process and
 * loading the drawing code into it costs more than it saves: the route draws them itself.
 */
export const PREDRAW_MIN_CARDS = 50;

/** The process's niceness: above Astro's, so it takes only the CPU Astro leaves. */
const PREDRAW_NICENESS = 10;

/**
 * Starts drawing the missing cards in a child process and returns it, or undefined when there is
 * too little to draw. The child stops by itself when the cards are done or this process ends.
 */
export function startOgPredraw(cards: readonly OgCard[], options: { minCards?: number } = {}): ChildProcess | undefined {
  const missing = missingCards(cards);
  if (missing.length === 0 || missing.length < (options.minCards ?? PREDRAW_MIN_CARDS)) return undefined;
  const child = fork(fileURLToPath(new URL('./og-predraw-child.ts', import.meta.url)), [], {
    stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
    // Only what the child needs: it collects its garbage itself (./og-predraw-child.ts).
    execArgv: ['--expose-gc'],
    // The card cache folder follows ASTRO_CACHE_DIR and the working folder, which the child shares.
    cwd: process.cwd(),
  });
  // A child that cannot start leaves every card to the route.
  child.on('error', () => {});
  if (child.pid !== undefined) {
    try {
      setPriority(child.pid, PREDRAW_NICENESS);
    } catch {
      // Not allowed here: it then shares the CPU evenly, which is still correct.
    }
  }
  child.send(missing);
  // Neither the child nor its channel keeps this process alive; when this process ends, the
  // channel closes and the child stops (./og-predraw-child.ts).
  child.unref();
  child.channel?.unref();
  return child;
}
