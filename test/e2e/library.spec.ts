import { expect, test, type Page } from '@playwright/test';
import { createPostmortem } from '../../shared/documents';
import { blankActionItem } from '../../shared/edits';
import type { Postmortem } from '../../shared/model';
import { seedDocuments } from './seedDocuments';

const saved = (page: Page) => expect(page.getByTestId('save-state')).toHaveText(/Saved/);

/** Presses Tab until the labelled field has focus, as a person does (date fields have extra stops). */
async function tabTo(page: Page, label: string) {
  const target = page.getByLabel(label, { exact: true });
  for (let i = 0; i < 5; i += 1) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error(`Tab never reached ${label}`);
}

/** Starts one from the empty library's button: the dialog takes the title, Enter creates, the title keeps the focus. */
async function newPostmortemFromEmptyLibrary(page: Page, title: string) {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'No postmortems yet' })).toBeVisible();
  await page.getByRole('button', { name: 'Start your first postmortem' }).click();
  await expect(page.getByRole('dialog', { name: 'New postmortem' }).getByLabel('Title')).toBeFocused();
  await page.keyboard.type(title);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByLabel('Title')).toBeFocused();
}

test('create a postmortem, fill the header by keyboard, reload, and find it unchanged', async ({ page }) => {
  await newPostmortemFromEmptyLibrary(page, 'Checkout API returned 500s');
  await tabTo(page, 'Incident date');
  await page.keyboard.type('03182026'); // mm/dd/yyyy segments in an en-US browser
  await tabTo(page, 'Severity');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp'); // SEV-3 -> SEV-1
  await tabTo(page, 'Status');
  await page.keyboard.press('ArrowDown'); // Draft -> In Review
  await tabTo(page, 'Incident commander');
  await page.keyboard.type('Priya Natarajan');
  await tabTo(page, 'Authors');
  await page.keyboard.type('Tom Berg, Ana Silva');
  await tabTo(page, 'Review date');
  await page.keyboard.type('03242026');
  await expect(page.getByText('Full postmortem required')).toBeVisible();
  await saved(page);

  await page.reload();
  const row = page.getByRole('row', { name: /Checkout API returned 500s/ });
  await expect(row).toContainText('2026-03-18');
  await expect(row).toContainText('SEV-1');
  await expect(row).toContainText('In Review');
  await expect(row).toContainText('just now');

  await row.getByRole('button', { name: 'Checkout API returned 500s', exact: true }).click();
  await expect(page.getByLabel('Title')).toHaveValue('Checkout API returned 500s');
  await expect(page.getByLabel('Incident date')).toHaveValue('2026-03-18');
  await expect(page.getByLabel('Severity')).toHaveValue('SEV-1');
  await expect(page.getByLabel('Status')).toHaveValue('In Review');
  await expect(page.getByLabel('Incident commander')).toHaveValue('Priya Natarajan');
  await expect(page.getByLabel('Authors')).toHaveValue('Tom Berg, Ana Silva');
  await expect(page.getByLabel('Review date')).toHaveValue('2026-03-24');
});

test('delete goes to the trash with undo, and a trashed postmortem can be restored', async ({ page }) => {
  await newPostmortemFromEmptyLibrary(page, 'Queue backlog');
  await saved(page);
  await page.getByRole('button', { name: '← Library' }).click();

  await page.getByRole('button', { name: 'Delete Queue backlog' }).click();
  await expect(page.getByRole('row', { name: /Queue backlog/ })).toHaveCount(0);
  await expect(page.getByText('“Queue backlog” was moved to the trash.')).toBeVisible();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('row', { name: /Queue backlog/ })).toBeVisible();

  await page.getByRole('button', { name: 'Delete Queue backlog' }).click();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'No postmortems yet' })).toBeVisible();
  await page.getByRole('button', { name: 'Show trash (1)' }).click();
  await page.getByRole('button', { name: 'Restore' }).click();
  await expect(page.getByRole('row', { name: /Queue backlog/ })).toBeVisible();

  await page.getByRole('button', { name: 'Delete Queue backlog' }).click();
  await expect(page.getByRole('button', { name: 'Hide trash (1)' })).toBeVisible();
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: 'Delete for good' }).click();
  await expect(page.getByRole('button', { name: /Show trash/ })).toHaveCount(0);
});

test('keyboard: N starts a postmortem, Ctrl+Shift+L returns to the library, duplicate makes a copy', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'No postmortems yet' })).toBeVisible();
  await page.keyboard.press('n');
  await expect(page.getByLabel('Title')).toBeFocused();
  await page.keyboard.type('Cache stampede');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Control+Shift+L');
  await expect(page.getByRole('row', { name: /Cache stampede/ })).toBeVisible();
  await page.getByRole('button', { name: 'Duplicate Cache stampede' }).click();
  await expect(page.getByRole('row', { name: /Cache stampede \(copy\)/ })).toBeVisible();
  await expect(page.getByRole('row')).toHaveCount(3); // header + 2
});

