/**
 * The process ./og-predraw.ts starts: receives the cards once, draws each one the cache does not
 * have yet (the card route may have drawn it meanwhile), and ends; it ends at once when the build
 * that started it does (its channel closes).
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import { ogImage, type OgCard } from './og-image.ts';

/**
 * resvg's pixel buffers live outside V8's heap, which V8 does not count, and are freed by
 * finalisers that run on a later turn of the event loop. Drawing card after card with nothing
 * else to do, the process grew by about 2 MB a card (1.3 GB after 600); a full collection and a
 * turn every 20 cards keeps it near 350 MB, and takes less CPU (fewer fresh pages to fault in).
 */
const COLLECT_EVERY = 20;
const collect = (globalThis as { gc?: () => void }).gc;

process.on('disconnect', () => process.exit(0));
process.once('message', (cards: OgCard[]) => {
  void (async () => {
    for (const [i, card] of cards.entries()) {
      // A card that fails here is the route's to draw, and to report.
      await ogImage(card).catch(() => undefined);
      if (i % COLLECT_EVERY === COLLECT_EVERY - 1) {
        collect?.();
        await nextTurn();
      }
    }
    process.exit(0);
  })();
});
