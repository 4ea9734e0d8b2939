import fs from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

const dialog = (page: Page) => page.getByRole('dialog', { name: 'New postmortem' });

test('a SEV-4 near miss, by keyboard: the advice follows the answers, the kind can be changed, and the export is headed by it', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'No postmortems yet' })).toBeVisible();

  // Esc cancels and creates nothing.
  await page.keyboard.press('n');
  await expect(dialog(page).getByLabel('Title')).toBeFocused();
  await page.keyboard.type('Never mind');
  await page.keyboard.press('Escape');
  await expect(dialog(page)).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'No postmortems yet' })).toBeVisible();

  await page.keyboard.press('n');
  await expect(dialog(page).getByLabel('Title')).toBeFocused();
  await expect(dialog(page).getByLabel('Title')).toHaveValue(''); // a fresh start, not the cancelled one
  await page.keyboard.type('Disk alert caught');
  await page.keyboard.press('Tab');
  await expect(dialog(page).getByLabel('Severity')).toBeFocused();
  await page.keyboard.press('ArrowDown'); // SEV-3 -> SEV-4
  const advice = dialog(page).getByRole('region');
  await expect(advice).toContainText('A full postmortem is optional.');
  await expect(dialog(page).getByLabel('Write-up')).toHaveValue('learning-review');

  await page.keyboard.press('Tab');
  await expect(dialog(page).getByRole('checkbox', { name: /^Near miss/ })).toBeFocused();
  await page.keyboard.press('Space');
  await expect(advice).toContainText('A full postmortem is highly recommended.');
  await expect(advice).toContainText('Near miss: it was caught before customers noticed');
  await expect(advice).toContainText('Suggested write-up: Postmortem.');
  await expect(dialog(page).getByLabel('Write-up')).toHaveValue('postmortem');

  // The person knows better: a learning review. Their choice stays, and says so.
  await page.keyboard.press('Tab'); // process failure: left unticked
  await page.keyboard.press('Tab');
  await expect(dialog(page).getByLabel('Write-up')).toBeFocused();
  await page.keyboard.press('ArrowDown'); // Postmortem -> Learning review
  await expect(dialog(page).getByLabel('Write-up')).toHaveValue('learning-review');
  await expect(dialog(page)).toContainText('You chose this over the suggestion.');
  await page.keyboard.press('Enter');

  await expect(dialog(page)).toHaveCount(0);
  // The title keeps the focus, so typing carries on where it stopped.
  await expect(page.getByLabel('Title')).toBeFocused();
  await page.keyboard.type(' in staging');
  await expect(page.getByLabel('Title')).toHaveValue('Disk alert caught in staging');
  await expect(page.getByLabel('Severity')).toHaveValue('SEV-4');
  await expect(page.getByLabel('Write-up')).toHaveValue('learning-review');
  await expect(page.getByTestId('save-state')).toHaveText(/Saved/);

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export…' }).click();
  const file = await download;
  const markdown = fs.readFileSync((await file.path()) ?? '', 'utf8');
  expect(markdown.split('\n')[0]).toBe('# Learning Review: Disk alert caught in staging');

  // The library lists it with its kind.
  await page.keyboard.press('Control+Shift+L');
  await expect(page.getByRole('row', { name: /Disk alert caught in staging/ })).toContainText('Learning review');
});

test('an incident report exports in the customer format by default; the kind is edited in the header, with undo', async ({
  page,
}) => {
  test.setTimeout(60_000); // axe reads the dialog once: a few seconds on a loaded machine
  await page.goto('/');
  await page.getByRole('button', { name: /New postmortem/ }).click();
  await page.keyboard.type('Slow logins');
  await dialog(page).getByLabel('Write-up').selectOption('incident-report');
  await expect(dialog(page).getByRole('button', { name: 'Use the suggestion' })).toBeVisible();
  // The dialog with everything shown has no serious accessibility problem (labels, contrast, names).
  const { violations } = await new AxeBuilder({ page })
    .include('dialog')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  await dialog(page).getByRole('button', { name: 'Create' }).click();

  const format = page.getByRole('combobox', { name: 'Format' });
  await expect(format).toHaveValue('incident-report');
  await page.getByLabel('Write-up').selectOption('root-cause-analysis');
  await expect(format).toHaveValue('postmortem');
  await page.getByRole('button', { name: 'Preview' }).click();
  await expect(
    page
      .getByRole('article', { name: 'Markdown preview' })
      .getByRole('heading', { name: 'Root Cause Analysis: Slow logins' }),
  ).toBeVisible();

  await page.getByLabel('Write-up').focus();
  await page.keyboard.press('Control+z');
  await expect(page.getByLabel('Write-up')).toHaveValue('incident-report');
  await expect(format).toHaveValue('incident-report');
});
