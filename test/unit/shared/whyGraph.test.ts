import { describe, expect, it } from 'vitest';
import { createPostmortem } from '../../../shared/documents';
import { addActionItem, updateActionItem } from '../../../shared/edits';
import type { Postmortem } from '../../../shared/model';
import {
  addRootCauseTag,
  addSiblingWhy,
  addWhy,
  MAX_ROOT_CAUSE_TAGS,
  normalizeTag,
  removeRootCauseTag,
  chainTo,
  nextQuestion,
  removeWhy,
  reparentWhy,
  setSymptom,
  updateWhy,
} from '../../../shared/whyGraph';
import { createPromptLinter } from '../../../shared/prompts';
import { detectPitfalls } from '../../../shared/whyPitfalls';
import { causalPaths, childrenOf } from '../../../shared/whys';
import { layoutWhys, SYMPTOM_NODE_ID } from '../../../shared/whyLayout';

const base = () => setSymptom(createPostmortem('pm', '2026-03-18T00:00:00.000Z'), 'Checkout returned 500s');

/** symptom -> w1 -> w2 -> w3, and w1 -> w4 */
function tree(): Postmortem {
  let doc = addWhy(base(), 'w1', null);
  doc = updateWhy(doc, 'w1', { answer: 'The database was locked' });
  doc = addWhy(doc, 'w2', 'w1');
  doc = updateWhy(doc, 'w2', { answer: 'A migration held a table lock' });
  doc = addWhy(doc, 'w3', 'w2');
  doc = updateWhy(doc, 'w3', { answer: 'Migrations run without a lock timeout', isRootCause: true });
  doc = addWhy(doc, 'w4', 'w1');
  return updateWhy(doc, 'w4', { answer: 'No alert fires on lock waits', isRootCause: true });
}

describe('why graph edits', () => {
  it('a new child asks why about its parent’s answer', () => {
    const doc = tree();
    expect(doc.whys.nodes.find((n) => n.id === 'w1')?.question).toBe('Why checkout returned 500s?');
    expect(doc.whys.nodes.find((n) => n.id === 'w2')?.question).toBe('Why the database was locked?');
    expect(nextQuestion(undefined, '')).toBe('Why?');
  });

  it('branches: children keep their order, a sibling goes right after its neighbour', () => {
    let doc = tree();
    expect(childrenOf(doc.whys.nodes, 'w1').map((n) => n.id)).toEqual(['w2', 'w4']);
    doc = addSiblingWhy(doc, 'w5', 'w2');
    expect(childrenOf(doc.whys.nodes, 'w1').map((n) => n.id)).toEqual(['w2', 'w5', 'w4']);
    expect(causalPaths(doc.whys.nodes).map((p) => p.map((n) => n.id).join('>'))).toEqual([
      'w1>w2>w3',
      'w1>w5',
      'w1>w4',
    ]);
  });

  it('deleting a node takes its subtree and unlinks action items that addressed it', () => {
    let doc = addActionItem(tree(), 'a1', '2026-03-20');
    doc = updateActionItem(doc, 'a1', { addresses: 'w3' }, '2026-03-20');
    doc = removeWhy(doc, 'w2');
    expect(doc.whys.nodes.map((n) => n.id).sort()).toEqual(['w1', 'w4']);
    expect(doc.actionItems[0]?.addresses).toBeNull();
  });

  it('re-parents, and refuses to create a cycle', () => {
    const doc = tree();
    const moved = reparentWhy(doc, 'w4', 'w2');
    expect(moved.ok && childrenOf(moved.doc.whys.nodes, 'w2').map((n) => n.id)).toEqual(['w3', 'w4']);
    expect(reparentWhy(doc, 'w1', 'w3')).toEqual({ ok: false, reason: expect.stringMatching(/loop/) });
    expect(reparentWhy(doc, 'w2', 'w2')).toMatchObject({ ok: false });
  });

  it('gives the chain from the top down to a node', () => {
    expect(chainTo(tree().whys, 'w3').map((n) => n.id)).toEqual(['w1', 'w2', 'w3']);
  });
});

describe('root-cause tags', () => {
  const tagsOf = (doc: Postmortem, id: string) => doc.whys.nodes.find((n) => n.id === id)?.tags;
  const added = (doc: Postmortem, id: string, typed: string) => {
    const result = addRootCauseTag(doc, id, typed);
    if (!result.ok) throw new Error(result.reason);
    return result.doc;
  };

  it('adds tags to a root cause in the order typed, stored as lower-case slugs', () => {
    expect(normalizeTag('  No Canary  stage ')).toBe('no-canary-stage');
    let doc = added(tree(), 'w3', 'config-push');
    doc = added(doc, 'w3', 'No canary');
    expect(tagsOf(doc, 'w3')).toEqual(['config-push', 'no-canary']);
    expect(tagsOf(doc, 'w4')).toEqual([]);
  });

  it('refuses, with a sentence, what cannot be a tag and leaves the document alone', () => {
    const doc = added(tree(), 'w3', 'config-push');
    const refusals: [string, string, RegExp][] = [
      ['w1', 'db', /Only a root cause takes tags/],
      ['w3', '   ', /Type a tag first/],
      ['w3', 'config/push', /"config\/push" cannot be a tag: use up to 48 letters/],
      ['w3', '-leading', /starting with a letter or digit/],
      ['w3', 'x'.repeat(49), /cannot be a tag/],
      ['w3', 'Config-Push', /already tagged config-push/],
      ['gone', 'db', /no longer exists/],
    ];
    for (const [id, typed, reason] of refusals) {
      const result = addRootCauseTag(doc, id, typed);
      expect(result.ok, typed).toBe(false);
      if (!result.ok) expect(result.reason).toMatch(reason);
    }
    let full = tree();
    for (let i = 0; i < MAX_ROOT_CAUSE_TAGS; i += 1) full = added(full, 'w4', `tag-${i}`);
    const over = addRootCauseTag(full, 'w4', 'one-more');
    expect(over.ok).toBe(false);
    if (!over.ok) expect(over.reason).toMatch(/at most 20 tags/);
  });

  it('removes one tag, and unmarking a root cause drops its tags', () => {
    let doc = added(added(tree(), 'w3', 'config-push'), 'w3', 'no-canary');
    doc = removeRootCauseTag(doc, 'w3', 'config-push');
    expect(tagsOf(doc, 'w3')).toEqual(['no-canary']);
    expect(removeRootCauseTag(doc, 'w3', 'absent')).toBe(doc);
    doc = updateWhy(doc, 'w3', { isRootCause: false });
    expect(tagsOf(doc, 'w3')).toEqual([]);
  });
});

