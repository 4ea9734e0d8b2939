import { expect, test } from '@playwright/test';

test('the last keystroke typed before the tab closes is saved', async ({ page, context }) => {
  await page.goto('/');
  await page.keyboard.press('n');
  await page.keyboard.type('Cache stampede');
  await page.keyboard.press('Enter'); // create, from the New postmortem dialog
  await expect(page.getByTestId('save-state')).toHaveText(/Saved/);
  // Type and close at once, well inside the autosave delay.
  await page.getByLabel('Incident commander').focus();
  await page.keyboard.type('Priya N');
  let asked = false;
  page.on('dialog', async (dialog) => {
    // The page asked to stay while it saves; the person then leaves anyway.
    asked = dialog.type() === 'beforeunload';
    await new Promise((resolve) => setTimeout(resolve, 300));
    await dialog.accept();
  });
  await page.close({ runBeforeUnload: true });
  await expect.poll(() => page.isClosed()).toBe(true);

  const again = await context.newPage();
  await again.goto('/');
  await again.getByRole('button', { name: 'Cache stampede', exact: true }).click();
  await expect(again.getByLabel('Incident commander')).toHaveValue('Priya N');
  expect(asked).toBe(true);
});
