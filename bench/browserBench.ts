/**
 * What the in-browser benchmarks share: production builds, a tiny static server, Chromium
 * with the E2E flags, seeding the browser platform's IndexedDB, and the in-page probes
 * that timestamp "painted" (a requestAnimationFrame, then a message posted from it: the
 * message runs after that frame has been handed to the compositor).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { toLibraryRow } from '../shared/documents';
import type { Postmortem } from '../shared/model';
import { CHROMIUM_FLAGS, findChromium } from '../test/e2e/browser';

export const root = path.resolve(import.meta.dirname, '..');

export { QUICK, RUNS } from './results';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/** The pages the browser benches load, keyed by the folder their build writes to. */
export const PAGES = {
  app: { config: 'renderer/vite.config.ts', out: 'out/renderer', sources: ['renderer', 'shared'] },
  bareReact: { config: 'bench/bare-react/vite.config.ts', out: 'out/bench-bare-react', sources: ['bench/bare-react'] },
} as const;

/**
 * Builds the pages whose output is older than their sources, so the bench files that
 * share a page (start-up, typing, memory) build it once per `npm run bench`.
 */
export function buildPages(pages: (keyof typeof PAGES)[]): void {
  for (const name of pages) {
    const page = PAGES[name];
    // A stamp only this function writes: another build into the same folder (the E2E
    // tests', electron-vite's) empties it, and is not trusted to be a production build.
    const stamp = path.join(root, page.out, '.bench-production-build');
    const built = fs.existsSync(stamp) ? fs.statSync(stamp).mtimeMs : 0;
    const sources = Math.max(...page.sources.map((dir) => newestMtime(path.join(root, dir))));
    if (built > sources && process.env['BENCH_REBUILD'] !== '1') continue;
    buildForBench([page.config]);
    fs.writeFileSync(stamp, `${new Date().toISOString()}\n`);
  }
}

/** Builds each Vite config for production (see whysGraph.bench.ts for why NODE_ENV matters). */
export function buildForBench(configs: string[], extraArgs: string[] = []): void {
  for (const config of configs) {
    const build = spawnSync('npx', ['vite', 'build', '--config', config, '--logLevel', 'warn', ...extraArgs], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, NODE_ENV: 'production' },
    });
    if (build.status !== 0) throw new Error(`build of ${config} failed: ${build.stderr}`);
  }
}

/** Serves each directory under its own prefix (`/app/`, `/bare/`); anything else is a 404 page. */
export async function serve(dirs: Record<string, string>): Promise<{ server: http.Server; base: string }> {
  const types: Record<string, string> = {
    '.html': 'text/html',
    '.js': 'text/javascript',
    '.css': 'text/css',
    '.svg': 'image/svg+xml',
  };
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const [, prefix = '', ...rest] = url.pathname.split('/');
    const dir = dirs[prefix];
    const file = dir ? path.join(dir, rest.join('/') || 'index.html') : '';
    if (!dir || !file.startsWith(dir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404, { 'content-type': 'text/html' }).end('<!doctype html><title>blank</title>');
      return;
    }
    res.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const base = typeof address === 'object' && address ? `http://127.0.0.1:${address.port}` : '';
  return { server, base };
}

export function launchChromium(extraFlags: string[] = []): Promise<Browser> {
  const executablePath = findChromium();
  return chromium.launch({
    args: [...CHROMIUM_FLAGS, ...extraFlags],
    ...(executablePath ? { executablePath } : {}),
  });
}

/**
 * What the browser benches share: the app and the bare React page built and served, and
 * one Chromium to load them in. `stop` closes both.
 */
