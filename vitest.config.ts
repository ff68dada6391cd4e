import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { missingPrerequisites } from './tests/support/prerequisites';

/**
 * Four kinds of test, run side by side on two workers. Site and browser tests read sites that
 * tests/support/global-setup.ts builds once per run. Tests that start Astro themselves (dev
 * server, safe build, npm run check) share the project's .astro/ folder: they are one file,
 * tests/processes/astro-processes.test.ts, which runs them in order.
 */
// Only the unit tests run without Chromium and feedparser: anything else checks for them first.
const unitOnly = process.argv.some((a, i) => a === '--project=unit' || (a === '--project' && process.argv[i + 1] === 'unit'));
const missing = unitOnly ? [] : missingPrerequisites();
if (missing.length > 0) {
  process.stderr.write(`\n테스트에 필요한 프로그램이 없습니다. 설치한 뒤 다시 실행하세요 (단위 테스트만: npm run test:unit).\n${missing.map((m) => `  - ${m}`).join('\n')}\n\n`);
  process.exit(1);
}

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
