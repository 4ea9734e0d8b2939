/**
 * The renderer build, shared by the Electron app (electron.vite.config.ts) and the
 * browser build (`npm run web`, E2E tests). The strict CSP goes into the built page
 * only: Vite's dev server needs inline scripts for hot reload.
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type HtmlTagDescriptor, type Plugin, type Rollup, type UserConfig } from 'vite';
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

/** The modules whose chunks the page fetches ahead (see preloadEditor). */
const PRELOADED = ['/document/DocumentScreen.tsx', '/platform/documentChecks.ts'];

/**
 * Names, in a meta tag, the files of the document editor's chunks (and of the schema
 * checks that reading a document needs), which the page fetches and compiles without
 * running once the library has painted (screens.ts fetchEditorAhead). Opening a
 * postmortem right after start otherwise waited for their download; named as links in
 * the page itself, they were fetched alongside the start-up script and slowed the
 * library's first paint by a third.
 */
function preloadEditor(): Plugin {
  return {
    name: 'postmortem-studio-preload-editor',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, { bundle }) {
        if (!bundle) return;
        const chunks = new Map<string, Rollup.OutputChunk>();
        for (const output of Object.values(bundle)) if (output.type === 'chunk') chunks.set(output.fileName, output);
        const startUp = [...chunks.values()].filter((c) => c.isEntry).flatMap((c) => [c.fileName, ...c.imports]);
        const wanted = new Set<string>();
        const add = (file: string) => {
          if (wanted.has(file) || startUp.includes(file)) return;
          wanted.add(file);
          for (const imported of chunks.get(file)?.imports ?? []) add(imported);
        };
        for (const chunk of chunks.values())
          if (PRELOADED.some((suffix) => chunk.facadeModuleId?.endsWith(suffix))) add(chunk.fileName);
        const styles = [...wanted].flatMap((file) => [...(chunks.get(file)?.viteMetadata?.importedCss ?? [])]);
        const tag: HtmlTagDescriptor = {
          tag: 'meta',
          attrs: { name: 'editor-files', content: [...wanted, ...styles].join(' ') },
          injectTo: 'head',
        };
        return [tag];
      },
    },
  };
}

export const rendererConfig: UserConfig = {
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  plugins: [react(), contentSecurityPolicy(), preloadEditor()],
  build: {
    outDir: fileURLToPath(new URL('../out/renderer', import.meta.url)),
    emptyOutDir: true,
    target: 'chrome130',
  },
};

export default defineConfig(rendererConfig);
