import { expect, test, type Page } from '@playwright/test';

/** The node whose answer is exactly `text` (its child's question repeats the text). */
const node = (page: Page, text: string) =>
  page.locator('.why-node').filter({ has: page.locator('.why-answer').getByText(`→ ${text}`, { exact: true }) });

async function answer(page: Page, text: string) {
  await page.keyboard.type(text);
}

test('build a two-branch tree of depth 5 by keyboard, mark root causes, undo/redo, reload', async ({ page }) => {
  test.setTimeout(120_000); // about 200 keystrokes, each a real key event
  await page.goto('/');
  await page.keyboard.press('n');
  await page.keyboard.type('Checkout outage');
  await page.keyboard.press('Enter'); // create, from the New postmortem dialog
  const canvas = page.getByRole('application', { name: /Five whys graph/ });
  await canvas.focus();
  await page.keyboard.press('F2');
  await page.keyboard.type('Checkout returned 500s');
  await page.keyboard.press('Enter');

  // Branch 1: five whys deep, each Tab asks the next why.
  const chain = [
    'The database was overloaded',
    'A batch job ran at peak',
    'The job was rescheduled',
    'The scheduler moved it',
    'The scheduler has no peak-hours rule',
  ];
  for (const text of chain) {
    await page.keyboard.press('Tab');
    await answer(page, text);
  }
  await page.keyboard.press('Escape');
  await page.keyboard.press('r');
  await expect(node(page, 'The scheduler has no peak-hours rule')).toContainText('Root cause');

  // Branch 2 from the second level: ArrowUp x3 to "A batch job ran at peak", then Enter adds a sibling.
  for (let i = 0; i < 3; i += 1) await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Enter');
  await answer(page, 'Connection pool was too small');
  for (const text of ['Pool size is a hard-coded default', 'No load test covers peak traffic']) {
    await page.keyboard.press('Tab');
    await answer(page, text);
  }
  await page.keyboard.press('Escape');
  await page.keyboard.press('r');
  await expect(page.locator('.why-root')).toHaveCount(2);
  await expect(page.locator('.why-node')).toHaveCount(1 + 5 + 3);

  // Pitfall prompt links to its node.
  await page.getByRole('button', { name: /Root cause "No load test covers peak traffic" has no action item/ }).click();
  await expect(node(page, 'No load test covers peak traffic')).toHaveClass(/why-selected/);

  // Undo the last root-cause mark, then redo it.
  await canvas.focus();
  await page.keyboard.press('Control+z');
  await expect(page.locator('.why-root')).toHaveCount(1);
  await page.keyboard.press('Control+Shift+z');
  await expect(page.locator('.why-root')).toHaveCount(2);

  // Delete removes the subtree; undo brings it back.
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect(node(page, 'Connection pool was too small')).toHaveClass(/why-selected/);
  await page.keyboard.press('Delete');
  await expect(page.locator('.why-node')).toHaveCount(1 + 5);
  await page.keyboard.press('Control+z');
  await expect(page.locator('.why-node')).toHaveCount(1 + 5 + 3);

  // Help overlay lists the keys.
  await canvas.focus();
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Five whys keyboard shortcuts' })).toContainText(
    'Mark or unmark the selected node as a root cause',
  );
  await page.keyboard.press('Escape');

  await expect(page.getByTestId('save-state')).toHaveText(/Saved/);
  await page.reload();
  await page.getByRole('button', { name: 'Checkout outage', exact: true }).click();
  await expect(page.locator('.why-node')).toHaveCount(1 + 5 + 3);
  await expect(page.locator('.why-root')).toHaveCount(2);
  await expect(node(page, 'Pool size is a hard-coded default')).toBeVisible();
});

test('drag a node onto another to move it, and a move into its own subtree is refused', async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('n');
  await page.keyboard.press('Enter'); // create, untitled, from the New postmortem dialog
  const canvas = page.getByRole('application', { name: /Five whys graph/ });
  await canvas.focus();
  await page.keyboard.press('Tab');
  await answer(page, 'Alpha answer');
  await page.keyboard.press('Tab');
  await answer(page, 'Beta answer');
  await page.keyboard.press('Escape');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Enter');
  await answer(page, 'Gamma answer');
  await page.keyboard.press('Escape');

  /** A node's box once it has stopped moving (layout and keep-in-view both move nodes). */
  const settledBox = async (text: string) => {
    let last = await node(page, text).boundingBox();
    for (let i = 0; i < 20; i += 1) {
      await page.waitForTimeout(100);
      const now = await node(page, text).boundingBox();
      if (now && last && now.x === last.x && now.y === last.y) return now;
      last = now;
    }
    return last;
  };
  const dragOnto = async (from: string, to: string) => {
    await expect(node(page, to)).toBeVisible();
    await canvas.scrollIntoViewIfNeeded();
    const source = await settledBox(from);
    const target = await settledBox(to);
    if (!source || !target) throw new Error('nodes not on screen');
    await page.mouse.move(source.x + 20, source.y + 10);
    await page.mouse.down();
    await page.mouse.move(target.x + 40, target.y + 20, { steps: 12 });
    await page.mouse.up();
  };
  // Gamma is a top-level why beside Alpha; drop it onto Beta (Alpha's child).
  await dragOnto('Gamma answer', 'Beta answer');
  await expect(page.getByText('Moved. Ctrl+Z moves it back.')).toBeVisible();
  await node(page, 'Gamma answer').click();
  await expect(page.locator('.why-chain')).toContainText('Beta answer');

  // Fit the whole tree in view (selecting Gamma centred it), then try a move that would loop.
  await page.locator('.react-flow__controls-fitview').click();
  await dragOnto('Alpha answer', 'Gamma answer');
  await expect(page.getByText(/would make a loop/)).toBeVisible();
});