export async function startAppBench(): Promise<{ base: string; browser: Browser; stop: () => Promise<void> }> {
  buildPages(['app', 'bareReact']);
  const { server, base } = await serve({
    app: path.join(root, PAGES.app.out),
    bare: path.join(root, PAGES.bareReact.out),
  });
  const browser = await launchChromium();
  const stop = async () => {
    await browser.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return { base, browser, stop };
}

/**
 * Puts documents into the browser platform's database before the app first loads, from
 * a blank page on the same origin, so the app's own code is not loaded (nor cached) yet.
 * Each goes in with its library index row, as the app's own save writes them: the library
 * then lists it as it does any postmortem saved before (a store from before the index
 * pays for reading every document once, at its first listing). Name, version and stores
 * as in renderer/src/platform/browserPlatform.ts.
 */
export async function seedDocuments(page: Page, base: string, docs: Postmortem[]): Promise<void> {
  await page.goto(`${base}/blank`);
  await page.evaluate(
    (records) =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.open('postmortem-studio', 3);
        request.onupgradeneeded = () => {
          const db = request.result;
          db.createObjectStore('documents');
          db.createObjectStore('trash', { keyPath: 'id' });
          db.createObjectStore('damaged');
          db.createObjectStore('settings');
          db.createObjectStore('index');
        };
        request.onsuccess = () => {
          const tx = request.result.transaction(['documents', 'index'], 'readwrite');
          for (const { doc, row } of records) {
            tx.objectStore('documents').put(doc, doc.id);
            tx.objectStore('index').put(row, doc.id);
          }
          tx.oncomplete = () => {
            request.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
        request.onerror = () => reject(request.error);
      }),
    docs.map((doc) => ({ doc, row: toLibraryRow(doc) })),
  );
}

export interface StartupProbe {
  /** Selector of what makes the first screen usable. */
  ready: string;
  /** Clicked (in the page, no round trip) once `ready` has painted; null to stop there. */
  click: string | null;
  /** Selectors that must all be present for the opened screen to count as shown. */
  done: string[];
}

/**
 * What the probe logs once its last mark is in. The bench waits for this console message
 * instead of polling the page: Playwright's waitForFunction first compiles its injected
 * script on the page's main thread, about 30 ms (EvaluateScript in a trace) landing in
 * the middle of the start-up being measured.
 */
const MARKS_RECORDED = 'startup-probe: marks recorded';

/**
 * An init script (runs before any page script): records in `window.__marks` the time,
 * since navigation start, of the frame that paints `ready`, and of the one that paints
 * everything in `done` after clicking `click`; then logs MARKS_RECORDED to the console.
 */
export function startupProbe(probe: StartupProbe): void {
  // MARKS_RECORDED, spelled out: an init script is sent as source and cannot refer to it.
  const recorded = () => console.debug('startup-probe: marks recorded');
  const w = window as unknown as { __marks: { ready?: number; done?: number } };
  w.__marks = {};
  const painted = (record: (t: number) => void) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => record(performance.now());
      channel.port2.postMessage(0);
    });
  const when = (selectors: string[], then: () => void) => {
    const met = () => selectors.every((s) => document.querySelector(s) !== null);
    if (met()) return then();
    const observer = new MutationObserver(() => {
      if (!met()) return;
      observer.disconnect();
      then();
    });
    observer.observe(document, { childList: true, subtree: true });
  };
  when([probe.ready], () =>
    painted((t) => {
      w.__marks.ready = t;
      const target = probe.click ? document.querySelector<HTMLElement>(probe.click) : null;
      if (!target) return recorded();
      target.click();
      when(probe.done, () =>
        painted((t2) => {
          w.__marks.done = t2;
          recorded();
        }),
      );
    }),
  );
}

/**
 * The startup probe's marks (`done` too when the probe clicks). Call it before the page
 * loads: it listens for the probe's console message, and touches the page only after.
 */
export async function startupMarks(page: Page): Promise<{ ready: number; done: number | null }> {
  await page.waitForEvent('console', { predicate: (message) => message.text() === MARKS_RECORDED, timeout: 120_000 });
  return page.evaluate(() => {
    const m = (window as unknown as { __marks: { ready: number; done?: number } }).__marks;
    return { ready: m.ready, done: m.done ?? null };
  });
}

/**
 * Installs the typing probe: for each `input` event, the time from its keydown's
 * timestamp (when the key event was created, so time queued behind other work counts)
 * to the frame after the input painted.
 */
