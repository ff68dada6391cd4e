import type { BuildOptions } from './build-site';

/** Sites the writing tests need; see tests/support/sites.ts. */
export const writingSites: Record<string, () => BuildOptions> = {};
