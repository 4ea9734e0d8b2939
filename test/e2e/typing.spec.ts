// Fields hold what is typed and put it into the document when typing pauses: nothing
// typed may be lost on the way, whatever comes right after the last key.
import { expect, test, type Page } from '@playwright/test';

const saved = (page: Page) => expect(page.getByTestId('save-state')).toHaveText(/Saved/);

async function newPostmortem(page: Page, title: string) {
  await page.goto('/');
  await page.keyboard.press('n');
  await page.keyboard.type(title);
  await page.keyboard.press('Enter'); // create, from the New postmortem dialog
  await saved(page);
}

async function open(page: Page, title: string) {
  await page.getByRole('button', { name: title, exact: true }).click();
  await expect(page.getByRole('textbox', { name: 'Title' })).toHaveValue(title);
}

const EVENT = 'Deploy v412 started; the error rate climbed within a minute';
const ANSWER = 'The migration locked the orders table';

test('what is typed is saved with the caret still in the field: a reload then shows every character', async ({
  page,
}) => {
  // Documents the page itself puts into IndexedDB (the document writer's worker puts are not the page's).
  await page.addInitScript(() => {
    const w = window as unknown as { __pagePuts: number };
    w.__pagePuts = 0;
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (this.name === 'documents') w.__pagePuts += 1;
      return put.apply(this, args);
    };
  });
  await newPostmortem(page, 'Orders outage');
  await page.getByRole('button', { name: 'Add event' }).click();
  await saved(page);
  await page.getByRole('textbox', { name: 'Event 1', exact: true }).focus();
  await page.keyboard.type(EVENT);
  // Unsaved from the first key until the autosave has written the text; nobody left the field.
  await expect(page.getByTestId('save-state')).toHaveText(/Saving/);
  await saved(page);
  await expect(page.getByRole('textbox', { name: 'Event 1', exact: true })).toBeFocused();
  // Written from the worker: the page never copied the document for IndexedDB while typing.
  expect(await page.evaluate(() => (window as unknown as { __pagePuts: number }).__pagePuts)).toBe(0);
  await page.reload();
  await open(page, 'Orders outage');
  await expect(page.getByRole('textbox', { name: 'Event 1', exact: true })).toHaveValue(EVENT);

  const graph = page.getByRole('application', { name: /Five whys graph/ });
  await graph.focus();
  await page.keyboard.press('Tab'); // a why under the symptom, editing its answer
  await saved(page);
  await page.keyboard.type(ANSWER);
  await expect(page.getByTestId('save-state')).toHaveText(/Saving/);
  await saved(page);
  await expect(page.locator('.why-node textarea[data-prompt-field$=":answer"]')).toBeFocused();
  await page.reload();
  await open(page, 'Orders outage');
  await expect(page.locator('.why-node').filter({ hasText: ANSWER })).toHaveCount(1);
});

test('keys typed just before leaving for the library are saved, and a why answer shows in the graph at once', async ({
  page,
}) => {
  await newPostmortem(page, 'Queue backlog');
  await page.getByRole('button', { name: 'Add event' }).click();
  await page.getByRole('textbox', { name: 'Event 1', exact: true }).focus();
  await page.keyboard.type(EVENT);
  await page.keyboard.press('Control+Shift+L');
  await expect(page.getByRole('button', { name: 'Queue backlog', exact: true })).toBeVisible();
  await open(page, 'Queue backlog');
  await expect(page.getByRole('textbox', { name: 'Event 1', exact: true })).toHaveValue(EVENT);

  // Closing the why editor right after typing: the node shows the whole answer.
  const graph = page.getByRole('application', { name: /Five whys graph/ });
  await graph.focus();
  await page.keyboard.press('Tab');
  await page.keyboard.type(ANSWER);
  await page.keyboard.press('Escape');
  await expect(page.locator('.why-node').filter({ hasText: ANSWER })).toHaveCount(1);
  // Leaving with the why editor still open and typing in it.
  await page.keyboard.press('Enter'); // the selected why: a sibling, editing its answer
  await page.keyboard.type(EVENT);
  await page.keyboard.press('Control+Shift+L');
  await open(page, 'Queue backlog');
  await expect(page.locator('.why-node').filter({ hasText: ANSWER })).toHaveCount(1);
  await expect(page.locator('.why-node').filter({ hasText: EVENT })).toHaveCount(1);
});

