/**
 * Tests that start Astro themselves (npm run build, npm run dev, npm run check). Astro writes
 * content-dependent files into the project's own .astro/ folder, so two at once would read each
 * other's: this one file runs them in order, in one worker, while the other tests run beside it.
 */
import './build-errors';
import './pagination';
import './safe-build';
import './incremental';
import './owner-site';
import './writing-check';
import './dev-errors';
