import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';

const saved = (page: Page) => expect(page.getByTestId('save-state')).toHaveText(/Saved/);
const card = (page: Page) => page.getByRole('group', { name: 'Phrasing prompt' });

async function newPostmortem(page: Page, title: string) {
  await page.goto('/');
  await page.keyboard.press('n');
  await page.keyboard.type(title);
  await page.keyboard.press('Enter'); // create, from the New postmortem dialog
}

async function addTimelineEvent(page: Page, text: string) {
  await page.getByRole('button', { name: 'Add event' }).click();
  const field = page.getByLabel('Event 1', { exact: true });
  await field.focus();
  await page.keyboard.type(text);
  return field;
}

test('a blameful timeline event is underlined, a reframe is applied by key or click, and undo takes it back', async ({
  page,
}) => {
  await newPostmortem(page, 'Replica failover');
  const sentence = 'Bob forgot to check the replica lag before failing over.';
  const field = await addTimelineEvent(page, sentence);

  // The underline sits under the flagged words, inside the field.
  const mark = page.locator('.prose-mark');
  await expect(mark).toHaveCount(1);
  await expect(mark).toHaveText(/Bob forgot to check/);
  const [markBox, fieldBox] = [await mark.boundingBox(), await field.boundingBox()];
  expect(markBox && fieldBox).toBeTruthy();
  expect(markBox!.x).toBeGreaterThanOrEqual(fieldBox!.x);
  expect(markBox!.y).toBeGreaterThanOrEqual(fieldBox!.y);
  expect(markBox!.y + markBox!.height).toBeLessThanOrEqual(fieldBox!.y + fieldBox!.height);

  // With the caret in the sentence the card explains it and offers rewrites, beside the field.
  await expect(card(page)).toContainText('A person failed to act');
  await expect(async () => {
    const at = (await card(page).boundingBox())!;
    const below = Math.abs(at.y - (fieldBox!.y + fieldBox!.height));
    const above = Math.abs(at.y + at.height - fieldBox!.y);
    expect(Math.min(below, above)).toBeLessThanOrEqual(12);
    expect(Math.abs(at.x - fieldBox!.x)).toBeLessThanOrEqual(12);
  }).toPass();
  const reframes = card(page).getByRole('listitem');
  const first = (await reframes.first().innerText()).replace(/^Alt\+1\s*/, '').trim();
  expect(first.length).toBeGreaterThan(10);

  await page.keyboard.press('Alt+1');
  await expect(field).toHaveValue(first);
  await expect(field).toBeFocused();
  await page.keyboard.press('Control+z');
  await expect(field).toHaveValue(sentence);

  // By mouse: hover the underline, click the second rewrite; undo still works.
  await page.mouse.click(fieldBox!.x + fieldBox!.width - 5, fieldBox!.y + fieldBox!.height - 5);
  await field.press('End');
  await field.blur();
  await expect(card(page)).toHaveCount(0);
  const box = (await mark.boundingBox())!;
  await page.mouse.move(box.x + 5, box.y + box.height / 2);
  await expect(card(page)).toBeVisible();
  const second = card(page).getByRole('button', { name: /^Alt\+2/ });
  const secondText = (await second.innerText()).replace(/^Alt\+2\s*/, '').trim();
  await second.click();
  await expect(field).toHaveValue(secondText);
  await expect(field).toBeFocused();
  await page.keyboard.press('Control+z');
  await expect(field).toHaveValue(sentence);
  await saved(page);
});

test('a dismissed prompt stays dismissed, with its reason, after a reload', async ({ page }) => {
  await newPostmortem(page, 'Cache stampede');
  await page.getByRole('button', { name: 'Add event' }).click();
  await page.getByLabel('Event 1', { exact: true }).fill('The on-call engineer was paged at 14:02.');
  const section = page.getByRole('region', { name: 'What Went Poorly' });
  await section.getByRole('button', { name: 'Add item' }).click();
  await page.keyboard.type('In hindsight the cache warm-up was too slow. We should have known it would fail.');

  await page.keyboard.press('Control+Shift+K');
  const panel = page.getByRole('complementary', { name: /Prompts/ });
  await expect(panel.getByRole('heading', { level: 2 })).toHaveText('Prompts (2)');
  const hindsight = panel.getByRole('region', { name: 'Hindsight' });
  await expect(hindsight.getByRole('listitem')).toHaveCount(2);
  // The neutral timeline event is not prompted on.
  await expect(panel).not.toContainText('Timeline');

  // Jump: the field takes focus with the flagged words selected.
  await hindsight
    .getByRole('button', { name: /Go to What went poorly, item 1/ })
    .first()
    .click();
  const item = page.getByRole('textbox', { name: 'What Went Poorly, item 1' });
  await expect(item).toBeFocused();
  expect(await item.evaluate((el: HTMLTextAreaElement) => el.value.slice(el.selectionStart, el.selectionEnd))).toBe(
    'In hindsight',
  );

  await hindsight.getByRole('button', { name: 'Dismiss…' }).first().click();
  await panel.getByLabel('Why does it not apply?').selectOption('other');
  await panel.getByLabel('Your reason').fill('Quoting the customer | verbatim <b>');
  await panel.getByRole('button', { name: 'Dismiss', exact: true }).click();
  await expect(panel.getByRole('heading', { level: 2 })).toHaveText('Prompts (1)');
  await expect(page.locator('.prose-mark')).toHaveCount(1);
  await saved(page);

  await page.reload();
  await page.getByRole('button', { name: 'Cache stampede', exact: true }).click();
  await expect(page.getByRole('button', { name: /Prompts \(1\)/ })).toBeVisible();
  await page.getByRole('button', { name: /Prompts \(1\)/ }).click();
  const reopened = page.getByRole('complementary', { name: /Prompts/ });
  await reopened.getByText('Dismissed (1)').click();
  await expect(reopened).toContainText('Dismissed: Quoting the customer | verbatim <b>');
  await expect(page.locator('.prose-mark')).toHaveCount(1);

  // Bringing it back is one undoable edit.
  await reopened.getByRole('button', { name: 'Bring back' }).click();
  await expect(reopened.getByRole('heading', { level: 2 })).toHaveText('Prompts (2)');
  await page.keyboard.press('Control+z');
  await expect(reopened.getByRole('heading', { level: 2 })).toHaveText('Prompts (1)');
});

