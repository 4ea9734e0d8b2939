import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import { findElectronBinary } from './electronBinary';

const binary = findElectronBinary();
const mainScript = path.resolve('out/main/index.js');

test.skip('missing' in binary, 'missing' in binary ? `Electron suite skipped: ${binary.missing}.` : '');

/** Each test gets its own data folder, like a fresh install. */
function launch(dataDir: string): Promise<ElectronApplication> {
  if (!('path' in binary)) throw new Error('unreachable: the suite is skipped without a binary');
  return electron.launch({
    executablePath: binary.path,
    args: [mainScript, ...(process.platform === 'linux' ? ['--no-sandbox'] : [])],
    env: { ...process.env, POSTMORTEM_STUDIO_DATA_DIR: dataDir },
  });
}

const freshDataDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'pm-studio-electron-'));

test('the window is isolated from Node, and the page sees only the Platform API', async () => {
  const app = await launch(freshDataDir());
  const page = await app.firstWindow();
  // Isolation and no Node integration: the page has neither Node's globals nor Electron's.
  expect(await page.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');
  expect(await page.evaluate(() => typeof (globalThis as { Buffer?: unknown }).Buffer)).toBe('undefined');
  expect(await page.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
  expect(await page.evaluate(() => Object.keys(window.postmortemStudio ?? {}).sort())).toContain('saveDocument');
  expect(await page.evaluate(() => 'ipcRenderer' in window)).toBe(false);
  expect(await page.evaluate(() => window.open('https://example.com/'))).toBeNull();
  await app.close();
});

test('a postmortem typed in the window is on disk after closing, and reopens', async () => {
  const dataDir = freshDataDir();
  let app = await launch(dataDir);
  let page = await app.firstWindow();
  await page.getByRole('button', { name: 'Start your first postmortem' }).click();
  await page.keyboard.type('Electron');
  await page.keyboard.press('Enter'); // create, from the New postmortem dialog
  await page.keyboard.type(' round trip');
  // Close right after the last keystroke: the window must flush the autosave first.
  await app.close();
  const files = fs.readdirSync(path.join(dataDir, 'postmortems'));
  const stored = JSON.parse(fs.readFileSync(path.join(dataDir, 'postmortems', files[0] ?? ''), 'utf8')) as {
    title: string;
  };
  expect(stored.title).toBe('Electron round trip');

  app = await launch(dataDir);
  page = await app.firstWindow();
  await expect(page.getByRole('row', { name: /Electron round trip/ })).toBeVisible();
  await app.close();
});

test('the facilitator console opens as its own isolated window and drives the meeting with the editor', async () => {
  const app = await launch(freshDataDir());
  const page = await app.firstWindow();
  const strip = (p: typeof page) => p.getByLabel('Meeting', { exact: true });
  await page.getByRole('button', { name: 'Start your first postmortem' }).click();
  await page.keyboard.type('Two screens on the desktop');
  await page.keyboard.press('Enter'); // create, from the New postmortem dialog
  await strip(page).getByRole('button', { name: 'Start the meeting' }).click();
  await page.keyboard.press('Control+Shift+M');
  const opened = app.waitForEvent('window');
  await page.getByRole('button', { name: 'Open in its own window' }).click();
  const consoleWindow = await opened;
  await expect(strip(consoleWindow)).toContainText('Context setting');
  // A second BrowserWindow with the same isolation as the first.
  expect(await consoleWindow.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');
  expect(await consoleWindow.title()).toContain('Facilitator console');

  await strip(consoleWindow).getByRole('button', { name: /Next/ }).click();
  await expect(strip(page)).toContainText('Timeline walkthrough');
  await strip(page).getByRole('button', { name: /Next/ }).click();
  await expect(strip(consoleWindow)).toContainText('Root cause analysis');

  // Asking again focuses the open console rather than opening a second one.
  await page.getByRole('button', { name: 'Open in its own window' }).click();
  await expect.poll(() => app.windows().length).toBe(2);
  await app.close();
});
