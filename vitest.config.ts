import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/unit/**/*.test.tsx'],
    environment: 'node',
    // Property tests run hundreds of documents; on a loaded 2-core CI machine one can
    // take several times its idle ~7 s. Still bounded, so a hang fails.
    testTimeout: 90_000,
  },
});
