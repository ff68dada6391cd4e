import type { BuildOptions } from './build-site';

/** Sites the syndication tests need; see tests/support/sites.ts. */
export const syndicationSites: Record<string, () => BuildOptions> = {};
