import { expect, test } from '@playwright/test';

test('? and Ctrl+/ list every shortcut, including the meeting keys; ? typed in a field stays text', async ({
  page,
}) => {
  await page.goto('/');
  await page.keyboard.press('n');
  await page.keyboard.type('Why is the queue');
  await page.keyboard.press('Enter'); // create, from the New postmortem dialog
  const title = page.getByLabel('Title');
  await expect(title).toBeFocused();
  await page.keyboard.type(' slow?');
  await expect(title).toHaveValue('Why is the queue slow?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts', exact: true })).toHaveCount(0);

  // Ctrl+/ works even from inside a field.
  await page.keyboard.press('Control+/');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts', exact: true });
  await expect(dialog).toBeVisible();
  const meeting = dialog.getByRole('region', { name: 'Meeting timer' });
  for (const [key, what] of [
    ['Space', 'Pause or resume'],
    ['N', 'Next phase'],
    ['P', 'Previous phase'],
    ['E', 'Add 5 minutes'],
  ])
    await expect(meeting.getByRole('row', { name: new RegExp(`^${key} ${what}`) })).toBeVisible();
  await expect(dialog.getByRole('region', { name: 'Five Whys graph' })).toContainText('Mark or unmark');
  await expect(dialog.getByRole('button', { name: /Close/ })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // ? outside any field opens it; the button in the document bar too.
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('?');
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: /Close/ }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole('navigation', { name: 'Document' }).getByRole('button', { name: /Keys/ }).click();
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');

  // Inside the graph, ? shows the graph's own keys instead.
  await page.getByRole('application', { name: /Five whys graph/ }).focus();
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Five whys keyboard shortcuts' })).toBeVisible();
  await expect(dialog).toBeHidden();
  await expect(title).toHaveValue('Why is the queue slow?');

  await page.keyboard.press('Escape');

  // While a why is being edited, its field keeps plain keys but lets the app's chords through.
  await page.getByRole('application', { name: /Five whys graph/ }).focus();
  await page.keyboard.press('F2');
  const symptom = page.getByRole('textbox', { name: 'Initial symptom', exact: true });
  await expect(symptom).toBeFocused();
  await page.keyboard.press('Control+Shift+K');
  await expect(page.getByRole('complementary', { name: /Prompts/ })).toBeVisible();
  await symptom.focus();
  await page.keyboard.press('Control+/');
  await expect(dialog).toBeVisible();
});
