/**
 * A long postmortem (hundreds of timeline rows, dozens of action items) renders only the
 * rows near the viewport. None of that may show: the table reports its real size, every
 * row can be reached by scrolling, Enter and Tab go where they always went, the Prompts
 * panel reaches a row far off screen, and edits persist.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { createPostmortem } from '../../shared/documents';
import type { Postmortem } from '../../shared/model';
import { seedDocuments } from './seedDocuments';

const ROWS = 320;
const ITEMS = 60;
const saved = (page: Page) => expect(page.getByTestId('save-state')).toHaveText(/Saved/);

function longDocument(): Postmortem {
  const doc = createPostmortem('long-lists', '2026-03-18T10:00:00.000Z');
  const start = Date.parse('2026-03-18T08:00:00Z');
  return {
    ...doc,
    title: 'Queue backlog',
    incidentDate: '2026-03-18',
    timeline: Array.from({ length: ROWS }, (_, i) => ({
      id: `t${i}`,
      time: new Date(start + i * 60_000).toISOString().replace('.000Z', 'Z'),
      text: i === 299 ? 'Human error took the consumers down.' : `Consumer lag ${i} s on queue-${i % 7}`,
      kind: 'event' as const,
      milestone: null,
      knownAt: '',
    })),
    actionItems: Array.from({ length: ITEMS }, (_, i) => ({
      id: `a${i}`,
      number: i + 1,
      description: i === 49 ? 'Stop human error in deploys' : `Alert on consumer lag ${i}`,
      owner: `Owner ${i % 5}`,
      priority: 'P2' as const,
      dueDate: '2026-04-01',
      successCriteria: `Lag ${i} pages within a minute`,
      trackingLink: `OPS-${i}`,
      addresses: null,
      done: false,
      doneAt: '',
    })),
  };
}

/** Puts the document into the browser platform's IndexedDB, then opens it from the library. */
async function openLongDocument(page: Page) {
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'Start your first postmortem' })).toBeVisible();
  await seedDocuments(page, [longDocument()]);
  await page.reload();
  await page.getByRole('button', { name: 'Queue backlog', exact: true }).click();
}

/**
 * Scrolls the page with the mouse wheel until `target` is in view: a screenful at a
 * time, then, once it is rendered (rows just beyond the viewport are), by its distance.
 */
async function wheelTo(page: Page, target: Locator, direction: 1 | -1 = 1) {
  await page.mouse.move(640, 400);
  for (let i = 0; i < 200; i += 1) {
    const box = (await target.count()) > 0 ? await target.boundingBox() : null;
    if (box && box.y >= 0 && box.y + box.height <= 720) return;
    await page.mouse.wheel(0, box ? box.y - 300 : direction * 600);
    await page.waitForTimeout(30);
  }
  throw new Error('scrolled the whole page without reaching the target');
}

const timelineTable = (page: Page) => page.getByRole('region', { name: 'Timeline' }).getByRole('table');

