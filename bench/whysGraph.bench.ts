/**
 * The why graph at 100, 500 and 1,000 nodes: layout time; time from the Tab
 * keypress ("add child") to the frame that paints the new node; and requestAnimationFrame
 * intervals while panning, side by side with a bare <ReactFlow> rendering the same
 * nodes, at the app's viewport, in the same run. Production builds, headless Chromium, this machine.
 */
import type http from 'node:http';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { afterAll, beforeAll, test } from 'vitest';
import { createPostmortem } from '../shared/documents';
import { layoutWhys } from '../shared/whyLayout';
import { CHROMIUM_FLAGS, findChromium } from '../test/e2e/browser';
import { buildForBench, buildPages, root, serve } from './browserBench';
import { median, QUICK, record, result, timeIt, type BenchResult } from './results';
import { benchWhyTree } from './whyTree';

const SIZES = [100, 500, 1000];
let server: http.Server;
let base = '';

beforeAll(async () => {
  buildPages(['app']);
  buildForBench(['bench/bare-flow/vite.config.ts']);
  ({ server, base } = await serve({ app: path.join(root, 'out/renderer'), bare: path.join(root, 'out/bench-bare') }));
}, 300_000);

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** rAF intervals (ms) while the mouse drags the pane for ~2 s; returns their p95. */
async function panFrameP95(page: Page, pane: string): Promise<number> {
  const box = await page.locator(pane).boundingBox();
  if (!box) throw new Error('no pane to pan');
  await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __stop: boolean };
    w.__frames = [];
    w.__stop = false;
    let last = performance.now();
    const tick = (now: number) => {
      w.__frames.push(now - last);
      last = now;
      if (!w.__stop) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  // Start the drag on empty pane (not on a node, which would drag the node instead of panning).
  const start = await page.evaluate(
    ({ x, y, w, h }) => {
      for (let gy = 0.1; gy < 1; gy += 0.1) {
        for (let gx = 0.1; gx < 1; gx += 0.1) {
          const px = x + w * gx;
          const py = y + h * gy;
          if (document.elementFromPoint(px, py)?.classList.contains('react-flow__pane')) return { px, py };
        }
      }
      return null;
    },
    { x: box.x, y: box.y, w: box.width, h: box.height },
  );
  if (!start) throw new Error('no empty spot on the pane to start panning');
  const cx = start.px;
  const cy = start.py;
  await page.mouse.move(cx, cy);
  await page.mouse.down();
  // One closed loop (an ellipse through the start point), so each pan ends where it began
  // and every run, in the app and the baseline alike, pans over the same nodes.
  for (let i = 1; i <= 120; i += 1) {
    const angle = (2 * Math.PI * i) / 120;
    await page.mouse.move(cx + Math.sin(angle) * 300, cy + (1 - Math.cos(angle)) * 150);
  }
  await page.mouse.up();
  const frames = await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __stop: boolean };
    w.__stop = true;
    return w.__frames.slice(2);
  });
  const sorted = [...frames].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length * 0.95)] ?? NaN;
}

/** The median of three pans' p95 (one with BENCH_QUICK=1). */
async function pans(page: Page, pane: string): Promise<number> {
  const values: number[] = [];
  for (let i = 0; i < (QUICK ? 1 : 3); i += 1) values.push(await panFrameP95(page, pane));
  return median(values);
}

/** The flow's viewport and pane size, and how many nodes are at least partly in view. */
async function flowView(page: Page, flow: string) {
  return page.evaluate((selector) => {
    const root = document.querySelector(selector);
    const viewport = root?.querySelector<HTMLElement>('.react-flow__viewport');
    const pane = root?.querySelector('.react-flow__pane')?.getBoundingClientRect();
    const match = /translate\((-?[\d.]+)px, (-?[\d.]+)px\) scale\(([\d.]+)\)/.exec(viewport?.style.transform ?? '');
    if (!root || !pane || !match) throw new Error(`no React Flow viewport in ${selector}`);
    const inView = [...root.querySelectorAll('.react-flow__node')].filter((n) => {
      const r = n.getBoundingClientRect();
      return r.right > pane.left && r.left < pane.right && r.bottom > pane.top && r.top < pane.bottom;
    }).length;
    const [, x = '0', y = '0', zoom = '1'] = match;
    return {
      x: Number(x),
      y: Number(y),
      zoom: Number(zoom),
      w: Math.round(pane.width),
      h: Math.round(pane.height),
      inView,
    };
  }, flow);
}

