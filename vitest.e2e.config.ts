import { defineConfig } from 'vitest/config';

/** Browser tests: the production renderer in Debian's Chromium, driven by Playwright, against the real core. */
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    testTimeout: 180_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
