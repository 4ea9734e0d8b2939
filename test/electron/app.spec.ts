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

/** The folder dialog is native; the test answers it in main, as the person would. */
async function answerFolderDialog(app: ElectronApplication, folder: string): Promise<void> {
  await app.evaluate(({ dialog }, chosen) => {
    dialog.showOpenDialog = (async () => ({ canceled: false, filePaths: [chosen] })) as typeof dialog.showOpenDialog;
  }, folder);
}

const postmortemFiles = (folder: string) =>
  fs.readdirSync(folder).filter((name) => name.endsWith('.json') && !name.includes('.conflict-'));

test('the workspace folder gets every postmortem, an edit made there shows in the open window, and a conflict asks', async () => {
  const dataDir = freshDataDir();
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'pm-studio-workspace-'));
  let app = await launch(dataDir);
  let page = await app.firstWindow();
  await page.getByRole('button', { name: 'Start your first postmortem' }).click();
  await page.keyboard.type('Kept in a folder');
  await expect(page.getByTestId('save-state')).toHaveText(/Saved/);
  await page.keyboard.press('Control+Shift+L');

  await answerFolderDialog(app, folder);
  await page.getByRole('button', { name: 'Workspace folder…' }).click();
  const settings = page.getByRole('dialog', { name: 'Keep the library in a folder' });
  await settings.getByRole('button', { name: 'Choose folder…' }).click();
  await expect(settings).toContainText(folder);
  await page.keyboard.press('Escape');
  await expect.poll(() => postmortemFiles(folder)).toEqual(['undated-kept-in-a-folder.json']);
  expect(fs.existsSync(path.join(folder, 'undated-kept-in-a-folder.md'))).toBe(true);
  const jsonFile = path.join(folder, 'undated-kept-in-a-folder.json');

  // A teammate's change arrives (a git pull) while the postmortem is open with no pending edits.
  await page
    .getByRole('row', { name: /Kept in a folder/ })
    .getByRole('button', { name: 'Kept in a folder', exact: true })
    .click();
  await expect(page.getByLabel('Title')).toHaveValue('Kept in a folder');
  const pulled = JSON.parse(fs.readFileSync(jsonFile, 'utf8')) as Record<string, unknown>;
  fs.writeFileSync(jsonFile, JSON.stringify({ ...pulled, title: 'Renamed by a teammate' }, null, 2));
  await page.evaluate(() => window.postmortemStudio?.rescanWorkspace());
  await expect(page.getByLabel('Title')).toHaveValue('Renamed by a teammate', { timeout: 15_000 });
  await app.close();

  // Both sides change while the app is closed: on the next start the person chooses.
  const appFile = path.join(dataDir, 'postmortems', fs.readdirSync(path.join(dataDir, 'postmortems'))[0] ?? '');
  const appCopy = JSON.parse(fs.readFileSync(appFile, 'utf8')) as Record<string, unknown>;
  fs.writeFileSync(appFile, JSON.stringify({ ...appCopy, title: 'My version' }));
  const folderCopy = JSON.parse(fs.readFileSync(jsonFile, 'utf8')) as Record<string, unknown>;
  fs.writeFileSync(jsonFile, JSON.stringify({ ...folderCopy, title: 'Their version' }, null, 2));

  app = await launch(dataDir);
  page = await app.firstWindow();
  const prompt = page.getByRole('dialog', { name: /changed in two places/ });
  await expect(prompt).toBeVisible();
  await prompt.getByRole('button', { name: 'Keep my version' }).click();
  await expect(prompt).toBeHidden();
  expect((JSON.parse(fs.readFileSync(jsonFile, 'utf8')) as { title: string }).title).toBe('My version');
  const copies = fs.readdirSync(folder).filter((name) => name.includes('.conflict-') && name.endsWith('.json'));
  expect(copies).toHaveLength(1);
  expect((JSON.parse(fs.readFileSync(path.join(folder, copies[0] ?? ''), 'utf8')) as { title: string }).title).toBe(
    'Their version',
  );
  await app.close();
});
