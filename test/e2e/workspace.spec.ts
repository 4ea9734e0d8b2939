import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { createPostmortem, toLibraryRow, updateHeader } from '../../shared/documents';

test('the workspace folder setting says it needs the desktop app, and closes with Esc', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'No postmortems yet' })).toBeVisible();
  const entry = page.getByRole('button', { name: 'Workspace folder…' });
  await entry.focus();
  await page.keyboard.press('Enter');

  const dialog = page.getByRole('dialog', { name: 'Keep the library in a folder' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('note')).toHaveText(/needs the desktop app/);
  // Nothing offered here that a browser cannot do.
  await expect(dialog.getByRole('button', { name: /Choose/ })).toHaveCount(0);
  await expect(dialog.getByRole('button', { name: 'Close' })).toBeFocused();

  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  // The library is still usable afterwards.
  await page.getByRole('button', { name: 'Start your first postmortem' }).click();
  await expect(page.getByLabel('Title')).toBeFocused();
});

/** Serious and critical axe findings inside the open dialog. */
async function dialogViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .include('dialog[open]')
    .analyze();
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
}

/**
 * The desktop bridge, faked in the page: the real renderer build then shows the desktop
 * workspace UI, and the test plays main's part (folder chosen, conflicts reported).
 */
function fakeDesktopBridge(library: { doc: Record<string, unknown>; row: unknown } | null) {
  type Status = {
    available: boolean;
    folder: string | null;
    problems: { file: string; message: string }[];
    conflicts: { id: string; title: string; file: string }[];
    error: string | null;
  };
  let status: Status = { available: true, folder: null, problems: [], conflicts: [], error: null };
  const listeners = new Set<(event: { changed: string[]; status: Status }) => void>();
  const calls: unknown[][] = [];
  const done = async () => undefined;
  const fake = {
    kind: 'electron',
    listDocuments: async () => ({ rows: library ? [library.row] : [], trash: [], notices: [] }),
    loadDocument: async () => {
      if (!library) throw new Error('not in this test');
      calls.push(['load']);
      return { doc: library.doc, notice: null };
    },
    saveDocument: async (doc: Record<string, unknown>) => {
      calls.push(['save', doc['title']]);
      return { savedAt: new Date().toISOString() };
    },
    trashDocument: done,
    restoreDocument: done,
    purgeDocument: done,
    exportFile: async () => ({ saved: false, location: null }),
    exportImage: async () => ({ saved: false, location: null }),
    openTextFile: async () => null,
    loadPromptSettings: async () => ({ disabledCategories: [], customRules: [] }),
    savePromptSettings: done,
    loadAgendas: async () => [],
    saveAgendas: done,
    openConsoleWindow: done,
    meetingChannel: () => ({ post: () => undefined, subscribe: () => () => undefined, close: () => undefined }),
    workspaceStatus: async () => status,
    chooseWorkspaceFolder: async () => {
      calls.push(['choose']);
      status = {
        ...status,
        folder: '/home/team/postmortems',
        problems: [{ file: 'notes.txt', message: 'Not a postmortem file; left alone.' }],
      };
      return status;
    },
    stopWorkspaceFolder: async () => (status = { ...status, folder: null, problems: [] }),
    rescanWorkspace: async () => status,
    resolveWorkspaceConflict: async (id: string, keep: string) => {
      calls.push(['resolve', id, keep]);
      status = { ...status, conflicts: status.conflicts.filter((c) => c.id !== id) };
      return status;
    },
    onWorkspaceEvent: (listener: (event: { changed: string[]; status: Status }) => void) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    onCommand: () => () => undefined,
    readyToClose: () => undefined,
  };
  const w = window as unknown as Record<string, unknown>;
  w['postmortemStudio'] = fake;
  w['workspaceCalls'] = calls;
  /** What main sends after taking in a newer folder version of the postmortem. */
  w['pullTitle'] = (title: string) => {
    if (!library) return;
    library.doc = { ...library.doc, title };
    for (const listener of listeners) listener({ changed: [String(library.doc['id'])], status });
  };
  /** What main sends after a sync pass found a conflict. */
  w['reportConflict'] = (id: string, title: string) => {
    status = { ...status, conflicts: [...status.conflicts, { id, title, file: `2026-03-18-${id}.json` }] };
    for (const listener of listeners) listener({ changed: [], status });
  };
}

