import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';

const expectedPath = path.resolve('test/fixtures/markdown/e2e-expected.md');

async function typeInto(page: Page, label: string, text: string) {
  await page.getByLabel(label, { exact: true }).focus();
  await page.keyboard.type(text);
}

async function paste(page: Page, text: string) {
  await page.evaluate((value) => {
    const data = new DataTransfer();
    data.setData('text/plain', value);
    document.activeElement?.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
    );
  }, text);
}

test('fill every section by keyboard, export markdown, and import it back', async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('n');
  await page.keyboard.type('Checkout API returned 500s');
  await page.keyboard.press('Enter'); // create, from the New postmortem dialog
  await typeInto(page, 'Incident date', '03182026');
  await page.getByLabel('Severity').focus();
  await page.keyboard.press('ArrowUp'); // SEV-2
  await typeInto(page, 'Incident commander', 'Priya Natarajan');
  await typeInto(page, 'Authors', 'Tom Berg, Ana Silva');
  await typeInto(page, 'Review date', '03242026');

  await typeInto(page, 'Users affected', '~12,000');
  await typeInto(page, 'Revenue impact', '$8,400');
  await typeInto(page, 'SLO target (%)', '99.9');
  await typeInto(page, 'Services affected', 'checkout-api');
  await page.keyboard.press('Enter');
  await page.keyboard.type('payments');
  await page.keyboard.press('Enter');

  // Timeline: paste log lines, then type one row and Enter for the next.
  await page.getByLabel('Paste timeline lines').focus();
  await paste(page, '2026-03-18 14:00:00 deploy v412 | canary skipped\n2026-03-18 14:07:00 error-rate alert fires');
  await expect(page.getByLabel('Event 2', { exact: true })).toHaveValue('error-rate alert fires');
  await page.getByLabel('Event 2', { exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Time of event 3')).toBeFocused();
  await page.keyboard.type('14:20');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Tried restarting the pods: no change');
  await page.keyboard.press('Tab');
  await page.keyboard.press('End'); // Kind: last option, "Tried, failed"
  await page.keyboard.press('Enter');
  await page.getByLabel('Event 3', { exact: true }).focus();
  await page.keyboard.press('Enter');
  await page.keyboard.type('15:30');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Rollback complete, error rate normal');
  await page.getByLabel('Milestone of event 1').selectOption('started');
  await page.getByLabel('Milestone of event 2').selectOption('detected');
  await page.getByLabel('Milestone of event 4').selectOption('resolved');
  await expect(page.getByText('208.3% of the monthly error budget consumed')).toBeVisible();
  await expect(page.getByText(/used more than the whole monthly budget/)).toBeVisible();

  // Contributing factors: two, reordered by keyboard.
  await page.getByRole('button', { name: 'Add factor' }).click();
  await page.keyboard.type('Alerting threshold was 5 minutes');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Migrations run without a lock timeout');
  await page.keyboard.press('Alt+ArrowUp');
  await expect(page.getByLabel('Primary factor', { exact: true })).toHaveValue('Migrations run without a lock timeout');
  await page.getByRole('checkbox', { name: 'Root cause' }).first().check();

  await page.getByRole('button', { name: 'Add item' }).first().click();
  await page.keyboard.type('Rollback took 4 minutes');
  await page.getByRole('button', { name: 'Add item' }).nth(1).click();
  await page.keyboard.type('Alert fired 7 minutes late');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Runbook link was <broken> `404`');

  await page.getByRole('button', { name: 'Add action item' }).click();
  await page.keyboard.type('Improve monitoring');
  const item = page.getByRole('listitem', { name: 'AI-001' });
  await expect(item.getByText('Too vague to verify')).toBeVisible();
  await expect(item.getByText('No owner')).toBeVisible();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('Add a 5 s lock timeout to every migration');
  await expect(item.getByText('Too vague to verify')).toHaveCount(0);
  await item.getByLabel('Owner').fill('Tom Berg');
  await item.getByLabel('Priority').selectOption('P0');
  await expect(item.getByLabel('AI-001 due date')).toHaveValue('2026-04-07');
  await item.getByLabel('Success criteria').fill('A migration holding a lock > 5 s fails in staging');
  await item.getByLabel('Tracking link').fill('https://tracker.example/OPS-1');
  await item.getByLabel('Addresses').selectOption({ label: 'Migrations run without a lock timeout' });
  await expect(item.getByRole('list', { name: 'Problems with AI-001' })).toHaveCount(0);
  await expect(page.getByTestId('save-state')).toHaveText(/Saved/);

  // Export downloads the markdown; it must match the expected file byte for byte.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export…' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('2026-03-18-checkout-api-returned-500s.md');
  const exported = fs.readFileSync((await file.path()) ?? '', 'utf8');
  if (process.env['UPDATE_EXPECTED']) fs.writeFileSync(expectedPath, exported);
  expect(exported).toBe(fs.readFileSync(expectedPath, 'utf8'));

  // The preview renders it, with user HTML shown as text.
  await page.getByRole('button', { name: 'Preview' }).click();
  const preview = page.getByRole('article', { name: 'Markdown preview' });
  await expect(preview.getByRole('heading', { name: 'Postmortem: Checkout API returned 500s' })).toBeVisible();
  await expect(preview.getByText('Runbook link was <broken>')).toBeVisible();

  // Import the exported file as a new postmortem: the same content comes back.
  await page.getByRole('button', { name: '← Library' }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: /Import markdown/ }).click();
  await (await chooser).setFiles(expectedPath);
  await expect(page.getByLabel('Title')).toHaveValue('Checkout API returned 500s');
  await expect(page.getByLabel('Severity')).toHaveValue('SEV-2');
  await expect(page.getByLabel('Event 3', { exact: true })).toHaveValue('Tried restarting the pods: no change');
  await expect(page.getByLabel('Kind of event 3')).toHaveValue('counter-event');
  await expect(page.getByLabel('Primary factor', { exact: true })).toHaveValue('Migrations run without a lock timeout');
  await expect(page.getByRole('listitem', { name: 'AI-001' }).getByLabel('Addresses')).toHaveValue(/.+/);
  const again = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export…' }).click();
  expect(fs.readFileSync((await (await again).path()) ?? '', 'utf8')).toBe(fs.readFileSync(expectedPath, 'utf8'));
});

