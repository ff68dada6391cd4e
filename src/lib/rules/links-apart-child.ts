/**
 * The process ./links-apart.ts starts: one link check, its result sent back, then it ends. A
 * failure ends it without a result and says nothing: the build then checks in its own process,
 * which reports the error as any other.
 */
import { checkLinks, type LinkCheckOptions } from './links.ts';

process.on('disconnect', () => process.exit(0));
process.once('message', (options: LinkCheckOptions) => {
  let result;
  try {
    result = checkLinks(options);
  } catch {
    process.exit(1);
  }
  process.send?.(result, () => process.exit(0));
});