test('on the desktop: choose a folder, see files it does not use, and settle a conflict by keyboard', async ({
  page,
}) => {
  await page.addInitScript(fakeDesktopBridge, null);
  await page.goto('/');
  await page.getByRole('button', { name: 'Workspace folder…' }).focus();
  await page.keyboard.press('Enter');
  const settings = page.getByRole('dialog', { name: 'Keep the library in a folder' });
  await expect(settings).toContainText('No folder chosen');
  await settings.getByRole('button', { name: 'Choose folder…' }).focus();
  await page.keyboard.press('Enter');
  await expect(settings).toContainText('/home/team/postmortems');
  await expect(settings.getByRole('listitem').filter({ hasText: 'notes.txt' })).toContainText('left alone');
  expect(await dialogViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(settings).toBeHidden();

  // Main reports a postmortem changed both here and in the folder: the person is asked.
  await page.evaluate(() =>
    (window as unknown as { reportConflict: (id: string, t: string) => void }).reportConflict('pm-1', 'DNS outage'),
  );
  const prompt = page.getByRole('dialog', { name: '“DNS outage” was changed in two places' });
  await expect(prompt).toBeVisible();
  await expect(prompt).toContainText('2026-03-18-pm-1.json');
  expect(await dialogViolations(page)).toEqual([]);
  await expect(prompt.getByRole('button', { name: 'Keep my version' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(prompt.getByRole('button', { name: 'Keep the folder’s version' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(prompt).toBeHidden();

  // "Decide later" (Esc) leaves it listed in the settings, where it can still be settled.
  await page.evaluate(() =>
    (window as unknown as { reportConflict: (id: string, t: string) => void }).reportConflict('pm-2', 'Queue backlog'),
  );
  const second = page.getByRole('dialog', { name: /Queue backlog/ });
  await expect(second).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(second).toBeHidden();
  await page.getByRole('button', { name: 'Workspace folder…' }).click();
  const group = settings.getByRole('group', { name: 'Version of Queue backlog to keep' });
  await group.getByRole('button', { name: 'Keep my version' }).click();
  await expect(group).toBeHidden();
  expect(await page.evaluate(() => (window as unknown as { workspaceCalls: unknown[][] }).workspaceCalls)).toEqual([
    ['choose'],
    ['resolve', 'pm-1', 'folder'],
    ['resolve', 'pm-2', 'app'],
  ]);
});

test('on the desktop: the open postmortem reloads when the folder brings a newer version, unless it has unsaved typing', async ({
  page,
}) => {
  const doc = updateHeader(createPostmortem('pm-1', '2026-03-18T10:00:00.000Z'), { title: 'Before the pull' });
  await page.addInitScript(fakeDesktopBridge, { doc, row: toLibraryRow(doc) });
  await page.goto('/');
  await page.getByRole('button', { name: 'Before the pull', exact: true }).click();
  const title = page.getByLabel('Title');
  await expect(title).toHaveValue('Before the pull');

  const pull = (text: string) =>
    page.evaluate((t) => (window as unknown as { pullTitle: (t: string) => void }).pullTitle(t), text);
  await pull('After the pull');
  await expect(title).toHaveValue('After the pull');

  const calls = () => page.evaluate(() => (window as unknown as { workspaceCalls: unknown[][] }).workspaceCalls);
  const loads = async () => (await calls()).filter(([name]) => name === 'load').length;
  const loadsAfterReload = await loads();

  // Typing not yet saved is saved at once (main then reports the conflict) rather than thrown away.
  await title.focus();
  await page.keyboard.press('End');
  await page.keyboard.type('!');
  await pull('A third version');
  await expect.poll(calls).toContainEqual(['save', 'After the pull!']);
  await expect(title).toHaveValue('After the pull!');
  expect(await loads()).toBe(loadsAfterReload);
});