test('undo outside the field takes back a whole burst of typing in one step, and redo brings it back', async ({
  page,
}) => {
  await newPostmortem(page, 'Cache stampede');
  await page.getByRole('button', { name: 'Add event' }).click();
  const field = page.getByRole('textbox', { name: 'Event 1', exact: true });
  await field.focus();
  await page.keyboard.type('Cache expired');
  await page.keyboard.press('Tab'); // to the kind of the event: out of the text field
  await saved(page);
  // A pause longer than a typing burst, then a second burst in the same field.
  await page.waitForTimeout(1200);
  await field.focus();
  await page.keyboard.press('End');
  await page.keyboard.type(' for every key at once');
  await page.keyboard.press('Tab');
  const kind = page.getByRole('combobox', { name: 'Kind of event 1' });
  await expect(kind).toBeFocused();

  await page.keyboard.press('Control+z');
  await expect(field).toHaveValue('Cache expired');
  await page.keyboard.press('Control+z');
  await expect(field).toHaveValue('');
  await page.keyboard.press('Control+Shift+z');
  await expect(field).toHaveValue('Cache expired');
  await page.keyboard.press('Control+Shift+z');
  await expect(field).toHaveValue('Cache expired for every key at once');
  // The field goes on from the restored text.
  await field.focus();
  await page.keyboard.press('End');
  await page.keyboard.type('.');
  await page.keyboard.press('Tab');
  await expect(field).toHaveValue('Cache expired for every key at once.');
  await saved(page);
  await page.reload();
  await open(page, 'Cache stampede');
  await expect(field).toHaveValue('Cache expired for every key at once.');
});

test('a field grows and shrinks with its text as it is typed, and what is below moves with it', async ({ page }) => {
  await newPostmortem(page, 'Cache stampede');
  await page.getByRole('button', { name: 'Add event' }).click();
  await page.getByRole('button', { name: 'Add event' }).click();
  const first = page.getByRole('textbox', { name: 'Event 1', exact: true });
  const second = page.getByRole('textbox', { name: 'Event 2', exact: true });
  const height = async () => (await first.boundingBox())!.height;
  // The field's full text is in view (not scrolled inside it) and the next row starts below it.
  const laidOut = async () => {
    const [a, b] = [(await first.boundingBox())!, (await second.boundingBox())!];
    return { scrolled: await first.evaluate((el) => el.scrollTop), below: b.y >= a.y + a.height };
  };
  await first.focus();
  const oneLine = await height();

  await page.keyboard.type(`${EVENT}, then the cache expired for every key at once and the database took all of it`);
  await expect.poll(height).toBeGreaterThan(oneLine * 1.5);
  expect(await laidOut()).toEqual({ scrolled: 0, below: true });
  const grown = await height();

  await page.keyboard.press('Control+a');
  await page.keyboard.type('Cache expired');
  await expect.poll(height).toBeLessThan(grown);
  expect(await height()).toBeCloseTo(oneLine, 0);
  expect(await laidOut()).toEqual({ scrolled: 0, below: true });

  // Leaving the field changes nothing in its size.
  await page.keyboard.type(` for every key at once while the ${EVENT.toLowerCase()}`);
  await expect.poll(height).toBeGreaterThan(oneLine * 1.5);
  const typed = await height();
  await second.focus();
  expect(await height()).toBeCloseTo(typed, 0);

  // Text that lands in the same moment as the focus (a paste on click, a filled-in
  // field): the field has grown before it first painted with the focus.
  await page.getByRole('button', { name: 'Add event' }).click();
  const third = page.getByRole('textbox', { name: 'Event 3', exact: true });
  await third.fill(`${EVENT}; `.repeat(4));
  const filled = (await third.boundingBox())!;
  expect(filled.height).toBeGreaterThan(oneLine * 3);
  // Its row holds all of it: what follows the row starts below the field.
  const rowBottom = await third.evaluate((el) => el.closest('tr')!.getBoundingClientRect().bottom);
  expect(rowBottom).toBeGreaterThanOrEqual(filled.y + filled.height);
  expect(await third.evaluate((el) => el.scrollTop)).toBe(0);

  // The same in a why's editor, inside the zoomed graph.
  const graph = page.getByRole('application', { name: /Five whys graph/ });
  await graph.focus();
  await page.keyboard.press('Tab');
  const answer = page.locator('.why-node textarea[data-prompt-field$=":answer"]');
  await expect(answer).toBeFocused();
  const answerHeight = async () => (await answer.boundingBox())!.height;
  const before = await answerHeight();
  await page.keyboard.type(`${ANSWER}, and the retry storm that followed kept it locked for nine minutes`);
  await expect.poll(answerHeight).toBeGreaterThan(before * 1.5);
  expect(await answer.evaluate((el) => el.scrollTop)).toBe(0);
  // The node grows with it: its box still holds the whole field, line by line.
  const nodeHolds = () =>
    answer.evaluate((el) => {
      const field = el.getBoundingClientRect();
      const node = el.closest('.why-node')!.getBoundingClientRect();
      return node.bottom >= field.bottom && node.top <= field.top;
    });
  expect(await nodeHolds()).toBe(true);
  await page.keyboard.type(' while the pool drained');
  expect(await nodeHolds()).toBe(true);
  await page.keyboard.press('Control+a');
  await page.keyboard.type('Locks held');
  await expect.poll(answerHeight).toBeLessThan(before * 1.5);
  expect(await nodeHolds()).toBe(true);
});
