import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportPostmortem } from '../../../shared/markdown/export';
import { importPostmortem } from '../../../shared/markdown/importTemplate';
import { postmortemSchema, type Postmortem } from '../../../shared/model';
import { fullPostmortem } from '../../fixtures/documents';
import { HOSTILE_STRINGS } from '../../fixtures/hostile';

const opts = { id: 'imported', now: '2026-03-18T10:00:00.000Z' };
const read = (markdown: string) => importPostmortem(markdown, opts);

describe('importing the template', () => {
  it('a 2 MB postmortem exports to markdown that imports back whole', () => {
    const base = fullPostmortem();
    const doc: Postmortem = {
      ...base,
      timeline: Array.from({ length: 4000 }, (_, i) => ({
        id: `t${i}`,
        time: new Date(Date.UTC(2026, 2, 18, 8) + i * 1000).toISOString().replace('.000Z', 'Z'),
        text: `Event ${i}: ${'log output '.repeat(45).trim()}`,
        kind: 'event' as const,
        milestone: null,
        knownAt: '',
      })),
    };
    expect(JSON.stringify(doc).length).toBeGreaterThan(2 * 1024 * 1024);
    const markdown = exportPostmortem(doc);
    const { doc: back, warnings } = importPostmortem(markdown, { id: 'back', now: base.createdAt });
    expect(warnings.filter((w) => /larger than/.test(w.message))).toEqual([]);
    expect(back.timeline.map((e) => e.text)).toEqual(doc.timeline.map((e) => e.text));
    expect(exportPostmortem(back)).toBe(markdown);
  });

  it('reads the example postmortem: header, 7 timeline rows, 3 factors, a 5-step chain, 5 action items', () => {
    const { doc, warnings } = read(
      fs.readFileSync(path.resolve(__dirname, '../../fixtures/markdown/template-example.md'), 'utf8'),
    );
    expect(warnings).toEqual([]);
    expect(doc).toMatchObject({
      title: 'Payments API timed out during the spring sale',
      incidentDate: '2026-04-02',
      severity: 'SEV-1',
      incidentCommander: 'Mara Okafor',
      status: 'In Review',
      impact: { sloTarget: '99.95', sloWindowDays: 30, servicesAffected: ['payments-api', 'checkout-web'] },
    });
    expect(doc.timeline).toHaveLength(7);
    expect(doc.timeline[3]).toMatchObject({ time: '2026-04-02T10:15:00Z', kind: 'counter-event' });
    expect(doc.timeline.map((e) => e.milestone).filter(Boolean)).toEqual([
      'started',
      'detected',
      'diagnosed',
      'mitigated',
      'resolved',
    ]);
    expect(doc.contributingFactors.map((f) => f.isRootCause)).toEqual([true, true, false]);
    expect(doc.whys.symptom).toBe('Payments timed out for customers during the sale');
    expect(doc.whys.nodes).toHaveLength(5);
    // One chain: each why hangs under the one before it.
    expect(doc.whys.nodes.map((n) => n.parentId)).toEqual(
      doc.whys.nodes.map((_, i) => (i === 0 ? null : doc.whys.nodes[i - 1]?.id)),
    );
    expect(doc.whys.nodes[4]).toMatchObject({
      answer: 'No load test or review covers the pool size',
      isRootCause: true,
      tags: [],
    });
    expect(doc.actionItems.map((a) => a.number)).toEqual([1, 2, 3, 4, 5]);
    expect(doc.actionItems[0]?.addresses).toBe(doc.whys.nodes[4]?.id);
    expect(doc.actionItems[1]?.addresses).toBe(doc.contributingFactors[1]?.id);
    expect(doc.actionItems[3]).toMatchObject({ trackingLink: 'PAY-104', priority: 'P1', dueDate: '2026-05-04' });
  });

  it('export -> import -> export is the identity for a full document with a branching why tree', () => {
    const doc: Postmortem = {
      ...fullPostmortem(),
      whys: {
        symptom: 'Checkout failed',
        nodes: [
          {
            id: 'x1',
            parentId: null,
            order: 0,
            question: 'Why did checkout fail?',
            answer: 'The DB was locked',
            isRootCause: false,
            tags: [],
          },
          {
            id: 'x2',
            parentId: 'x1',
            order: 0,
            question: 'Why locked?',
            answer: 'Migration held a lock',
            isRootCause: true,
            tags: [],
          },
          {
            id: 'x3',
            parentId: 'x1',
            order: 1,
            question: 'Why so long?',
            answer: 'No alert on lock waits',
            isRootCause: true,
            tags: [],
          },
        ],
      },
    };
    doc.actionItems[0] = { ...doc.actionItems[0]!, addresses: 'x3', done: true, doneAt: '2026-03-30' };
    const markdown = exportPostmortem(doc);
    const back = read(markdown).doc;
    expect(exportPostmortem(back)).toBe(markdown);
    expect(back.whys.nodes.map((n) => [n.question, n.answer, n.isRootCause])).toEqual(
      doc.whys.nodes.map((n) => [n.question, n.answer, n.isRootCause]),
    );
    expect(back.actionItems[0]).toMatchObject({ addresses: back.whys.nodes[2]?.id, done: true, doneAt: '2026-03-30' });
  });

  it('reads Five Whys written as full causal paths (files exported before the nested list) into the same tree', () => {
    const fixture = (name: string) => fs.readFileSync(path.resolve(__dirname, '../../fixtures/markdown', name), 'utf8');
    const fromPaths = read(fixture('whys-paths.md'));
    const fromList = read(fixture('whys-nested.md'));
    expect(fromPaths.warnings).toEqual([]);
    expect(fromList.warnings).toEqual([]);
    expect(fromPaths.doc.whys).toEqual(fromList.doc.whys);
    expect(fromList.doc.whys.nodes.map((n) => [n.question, n.parentId, n.isRootCause])).toEqual([
      ['Why did checkout fail?', null, false],
      ['Why was it locked?', fromList.doc.whys.nodes[0]?.id, false],
      ['Why could a migration hold a lock that long?', fromList.doc.whys.nodes[1]?.id, true],
      ['Why did it take 42 minutes to notice?', fromList.doc.whys.nodes[0]?.id, true],
    ]);
    // Exporting either gives today's format, byte for byte.
    expect(exportPostmortem(fromPaths.doc)).toBe(fixture('whys-nested.md'));
  });

  it('hostile text in every field comes back as the same values', () => {
    // Markdown has one line ending: \r\n comes back as \n.
    for (const hostile of HOSTILE_STRINGS.map((h) => h.replace(/\r\n/g, '\n'))) {
      const doc = fullPostmortem();
      doc.title = hostile.replace(/\n/g, ' ');
      doc.authors = hostile;
      doc.timeline[0] = { ...doc.timeline[0]!, text: hostile };
      doc.contributingFactors[0] = { ...doc.contributingFactors[0]!, text: hostile };
      doc.wentWell = [hostile];
      doc.actionItems[0] = { ...doc.actionItems[0]!, description: hostile, owner: hostile, successCriteria: hostile };
      const back = read(exportPostmortem(doc)).doc;
      expect(back.timeline[0]?.text).toBe(hostile);
      expect(back.contributingFactors[0]?.text).toBe(hostile);
      expect(back.wentWell).toEqual([hostile]);
      expect(back.actionItems[0]).toMatchObject({ description: hostile, owner: hostile, successCriteria: hostile });
      expect(back.authors).toBe(hostile);
    }
  });

  it('keeps sections it cannot map and says so', () => {
    const { doc, warnings } = read(
      '# Postmortem: X\n\n## Trigger\n\nA config push.\n\n## Timeline\n\n| Time | Event | Region |\n| --- | --- | --- |\n| 2026-03-18 10:00 | push | eu |\n',
    );
    expect(doc.extraSections).toEqual([{ heading: 'Trigger', markdown: 'A config push.' }]);
    expect(warnings[0]?.message).toMatch(/Kept "Trigger"/);
    expect(doc.timeline[0]).toMatchObject({ time: '2026-03-18T10:00:00Z', text: 'push\nRegion: eu' });
  });

  it('never throws on garbage, deep nesting or huge input, and always returns a valid document', () => {
    const inputs = [
      '\u0000\u0001\uffff'.repeat(100),
      '>'.repeat(10_000) + ' deep',
      '- '.repeat(5_000) + 'x',
      '1. '.repeat(5_000) + 'x',
      '| a |\n| - |\n' + '| x |\n'.repeat(2_000),
      '# '.repeat(3) + '\n'.repeat(1000),
      'x'.repeat(9 * 1024 * 1024),
    ];
    for (const input of inputs) {
      const { doc } = read(input);
      expect(postmortemSchema.safeParse(doc).success).toBe(true);
    }
  });

  it('reads done-ness from the Done column, and from a bold DONE only where there is no such column', () => {
    const withColumn = read(
      '# Postmortem: X\n\n## Action Items\n\n| Action | Done |\n| --- | --- |\n| Rotate keys **DONE** | No |\n| Close the DONE ticket | Yes |\n',
    ).doc.actionItems;
    expect(withColumn.map((a) => [a.description, a.done])).toEqual([
      ['Rotate keys DONE', false],
      ['Close the DONE ticket', true],
    ]);
    const handWritten = read(
      '# Postmortem: X\n\n## Action Items\n\n| Action | Owner |\n| --- | --- |\n| Rotate keys **DONE** | Ana |\n| Add alerts **TODO** | Bo |\n| Check DONE jobs | Cy |\n',
    ).doc.actionItems;
    expect(handWritten.map((a) => [a.description, a.done])).toEqual([
      ['Rotate keys', true],
      ['Add alerts', false],
      ['Check DONE jobs', false],
    ]);
  });

  it('takes a tracking address from a cell that is only a link, and the whole text otherwise', () => {
    const items = read(
      '# Postmortem: X\n\n## Action Items\n\n| Action | Tracking |\n| --- | --- |\n| A | <https://t.example/1> |\n| B | https://t.example/2 (blocked) |\n| C | see www.t.example/3 |\n',
    ).doc.actionItems;
    expect(items.map((a) => a.trackingLink)).toEqual([
      'https://t.example/1',
      'https://t.example/2 (blocked)',
      'see www.t.example/3',
    ]);
  });

  it('cuts an over-long field to the limit, says where, and keeps every other value', () => {
    const { doc, warnings } = read(
      `# Postmortem: Outage\n\n**Severity:** SEV-2\n\n## What Went Poorly\n\n- ${'y'.repeat(210_000)}\n- Paging was slow\n\n## Action Items\n\n| Action | Due Date |\n| --- | --- |\n| Add alerts | 2026-02-30 |\n`,
    );
    expect(doc).toMatchObject({ title: 'Outage', severity: 'SEV-2' });
    expect(doc.wentPoorly).toEqual(['y'.repeat(200_000), 'Paging was slow']);
    expect(doc.actionItems.map((a) => [a.description, a.dueDate])).toEqual([['Add alerts', '']]);
    const report = warnings.map((w) => w.message).join('\n');
    expect(report).toMatch(/wentPoorly\.0 is longer than 200,000 characters; its first 200,000 characters were kept/);
  });

  it('maps a file with long horizontal rules (dashes, stars, spaced) but still refuses deep nesting', () => {
    for (const rule of ['-'.repeat(80), '*'.repeat(140), '_'.repeat(140), '- '.repeat(70), '* '.repeat(70)]) {
      const { doc, warnings } = read(`# Postmortem: X\n\n${rule}\n\n## What Went Well\n\n- Fast rollback\n`);
      expect(warnings).toEqual([]);
      expect(doc.wentWell).toEqual(['Fast rollback']);
    }
    const nested = read(`# Postmortem: X\n\n${'- '.repeat(70)}x\n`);
    expect(nested.warnings.map((w) => w.message).join()).toMatch(/nests quotes or lists too deeply/);
  });
});
