/**
 * The process ./og-predraw.ts starts: receives the cards once, draws each one the cache does not
 * have yet (the card route may have drawn it meanwhile), and ends; it ends at once when the build
 * that started it does (its channel closes).
 */
import { ogImage, type OgCard } from './og-image.ts';

process.on('disconnect', () => process.exit(0));
process.once('message', (cards: OgCard[]) => {
  void (async () => {
    for (const card of cards) {
      // A card that fails here is the route's to draw, and to report.
      await ogImage(card).catch(() => undefined);
    }
    process.exit(0);
  })();
});
