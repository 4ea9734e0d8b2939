import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';

const saved = (page: Page) => expect(page.getByTestId('save-state')).toHaveText(/Saved/);

async function postmortemWithItem(
  page: Page,
  title: string,
  item: { action: string; owner: string; priority: string; due: string },
) {
  await page.keyboard.press('n');
  await page.keyboard.type(title);
  await page.keyboard.press('Enter'); // create, from the New postmortem dialog
  await page.getByRole('button', { name: 'Add action item' }).click();
  const row = page.getByRole('listitem', { name: 'AI-001' });
  await row.getByLabel('AI-001 action').fill(item.action);
  await row.getByLabel('Owner').fill(item.owner);
  await row.getByLabel('Priority').selectOption(item.priority);
  await row.getByLabel('Due date').fill(item.due);
  await saved(page);
  await page.getByRole('button', { name: '← Library' }).click();
}

test('action items from every postmortem in one list: overdue count, filters, mark done, CSV', async ({ page }) => {
  await page.goto('/');
  await postmortemWithItem(page, 'Checkout outage', {
    action: 'Fail the deploy when a migration exits non-zero',
    owner: 'Priya',
    priority: 'P0',
    due: '2026-01-05',
  });
  await postmortemWithItem(page, 'Queue backlog', {
    action: '=cmd|" /C calc"!A0 alert on queue depth',
    owner: 'Tom',
    priority: 'P2',
    due: '2099-01-01',
  });

  await expect(page.getByRole('button', { name: /Action items/ })).toContainText('1 P0/P1 overdue');
  await page.getByRole('button', { name: /Action items/ }).click();
  const table = page.getByRole('table');
  await expect(table.getByRole('row')).toHaveCount(3);
  const overdueRow = table.getByRole('row', { name: /Fail the deploy/ });
  await expect(overdueRow).toContainText('overdue');
  // Soonest due first.
  await expect(table.getByRole('row').nth(1)).toContainText('Checkout outage');

  await page.getByLabel('Owner').selectOption('Tom');
  await expect(table.getByRole('row')).toHaveCount(2);
  await page.getByLabel('Owner').selectOption('*');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export open items as CSV…' }).click();
  const csv = fs.readFileSync(await (await download).path(), 'utf8');
  expect(csv.split('\r\n')[0]).toBe('Summary,Description,Priority,Assignee,Due Date');
  expect(csv).toContain('AI-001: Fail the deploy when a migration exits non-zero');
  // Pasted text that a spreadsheet would run as a formula is defused.
  expect(csv).toContain(`"'=cmd|`);

  await overdueRow.getByRole('checkbox').click(); // the row then leaves the "Not done" view
  await expect(page.getByRole('status').filter({ hasText: 'marked done' })).toBeVisible();
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(page.getByText(/P0\/P1 action item.* overdue/)).toHaveCount(0);
  await page.getByLabel('Status').selectOption('done');
  await expect(table.getByRole('row', { name: /Fail the deploy/ })).toContainText('done');

  // The postmortem itself was updated.
  await table.getByRole('button', { name: 'Checkout outage' }).click();
  await expect(page.getByRole('listitem', { name: 'AI-001' }).getByLabel('Done')).toBeChecked();
});

/** Adds action item `n` with the given priority; its due date is left at the priority's default. */
async function addItem(page: Page, n: number, action: string, priority: string) {
  await page.getByRole('button', { name: 'Add action item' }).click();
  const id = `AI-00${n}`;
  const row = page.getByRole('listitem', { name: id });
  await row.getByLabel(`${id} action`).fill(action);
  await row.getByLabel('Owner').fill('Priya');
  await row.getByLabel('Priority').selectOption(priority);
}

test('due dates follow each priority, and items turn overdue as the clock moves on', async ({ page }) => {
  // Monday 2 March 2026: P0 is due in 2 weeks (16 Mar), P1 in 4 (30 Mar), P2 in 8 (27 Apr), P3 in a quarter.
  await page.clock.install({ time: new Date('2026-03-02T09:00:00Z') });
  await page.goto('/');
  for (const [title, items] of [
    [
      'Checkout outage',
      [
        ['Roll back bad config automatically', 'P0'],
        ['Alert on config drift', 'P1'],
      ],
    ],
    ['Search latency', [['Load-test the search cluster', 'P2']]],
    ['Queue backlog', [['Document the queue runbook', 'P3']]],
  ] as const) {
    await page.keyboard.press('n');
    await page.keyboard.type(title);
    await page.keyboard.press('Enter'); // create, from the New postmortem dialog
    for (const [i, [action, priority]] of items.entries()) await addItem(page, i + 1, action, priority);
    await saved(page);
    await page.getByRole('button', { name: '← Library' }).click();
  }
  const trackerButton = page.getByRole('button', { name: /Action items/ });
  await expect(trackerButton).not.toContainText('overdue');

  const overdueOn = async (day: string) => {
    await page.clock.setSystemTime(new Date(`${day}T09:00:00Z`));
    await page.reload();
    await page.getByRole('button', { name: /Action items/ }).click();
    await page.getByLabel('Status').selectOption('overdue');
    const rows = page.getByRole('table').getByRole('row');
    const texts = (await rows.allTextContents()).slice(1);
    await page.getByRole('button', { name: '← Library' }).click();
    return texts.map((t) => /Roll back|Alert on|Load-test|Document the/.exec(t)?.[0]);
  };
  // The day after each default due date, exactly the items due by then are overdue, soonest first.
  expect(await overdueOn('2026-03-17')).toEqual(['Roll back']);
  await expect(trackerButton).toContainText('1 P0/P1 overdue');
  expect(await overdueOn('2026-03-31')).toEqual(['Roll back', 'Alert on']);
  await expect(trackerButton).toContainText('2 P0/P1 overdue');
  expect(await overdueOn('2026-04-28')).toEqual(['Roll back', 'Alert on', 'Load-test']);
  expect(await overdueOn('2026-07-01')).toEqual(['Roll back', 'Alert on', 'Load-test', 'Document the']);
  await expect(trackerButton).toContainText('2 P0/P1 overdue');
});
