/**
 * The renderer build, shared by the Electron app (electron.vite.config.ts) and the
 * browser build (`npm run web`, E2E tests). The strict CSP goes into the built page
 * only: Vite's dev server needs inline scripts for hot reload.
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type HtmlTagDescriptor, type Plugin, type Rollup, type Rolldown, type UserConfig } from 'vite';
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
          if (chunk.moduleIds.some((id) => PRELOADED.some((suffix) => id.endsWith(suffix)))) add(chunk.fileName);
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

const source = (file: string) => fileURLToPath(new URL(file, import.meta.url));

/**
 * Puts the code that opening a postmortem needs into three chunks instead of twenty: the
 * schema checks that reading a document runs (with the schemas), the why graph's library,
 * and the editor with everything else it imports that the start-up script does not.
 * Left to the bundler, the modules the editor shares with the other lazy screens
 * (tracker, metrics, console, import) were split by which of them import each one;
 * opening a postmortem right after start then waited for about twenty files over six
 * connections, and each file fetched cost the click's task a few milliseconds to
 * request. Nothing the start-up script imports is moved: the start-up script stays as
 * it is.
 */
function editorChunk(moduleId: string, context: Rolldown.ChunkingContext): string | null {
  let chunks = editorChunks.get(context);
  if (!chunks) editorChunks.set(context, (chunks = editorModules(context)));
  return chunks.get(moduleId) ?? null;
}

/**
 * The graph's library (React Flow and the d3 modules under it), about 45% of the
 * editor's code, in a chunk of their own: the page fetches it beside the editor's (Vite's
 * preload of a lazy import's dependencies), and the browser parses the two on two threads
 * instead of one after the other. Parsing the one 440 KB file took about 145 ms in a
 * traced open, the longest wait between the click and the editor's first render.
 */
const GRAPH_LIBRARY = /[\\/]node_modules[\\/]@xyflow[\\/]react[\\/]/;

/** Per chunking pass (the context is one object for the pass): module id -> its chunk. */
const editorChunks = new WeakMap<Rolldown.ChunkingContext, Map<string, string>>();

function editorModules(context: Rolldown.ChunkingContext): Map<string, string> {
  const closure = (from: string[], except: Set<string>) => {
    const found = new Set<string>();
    const visit = (id: string) => {
      if (found.has(id) || except.has(id)) return;
      found.add(id);
      for (const imported of context.getModuleInfo(id)?.importedIds ?? []) visit(imported);
    };
    for (const id of from) if (context.getModuleInfo(id)) visit(id);
    return found;
  };
  const startUp = closure([source('./index.html'), source('./src/main.tsx')], new Set());
  const checks = closure([source('./src/platform/documentChecks.ts')], startUp);
  const editor = closure([source('./src/document/DocumentScreen.tsx')], new Set([...startUp, ...checks]));
  // With everything React Flow imports, so that the two chunks do not import each other.
  const graph = closure(
    [...editor].filter((id) => GRAPH_LIBRARY.test(id)),
    new Set([...startUp, ...checks]),
  );
  return new Map([
    ...[...checks].map((id) => [id, 'documentChecks'] as const),
    ...[...editor].map((id) => [id, graph.has(id) ? 'whyGraphLibraries' : 'DocumentScreen'] as const),
  ]);
}

export const rendererConfig: UserConfig = {
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  plugins: [react(), contentSecurityPolicy(), preloadEditor()],
  build: {
    outDir: fileURLToPath(new URL('../out/renderer', import.meta.url)),
    emptyOutDir: true,
    target: 'chrome130',
    rolldownOptions: {
      output: {
        // Without includeDependenciesRecursively: false the group would take in what the
        // editor imports from the start-up script too (React, the platform), and the
        // start-up script would then import the editor's chunk.
        codeSplitting: { groups: [{ debugName: 'editor', name: editorChunk, includeDependenciesRecursively: false }] },
      },
    },
  },
};

export default defineConfig(rendererConfig);
