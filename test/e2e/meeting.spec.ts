import { expect, test, type Page } from '@playwright/test';

const saved = (page: Page) => expect(page.getByTestId('save-state')).toHaveText(/Saved/);
const strip = (page: Page) => page.getByLabel('Meeting', { exact: true });
const clock = (page: Page) => strip(page).locator('.meeting-clock');
const announced = (page: Page) => strip(page).getByRole('status');

/**
 * The phase clock reads `mm:ss left` or `⚠ +mm:ss over`, within a few seconds of
 * `expected` (the fake clock jumps; real time between steps still passes).
 */
async function expectClock(page: Page, expected: string) {
  const toSeconds = (text: string) => {
    const match = /(\+)?(\d\d):(\d\d) (left|over)/.exec(text);
    if (!match) return Number.NaN;
    const seconds = Number(match[2]) * 60 + Number(match[3]);
    return match[4] === 'over' ? -seconds : seconds;
  };
  const want = toSeconds(expected);
  await expect
    .poll(async () => want - toSeconds((await clock(page).textContent()) ?? ''), { timeout: 5000 })
    .toBeGreaterThanOrEqual(0);
  expect(want - toSeconds((await clock(page).textContent()) ?? '')).toBeLessThanOrEqual(5);
  if (expected.includes('over')) await expect(clock(page)).toContainText('⚠');
}

/** Keys for the meeting go to the page, not to a field. */
async function meetingKey(page: Page, key: string) {
  await page.locator('body').click({ position: { x: 2, y: 2 } });
  await page.keyboard.press(key);
}

async function startMeeting(page: Page, title: string) {
  await page.clock.install({ time: new Date('2026-03-20T14:00:00Z') });
  await page.goto('/');
  await page.keyboard.press('n');
  await page.keyboard.type(title);
  await page.keyboard.press('Enter'); // create, from the New postmortem dialog
  await strip(page).getByRole('button', { name: 'Start the meeting' }).click();
}

test('run the whole 60-minute agenda on a fast clock: cues, overrun, extend, pause, and the record after', async ({
  page,
}) => {
  await startMeeting(page, 'Checkout outage');
  await expect(strip(page)).toContainText('Phase 1 of 5');
  await expect(strip(page)).toContainText('Context setting');
  await expectClock(page, '05:00 left');
  await expect(announced(page)).toHaveText('Now: Context setting, 5 minutes.');

  await page.clock.fastForward('04:10');
  await expectClock(page, '00:50 left');
  await expect(announced(page)).toHaveText('One minute left in Context setting.');

  await meetingKey(page, 'n');
  await expect(strip(page)).toContainText('Timeline walkthrough');
  await expect(announced(page)).toHaveText('Now: Timeline walkthrough, 15 minutes.');
  await expect(page.locator('#section-timeline')).toBeInViewport();

  await page.clock.fastForward('17:00');
  await expectClock(page, '+02:00 over');
  await meetingKey(page, 'e');
  await expectClock(page, '03:00 left');
  await expect(strip(page)).toContainText('phase extended by 5 min');

  // Paused time does not count.
  await meetingKey(page, ' ');
  await expect(strip(page)).toContainText('Paused');
  const pausedAt = await clock(page).textContent();
  await page.clock.fastForward('10:00');
  await expect(clock(page)).toHaveText(pausedAt ?? '');
  await meetingKey(page, ' ');
  await expect(strip(page)).not.toContainText('Paused');

  // A reload in the middle shows the same time.
  await page.clock.fastForward('01:00');
  await saved(page);
  await page.reload();
  await page.getByRole('button', { name: 'Checkout outage', exact: true }).click();
  await expectClock(page, '02:00 left');

  await meetingKey(page, 'n'); // root cause analysis
  await expect(page.locator('#section-whys')).toBeInViewport();
  await page.clock.fastForward('28:00');
  await meetingKey(page, 'n'); // action items
  await expect(page.locator('#section-actions')).toBeInViewport();
  await page.clock.fastForward('10:00');
  await strip(page).getByRole('button', { name: /Next/ }).click(); // wrap-up
  const wrapUp = page.getByRole('region', { name: 'Wrap-up' });
  await expect(wrapUp).toBeInViewport();
  await expect(wrapUp).toContainText('No review date set yet');
  await wrapUp.getByLabel('The room agrees the document is ready for final review').check();
  await wrapUp.getByRole('button', { name: 'Set the status to In Review' }).click();
  await expect(page.getByLabel('Status')).toHaveValue('In Review');

  await strip(page).getByRole('button', { name: 'End meeting' }).click();
  await expect(strip(page)).toContainText('Meeting held 2026-03-20');
  await expect(strip(page)).toContainText('Timeline walkthrough ran 3 min over (18 of 15 planned)');
  await expect(strip(page)).toContainText('Root cause analysis ran 8 min over (28 of 20 planned)');
  await saved(page);
  await page.reload();
  await page.getByRole('button', { name: 'Checkout outage', exact: true }).click();
  await expect(strip(page)).toContainText('Root cause analysis ran 8 min over');

  // The export ends with the Meeting note: planned against actual, never the private notes.
  await page.keyboard.press('Control+Shift+P');
  const preview = page.getByRole('complementary', { name: 'Preview' });
  await expect(preview.getByRole('heading', { name: 'Meeting', level: 2 })).toBeVisible();
  await expect(preview.getByRole('row', { name: /Root cause analysis/ })).toContainText('28 min');
  await expect(preview.getByRole('row', { name: /Root cause analysis/ })).toContainText('8 min over');
  await expect(preview).toContainText('Postmortem meeting (60 min)');
});

