/**
 * electron-vite builds main and preload (bundled, so the app ships no loose
 * node_modules lookups for our own code) and the renderer from renderer/vite.config.ts.
 * The preload is CommonJS because a sandboxed preload cannot be an ES module.
 */
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import { rendererConfig } from './renderer/vite.config';

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: { input: { index: resolve(import.meta.dirname, 'electron/main.ts') } },
    },
  },
  preload: {
    build: {
      // A sandboxed preload can require nothing but 'electron': bundle everything else.
      externalizeDeps: false,
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve(import.meta.dirname, 'electron/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    ...rendererConfig,
    build: {
      ...rendererConfig.build,
      outDir: resolve(import.meta.dirname, 'out/renderer'),
      // The renderer's own options (its chunking) with the page as input: a separate
      // rollupOptions would be dropped in favour of these.
      rolldownOptions: {
        ...rendererConfig.build?.rolldownOptions,
        input: resolve(import.meta.dirname, 'renderer/index.html'),
      },
    },
  },
});
