import { describe, expect, it } from 'vitest';
import { DOCUMENT_KINDS, SEVERITIES, type DocumentKind, type Severity } from '../../../shared/model';
import {
  adviseWriteUp,
  defaultExportFormat,
  KIND_LABELS,
  KIND_PURPOSES,
  type FullPostmortemNeed,
} from '../../../shared/writeUp';

/**
 * Every combination the New postmortem dialog can be in, with what the guide says:
 * SEV-1/2 required, SEV-3 recommended, SEV-4 optional, a near miss highly recommended,
 * a process failure with no system impact optional; the strongest applies.
 */
const TABLE: [Severity, boolean, boolean, FullPostmortemNeed, DocumentKind][] = [
  // severity, near miss, process failure -> need, suggested kind
  ['SEV-1', false, false, 'required', 'postmortem'],
  ['SEV-1', true, false, 'required', 'postmortem'],
  ['SEV-1', false, true, 'required', 'postmortem'],
  ['SEV-1', true, true, 'required', 'postmortem'],
  ['SEV-2', false, false, 'required', 'postmortem'],
  ['SEV-2', true, false, 'required', 'postmortem'],
  ['SEV-2', false, true, 'required', 'postmortem'],
  ['SEV-2', true, true, 'required', 'postmortem'],
  ['SEV-3', false, false, 'recommended', 'postmortem'],
  ['SEV-3', true, false, 'highly-recommended', 'postmortem'],
  ['SEV-3', false, true, 'recommended', 'postmortem'],
  ['SEV-3', true, true, 'highly-recommended', 'postmortem'],
  ['SEV-4', false, false, 'optional', 'learning-review'],
  ['SEV-4', true, false, 'highly-recommended', 'postmortem'],
  ['SEV-4', false, true, 'optional', 'learning-review'],
  ['SEV-4', true, true, 'highly-recommended', 'postmortem'],
];

describe('which write-up an incident calls for', () => {
  it('the table covers every combination of severity and the two boxes', () => {
    const keys = new Set(TABLE.map(([s, n, p]) => `${s}/${n}/${p}`));
    expect(keys.size).toBe(SEVERITIES.length * 4);
  });

  it.each(TABLE)(
    '%s, near miss %s, process failure %s: full postmortem %s, suggests %s',
    (severity, nearMiss, processFailure, need, kind) => {
      const advice = adviseWriteUp({ severity, nearMiss, processFailure });
      expect(advice.need).toBe(need);
      expect(advice.kind).toBe(kind);
      expect(advice.summary).toBe(
        {
          required: 'A full postmortem is required.',
          'highly-recommended': 'A full postmortem is highly recommended.',
          recommended: 'A full postmortem is recommended.',
          optional: 'A full postmortem is optional.',
        }[need],
      );
      // The reasons name the severity first, then each box that is ticked, and nothing else.
      expect(advice.reasons[0]).toMatch(new RegExp(`^${severity}: `));
      expect(advice.reasons.some((r) => /^Near miss/.test(r))).toBe(nearMiss);
      expect(advice.reasons.some((r) => /^Process failure/.test(r))).toBe(processFailure);
      expect(advice.reasons).toHaveLength(1 + Number(nearMiss) + Number(processFailure));
    },
  );

  it('never suggests the audience-specific kinds: those are the person’s choice', () => {
    const suggested = new Set(
      TABLE.map(([severity, nearMiss, processFailure]) => adviseWriteUp({ severity, nearMiss, processFailure }).kind),
    );
    expect(suggested).toEqual(new Set(['postmortem', 'learning-review']));
  });

  it('every kind has a label and a purpose to show in the picker', () => {
    for (const kind of DOCUMENT_KINDS) {
      expect(KIND_LABELS[kind]).toMatch(/\S/);
      expect(KIND_PURPOSES[kind]).toMatch(/\S/);
    }
  });

  it('an incident report exports in the customer-facing format by default, every other kind in the full template', () => {
    expect(DOCUMENT_KINDS.map((kind) => [kind, defaultExportFormat(kind)])).toEqual([
      ['postmortem', 'postmortem'],
      ['learning-review', 'postmortem'],
      ['root-cause-analysis', 'postmortem'],
      ['incident-report', 'incident-report'],
    ]);
  });
});
