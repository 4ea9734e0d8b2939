import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, test } from 'vitest';
import type { Browser } from '@playwright/test';
import { buildForBench, installTypingProbe, launchChromium, scrollToTimelineRow, seedDocuments, serve, takeTypingSamples, typeKeys } from './browserBench';
import { largeDocumentOfSize } from './largeDocument';

let base = '';
let browser: Browser;
let server: import('node:http').Server;
const out = path.resolve('out/prof-renderer');
beforeAll(async () => {
  if (!process.env.ZZ_NOBUILD) buildForBench(['renderer/vite.config.ts'], ['--minify', 'false', '--outDir', out]);
  ({ server, base } = await serve({ app: out }));
  browser = await launchChromium();
}, 600_000);
afterAll(async () => { await browser.close(); server.close(); });

test('profile typing while saving', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce' });
  const page = await context.newPage();
  const doc = largeDocumentOfSize(2 * 2 ** 20);
  await seedDocuments(page, base, [doc]);
  await page.goto(`${base}/app/`);
  await page.getByRole('button', { name: doc.title, exact: true }).click();
  await page.getByRole('textbox', { name: 'Event 1', exact: true }).waitFor();
  await page.waitForTimeout(3000);
  await installTypingProbe(page);
  await scrollToTimelineRow(page, 250);
  await page.getByRole('textbox', { name: 'Event 250', exact: true }).click();
  await page.keyboard.press('End');
  await takeTypingSamples(page);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  await typeKeys(page, 'the queue backed up as the consumers restarted the queue backed up');
  const { profile } = await cdp.send('Profiler.stop');
  fs.writeFileSync('/tmp/prof.cpuprofile', JSON.stringify(profile));
  const t = await takeTypingSamples(page);
  console.log('keys', t.samples.map((s) => `${Math.round(s.at)}:${s.ms.toFixed(0)}`).join(' '));
  await context.close();
}, 600_000);
