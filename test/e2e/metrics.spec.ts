import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { createPostmortem } from '../../shared/documents';
import { blankActionItem } from '../../shared/edits';
import type { ActionItem, Postmortem } from '../../shared/model';
import { seedDocuments } from './seedDocuments';

/**
 * Three postmortems with every number the dashboard needs, computed by hand:
 * "today" is Wednesday 2026-03-18.
 */
function postmortem(spec: {
  id: string;
  title: string;
  day: string;
  resolved: string;
  meeting: string;
  service: string;
  impactMinutes: number;
  tags: string[];
  items: Partial<ActionItem>[];
}): Postmortem {
  const base = createPostmortem(spec.id, `${spec.day}T18:00:00.000Z`);
  return {
    ...base,
    title: spec.title,
    incidentDate: spec.day,
    impact: {
      ...base.impact,
      servicesAffected: [spec.service],
      sloTarget: '99.9',
      impactMinutesOverride: spec.impactMinutes,
    },
    timeline: [{ id: 't1', time: spec.resolved, text: 'Resolved', kind: 'event', milestone: 'resolved', knownAt: '' }],
    whys: {
      symptom: 'Errors',
      nodes: [
        { id: 'w1', parentId: null, order: 0, question: 'Why?', answer: 'Because', isRootCause: true, tags: spec.tags },
      ],
    },
    actionItems: spec.items.map((patch, i) =>
      blankActionItem(`a${i + 1}`, i + 1, { description: `Action ${i + 1}`, owner: 'Priya', ...patch }),
    ),
    meeting: {
      agendaName: 'Standard',
      phases: [],
      currentPhase: 0,
      startedAt: spec.meeting,
      endedAt: null,
      privateNotes: '',
      readyForReview: false,
      muted: false,
    },
  };
}

const FIXTURES = [
  // Resolved Friday, meeting Monday: 1 business day. 90 min against 43.2: 208.3% of the budget.
  postmortem({
    id: 'checkout-1',
    title: 'Checkout outage',
    day: '2026-01-09',
    resolved: '2026-01-09T16:00:00Z',
    meeting: '2026-01-12T10:00:00Z',
    service: 'checkout',
    impactMinutes: 90,
    tags: ['config-push'],
    items: [
      { priority: 'P0', dueDate: '2026-01-23', done: true, doneAt: '2026-01-20' }, // on time
      { priority: 'P1', dueDate: '2026-02-06' }, // overdue
    ],
  }),
  // Friday to the Monday a week later: 6 business days. 21.6 min: 50%.
  postmortem({
    id: 'search-1',
    title: 'Search latency',
    day: '2026-02-13',
    resolved: '2026-02-13T12:00:00Z',
    meeting: '2026-02-23T10:00:00Z',
    service: 'search',
    impactMinutes: 21.6,
    tags: ['no-canary'],
    items: [{ priority: 'P1', dueDate: '2026-03-01', done: true, doneAt: '2026-03-03' }], // late
  }),
  // Wednesday to Friday: 2 business days. 4.32 min: 10%. Repeats config-push, 54 days after the first.
  postmortem({
    id: 'checkout-2',
    title: 'Checkout again',
    day: '2026-03-04',
    resolved: '2026-03-04T10:00:00Z',
    meeting: '2026-03-06T10:00:00Z',
    service: 'checkout',
    impactMinutes: 4.32,
    tags: ['config-push', 'capacity'],
    items: [
      { priority: 'P0', dueDate: '2026-03-10', done: true, doneAt: '2026-03-09' }, // on time
      { priority: 'P1', dueDate: '2026-04-01' }, // not due yet: not counted
    ],
  }),
];

/** The rows of the screen-reader table named `caption`, as cell texts. */
async function tableRows(page: Page, caption: string): Promise<string[][]> {
  const table = page.getByRole('table', { name: caption });
  await expect(table).toBeAttached();
  return table
    .locator('tbody tr')
    .evaluateAll((rows) => rows.map((row) => [...row.children].map((cell) => cell.textContent?.trim() ?? '')));
}

