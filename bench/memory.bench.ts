/**
 * JS heap of the production build in headless Chromium: the used size of the page's V8
 * heap (CDP Runtime.getHeapUsage) right after two forced full collections (CDP
 * HeapProfiler.collectGarbage), so only what is still reachable counts.
 *
 * - memory.afterOpen: after opening the large document (500 timeline rows, 200 action
 *   items, a 500-node why graph) from the library and letting it settle.
 * - memory.afterSoak: after BENCH_SOAK_MINUTES (default 10; 0.5 with BENCH_QUICK=1) of
 *   scripted editing in that document: type a word into a timeline row and delete it
 *   again, append to a why node's answer; the rows and nodes change every round, and
 *   autosave and the undo history run throughout.
 * - memory.soakSlope: the least-squares slope of the heap samples taken (after forced
 *   collections) after the first round of editing, then every minute of the soak (every
 *   10 s in quick mode) and at its end, in MB per minute.
 *   A leak shows as a steady positive slope; the target (< 1 MB/min, i.e. under 10 MB
 *   over the 10-minute soak) is this bench's reading of "no growth trend".
 * Baseline for the heap figures: the bare React page (bench/bare-react/), measured the
 * same way in the same run. The slope has no baseline.
 */
import type { Browser, Page } from '@playwright/test';
import { afterAll, beforeAll, test } from 'vitest';
import { heapAfterGc, QUICK, scrollToTimelineRow, seedDocuments, startAppBench } from './browserBench';
import { largeDocument } from './largeDocument';
import { record, result } from './results';

let base = '';
let browser: Browser;
let stop: () => Promise<void>;

const SOAK_MINUTES = Number(process.env['BENCH_SOAK_MINUTES'] ?? (QUICK ? 0.5 : 10));
const SAMPLE_EVERY_MS = QUICK ? 10_000 : 60_000;

beforeAll(async () => {
  ({ base, browser, stop } = await startAppBench());
}, 600_000);

afterAll(() => stop());

/** Least-squares slope of y over x. */
function slope(points: { x: number; y: number }[]): number {
  const n = points.length;
  const mx = points.reduce((s, p) => s + p.x, 0) / n;
  const my = points.reduce((s, p) => s + p.y, 0) / n;
  const num = points.reduce((s, p) => s + (p.x - mx) * (p.y - my), 0);
  const den = points.reduce((s, p) => s + (p.x - mx) ** 2, 0);
  return den === 0 ? 0 : num / den;
}

/** One round of editing; `round` picks which rows and nodes it touches. */
async function editRound(page: Page, round: number): Promise<void> {
  const n = (round % 50) * 10 + 1;
  await scrollToTimelineRow(page, n);
  await page.getByRole('textbox', { name: `Event ${n}`, exact: true }).click();
  await page.keyboard.press('End');
  await page.keyboard.type(' soak', { delay: 40 });
  for (let i = 0; i < 5; i += 1) await page.keyboard.press('Backspace');

  const canvas = page.getByRole('application', { name: /Five whys graph/ });
  await canvas.scrollIntoViewIfNeeded();
  await canvas.focus();
  await page.keyboard.press('ArrowDown');
  for (let i = 0; i < round % 3; i += 1) await page.keyboard.press('ArrowRight');
  await page.keyboard.press('F2');
  await page.keyboard.press('End');
  await page.keyboard.type(` r${round}`, { delay: 40 });
  await page.keyboard.press('Escape');
}

test('memory: heap after opening the large document and after a soak of editing', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce' });
  const bare = await context.newPage();
  await bare.goto(`${base}/bare/`);
  await bare.getByRole('textbox', { name: 'Baseline field' }).waitFor();
  const bareHeap = await heapAfterGc(bare);
  await bare.close();

  const page = await context.newPage();
  const doc = { ...largeDocument(500), title: 'Large memory document' };
  await seedDocuments(page, base, [doc]);
  await page.goto(`${base}/app/`);
  await page.getByRole('button', { name: doc.title, exact: true }).click();
  // The lists and the graph render only what is near the view: the document is open once
  // its first timeline row and the graph's first why are there.
  await page.getByRole('textbox', { name: 'Event 1', exact: true }).waitFor({ timeout: 120_000 });
  await page.locator('[data-testid="why-w0"]').waitFor({ timeout: 120_000 });
  await page.waitForTimeout(QUICK ? 1000 : 5000);
  const afterOpen = await heapAfterGc(page);

  const started = Date.now();
  // The trend starts after the first round: its one-off allocations (the first undo
  // entry, caches filled by the first edit of each kind) are a step, not a trend.
  await editRound(page, 0);
  const samples = [{ x: (Date.now() - started) / 60_000, y: await heapAfterGc(page) }];
  let nextSample = Date.now() + SAMPLE_EVERY_MS;
  let round = 1;
  while (Date.now() - started < SOAK_MINUTES * 60_000) {
    await editRound(page, round);
    round += 1;
    if (Date.now() >= nextSample) {
      samples.push({ x: (Date.now() - started) / 60_000, y: await heapAfterGc(page) });
      nextSample += SAMPLE_EVERY_MS;
    }
  }
  // Let the last autosave land, then the final sample.
  await page.waitForTimeout(1000);
  const afterSoak = await heapAfterGc(page);
  samples.push({ x: (Date.now() - started) / 60_000, y: afterSoak });
  await context.close();

  console.log(
    `memory: bare ${bareHeap.toFixed(1)} MB; ${round} editing rounds in ${SOAK_MINUTES} min; heap samples (min, MB): ${samples.map((s) => `${s.x.toFixed(2)}:${s.y.toFixed(1)}`).join(' ')}`,
  );
  record(
    [
      result('memory.afterOpen', afterOpen, 'MB', null, bareHeap),
      result('memory.afterSoak', afterSoak, 'MB', null, bareHeap),
      result('memory.soakSlope', slope(samples), 'MB/min', 1, null),
    ],
    {
      'memory.afterOpen': 'bare React page, heap after GC',
      'memory.afterSoak': 'bare React page, heap after GC',
    },
  );
}, 3_600_000);
