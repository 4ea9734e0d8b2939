/**
 * Bundles the CLI into one plain-Node ES module (out/cli/postmortem.mjs), so it runs
 * with the Node that npm uses and needs no TypeScript at run time.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));

export default defineConfig({
  root,
  logLevel: 'warn',
  ssr: { noExternal: true },
  build: {
    ssr: fileURLToPath(new URL('./postmortem.ts', import.meta.url)),
    outDir: fileURLToPath(new URL('../out/cli', import.meta.url)),
    emptyOutDir: true,
    target: 'node20',
    rollupOptions: { output: { entryFileNames: 'postmortem.mjs', banner: '#!/usr/bin/env node' } },
  },
});