test('program metrics: empty state, then charts whose numbers match hand-computed fixtures', async ({ page }) => {
  test.setTimeout(60_000); // axe reads the whole dashboard once
  await page.clock.install({ time: new Date('2026-03-18T12:00:00Z') });
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(r.url());
  });
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'No postmortems yet' })).toBeVisible();
  const dashboardChunk = (urls: string[]) => urls.some((url) => /\/MetricsScreen-[^/]*\.js$/.test(url));
  expect(dashboardChunk(scripts)).toBe(false);

  // Keyboard: M opens the dashboard, which asks for more postmortems.
  await page.keyboard.press('m');
  await expect(page.getByRole('heading', { name: 'Program metrics' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Not enough postmortems for metrics yet' })).toBeVisible();
  // The chart library came in its own chunk, only now.
  expect(dashboardChunk(scripts)).toBe(true);
  await page.getByRole('button', { name: '← Library' }).click();

  await seedDocuments(page, FIXTURES);
  await page.reload();
  await expect(page.getByRole('button', { name: 'Checkout again', exact: true })).toBeVisible();
  await page.getByRole('button', { name: /Program metrics/ }).click();
  await expect(page.getByText('3 postmortems with an incident from Apr 2025 to Mar 2026.')).toBeVisible();

  const card = (title: string) => page.getByRole('region', { name: title });

  // Median of 1, 6 and 2 business days is 2: met.
  await expect(card('Time to postmortem')).toContainText('Median 2 business days; 2 of 3 held within 5.');
  await expect(card('Time to postmortem')).toContainText('Target met');
  expect(await tableRows(page, 'Time to postmortem, per postmortem')).toEqual([
    ['Checkout outage', '2026-01-09', '1', 'Yes'],
    ['Search latency', '2026-02-13', '6', 'No'],
    ['Checkout again', '2026-03-04', '2', 'Yes'],
  ]);

  // 2 on time of 4 counted (one late, one overdue; the one due in April is still in play).
  const completion = card('P0/P1 action items done on time');
  await expect(completion).toContainText('50% done by their due date (2 of 4).');
  await expect(completion).toContainText('Target missed');
  expect(await tableRows(page, 'P0/P1 action items by the month they were due')).toEqual([
    ['Jan 2026', '1', '0', '0', '100%'],
    ['Feb 2026', '0', '0', '1', '0%'],
    ['Mar 2026', '1', '1', '0', '50%'],
  ]);

  await expect(card('Repeat incidents')).toContainText('33.3% repeat an earlier root cause (1 of 3).');
  await expect(card('Repeat incidents')).toContainText('“Checkout again” (2026-03-04) repeats config-push');
  expect(await tableRows(page, 'Root-cause tags in this period')).toEqual([
    ['config-push', '2', '1'],
    ['capacity', '1', '0'],
    ['no-canary', '1', '0'],
  ]);

  // 3 incidents in 12 months: lambda 0.25, e^-0.25 = 77.9%.
  await expect(card('Incidents per month')).toContainText(
    'Average per month (λ): 0.25; chance of a month with none: 77.9%.',
  );
  const perMonth = await tableRows(page, 'Incidents per month');
  expect(perMonth).toHaveLength(12);
  expect(perMonth.slice(-3)).toEqual([
    ['Jan 2026', '1'],
    ['Feb 2026', '1'],
    ['Mar 2026', '1'],
  ]);
  const poisson = await tableRows(page, 'Months with k incidents: Poisson chance and what happened');
  expect(poisson.slice(0, 2)).toEqual([
    ['0', '77.9%', '75%'],
    ['1', '19.5%', '25%'],
  ]);

  expect(await tableRows(page, 'Mean days between incidents, per service and quarter')).toEqual([
    ['checkout', '—', '—', '—', '54', '54', '2', 'not enough data'],
    ['search', '—', '—', '—', '—', '—', '1', 'not enough data'],
  ]);

  const budget = card('Error budget consumed, per service and month');
  await expect(budget).toContainText('1 service-month over budget: checkout in Jan 2026 (208.3%).');
  const budgetRows = await tableRows(page, 'Error budget consumed, per month and service');
  expect(budgetRows.slice(-3)).toEqual([
    ['Jan 2026', '208.3%', '0%'],
    ['Feb 2026', '0%', '50%'],
    ['Mar 2026', '10%', '0%'],
  ]);

  // The charts are drawn (one SVG bar per incident month here), and the numbers can be shown on screen.
  await expect(card('Time to postmortem').locator('.recharts-bar-rectangle')).toHaveCount(3);
  await card('Time to postmortem').getByRole('button', { name: 'Show the numbers' }).click();
  await expect(page.getByRole('table', { name: 'Time to postmortem, per postmortem' })).toBeVisible();

  // Charts, badges and tables pass axe's serious checks (contrast included).
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  expect(
    violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);

  // A shorter period: January to March, lambda 1, e^-1 = 36.8%.
  await page.getByLabel('Period').selectOption({ label: 'Last 3 months' });
  await expect(card('Incidents per month')).toContainText(
    'Average per month (λ): 1; chance of a month with none: 36.8%.',
  );

  await page.keyboard.press('Control+Shift+L');
  await expect(page.getByRole('heading', { name: 'Postmortem Studio' })).toBeVisible();
});
