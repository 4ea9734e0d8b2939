import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { createPostmortem, overdueUrgentInRows, toLibraryRow } from '../../../shared/documents';
import { blankActionItem } from '../../../shared/edits';
import type { ActionItem, Postmortem } from '../../../shared/model';
import {
  filterItems,
  itemsChecklist,
  itemsCsv,
  overdueUrgentCount,
  owners,
  sortByDue,
  trackedItems,
} from '../../../shared/tracker';

const item = (number: number, patch: Partial<ActionItem>): ActionItem =>
  blankActionItem(`a${number}`, number, { description: `Action ${number}`, owner: 'Priya', priority: 'P2', ...patch });

const doc = (id: string, title: string, services: string[], actionItems: ActionItem[]): Postmortem => ({
  ...createPostmortem(id, '2026-03-18T10:00:00.000Z'),
  title,
  impact: { ...createPostmortem(id, '2026-03-18T10:00:00.000Z').impact, servicesAffected: services },
  actionItems,
});

const docs = [
  doc(
    'pm-1',
    'Checkout outage',
    ['checkout-api'],
    [
      item(1, { priority: 'P0', dueDate: '2026-04-01', owner: 'Priya' }),
      item(2, { priority: 'P1', dueDate: '2026-05-01', owner: 'tom ' }),
      item(3, { priority: 'P1', dueDate: '2026-03-30', done: true, doneAt: '2026-03-29' }),
    ],
  ),
  doc(
    'pm-2',
    'Queue backlog',
    ['queue', 'checkout-api'],
    [
      item(1, { priority: 'P1', dueDate: '2026-04-10', owner: 'Tom' }),
      item(2, { priority: 'P3', dueDate: '', owner: '' }),
    ],
  ),
];
const today = '2026-04-15';
const all = trackedItems(docs, today);

describe('action items across postmortems', () => {
  it('knows which are open, overdue and done from the due date', () => {
    expect(all.map((t) => `${t.docId}/${t.ref}:${t.status}`)).toEqual([
      'pm-1/AI-001:overdue',
      'pm-1/AI-002:open',
      'pm-1/AI-003:done',
      'pm-2/AI-001:overdue',
      'pm-2/AI-002:open',
    ]);
    expect(overdueUrgentCount(all)).toBe(2);
    expect(overdueUrgentCount(trackedItems(docs, '2026-03-01'))).toBe(0);
  });

  it('counts the same overdue P0/P1 items from the library rows as from the documents', () => {
    // The library's badge reads rows only; it must agree with the tracker's list.
    const rows = docs.map((d) => toLibraryRow(d));
    for (const day of ['2026-03-01', '2026-04-01', '2026-04-02', today, '2026-05-02']) {
      expect(overdueUrgentInRows(rows, day)).toBe(overdueUrgentCount(trackedItems(docs, day)));
    }
    expect(overdueUrgentInRows(rows, today)).toBe(2);
    expect(rows[1]?.urgentDueDates).toEqual(['2026-04-10']); // the P3 and the undated item are not urgent
  });

  it('filters by owner (however it is typed), priority, status, service and postmortem, and sorts by due date', () => {
    const refs = (list: typeof all) => list.map((t) => `${t.docId}/${t.ref}`);
    expect(refs(filterItems(all, { owner: 'TOM' }))).toEqual(['pm-1/AI-002', 'pm-2/AI-001']);
    expect(refs(filterItems(all, { priority: 'P1', status: 'not-done' }))).toEqual(['pm-1/AI-002', 'pm-2/AI-001']);
    expect(refs(filterItems(all, { service: 'queue' }))).toEqual(['pm-2/AI-001', 'pm-2/AI-002']);
    expect(refs(filterItems(all, { status: 'done', docId: 'pm-1' }))).toEqual(['pm-1/AI-003']);
    expect(refs(sortByDue(all))).toEqual(['pm-1/AI-003', 'pm-1/AI-001', 'pm-2/AI-001', 'pm-1/AI-002', 'pm-2/AI-002']);
    expect(owners(all)).toEqual(['', 'Priya', 'tom']);
  });

  it('exports CSV a tracker can import, with hostile text quoted and formulas defused', () => {
    const hostile = trackedItems(
      [
        doc(
          'pm-3',
          'Disk "full"',
          [],
          [
            item(1, {
              description: '=HYPERLINK("http://evil")\nthen, "quote"',
              successCriteria: 'A | B',
              owner: '@ops',
              priority: 'P0',
              dueDate: '2026-04-01',
            }),
          ],
        ),
      ],
      today,
    );
    const csv = itemsCsv(hostile, (t) => `postmortem-studio://${t.docId}`);
    const parsed = Papa.parse<string[]>(csv.trimEnd(), { newline: '\r\n' });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data[0]).toEqual(['Summary', 'Description', 'Priority', 'Assignee', 'Due Date']);
    const [summary, description, priority, assignee, due] = parsed.data[1]!;
    expect(summary).toBe(`AI-001: =HYPERLINK("http://evil") then, "quote"`);
    expect(description).toContain('Success criteria: A | B');
    expect(description).toContain('From the postmortem "Disk "full"": postmortem-studio://pm-3');
    expect([priority, due]).toEqual(['P0', '2026-04-01']);
    // A spreadsheet must not run these as formulas, multi-line cells included.
    expect(assignee).toBe("'@ops");
    expect(description?.startsWith(`'=HYPERLINK`)).toBe(true);
  });

  it('writes a checklist by owner for the weekly review', () => {
    expect(itemsChecklist(sortByDue(filterItems(all, { docId: 'pm-2' })), today)).toBe(
      [
        'Action items as of 2026-04-15',
        '',
        '**No owner**',
        '',
        '- [ ] AI-002 (P3): Action 2 — Queue backlog',
        '',
        '**Tom**',
        '',
        '- [ ] AI-001 (P1, due 2026-04-10, OVERDUE): Action 1 — Queue backlog',
        '',
      ].join('\n'),
    );
  });
});
