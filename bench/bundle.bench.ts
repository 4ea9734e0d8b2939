/**
 * What the app ships, from production builds made here.
 *
 * - bundle.rendererJsGzip: gzip size (zlib, default level) of the JavaScript the renderer
 *   loads at start: the entry script and the chunks index.html preloads. Target < 300 KB.
 *   Baseline: the same for the bare Vite + React page (bench/bare-react/).
 * - bundle.rendererLazyJsGzip: gzip size of every other chunk (loaded by dynamic import
 *   when a rarely used screen or action needs it); each chunk is printed.
 * - bundle.rendererCssGzip: gzip size of the stylesheets index.html loads.
 * - bundle.mainKb, bundle.preloadKb: bytes on disk of `electron-vite build`'s out/main
 *   and out/preload (loaded from disk, not downloaded, so not gzipped).
 * - bundle.dep.<package>: the largest dependencies, by minified bytes in the renderer's
 *   chunks (start and lazy), attributed with the build's source maps (source-map-js):
 *   each mapped segment of the output, up to the next one on its line, counts for the
 *   package its source file is in (node_modules/<name>), or for "app" (renderer/, shared/).
 *   The renderer is built for this with --sourcemap into out/bench-bundle, so the build
 *   the other benches load stays as the app ships it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import zlib from 'node:zlib';
import { SourceMapConsumer, type RawSourceMap } from 'source-map-js';
import { test } from 'vitest';
import { buildForBench, buildPages, root } from './browserBench';
import { record, result, type BenchResult } from './results';

const kb = (bytes: number) => bytes / 1024;
const gzip = (file: string) => zlib.gzipSync(fs.readFileSync(file)).length;

/** The scripts, preloaded chunks and stylesheets an index.html loads at start. */
function startAssets(outDir: string): { js: string[]; css: string[] } {
  const html = fs.readFileSync(path.join(outDir, 'index.html'), 'utf8');
  const refs = (pattern: RegExp) => [...html.matchAll(pattern)].map((m) => path.join(outDir, m[1] ?? ''));
  return {
    js: [
      ...refs(/<script[^>]*type="module"[^>]*src="([^"]+)"/g),
      ...refs(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g),
    ],
    css: refs(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g),
  };
}

function filesUnder(dir: string, pattern: RegExp): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && pattern.test(e.name))
    .map((e) => path.join(e.parentPath, e.name));
}

function packageOf(source: string): string {
  const at = source.lastIndexOf('node_modules/');
  if (at < 0) return 'app';
  const [first = '', second = ''] = source.slice(at + 'node_modules/'.length).split('/');
  return first.startsWith('@') ? `${first}/${second}` : first;
}

/** Minified bytes (UTF-16 code units, which is bytes for this ASCII output) per package. */
function bytesPerPackage(jsFiles: string[]): Map<string, number> {
  const totals = new Map<string, number>();
  for (const file of jsFiles) {
    const map = `${file}.map`;
    // The bundler's own runtime chunk (helpers shared once the app is split into chunks)
    // is written without a map: it is none of our code nor a package's.
    if (!fs.existsSync(map) && /rolldown-runtime-[^/]*\.js$/.test(file)) {
      totals.set('unmapped', (totals.get('unmapped') ?? 0) + fs.readFileSync(file, 'utf8').length);
      continue;
    }
    if (!fs.existsSync(map)) throw new Error(`no source map for ${file}`);
    const consumer = new SourceMapConsumer(JSON.parse(fs.readFileSync(map, 'utf8')) as RawSourceMap);
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    const segments: { line: number; column: number; source: string | null }[] = [];
    consumer.eachMapping((m) => segments.push({ line: m.generatedLine, column: m.generatedColumn, source: m.source }));
    segments.sort((a, b) => a.line - b.line || a.column - b.column);
    for (const [i, s] of segments.entries()) {
      const next = segments[i + 1];
      const end = next && next.line === s.line ? next.column : (lines[s.line - 1]?.length ?? s.column);
      const owner = s.source ? packageOf(s.source) : 'unmapped';
      totals.set(owner, (totals.get(owner) ?? 0) + (end - s.column));
    }
  }
  return totals;
}

function dirBytes(dir: string): number {
  return filesUnder(dir, /\.(c|m)?js$/).reduce((sum, f) => sum + fs.statSync(f).size, 0);
}

test('bundle: renderer start and lazy JS, CSS, main and preload, largest dependencies', () => {
  const outDir = path.join(root, 'out/bench-bundle');
  buildForBench(['renderer/vite.config.ts'], ['--sourcemap', '--outDir', outDir, '--emptyOutDir']);
  buildPages(['bareReact']);
  const electron = spawnSync('npx', ['electron-vite', 'build', '--logLevel', 'warn'], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (electron.status !== 0) throw new Error(`electron-vite build failed: ${electron.stderr}`);

  const app = startAssets(outDir);
  const bare = startAssets(path.join(root, 'out/bench-bare-react'));
  const allJs = filesUnder(path.join(outDir, 'assets'), /\.js$/);
  const lazy = allJs.filter((f) => !app.js.includes(f));
  if (app.js.length === 0 || app.js.some((f) => !fs.existsSync(f))) throw new Error('index.html names no script');
  const sum = (files: string[]) => files.reduce((s, f) => s + gzip(f), 0);

  console.log(
    `renderer start JS: ${app.js.map((f) => `${path.basename(f)} ${kb(gzip(f)).toFixed(1)} KB gz`).join(', ')}`,
  );
  console.log(
    `renderer lazy chunks: ${lazy.map((f) => `${path.basename(f)} ${kb(gzip(f)).toFixed(1)} KB gz`).join(', ') || 'none'}`,
  );
  const deps = [...bytesPerPackage(allJs).entries()].sort((a, b) => b[1] - a[1]);
  console.log(`minified KB per package: ${deps.map(([name, bytes]) => `${name} ${kb(bytes).toFixed(1)}`).join(', ')}`);

  const results: BenchResult[] = [
    result('bundle.rendererJsGzip', kb(sum(app.js)), 'KB', 300, kb(sum(bare.js))),
    result('bundle.rendererLazyJsGzip', kb(sum(lazy)), 'KB', null, null),
    result('bundle.rendererCssGzip', kb(sum(app.css)), 'KB', null, null),
    result('bundle.mainKb', kb(dirBytes(path.join(root, 'out/main'))), 'KB', null, null),
    result('bundle.preloadKb', kb(dirBytes(path.join(root, 'out/preload'))), 'KB', null, null),
    ...deps
      .filter(([name]) => name !== 'app' && name !== 'unmapped')
      .slice(0, 8)
      .map(([name, bytes]) => result(`bundle.dep.${name}`, kb(bytes), 'KB', null, null)),
  ];
  record(results, { 'bundle.rendererJsGzip': 'bare Vite + React page, start JS gzipped' });
}, 900_000);
