import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * Four kinds of test, run side by side on two workers. Site and browser tests read sites that
 * tests/support/global-setup.ts builds once per run. Tests that start Astro themselves (dev
 * server, safe build, npm run check) share the project's .astro/ folder: they are one file,
 * tests/processes/astro-processes.test.ts, which runs them in order.
 */
const slow = { globalSetup: ['tests/support/global-setup.ts'], hookTimeout: 600_000, testTimeout: 180_000 };

export default defineConfig({
  // The `@/` alias of tsconfig.json; projects inherit it (Vitest's `extends` defaults to true).
  resolve: { alias: [{ find: /^@\//, replacement: fileURLToPath(new URL('./src/', import.meta.url)) }] },
  test: {
    // Vitest's default on 2 cores is one worker. With two, the Astro processes (first: projects run
    // in name order) take one and the browser, site and unit tests the other.
    maxWorkers: 2,
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], testTimeout: 60_000 } },
      { test: { name: 'site', include: ['tests/site/**/*.test.ts'], ...slow } },
      { test: { name: 'astro-processes', include: ['tests/processes/astro-processes.test.ts'], ...slow } },
      { test: { name: 'browser', include: ['tests/browser/**/*.test.ts'], ...slow } },
    ],
  },
});
