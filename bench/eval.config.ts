import { defineConfig } from 'vitest/config';

/** Quality evaluations (precision, recall against labelled corpora): `npm run eval:phrasing`. */
export default defineConfig({
  test: {
    include: ['bench/**/*.eval.ts'],
    testTimeout: 600_000,
    fileParallelism: false,
  },
});
