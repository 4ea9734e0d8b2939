import { describe, expect, it, vi } from 'vitest';
import { checkPostmortem, rememberValid } from '../../../shared/documentValidation';
import { updateTimelineEvent } from '../../../shared/edits';
import { postmortemSchema, timelineEventSchema, type Postmortem } from '../../../shared/model';
import { fullPostmortem } from '../../fixtures/documents';

const verdict = (doc: unknown) => {
  const checked = checkPostmortem(doc);
  return checked.ok ? 'ok' : checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};
const schemaVerdict = (doc: unknown) => {
  const parsed = postmortemSchema.safeParse(doc);
  return parsed.success ? 'ok' : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('checking a postmortem before a save', () => {
  it('agrees with the schema on valid documents and on each kind of damage, naming the same problems', () => {
    const doc = fullPostmortem();
    const [row] = doc.timeline;
    const [item] = doc.actionItems;
    const [node] = doc.whys.nodes;
    if (!row || !item || !node) throw new Error('the fixture needs a timeline row, an action item and a why');
    const damaged: unknown[] = [
      { ...doc, incidentDate: '2026-02-31' },
      { ...doc, timeline: [...doc.timeline, { ...row, id: 'new', kind: 'rumour' }] },
      { ...doc, actionItems: [{ ...item, priority: 'P9' }] },
      { ...doc, whys: { ...doc.whys, nodes: [{ ...node, tags: ['not a tag!'] }] } },
      { ...doc, timeline: [...doc.timeline, 'not a row'] },
      { ...doc, meeting: { agendaName: 1 } },
      null,
      'a string',
    ];
    expect(verdict(doc)).toBe('ok');
    for (const bad of damaged) {
      expect(verdict(bad)).not.toBe('ok');
      expect(verdict(bad)).toEqual(schemaVerdict(bad));
    }
  });

  it('after a load, checks only the items an edit replaced, and still refuses a bad one', () => {
    const full = fullPostmortem();
    const [template] = full.timeline;
    if (!template) throw new Error('the fixture needs a timeline row');
    const rows = Array.from({ length: 100 }, (_, i) => ({ ...template, id: `row-${i}`, text: `Event ${i}` }));
    const doc: Postmortem = { ...full, timeline: rows };
    rememberValid(doc);
    const [first] = doc.timeline;
    if (!first) throw new Error('no timeline row');
    const edited = updateTimelineEvent(doc, first.id, { text: `${first.text} more` });
    const rowChecks = vi.spyOn(timelineEventSchema, 'safeParse');
    try {
      expect(checkPostmortem(edited).ok).toBe(true);
      expect(rowChecks).toHaveBeenCalledTimes(1); // the edited row, not all 100
      // An item once valid is never taken on trust in another shape: a replaced row is a new object.
      const broken = { ...edited, timeline: edited.timeline.map((r, i) => (i === 3 ? { ...r, time: 42 } : r)) };
      expect(verdict(broken)).toEqual(schemaVerdict(broken));
      expect(verdict(broken)).not.toBe('ok');
    } finally {
      rowChecks.mockRestore();
    }
  });
});
