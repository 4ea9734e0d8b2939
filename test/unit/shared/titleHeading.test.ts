import { describe, expect, it } from 'vitest';
import { createPostmortem } from '../../../shared/documents';
import { exportIncidentReport } from '../../../shared/markdown/incidentReport';
import { exportPostmortem } from '../../../shared/markdown/export';
import { importPostmortem } from '../../../shared/markdown/importTemplate';
import { readTitleHeading } from '../../../shared/markdown/titleHeading';
import { DOCUMENT_KINDS } from '../../../shared/model';

const now = '2026-03-18T10:00:00.000Z';
const firstLine = (markdown: string) => markdown.split('\n', 1)[0];

describe('the first heading names the kind of write-up', () => {
  it('exports each kind under its own heading; a postmortem keeps the guide’s "# Postmortem:"', () => {
    const headings = DOCUMENT_KINDS.map((kind) =>
      firstLine(exportPostmortem(createPostmortem('pm', now, { kind, title: 'Queue backlog' }))),
    );
    expect(headings).toEqual([
      '# Postmortem: Queue backlog',
      '# Learning Review: Queue backlog',
      '# Root Cause Analysis: Queue backlog',
      '# Incident Report: Queue backlog',
    ]);
  });

  it('imports each kind back from its heading', () => {
    for (const kind of DOCUMENT_KINDS) {
      const doc = createPostmortem('pm', now, { kind, title: 'Queue backlog' });
      const back = importPostmortem(exportPostmortem(doc), { id: 'back', now }).doc;
      expect([back.kind, back.title]).toEqual([kind, 'Queue backlog']);
    }
  });

  it('reads hand-written headings in any letter case, and takes off only one prefix', () => {
    expect(readTitleHeading('root cause analysis: DNS outage')).toEqual({
      kind: 'root-cause-analysis',
      title: 'DNS outage',
    });
    expect(readTitleHeading('LEARNING REVIEW:Deploy freezes')).toEqual({
      kind: 'learning-review',
      title: 'Deploy freezes',
    });
    expect(readTitleHeading('Learning Review: Postmortem: a title that names one')).toEqual({
      kind: 'learning-review',
      title: 'Postmortem: a title that names one',
    });
    expect(readTitleHeading('Checkout outage')).toEqual({ kind: 'postmortem', title: 'Checkout outage' });
    // A prefix needs its colon: these are titles, not kinds.
    expect(readTitleHeading('Learning review of the quarter')).toEqual({
      kind: 'postmortem',
      title: 'Learning review of the quarter',
    });
  });

  it('a customer incident report imports as an incident report', () => {
    const report = exportIncidentReport(createPostmortem('pm', now, { kind: 'incident-report', title: 'Slow logins' }));
    expect(importPostmortem(report, { id: 'back', now }).doc).toMatchObject({
      kind: 'incident-report',
      title: 'Slow logins',
    });
  });

  it('a file with no first heading is a postmortem', () => {
    expect(importPostmortem('## Timeline\n\nAll times UTC.\n', { id: 'back', now }).doc.kind).toBe('postmortem');
  });
});
