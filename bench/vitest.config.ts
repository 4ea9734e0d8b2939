import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['bench/**/*.bench.ts'],
    testTimeout: 600_000,
    fileParallelism: false,
    // Prints the one table of all figures when every bench file has run.
    globalSetup: ['bench/summary.ts'],
  },
});