test('presenting shows the phase in large type with no private prompts; the console keeps them', async ({ page }) => {
  await startMeeting(page, 'Disk full');
  await page.getByRole('button', { name: 'Add event' }).click();
  await page.getByLabel('Event 1', { exact: true }).fill('Bob forgot to check the disk alert.');
  await expect(page.locator('.prose-mark')).toHaveCount(1);

  await page.keyboard.press('Control+Shift+M');
  const consolePanel = page.getByRole('complementary', { name: 'Facilitator console' });
  await expect(consolePanel.getByRole('listitem').filter({ hasText: 'Context setting' })).toHaveAttribute(
    'aria-current',
    'step',
  );
  await expect(consolePanel).toContainText('Ground rules to read out');
  await expect(consolePanel).toContainText('Blameful wording just typed');
  await expect(consolePanel).toContainText('“Bob forgot to check the disk alert”');
  await consolePanel.getByLabel('Private notes').fill('Ask Priya about the runbook privately');

  await consolePanel.getByRole('button', { name: 'Timeline walkthrough' }).click();
  await expect(consolePanel).toContainText('Separate what was seen from what it meant');

  await meetingKey(page, 'F5');
  const header = page.getByLabel('Presenting', { exact: true });
  await expect(header.getByRole('heading', { level: 1 })).toHaveText('Timeline walkthrough');
  await expect(header).toContainText(/1[45]:\d\d left/);
  await expect(page.getByLabel('Event 1', { exact: true })).toBeVisible();
  // Only the phase's section, and nothing private, is on the shared screen.
  await expect(page.getByLabel('Postmortem header')).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'What Went Well' })).toHaveCount(0);
  await expect(page.locator('.prose-mark')).toHaveCount(0);
  await expect(page.getByRole('button', { name: /Prompts \(/ })).toHaveCount(0);
  const fontSize = await page.locator('.document-layout').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(fontSize).toBeGreaterThanOrEqual(24);

  await meetingKey(page, 'n');
  await expect(header.getByRole('heading', { level: 1 })).toHaveText('Root cause analysis');
  await meetingKey(page, 'Escape');
  await expect(header).toHaveCount(0);
  await expect(page.locator('.prose-mark')).toHaveCount(1);
});