test('a 320-row timeline: full row count, the last row by scrolling, Enter and Tab at the edges, a prompt far off screen, all saved', async ({
  page,
}) => {
  test.setTimeout(180_000); // scrolls a 15,000 px page several times, wheel step by wheel step
  await openLongDocument(page);
  const table = timelineTable(page);
  // Header row + every event, though only the rows near the viewport are in the page.
  await expect(table).toHaveAttribute('aria-rowcount', String(ROWS + 1));
  await expect(page.getByRole('textbox', { name: 'Event 1', exact: true })).toBeVisible();
  await expect(page.getByRole('textbox', { name: `Event ${ROWS}`, exact: true })).toHaveCount(0);

  // Scroll down to the last row with the wheel and edit it.
  const last = page.getByRole('textbox', { name: `Event ${ROWS}`, exact: true });
  await wheelTo(page, last);
  await expect(last).toHaveValue(`Consumer lag ${ROWS - 1} s on queue-${(ROWS - 1) % 7}`);
  await last.click();
  await page.keyboard.press('End');
  await page.keyboard.type(', then drained');
  await expect(last.locator('xpath=ancestor::tr')).toHaveAttribute('aria-rowindex', String(ROWS + 1));

  // Enter in the last row adds the row below and puts the caret in it.
  await page.keyboard.press('Enter');
  await expect(page.getByRole('textbox', { name: `Time of event ${ROWS + 1}` })).toBeFocused();
  await expect(table).toHaveAttribute('aria-rowcount', String(ROWS + 2));
  await page.keyboard.type('10:00');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Backlog cleared');

  // Enter in the last row rendered, below the viewport (the row after it is not in the page).
  await wheelTo(page, page.getByRole('textbox', { name: 'Event 200', exact: true }), -1);
  // The last row of the run around the viewport: the next row in the table stands in for the rows not rendered.
  const edgeIndex = await table.locator('tbody tr[aria-rowindex]').evaluateAll((rows) => {
    const edge = rows.find((row) => row.nextElementSibling?.getAttribute('aria-hidden') === 'true');
    return Number(edge?.getAttribute('aria-rowindex')) - 1;
  });
  expect(edgeIndex).toBeGreaterThan(200);
  expect(edgeIndex).toBeLessThan(ROWS - 1);
  await page.getByRole('textbox', { name: `Event ${edgeIndex}`, exact: true }).focus();
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('textbox', { name: `Time of event ${edgeIndex + 1}` })).toBeFocused();
  await expect(page.getByRole('textbox', { name: `Event ${edgeIndex + 1}`, exact: true })).toHaveValue('');
  await expect(table).toHaveAttribute('aria-rowcount', String(ROWS + 3));
  // Undo and redo (from outside a text field) take the row away and bring it back, in place.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('combobox', { name: `Kind of event ${edgeIndex + 1}` })).toBeFocused();
  await page.keyboard.press('Control+z');
  await expect(table).toHaveAttribute('aria-rowcount', String(ROWS + 2));
  await page.keyboard.press('Control+Shift+z');
  await expect(table).toHaveAttribute('aria-rowcount', String(ROWS + 3));
  await expect(page.getByRole('textbox', { name: `Event ${edgeIndex + 1}`, exact: true })).toHaveValue('');
  await page.keyboard.press('Control+z');
  await expect(table).toHaveAttribute('aria-rowcount', String(ROWS + 2));

  // Focus in row 150, then scroll far away: the row stays, still focused, and Tab from its
  // last control goes on to row 151 (not rendered until then), Shift+Tab back to 149.
  const known150 = page.getByRole('textbox', { name: 'Known at, event 150' });
  await wheelTo(page, known150, -1);
  await known150.click();
  await page.mouse.wheel(0, -100_000);
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeLessThan(200);
  await expect(known150).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Delete event 150' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('textbox', { name: 'Time of event 151' })).toBeFocused();
  await expect(page.getByRole('textbox', { name: 'Time of event 151' })).toBeInViewport();
  await page.mouse.wheel(0, -100_000);
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeLessThan(200);
  await page.keyboard.press('Shift+Tab');
  await expect(page.getByRole('button', { name: 'Delete event 150' })).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  await expect(page.getByRole('textbox', { name: 'Time of event 150' })).toBeFocused();
  await page.mouse.wheel(0, -100_000);
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeLessThan(200);
  await page.keyboard.press('Shift+Tab');
  await expect(page.getByRole('button', { name: 'Delete event 149' })).toBeFocused();
  await expect(page.getByRole('button', { name: 'Delete event 149' })).toBeInViewport();

  // The Prompts panel reaches the blameful event in row 300 from the top of the page.
  await page.mouse.wheel(0, -100_000);
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeLessThan(200);
  await page.keyboard.press('Control+Shift+K');
  const panel = page.getByRole('complementary', { name: /Prompts/ });
  await panel.getByRole('button', { name: /Go to Timeline, event 300:/ }).click();
  const row300 = page.getByRole('textbox', { name: 'Event 300', exact: true });
  await expect(row300).toBeFocused();
  await expect(row300).toBeInViewport();
  expect(
    await row300.evaluate((el: HTMLTextAreaElement) => el.value.slice(el.selectionStart, el.selectionEnd)),
  ).toMatch(/human error/i);
  await page.keyboard.press('Control+Shift+K');

  await saved(page);
  await page.reload();
  await page.getByRole('button', { name: 'Queue backlog', exact: true }).click();
  await expect(timelineTable(page)).toHaveAttribute('aria-rowcount', String(ROWS + 2));
  const reloadedLast = page.getByRole('textbox', { name: `Event ${ROWS}`, exact: true });
  await wheelTo(page, reloadedLast);
  await expect(reloadedLast).toHaveValue(`Consumer lag ${ROWS - 1} s on queue-${(ROWS - 1) % 7}, then drained`);
  await wheelTo(page, page.getByRole('textbox', { name: `Event ${ROWS + 1}`, exact: true }));
  await expect(page.getByRole('textbox', { name: `Event ${ROWS + 1}`, exact: true })).toHaveValue('Backlog cleared');
  await expect(page.getByRole('textbox', { name: `Time of event ${ROWS + 1}` })).toHaveValue('10:00');
});

