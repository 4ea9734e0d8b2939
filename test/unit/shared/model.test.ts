import { describe, expect, it } from 'vitest';
import { migrateDocument } from '../../../shared/migrations';
import { CURRENT_SCHEMA_VERSION, isRealDate, postmortemSchema } from '../../../shared/model';
import { parseWith } from '../../../shared/validation';
import { fullPostmortem } from '../../fixtures/documents';

describe('postmortem schema', () => {
  it('accepts a document with every section filled', () => {
    const doc = fullPostmortem();
    expect(postmortemSchema.parse(doc)).toEqual(doc);
  });

  it('rejects a wrong severity and names the field and the allowed values', () => {
    const result = parseWith(postmortemSchema, { ...fullPostmortem(), severity: 'SEV-9' }, 'The postmortem');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toContain('severity');
      expect(result.error).toContain('SEV-1');
    }
  });

  it('rejects an impossible date with a readable message', () => {
    const result = parseWith(postmortemSchema, { ...fullPostmortem(), incidentDate: '2026-02-30' }, 'The postmortem');
    expect(result).toEqual({
      ok: false,
      error: expect.stringContaining('incidentDate: must be a real date as YYYY-MM-DD'),
    });
  });

  it('rejects missing fields, listing each one', () => {
    const { title: _t, status: _s, ...partial } = fullPostmortem();
    const result = parseWith(postmortemSchema, partial, 'The postmortem');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/title.*status|status.*title/);
  });

  it('rejects ids that could escape the data folder', () => {
    expect(postmortemSchema.safeParse({ ...fullPostmortem(), id: '../../etc/passwd' }).success).toBe(false);
  });

  it('knows real calendar dates', () => {
    expect(isRealDate('2024-02-29')).toBe(true);
    expect(isRealDate('2026-02-29')).toBe(false);
    expect(isRealDate('2026-13-01')).toBe(false);
    expect(isRealDate('18/03/2026')).toBe(false);
  });
});

describe('migrateDocument', () => {
  it('passes a current document through unchanged', () => {
    expect(migrateDocument(fullPostmortem())).toEqual({ ok: true, value: fullPostmortem() });
  });

  it('refuses a document from a newer app and says to update', () => {
    const result = migrateDocument({ ...fullPostmortem(), schemaVersion: 99 });
    expect(result).toEqual({ ok: false, error: expect.stringContaining('newer version of Postmortem Studio') });
  });

  it('refuses things that are not postmortems', () => {
    expect(migrateDocument([1, 2]).ok).toBe(false);
    expect(migrateDocument({ title: 'no version' })).toEqual({
      ok: false,
      error: expect.stringContaining('schemaVersion'),
    });
    expect(migrateDocument(null).ok).toBe(false);
  });
});

describe('migrations from every past schemaVersion', () => {
  it('upgrades a version-1 file: adds the kept-sections list, keeps everything else', async () => {
    const { default: v1 } = await import('../../fixtures/schema/v1.json');
    const result = migrateDocument(v1);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.value).toMatchObject({
        schemaVersion: CURRENT_SCHEMA_VERSION,
        title: 'Version 1 document',
        extraSections: [],
        promptDismissals: [],
      });
      expect(result.value.timeline).toEqual(v1.timeline);
    }
    expect(v1.schemaVersion).toBe(1); // the original object is untouched
  });

  it('upgrades a version-3 file: the meeting record gains timer state computed from its times', async () => {
    const { default: v3 } = await import('../../fixtures/schema/v3.json');
    const result = migrateDocument(v3);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.promptDismissals).toEqual(v3.promptDismissals);
    expect(result.value.meeting).toMatchObject({
      agendaName: 'Postmortem meeting (60 min)',
      currentPhase: 1,
      startedAt: '2026-03-20T14:00:00.000Z',
      endedAt: '2026-03-20T14:20:00.000Z',
      privateNotes: '',
    });
    expect(result.value.meeting?.phases.map((p) => [p.name, p.spentSeconds, p.runningSince])).toEqual([
      ['Context setting', 360, null],
      ['Timeline walkthrough', 840, null],
      ['Root cause analysis', 0, null],
    ]);
    expect(v3.meeting.phases[0]).not.toHaveProperty('spentSeconds');
  });

  it('upgrades a version-4 file: it becomes a postmortem and its whys gain empty root-cause tags', async () => {
    const { default: v4 } = await import('../../fixtures/schema/v4.json');
    const result = migrateDocument(v4);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.kind).toBe('postmortem');
    expect(result.value.whys.nodes.map((n) => [n.answer, n.isRootCause, n.tags])).toEqual([
      ['The database was overloaded', false, []],
      ['A migration ran without a timeout', true, []],
    ]);
    expect(result.value.meeting).toEqual(v4.meeting);
    expect(v4.whys.nodes[0]).not.toHaveProperty('tags');
  });

  it('upgrades a version-2 file: adds the dismissed-prompts list, keeps kept sections', async () => {
    const { default: v2 } = await import('../../fixtures/schema/v2.json');
    const result = migrateDocument(v2);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.value).toMatchObject({
        schemaVersion: CURRENT_SCHEMA_VERSION,
        title: 'Version 2 document',
        promptDismissals: [],
      });
      expect(result.value.extraSections).toEqual(v2.extraSections);
      expect(result.value.whys).toEqual(v2.whys);
    }
    expect(v2).not.toHaveProperty('promptDismissals');
  });
});
