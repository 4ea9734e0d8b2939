/**
 * The renderer build, shared by the Electron app (electron.vite.config.ts) and the
 * browser build (`npm run web`, E2E tests). The strict CSP goes into the built page
 * only: Vite's dev server needs inline scripts for hot reload.
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin, type UserConfig } from 'vite';
import { CONTENT_SECURITY_POLICY } from '../shared/csp.ts';

function contentSecurityPolicy(): Plugin {
  return {
    name: 'postmortem-studio-csp',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
        injectTo: 'head-prepend',
      },
    ],
  };
}

export const rendererConfig: UserConfig = {
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  plugins: [react(), contentSecurityPolicy()],
  build: {
    outDir: fileURLToPath(new URL('../out/renderer', import.meta.url)),
    emptyOutDir: true,
    target: 'chrome130',
  },
};

export default defineConfig(rendererConfig);