test('a prompt in a why answer is reached from the panel, and reframed inside the graph', async ({ page }) => {
  await newPostmortem(page, 'Disk full');
  const graph = page.getByRole('application', { name: /Five whys graph/ });
  await graph.focus();
  await page.keyboard.press('F2');
  await page.keyboard.type('Why did the database stop accepting writes?');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab'); // a child why, editing its answer
  await page.keyboard.type('Human error.');
  await page.keyboard.press('Escape');
  await expect(page.locator('.prose-text mark')).toHaveText('Human error');

  await page.keyboard.press('Control+Shift+K');
  const panel = page.getByRole('complementary', { name: /Prompts/ });
  await panel.getByRole('button', { name: /Go to Five whys, answer 1/ }).click();
  const answer = page.locator('textarea[data-prompt-field$=":answer"]');
  await expect(answer).toBeFocused();
  await expect(card(page)).toContainText('Human error as a cause');
  await page.keyboard.press('Alt+1');
  await expect(answer).not.toHaveValue('Human error.');
  await expect(page.locator('.prose-mark')).toHaveCount(0);
});

test('phrasing settings: turn a kind off, add a team phrase, and share them as a file', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Phrasing settings…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Phrasing settings' });
  await dialog.getByRole('checkbox', { name: /^Hindsight/ }).uncheck();
  await dialog.getByRole('button', { name: 'Add phrase' }).click();
  await page.keyboard.type('cowboy deploy');
  await dialog.getByLabel('Say instead 1').fill('deploy outside the pipeline');
  await dialog.getByLabel('Kind of phrase 1').selectOption({ label: 'Character judgement' });
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export to file…' }).click();
  const file = await (await download).path();
  const shared = JSON.parse(fs.readFileSync(file, 'utf8'));
  expect(shared).toMatchObject({
    format: 'postmortem-studio/phrasing-settings',
    disabledCategories: ['hindsight'],
    customRules: [{ phrase: 'cowboy deploy', reframe: 'deploy outside the pipeline', category: 'character' }],
  });
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toHaveCount(0);

  await page.keyboard.press('n');
  await page.keyboard.type('Friday deploy');

  await page.keyboard.press('Enter'); // create, from the New postmortem dialog
  const field = await addTimelineEvent(page, 'In hindsight, Sam did a cowboy deploy.');
  await expect(page.locator('.prose-mark')).toHaveText(['cowboy deploy']);
  await page.keyboard.press('Alt+1');
  await expect(field).toHaveValue('In hindsight, Sam did a deploy outside the pipeline.');

  // Settings survive a reload; a file that is not settings is refused with a reason, a real one loads.
  await page.reload();
  await page.getByRole('button', { name: 'Phrasing settings…' }).click();
  await expect(dialog.getByRole('checkbox', { name: /^Hindsight/ })).not.toBeChecked();
  await dialog.getByRole('checkbox', { name: /^Hindsight/ }).check();
  await dialog.getByRole('button', { name: 'Remove phrase 1' }).click();
  const bad = `${file}.bad.json`;
  fs.writeFileSync(bad, '{"title": "not settings"}');
  let chooser = page.waitForEvent('filechooser');
  await dialog.getByRole('button', { name: 'Import from file…' }).click();
  await (await chooser).setFiles(bad);
  await expect(dialog.getByRole('alert')).toContainText('not a phrasing-settings file');
  const good = `${file}.json`;
  fs.copyFileSync(file, good);
  chooser = page.waitForEvent('filechooser');
  await dialog.getByRole('button', { name: 'Import from file…' }).click();
  await (await chooser).setFiles(good);
  await expect(dialog.getByRole('status')).toContainText('1 team phrase');
  await expect(dialog.getByLabel('Phrase 1', { exact: true })).toHaveValue('cowboy deploy');
  await expect(dialog.getByRole('checkbox', { name: /^Hindsight/ })).not.toBeChecked();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
});