describe('pitfall prompts', () => {
  const kinds = (doc: Postmortem) => detectPitfalls(doc).map((p) => `${p.kind}:${p.nodeId ?? p.actionItemId}`);

  it('stopping too early: a leaf that is not a root cause', () => {
    const doc = updateWhy(tree(), 'w4', { isRootCause: false });
    expect(kinds(doc)).toContain('stopped-early:w4');
  });

  it('a root cause that names an event, not a condition', () => {
    const doc = updateWhy(tree(), 'w3', { answer: 'The migration failed' });
    expect(kinds(doc)).toContain('intermediate-root-cause:w3');
    expect(kinds(tree())).not.toContain('intermediate-root-cause:w3');
  });

  it('blame as an answer', () => {
    expect(kinds(updateWhy(tree(), 'w3', { answer: 'Human error' }))).toContain('blame:w3');
    expect(kinds(updateWhy(tree(), 'w3', { answer: "The engineer didn't check the migration" }))).toContain('blame:w3');
    expect(kinds(updateWhy(tree(), 'w3', { answer: 'Dana forgot to run the check' }))).toContain('blame:w3');
    for (const answer of ['Operator error on the primary', 'Someone ignored the disk alert', 'The DBA was careless'])
      expect(kinds(updateWhy(tree(), 'w3', { answer }))).toContain('blame:w3');
    for (const answer of ['The job failed to connect to the replica', 'The on-call engineer was paged'])
      expect(kinds(updateWhy(tree(), 'w3', { answer }))).not.toContain('blame:w3');
    expect(kinds(tree()).filter((k) => k.startsWith('blame'))).toEqual([]);
    // The team's settings apply here too: with the kind turned off, it is not prompted on.
    const withoutHumanError = createPromptLinter({ disabledCategories: ['human-error'] });
    expect(
      detectPitfalls(updateWhy(tree(), 'w3', { answer: 'Human error' }), withoutHumanError).map((p) => p.kind),
    ).not.toContain('blame');
  });

  it('single-path thinking', () => {
    const doc = removeWhy(tree(), 'w4');
    expect(kinds(doc)).toContain('single-path:w1');
    expect(kinds(tree()).some((k) => k.startsWith('single-path'))).toBe(false);
  });

  it('root causes without action items, and action items without a root cause', () => {
    let doc = addActionItem(tree(), 'a1', '2026-03-20');
    expect(kinds(doc)).toEqual(
      expect.arrayContaining([
        'root-cause-without-action:w3',
        'root-cause-without-action:w4',
        'action-without-root-cause:a1',
      ]),
    );
    doc = updateActionItem(doc, 'a1', { addresses: 'w3' }, '2026-03-20');
    expect(kinds(doc)).not.toContain('root-cause-without-action:w3');
    expect(kinds(doc)).not.toContain('action-without-root-cause:a1');
  });
});

describe('why graph layout', () => {
  it('places siblings in their order (left to right top-down, top to bottom left-right), children below or beside parents', () => {
    let doc = tree(); // w1 -> (w2 -> w3), w4
    doc = addSiblingWhy(doc, 'w5', 'w4'); // w1 -> w2, w4, w5
    for (const direction of ['TB', 'LR'] as const) {
      const pos = layoutWhys(doc.whys, direction);
      const axis = (id: string) => (direction === 'TB' ? pos.get(id)?.x : pos.get(id)?.y) ?? NaN;
      const depth = (id: string) => (direction === 'TB' ? pos.get(id)?.y : pos.get(id)?.x) ?? NaN;
      expect(axis('w2')).toBeLessThan(axis('w4'));
      expect(axis('w4')).toBeLessThan(axis('w5'));
      expect(depth('w1')).toBeGreaterThan(depth(SYMPTOM_NODE_ID));
      expect(depth('w3')).toBeGreaterThan(depth('w2'));
    }
  });

  it('leaves collapsed subtrees out', () => {
    const pos = layoutWhys(tree().whys, 'TB', new Set(['w3']));
    expect(pos.has('w3')).toBe(false);
    expect(pos.has('w2')).toBe(true);
  });
});