export async function installTypingProbe(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as {
      __typing: { at: number; ms: number }[];
      __eventTiming: number[];
      __typingProbe?: boolean;
    };
    w.__typing = [];
    w.__eventTiming = [];
    if (w.__typingProbe) return;
    w.__typingProbe = true;
    // A cross-check from the browser itself: Event Timing's duration of each keydown
    // (to the next paint, in 8 ms steps; only those of 16 ms or more are reported).
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (entry.name === 'keydown') w.__eventTiming.push(entry.duration);
    }).observe({ type: 'event', durationThreshold: 16 } as PerformanceObserverInit);
    let down = 0;
    addEventListener('keydown', (e) => (down = e.timeStamp), true);
    addEventListener(
      'input',
      () => {
        const at = down;
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => w.__typing.push({ at, ms: performance.now() - at });
          channel.port2.postMessage(0);
        });
      },
      true,
    );
  });
}

/** Types `text` into the focused field one key at a time, `gapMs` apart, like a fast typist. */
export async function typeKeys(page: Page, text: string, gapMs = 60): Promise<void> {
  for (const key of text) {
    await page.keyboard.press(key === ' ' ? 'Space' : key);
    await page.waitForTimeout(gapMs);
  }
}

export interface TypingSamples {
  /** Keydown to painted, per input event. */
  samples: { at: number; ms: number }[];
  /** Event Timing durations of the keydowns that took 16 ms or more. */
  slowKeydowns: number[];
}

/** The probe's samples since it was installed (or last read), after the last frame has landed. */
export async function takeTypingSamples(page: Page): Promise<TypingSamples> {
  await page.waitForTimeout(200);
  return page.evaluate(() => {
    const w = window as unknown as { __typing: { at: number; ms: number }[]; __eventTiming: number[] };
    const taken = { samples: w.__typing, slowKeydowns: w.__eventTiming };
    w.__typing = [];
    w.__eventTiming = [];
    return taken;
  });
}

export function p95(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))] ?? NaN;
}

/** Used JS heap in MB after a forced full garbage collection (CDP). */
export async function heapAfterGc(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize / 2 ** 20;
}

/**
 * How far (px) to scroll for timeline row `n` to come into view: 0 when its top is on
 * screen (a row of the 2 MB document is taller than the viewport), else its top's
 * distance from the middle of the viewport, in whole pixels, or a step towards it read from the
 * rows on screen when it is not rendered.
 */
function scrollTowardsRow(n: number): number {
  const step = 600;
  const field = document.querySelector(`textarea[aria-label="Event ${n}"]`);
  if (field) {
    const box = field.getBoundingClientRect();
    return box.top >= 0 && box.top < innerHeight - 40 ? 0 : Math.round(box.top - innerHeight / 2);
  }
  const table = document.querySelector('.timeline-table');
  if (!table) throw new Error('no timeline table');
  const onScreen = [...table.querySelectorAll('tbody tr[aria-rowindex]')].find((row) => {
    const box = row.getBoundingClientRect();
    return box.bottom > 0 && box.top < innerHeight;
  });
  if (!onScreen) return table.getBoundingClientRect().top > innerHeight ? step : -step;
  // aria-rowindex counts the header row: event n is row n + 1.
  return Math.sign(n + 1 - Number(onScreen.getAttribute('aria-rowindex'))) * step;
}

/**
 * Scrolls the page until timeline row `n` is on screen: long timelines render only the
 * rows near the viewport, so a row far down is not in the page until it is scrolled to.
 * The page is scrolled directly, not with the mouse wheel: a wheel over the why graph's
 * canvas pans the graph instead of the page.
 */
export async function scrollToTimelineRow(page: Page, n: number): Promise<void> {
  for (let i = 0; ; i += 1) {
    const delta = await page.evaluate(scrollTowardsRow, n);
    if (delta === 0) return;
    if (i === 300) throw new Error(`timeline row ${n} not reached by scrolling`);
    await page.evaluate((by) => window.scrollBy(0, by), delta);
    await page.waitForTimeout(50);
  }
}
