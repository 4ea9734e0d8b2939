import { expect, test } from '@playwright/test';

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
