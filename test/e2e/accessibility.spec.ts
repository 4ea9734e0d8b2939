import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

/** Serious and critical axe violations only, each as "rule: targets", so a failure says where. */
async function seriousViolations(page: Page, include?: string) {
  const builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
  if (include) builder.include(include);
  const { violations } = await builder.analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('the document screen, the meeting strip, the console and the presenter view have no serious accessibility problems', async ({
  page,
}) => {
  test.setTimeout(120_000); // axe reads the whole page five times; about 6 s each here
  await page.goto('/');
  await page.keyboard.press('n');
  await page.keyboard.type('Checkout outage');
  await page.keyboard.press('Enter'); // create, from the New postmortem dialog
  await page.getByRole('button', { name: 'Add event' }).click();
  await page.getByLabel('Event 1', { exact: true }).fill('Bob forgot to check the canary.');
  expect(await seriousViolations(page)).toEqual([]);
  // The check itself works: an image with no text alternative is reported.
  await page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<img id="axe-probe" src="data:,">'));
  expect(await seriousViolations(page)).toEqual([expect.stringMatching(/^image-alt: #axe-probe/)]);
  await page.evaluate(() => document.getElementById('axe-probe')?.remove());

  await page.getByRole('button', { name: 'Start the meeting' }).click();
  await page.keyboard.press('Control+Shift+M');
  await expect(page.getByRole('complementary', { name: 'Facilitator console' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  expect(await seriousViolations(page, '.console-panel')).toEqual([]);

  await page.keyboard.press('Control+Shift+M');
  await page.locator('body').click({ position: { x: 2, y: 2 } });
  await page.keyboard.press('F5');
  await expect(page.getByLabel('Presenting', { exact: true })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});
