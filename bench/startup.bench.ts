/**
 * Cold start, production build, headless Chromium with the E2E flags, a fresh browser
 * context (empty HTTP cache) per run, median of 5 runs (1 with BENCH_QUICK=1).
 *
 * - start.library: navigation start to the frame that paints the library with its
 *   "New postmortem" button and the seeded document's row (the library is usable).
 * - start.largeDocument: navigation start to the frame that paints the opened large
 *   document, opened and usable: the row is clicked in the page as soon as the library
 *   has painted, and the document counts as shown at the first frame painted once its
 *   title field, the first timeline row, the first action item and the why graph's first
 *   node are all in the page, and the timeline table and the action-item list report
 *   their full size (aria-rowcount 501 with the header row, aria-setsize 200). Long lists
 *   render only the rows near the viewport, and the graph may render only the nodes in
 *   view, so the last row or node is not waited for: it is not on screen at open.
 *   The document: 500 timeline rows, 200 action items and a 500-node why graph, put in
 *   IndexedDB beforehand from a blank page on the same origin (the app's code not loaded),
 *   with its library index row as the app's own saves write it (seedDocuments).
 * Baseline for both: the bare Vite + React page (bench/bare-react/), navigation start to
 * the frame that paints its textarea, measured the same way in the same run.
 * Times are `performance.now()` in the page (0 = navigation start), read by an init
 * script that watches the DOM (browserBench.ts startupProbe). Nothing else runs in the
 * page until both marks are in: the bench waits for the probe's console message (polling
 * with waitForFunction compiled Playwright's injected script on the page's main thread,
 * about 30 ms, during the start-up being measured).
 */
import type { Browser } from '@playwright/test';
import { afterAll, beforeAll, test } from 'vitest';
import { RUNS, seedDocuments, startAppBench, startupMarks, startupProbe } from './browserBench';
import { largeDocument } from './largeDocument';
import { median, record, result } from './results';

let base = '';
let browser: Browser;
let stop: () => Promise<void>;

beforeAll(async () => {
  ({ base, browser, stop } = await startAppBench());
}, 600_000);

afterAll(() => stop());

const doc = { ...largeDocument(500), title: 'Large start-up document' };

/** One cold load of the app: [library painted, large document painted] in ms. */
async function appStart(): Promise<[number, number]> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce' });
  const page = await context.newPage();
  await seedDocuments(page, base, [doc]);
  await page.addInitScript(startupProbe, {
    ready: '.library-table .row-open',
    click: '.library-table .row-open',
    done: [
      '.title-input',
      '[aria-label="Event 1"]',
      '[aria-label="AI-001"]',
      '[data-testid="why-w0"]',
      `table[aria-rowcount="${doc.timeline.length + 1}"]`,
      `li[aria-setsize="${doc.actionItems.length}"]`,
    ],
  });
  const marked = startupMarks(page);
  await page.goto(`${base}/app/`);
  const marks = await marked;
  await context.close();
  return [marks.ready, marks.done ?? NaN];
}

async function bareStart(): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce' });
  const page = await context.newPage();
  await page.addInitScript(startupProbe, { ready: 'textarea', click: null, done: [] });
  const marked = startupMarks(page);
  await page.goto(`${base}/bare/`);
  const { ready } = await marked;
  await context.close();
  return ready;
}

test('cold start: library and large document vs a bare React page', async () => {
  const library: number[] = [];
  const large: number[] = [];
  const bare: number[] = [];
  // Interleaved, so a burst of load from the other processes on this machine hits both.
  for (let i = 0; i < RUNS; i += 1) {
    const [lib, doc500] = await appStart();
    library.push(lib);
    large.push(doc500);
    bare.push(await bareStart());
  }
  console.log(`start runs (ms): library ${library.join(', ')}; large ${large.join(', ')}; bare ${bare.join(', ')}`);
  const baseline = median(bare);
  record(
    [
      result('start.library', median(library), 'ms', 400, baseline),
      result('start.largeDocument', median(large), 'ms', 800, baseline),
    ],
    {
      'start.library': 'bare Vite + React page, navigation to painted',
      'start.largeDocument': 'bare Vite + React page, navigation to painted',
    },
  );
}, 900_000);
