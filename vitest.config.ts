import { defineConfig } from 'vitest/config';

/** Unit tests: beside the code they test, under plain Node. */
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'tests/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Tests that change this machine's apt settings must not run at the same time.
    fileParallelism: true,
  },
});