test('Ctrl+Shift+L pressed while the editor is still loading goes to the library and keeps the new postmortem', async ({
  page,
}) => {
  // A slow disk or network: the editor's code arrives well after the person has moved on.
  let release: () => void = () => undefined;
  const editorHeldBack = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/assets/DocumentScreen-*.js', async (route) => {
    await editorHeldBack;
    await route.continue();
  });
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'No postmortems yet' })).toBeVisible();
  await page.keyboard.press('n');
  await page.keyboard.type('Cache stampede');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Control+Shift+L');
  release();
  await expect(page.getByRole('row', { name: /Cache stampede/ })).toBeVisible();
  // The row is listed once the late editor has arrived and the postmortem is saved: the
  // page did not go back to the document.
  await expect(page.getByRole('heading', { name: 'Postmortem Studio', level: 1 })).toBeVisible();
  await expect(page.getByLabel('Title')).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('row', { name: /Cache stampede/ })).toBeVisible();
});

test('when the editor cannot be loaded, a new postmortem is still saved and opens once the editor can load', async ({
  page,
}) => {
  await page.route('**/assets/DocumentScreen-*.js', (route) => route.abort('connectionfailed'));
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'No postmortems yet' })).toBeVisible();
  await page.keyboard.press('n');
  await page.keyboard.type('Cache stampede');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert')).toContainText('The editor could not be loaded');
  await expect(page.getByRole('alert')).toContainText('Nothing was lost');
  await page.unroute('**/assets/DocumentScreen-*.js');
  await page.getByRole('button', { name: 'Back to the library' }).click();
  await page
    .getByRole('button', { name: /Cache stampede/ })
    .first()
    .click();
  await expect(page.getByLabel('Title')).toHaveValue('Cache stampede');
});

test('undo and redo a header change made outside a text field', async ({ page }) => {
  await newPostmortemFromEmptyLibrary(page, 'Disk full');
  await page.getByLabel('Severity').focus();
  await page.keyboard.press('ArrowUp'); // SEV-2
  await expect(page.getByLabel('Severity')).toHaveValue('SEV-2');
  await page.keyboard.press('Control+z');
  await expect(page.getByLabel('Severity')).toHaveValue('SEV-3');
  await page.keyboard.press('Control+Shift+z');
  await expect(page.getByLabel('Severity')).toHaveValue('SEV-2');
  await saved(page);
  await page.reload();
  await expect(page.getByRole('row', { name: /Disk full/ })).toContainText('SEV-2');
});

/** Counts, per document id, how often the page read a stored document (get, getAll, cursors). */
function countDocumentReads(): void {
  const w = window as unknown as { __reads: Record<string, number> };
  w.__reads = {};
  const note = (ids: unknown[]) => ids.forEach((id) => (w.__reads[String(id)] = (w.__reads[String(id)] ?? 0) + 1));
  const proto = IDBObjectStore.prototype;
  const { get, getAll, openCursor } = proto;
  proto.get = function (this: IDBObjectStore, query: IDBValidKey | IDBKeyRange) {
    const request = get.call(this, query);
    if (this.name === 'documents') request.addEventListener('success', () => request.result && note([query]));
    return request;
  };
  proto.getAll = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['getAll']>) {
    const request = getAll.apply(this, args);
    if (this.name === 'documents')
      request.addEventListener('success', () => note(request.result.map((doc: { id: string }) => doc.id)));
    return request;
  };
  proto.openCursor = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['openCursor']>) {
    const request = openCursor.apply(this, args);
    if (this.name === 'documents')
      request.addEventListener('success', () => request.result && note([request.result.primaryKey]));
    return request;
  };
}

test('the library opens with its rows and overdue badge reading each postmortem at most once, and then none', async ({
  page,
}) => {
  const overdue = (id: string, title: string, priority: 'P1' | 'P3'): Postmortem => ({
    ...createPostmortem(id, '2026-03-18T10:00:00.000Z', { title }),
    actionItems: [blankActionItem(`${id}-a`, 1, { description: 'Add a canary', priority, dueDate: '2026-01-05' })],
  });
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'No postmortems yet' })).toBeVisible();
  await seedDocuments(page, [overdue('pm-a', 'Checkout outage', 'P1'), overdue('pm-b', 'Queue backlog', 'P3')]);

  await page.addInitScript(countDocumentReads);
  await page.reload();
  await expect(page.getByRole('button', { name: 'Checkout outage', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Queue backlog', exact: true })).toBeVisible();
  // Only the P1 item counts: P3 items are not urgent however late.
  await expect(page.getByRole('button', { name: /Action items/ })).toContainText('1 P0/P1 overdue');
  await page.waitForTimeout(500); // anything else reading at start has had its chance
  expect(await page.evaluate(() => (window as unknown as { __reads: Record<string, number> }).__reads)).toEqual({
    'pm-a': 1,
    'pm-b': 1,
  });

  // Their rows are in the library's index now: the next start reads no document at all.
  await page.reload();
  await expect(page.getByRole('button', { name: 'Queue backlog', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: /Action items/ })).toContainText('1 P0/P1 overdue');
  await page.waitForTimeout(500);
  expect(await page.evaluate(() => (window as unknown as { __reads: Record<string, number> }).__reads)).toEqual({});

  // The editor, loaded apart from the library, still opens the postmortem.
  await page.getByRole('button', { name: 'Checkout outage', exact: true }).click();
  await expect(page.getByLabel('Title')).toHaveValue('Checkout outage');
});