test("a team's own agenda: copy a built-in one, change it, save, and run a meeting with it", async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('n');
  await page.keyboard.type('Queue backlog');
  await page.keyboard.press('Enter'); // create, from the New postmortem dialog
  await strip(page).getByRole('button', { name: 'Edit agendas…' }).click();
  const editor = page.getByRole('dialog', { name: 'Meeting agendas' });
  await editor
    .getByRole('listitem')
    .filter({ hasText: 'Near-miss review (30 min)' })
    .getByRole('button', { name: 'Copy to edit' })
    .click();
  await editor.getByLabel('Name', { exact: true }).fill('Quick near-miss');
  await editor.getByLabel('Phase 2 minutes').fill('12');
  await editor.getByRole('button', { name: 'Remove phase 5' }).click();
  await editor.getByRole('button', { name: 'Move phase 4 up' }).click();
  await editor.getByLabel('Phase 1 name').fill('');
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(editor.getByRole('alert')).toContainText('needs a name');
  await editor.getByLabel('Phase 1 name').fill('What almost happened | <b>not bold</b>');
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(editor).toHaveCount(0);

  await page.reload();
  await page.getByRole('button', { name: 'Queue backlog', exact: true }).click();
  await strip(page).getByLabel('Agenda').selectOption({ label: 'Quick near-miss' });
  await expect(strip(page)).toContainText(
    'What almost happened | <b>not bold</b> 5′ · How it was caught 12′ · Safeguards 5′ · Why it was possible 10′ (32 min)',
  );
  await strip(page).getByRole('button', { name: 'Start the meeting' }).click();
  await expect(strip(page)).toContainText('Phase 1 of 4');
  await expect(strip(page)).toContainText('What almost happened | <b>not bold</b>');
});

test('a console in its own window follows the editor, and either one drives the meeting', async ({ page, context }) => {
  await page.goto('/');
  await page.keyboard.press('n');
  await page.keyboard.type('Two screens');
  await page.keyboard.press('Enter'); // create, from the New postmortem dialog
  await strip(page).getByRole('button', { name: 'Start the meeting' }).click();
  await page.keyboard.press('Control+Shift+M');
  const popup = context.waitForEvent('page');
  await page.getByRole('button', { name: 'Open in its own window' }).click();
  const consolePage = await popup;
  const remote = strip(consolePage);
  await expect(remote).toContainText('Phase 1 of 5');
  await expect(remote).toContainText('Context setting');

  // The console drives the editor...
  await remote.getByRole('button', { name: /Next/ }).click();
  await expect(strip(page)).toContainText('Timeline walkthrough');
  await expect(remote).toContainText('Timeline walkthrough');
  // ...and the editor drives the console.
  await meetingKey(page, 'n');
  await expect(remote).toContainText('Root cause analysis');
  await consolePage.locator('body').click({ position: { x: 2, y: 2 } });
  await consolePage.keyboard.press(' ');
  await expect(strip(page)).toContainText('Paused');
  await expect(remote).toContainText('Paused');

  // Notes typed in the console are saved by the editor and shown in its panel too.
  await consolePage.getByLabel('Private notes').fill('Thank the on-call for the fast page');
  await expect(
    page.getByRole('complementary', { name: 'Facilitator console' }).getByLabel('Private notes'),
  ).toHaveValue('Thank the on-call for the fast page');
  await saved(page);

  // Presenting is switched in the main window from the console.
  await remote.getByRole('button', { name: 'Present or stop, in the main window' }).click();
  await expect(page.getByLabel('Presenting', { exact: true })).toBeVisible();
  await expect(page.getByLabel('Presenting', { exact: true })).toContainText('Root cause analysis');
  // The notes stay private: not on the presented screen.
  await expect(page.locator('main')).not.toContainText('Thank the on-call');
});