test('log lines pasted into a timeline row become rows below it; Enter in a middle row adds one under it', async ({
  page,
}) => {
  await page.goto('/');
  await page.keyboard.press('n');
  await page.keyboard.press('Enter'); // create, from the New postmortem dialog
  await page.getByLabel('Paste timeline lines').focus();
  await paste(page, '2026-03-18 14:00:00 deploy v412\n2026-03-18 15:00:00 rollback done');
  await expect(page.getByLabel('Event 2', { exact: true })).toHaveValue('rollback done');
  await page.getByLabel('Event 1', { exact: true }).focus();
  await paste(page, '2026-03-18 14:05:00 error rate 30%\n2026-03-18 14:09:00 on-call paged');
  const events = page.getByLabel(/^Event \d+$/);
  await expect(events).toHaveCount(4);
  expect(await events.evaluateAll((els) => els.map((el) => (el as HTMLTextAreaElement).value))).toEqual([
    'deploy v412',
    'error rate 30%',
    'on-call paged',
    'rollback done',
  ]);
  await page.getByLabel('Event 2', { exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Time of event 3')).toBeFocused();
  await expect(page.getByLabel('Event 3', { exact: true })).toHaveValue('');
  await expect(page.getByLabel('Event 4', { exact: true })).toHaveValue('on-call paged');
});

test('a What Went Well item spans its row from the start, and a long item wraps onto more lines', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Start your first postmortem' }).click();
  await page.getByRole('dialog', { name: 'New postmortem' }).getByRole('button', { name: 'Create' }).click();
  const section = page.getByRole('region', { name: 'What Went Well' });
  await section.getByRole('button', { name: 'Add item' }).click();
  const field = page.getByRole('textbox', { name: 'What Went Well, item 1', exact: true });
  await expect(field).toBeFocused();
  const box = async () => (await field.boundingBox())!;
  const row = (await section.getByRole('listitem').boundingBox())!;
  const remove = (await section.getByRole('button', { name: 'Delete what went well item 1' }).boundingBox())!;
  // Empty, the field already fills the row up to its delete button (it was two characters wide).
  const empty = await box();
  expect(empty.x + empty.width).toBeGreaterThan(remove.x - 20);
  expect(empty.width).toBeGreaterThan(row.width * 0.8);

  await page.keyboard.type('Paging reached the on-call within two minutes, '.repeat(4));
  const long = await box();
  expect(long.width).toBeCloseTo(empty.width, 0);
  expect(long.height).toBeGreaterThan(empty.height * 1.5);
  await page.keyboard.press('Tab');
  await expect(section.getByRole('button', { name: 'Delete what went well item 1' })).toBeFocused();
  expect((await box()).width).toBeCloseTo(empty.width, 0);
});
