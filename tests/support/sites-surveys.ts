import type { BuildOptions } from './build-site';

/** Sites the surveys tests need; see tests/support/sites.ts. */
export const surveysSites: Record<string, () => BuildOptions> = {};
