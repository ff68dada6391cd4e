import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * Three kinds of test. Site and browser tests read sites that tests/support/global-setup.ts
 * builds once per run. Tests that start Astro themselves (dev server, safe build, npm run check)
 * share the project's .astro/ folder, so they run one file at a time.
 */
const startsAstro = [
  'tests/site/build-errors.test.ts',
  'tests/site/dev-errors.test.ts',
  'tests/site/dev-preview.test.ts',
  'tests/site/moved-post.test.ts',
  'tests/site/safe-build.test.ts',
  'tests/site/writing-check.test.ts',
];
const slow = { globalSetup: ['tests/support/global-setup.ts'], hookTimeout: 600_000, testTimeout: 180_000 };

export default defineConfig({
  // The `@/` alias of tsconfig.json; projects inherit it (Vitest's `extends` defaults to true).
  resolve: { alias: [{ find: /^@\//, replacement: fileURLToPath(new URL('./src/', import.meta.url)) }] },
  test: {
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], testTimeout: 60_000 } },
      { test: { name: 'site', include: ['tests/site/**/*.test.ts'], exclude: startsAstro, ...slow } },
      { test: { name: 'astro-processes', include: startsAstro, fileParallelism: false, ...slow } },
      { test: { name: 'browser', include: ['tests/browser/**/*.test.ts'], fileParallelism: false, ...slow } },
    ],
  },
});
