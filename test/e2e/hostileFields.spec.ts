import { expect, test, type Locator, type Page } from '@playwright/test';

/**
 * One string that tries everything at once: HTML that would run, a markdown link to
 * javascript:, a table pipe, backticks, Mermaid syntax, a right-to-left override, a
 * zero-width space and emoji with a zero-width joiner.
 */
const HOSTILE =
  '<img src=x onerror="window.__pwned=1"> <script>window.__pwned=1</script> [x](javascript:window.__pwned=1) | `tick` A-->B end \u202Eevil\u202C zero\u200Bwidth 🔥👩‍💻';

/** Each field gets its own copy, so the preview can be checked for every one. */
const value = {
  title: `Title ${HOSTILE}`,
  event: `Event ${HOSTILE}`,
  factor: `Factor ${HOSTILE}`,
  wentWell: `Well ${HOSTILE}`,
  wentPoorly: `Poorly ${HOSTILE}`,
  action: `Action ${HOSTILE}`,
  owner: `Owner ${HOSTILE}`,
  criteria: `Criteria ${HOSTILE}`,
  tracking: `javascript:window.__pwned=1 ${HOSTILE}`,
  symptom: `Symptom ${HOSTILE}`,
  answer: `Answer ${HOSTILE}`,
};

type Pwned = { __pwned?: unknown };

/** Nothing from the text became markup that runs or loads. */
async function expectNothingRan(page: Page) {
  expect(await page.evaluate(() => (window as unknown as Pwned).__pwned)).toBeUndefined();
  const found = await page.evaluate(() => ({
    scripts: [...document.querySelectorAll('script')].filter((s) => /__pwned/.test(s.textContent ?? '')).length,
    images: document.querySelectorAll('img').length,
    handlers: document.querySelectorAll('[onerror], [onload], [onclick], [onmouseover]').length,
    scriptLinks: [...document.querySelectorAll('a[href]')].filter(
      (a) => !/^(https?:|mailto:|#|\/)/i.test(a.getAttribute('href') ?? ''),
    ).length,
    frames: document.querySelectorAll('iframe, object, embed').length,
  }));
  expect(found).toEqual({ scripts: 0, images: 0, handlers: 0, scriptLinks: 0, frames: 0 });
}

const textbox = (scope: Page | Locator, name: string) => scope.getByRole('textbox', { name, exact: true });

test('hostile text in every kind of field is shown literally, runs nothing, and survives a reload', async ({
  page,
}) => {
  test.setTimeout(60_000);
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });

  await page.goto('/');
  await page.getByRole('button', { name: 'Start your first postmortem' }).click();
  await page.getByRole('dialog', { name: 'New postmortem' }).getByRole('button', { name: 'Create' }).click();
  await page.getByLabel('Title').fill(value.title);

  await page.getByRole('button', { name: 'Add event' }).click();
  await textbox(page, 'Event 1').fill(value.event);
  await page.getByRole('button', { name: 'Add factor' }).click();
  await textbox(page, 'Primary factor').fill(value.factor);
  for (const [section, text] of [
    ['What Went Well', value.wentWell],
    ['What Went Poorly', value.wentPoorly],
  ] as const) {
    await page.getByRole('region', { name: section }).getByRole('button', { name: 'Add item' }).click();
    await textbox(page, `${section}, item 1`).fill(text);
  }
  await page.getByRole('button', { name: 'Add action item' }).click();
  const item = page.getByRole('listitem', { name: 'AI-001' });
  await textbox(item, 'AI-001 action').fill(value.action);
  await item.getByLabel('Owner').fill(value.owner);
  await item.getByLabel('Success criteria').fill(value.criteria);
  await item.getByLabel('Tracking link').fill(value.tracking);
  // Not a web address, so no "Open" link is offered.
  await expect(item.getByRole('link')).toHaveCount(0);

  // The five whys: the symptom, then one why whose answer is typed in the node editor.
  // Each editor is waited for: text inserted before it has focus would go nowhere.
  const graph = page.getByRole('application', { name: /Five whys graph/ });
  await graph.focus();
  await page.keyboard.press('F2');
  await expect(textbox(page, 'Initial symptom')).toBeFocused();
  await page.keyboard.insertText(value.symptom);
  await page.keyboard.press('Enter');
  await expect(textbox(page, 'Initial symptom')).toHaveCount(0);
  await page.keyboard.press('Tab');
  const answer = page.locator('textarea[data-prompt-field$=":answer"]');
  await expect(answer).toBeFocused();
  await page.keyboard.insertText(value.answer);
  await page.keyboard.press('Escape');
  await expect(answer).toHaveCount(0);
  await expect(page.locator('.why-node:not(.why-symptom)')).toHaveCount(1);

  await expect(page.getByTestId('save-state')).toHaveText(/Saved/);
  await expectNothingRan(page);

  // The markdown preview shows every string as text.
  await page.keyboard.press('Control+Shift+P');
  await expect(page.getByRole('button', { name: 'Hide preview' })).toHaveAttribute('aria-pressed', 'true');
  const preview = page.getByRole('article', { name: 'Markdown preview' });
  await expect(preview).toContainText('Postmortem: Title');
  const shown = (await preview.textContent()) ?? '';
  for (const [field, text] of Object.entries(value)) expect(shown, field).toContain(text);
  await expectNothingRan(page);

  await page.reload();
  const row = page.getByRole('row').nth(1);
  await expect(row).toContainText('Title <img src=x');
  await row.getByRole('button').first().click();
  await expect(page.getByLabel('Title')).toHaveValue(value.title);
  await expect(textbox(page, 'Event 1')).toHaveValue(value.event);
  await expect(textbox(page, 'Primary factor')).toHaveValue(value.factor);
  await expect(textbox(page, 'What Went Well, item 1')).toHaveValue(value.wentWell);
  await expect(textbox(page, 'What Went Poorly, item 1')).toHaveValue(value.wentPoorly);
  const reopened = page.getByRole('listitem', { name: 'AI-001' });
  await expect(textbox(reopened, 'AI-001 action')).toHaveValue(value.action);
  await expect(reopened.getByLabel('Owner')).toHaveValue(value.owner);
  await expect(reopened.getByLabel('Success criteria')).toHaveValue(value.criteria);
  await expect(reopened.getByLabel('Tracking link')).toHaveValue(value.tracking);
  await expect(page.locator('.why-symptom')).toHaveAttribute('aria-label', `Initial symptom: ${value.symptom}`);
  await expect(page.locator('.why-node:not(.why-symptom)')).toHaveAttribute(
    'aria-label',
    new RegExp(`Answer: ${value.answer.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`),
  );
  await expectNothingRan(page);

  expect(problems).toEqual([]);
});
