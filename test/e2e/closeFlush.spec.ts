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

test('edits whose save is still running when the tab closes are kept, and saved at the next open', async ({
  page,
  context,
}) => {
  await page.goto('/');
  await page.keyboard.press('n');
  await page.keyboard.type('Queue backlog');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('save-state')).toHaveText(/Saved/);
  // Another tab holds the documents store, so the save started as this tab closes waits
  // behind it, and dies with the tab: a save that cannot finish in time.
  const blocker = await context.newPage();
  await blocker.goto('/');
  await blocker.evaluate(holdDocumentsStore);
  await page.getByLabel('Incident commander').focus();
  await page.keyboard.type('Ines K');
  await page.close();
  await blocker.evaluate(releaseDocumentsStore);
  await blocker.close();

  const again = await context.newPage();
  await again.goto('/');
  await again.getByRole('button', { name: 'Queue backlog', exact: true }).click();
  await expect(again.getByLabel('Incident commander')).toHaveValue('Ines K');
  await expect(again.getByText(/Edits still being saved when this postmortem last closed were kept/)).toBeVisible();
  // They are on disk now: the next open shows them with no notice.
  await again.reload();
  await again.getByRole('button', { name: 'Queue backlog', exact: true }).click();
  await expect(again.getByLabel('Incident commander')).toHaveValue('Ines K');
  await expect(again.getByText(/Edits still being saved/)).toHaveCount(0);
});

test('a postmortem whose first save is still running when the tab closes is kept, and listed at the next start', async ({
  page,
  context,
}) => {
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'Start your first postmortem' })).toBeVisible();
  // Another tab holds the documents store before the postmortem exists: its first save
  // cannot finish before the tab closes.
  const blocker = await context.newPage();
  await blocker.goto('/');
  await blocker.evaluate(holdDocumentsStore);
  await page.keyboard.press('n');
  await page.keyboard.type('Queue backlog');
  await page.keyboard.press('Enter');
  await page.getByLabel('Incident commander').focus();
  await page.keyboard.type('Ines K');
  await expect(page.getByTestId('save-state')).not.toHaveText(/Saved/);
  await page.close();
  await blocker.evaluate(releaseDocumentsStore);
  await blocker.close();

  const again = await context.newPage();
  await again.goto('/');
  await expect(again.getByText(/“Queue backlog” was created just before its tab closed/)).toBeVisible();
  await again.getByRole('button', { name: 'Queue backlog', exact: true }).click();
  await expect(again.getByLabel('Incident commander')).toHaveValue('Ines K');
  // Saved now: the next start lists it with no notice.
  await again.reload();
  await expect(again.getByRole('button', { name: 'Queue backlog', exact: true })).toBeVisible();
  await expect(again.getByText(/was created just before its tab closed/)).toHaveCount(0);
});

declare global {
  interface Window {
    __holding?: boolean;
  }
}

/** In the page: keeps a read-write transaction on the documents store open until released. */
function holdDocumentsStore(): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open('postmortem-studio');
    request.onerror = () => reject(request.error);
    request.onsuccess = () => {
      const store = request.result.transaction('documents', 'readwrite').objectStore('documents');
      window.__holding = true;
      const spin = () => {
        if (window.__holding) store.count().onsuccess = spin;
      };
      spin();
      resolve();
    };
  });
}

function releaseDocumentsStore(): void {
  window.__holding = false;
}