test('a list far below the view holds only its first item, yet Tab enters it and a jump to the end shows its last items at once', async ({
  page,
}) => {
  await openLongDocument(page);
  const list = page.getByRole('region', { name: 'Action Items' }).getByRole('list').first();
  const item = (n: number) => list.getByRole('listitem', { name: `AI-${String(n).padStart(3, '0')}` });
  await expect(timelineTable(page)).toHaveAttribute('aria-rowcount', String(ROWS + 1));
  // About 16,000 px below the view at open: only the item Tab enters by is in the page.
  await expect(item(1)).toHaveAttribute('aria-setsize', String(ITEMS));
  await expect(list.getByRole('listitem')).toHaveCount(1);

  await page.getByRole('button', { name: 'Add action item' }).focus();
  await page.keyboard.press('Tab');
  await expect(item(1).locator(':focus')).toHaveCount(1);
  await expect(item(1)).toBeInViewport();
  // Near the view now, the items below it are there to scroll to.
  await expect(item(2)).toBeAttached();

  await page.mouse.move(640, 400);
  await page.mouse.wheel(0, -100_000);
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeLessThan(200);
  await page.mouse.wheel(0, 100_000);
  await expect(item(ITEMS)).toBeInViewport();
  await expect(item(ITEMS - 1)).toBeAttached();
});

test('60 action items: the list reports its size, the last item is reached and edited, Tab and a prompt reach items off screen, all saved', async ({
  page,
}) => {
  test.setTimeout(180_000); // scrolls a 15,000 px page several times, wheel step by wheel step
  await openLongDocument(page);
  const list = page.getByRole('region', { name: 'Action Items' }).getByRole('list').first();
  const item = (n: number) => list.getByRole('listitem', { name: `AI-${String(n).padStart(3, '0')}` });
  await wheelTo(page, item(1));
  await expect(item(1)).toHaveAttribute('aria-setsize', String(ITEMS));
  await expect(item(ITEMS)).toHaveCount(0);

  await wheelTo(page, item(ITEMS));
  await expect(item(ITEMS)).toHaveAttribute('aria-posinset', String(ITEMS));
  const owner = item(ITEMS).getByRole('textbox', { name: /^Owner/ });
  await owner.click();
  await owner.fill('Priya');

  // Focus stays in item 30 while the page scrolls away; Tab from its last control goes on
  // to item 31's first field.
  await wheelTo(page, item(30), -1);
  await item(30)
    .getByRole('textbox', { name: /^Tracking link/ })
    .click();
  await page.mouse.wheel(0, -100_000);
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeLessThan(200);
  await expect(item(30).getByRole('textbox', { name: /^Tracking link/ })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('textbox', { name: 'AI-031 action' })).toBeFocused();
  await expect(page.getByRole('textbox', { name: 'AI-031 action' })).toBeInViewport();
  await page.mouse.wheel(0, -100_000);
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeLessThan(200);
  await page.keyboard.press('Shift+Tab');
  await expect(item(30).getByRole('textbox', { name: /^Tracking link/ })).toBeFocused();

  // A prompt on item 50, reached from the Prompts panel.
  await page.mouse.wheel(0, -100_000);
  await page.keyboard.press('Control+Shift+K');
  const panel = page.getByRole('complementary', { name: /Prompts/ });
  await panel.getByRole('button', { name: /Go to AI-050, action:/ }).click();
  const description = page.getByRole('textbox', { name: 'AI-050 action' });
  await expect(description).toBeFocused();
  await expect(description).toBeInViewport();
  await page.keyboard.press('Control+Shift+K');

  // A new item, added with the button at the top of the list, is the 61st.
  await page.getByRole('button', { name: 'Add action item' }).click();
  await expect(page.getByRole('textbox', { name: 'AI-061 action' })).toBeFocused();
  await page.keyboard.type('Drain the queue before deploys');
  await expect(item(61)).toHaveAttribute('aria-setsize', String(ITEMS + 1));

  await saved(page);
  await page.reload();
  await page.getByRole('button', { name: 'Queue backlog', exact: true }).click();
  await wheelTo(page, item(ITEMS));
  await expect(item(ITEMS).getByRole('textbox', { name: /^Owner/ })).toHaveValue('Priya');
  await wheelTo(page, item(ITEMS + 1));
  await expect(page.getByRole('textbox', { name: 'AI-061 action' })).toHaveValue('Drain the queue before deploys');
});

test('the long table and list, with rows above and below not rendered, have no serious accessibility problems', async ({
  page,
}) => {
  test.setTimeout(180_000); // scrolls a 15,000 px page several times, wheel step by wheel step
  await openLongDocument(page);
  // The middle of each, where stand-ins for rows not rendered sit on both sides.
  await wheelTo(page, page.getByRole('textbox', { name: 'Event 160', exact: true }));
  await wheelTo(page, page.getByRole('textbox', { name: 'AI-030 action' }));
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .include('.timeline-table')
    .include('.action-items')
    .analyze();
  const serious = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(serious).toEqual([]);
  await expect(page.locator('.timeline-table tbody tr[aria-hidden="true"]')).not.toHaveCount(0);
});