/** Opens the app with a postmortem whose why graph has `count` nodes. */
async function openLargeGraph(page: Page, count: number): Promise<void> {
  await page.goto(`${base}/app/`);
  await page.getByRole('heading', { name: 'No postmortems yet' }).waitFor();
  const doc = {
    ...createPostmortem('bench-whys', '2026-03-18T10:00:00.000Z'),
    title: `Graph ${count}`,
    whys: benchWhyTree(count),
  };
  await page.evaluate(
    (value) =>
      new Promise<void>((resolve, reject) => {
        // No version: the app has already opened (and upgraded) its database by now.
        const request = indexedDB.open('postmortem-studio');
        request.onsuccess = () => {
          const tx = request.result.transaction('documents', 'readwrite');
          tx.objectStore('documents').put(value, value.id);
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        };
        request.onerror = () => reject(request.error);
      }),
    doc,
  );
  await page.reload();
  await page.getByRole('button', { name: `Graph ${count}`, exact: true }).click();
  // Large graphs render only the whys in view; the minimap shows once the graph is drawn.
  await page.getByRole('img', { name: /Minimap of the whole graph/ }).waitFor();
  await page.locator('.why-node').first().waitFor();
}

/**
 * Tab on the selected node, to the first frame after the new node is in the DOM. A new
 * why opens with its editor (Escape closes it before the next Tab), so the new node is
 * the one with an editor: counting nodes no longer works, as large graphs render only
 * the nodes in view and bringing the new one into view can mount others.
 */
async function addChildToPaint(page: Page): Promise<number> {
  const canvas = page.getByRole('application', { name: /Five whys graph/ });
  await canvas.focus();
  const samples: number[] = [];
  for (let i = 0; i < (QUICK ? 3 : 7); i += 1) {
    await page.evaluate(() => {
      const w = window as unknown as { __added: Promise<number> };
      w.__added = new Promise((resolve) => {
        let start = 0;
        window.addEventListener('keydown', () => (start = performance.now()), { capture: true, once: true });
        const observer = new MutationObserver(() => {
          if (document.querySelector('.why-node .why-editor')) {
            observer.disconnect();
            requestAnimationFrame(() => resolve(performance.now() - start));
          }
        });
        observer.observe(document.body, { childList: true, subtree: true });
      });
    });
    await page.keyboard.press('Tab');
    samples.push(await page.evaluate(() => (window as unknown as { __added: Promise<number> }).__added));
    await page.keyboard.press('Escape');
    await page.keyboard.press('ArrowUp');
  }
  return median(samples);
}

test('why graph: layout, add child to paint, panning frame time vs bare React Flow', async () => {
  const results: BenchResult[] = [];
  for (const size of SIZES) {
    const whys = benchWhyTree(size);
    results.push(
      result(
        `whys.layout.${size}`,
        timeIt(() => layoutWhys(whys, 'TB'), 9, 2),
        'ms',
        null,
        null,
      ),
    );
  }
  const executablePath = findChromium();
  const browser = await chromium.launch({ args: CHROMIUM_FLAGS, ...(executablePath ? { executablePath } : {}) });
  try {
    for (const size of (process.env['BENCH_WHYS_SIZES'] ?? (QUICK ? '500' : '500,1000')).split(',').map(Number)) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce' });
      const page = await context.newPage();
      await openLargeGraph(page, size);
      const addChild = await addChildToPaint(page);
      await page.locator('.why-canvas').scrollIntoViewIfNeeded();
      const view = await flowView(page, '.why-canvas .react-flow');
      const appPan = await pans(page, '.why-canvas .react-flow__pane');
      const bare = await context.newPage();
      // The app's pane size and viewport, so the baseline pans over the same nodes.
      const { inView, ...geometry } = view;
      const query = new URLSearchParams({ nodes: String(size) });
      for (const [key, value] of Object.entries(geometry)) query.set(key, String(value));
      await bare.goto(`${base}/bare/?${query}`);
      await bare.locator('.react-flow__node').nth(size).waitFor();
      const bareView = await flowView(bare, '.react-flow');
      console.log(
        `${size} whys: app pans ${inView} nodes in view, bare ${bareView.inView} (${JSON.stringify(geometry)})`,
      );
      const barePan = await pans(bare, '.react-flow__pane');
      results.push(result(`whys.addChildToPaint.${size}`, addChild, 'ms', 50, null));
      results.push(result(`whys.panFrameP95.${size}`, appPan, 'ms', 20, barePan));
      results.push({ ...result(`whys.panFrameRatioVsBare.${size}`, appPan / barePan, 'x', 1.25, null) });
      await context.close();
    }
  } finally {
    await browser.close();
  }
  record(results, {});
}, 900_000);
