import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyDocumentPatches, documentPatches } from '../../../shared/documentPatch';
import { touch } from '../../../shared/documents';
import {
  insertTimelineEvents,
  newTimelineEvent,
  removeTimelineEvent,
  sortTimelineByTime,
  updateActionItem,
  updateTimelineEvent,
} from '../../../shared/edits';
import { fullPostmortem } from '../../fixtures/documents';

/** What the other thread ends up holding: its copy of `prev`, patched. */
const patched = (prev: object, next: object) =>
  applyDocumentPatches(structuredClone(prev), documentPatches(prev, next));

type Edit = { path: number[]; value: unknown; remove: boolean };

/** `value` with one part replaced (or removed) copy-on-write: everything else is shared. */
function editAt(value: unknown, edit: Edit, depth = 0): unknown {
  const [pick, ...rest] = edit.path;
  if (pick === undefined || typeof value !== 'object' || value === null) return edit.value;
  if (Array.isArray(value)) {
    if (value.length === 0 || (edit.remove && rest.length === 0))
      return [...value, edit.value].slice(edit.remove ? 1 : 0);
    const i = pick % value.length;
    const copy = [...value];
    copy[i] = editAt(value[i], { ...edit, path: rest }, depth + 1);
    return copy;
  }
  const keys = Object.keys(value);
  const record = value as Record<string, unknown>;
  if (keys.length === 0) return { added: edit.value };
  const key = keys[pick % keys.length]!;
  if (edit.remove && rest.length === 0) {
    const { [key]: _removed, ...others } = record;
    return others;
  }
  return { ...record, [key]: editAt(record[key], { ...edit, path: rest }, depth + 1) };
}

const json = fc.jsonValue({ maxDepth: 5 }).filter((v) => typeof v === 'object' && v !== null && !Array.isArray(v));
const edit = fc.record({
  path: fc.array(fc.nat(50), { maxLength: 6 }),
  value: fc.jsonValue({ maxDepth: 2 }),
  remove: fc.boolean(),
});

describe('documentPatches', () => {
  it('turns a copy of one revision into the next, for any data and any run of edits', () => {
    fc.assert(
      fc.property(json, fc.array(edit, { maxLength: 8 }), (prev, edits) => {
        const next = edits.reduce<unknown>((value, e) => editAt(value, e), prev) as object;
        if (typeof next !== 'object' || next === null || Array.isArray(next)) return;
        expect(patched(prev as object, next)).toEqual(next);
      }),
      { numRuns: 500 },
    );
  });

  it('treats keys named like Object.prototype members as plain data', () => {
    const prev = JSON.parse('{"valueOf":"","list":[1,2],"__proto__":{"a":1}}') as object;
    const next = JSON.parse('{"constructor":{"b":2},"list":[1,3],"__proto__":{"a":2}}') as object;
    const copy = patched(prev, next);
    expect(copy).toEqual(next);
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(patched(next, {})).toEqual({});
  });

  it('sends only the row typed in and the save stamp, not the 2 MB around them', () => {
    const doc = fullPostmortem();
    const events = Array.from({ length: 500 }, (_, i) => newTimelineEvent(`ev-${i}`, { text: `event ${i}` }));
    const big = insertTimelineEvents(doc, events);
    const typed = touch(
      updateTimelineEvent(big, 'ev-250', { text: 'event 250, the deploy stalled' }),
      '2026-11-27T10:00:00.000Z',
    );
    const patches = documentPatches(big, typed);
    expect(patches.map((p) => p.path.join('.')).sort()).toEqual(['timeline', 'updatedAt']);
    const rows = patches.find((p) => p.op === 'items');
    expect(rows && rows.op === 'items' && rows.items.map(([i]) => i)).toEqual([
      big.timeline.findIndex((e) => e.id === 'ev-250'),
    ]);
    expect(JSON.stringify(patches).length).toBeLessThan(1000);
    expect(patched(big, typed)).toEqual(typed);
  });

  it('follows removals, re-orderings and nested edits of real documents', () => {
    const doc = fullPostmortem();
    const firstItem = doc.actionItems[0]!;
    const steps = [
      (d: typeof doc) => removeTimelineEvent(d, d.timeline[0]!.id),
      (d: typeof doc) => sortTimelineByTime(d),
      (d: typeof doc) => updateActionItem(d, firstItem.id, { owner: 'Priya | "ops" <oncall> 🚨' }, '2026-11-27'),
      (d: typeof doc) => ({ ...d, whys: { ...d.whys, nodes: d.whys.nodes.slice(1) } }),
    ];
    let prev = doc;
    for (const stepEdit of steps) {
      const next = stepEdit(prev);
      expect(patched(prev, next)).toEqual(next);
      prev = next;
    }
    expect(documentPatches(prev, prev)).toEqual([]);
  });

  it('refuses to patch a copy that is not the revision the patches were made from', () => {
    const doc = fullPostmortem();
    const next = updateTimelineEvent(doc, doc.timeline[0]!.id, { text: 'changed' });
    const stale = structuredClone({ ...doc, timeline: undefined });
    expect(() => applyDocumentPatches(stale, documentPatches(doc, next))).toThrow(/no timeline|No list/);
  });
});
