import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addActionItem,
  addFactor,
  insertTimelineEvents,
  moveFactor,
  newTimelineEvent,
  removeFactor,
  sortTimelineByTime,
  updateActionItem,
  updateFactor,
  updateTimelineEvent,
} from '../../../shared/edits';
import { exportPostmortem, MAX_WHY_LIST_DEPTH } from '../../../shared/markdown/export';
import { importPostmortem } from '../../../shared/markdown/importTemplate';
import { exportIncidentReport } from '../../../shared/markdown/incidentReport';
import { parse } from '../../../shared/markdown/mdast';
import { mermaidFlowchart, mermaidLabel } from '../../../shared/markdown/mermaid';
import type { Postmortem } from '../../../shared/model';
import { fullPostmortem } from '../../fixtures/documents';

const branching = (): Postmortem => {
  const doc = fullPostmortem();
  doc.whys.nodes = [
    {
      id: 'w1',
      parentId: null,
      order: 0,
      question: 'Why did checkout fail?',
      answer: 'The DB was locked',
      isRootCause: false,
      tags: [],
    },
    {
      id: 'w2',
      parentId: 'w1',
      order: 0,
      question: 'Why was it locked?',
      answer: 'A migration held a lock',
      isRootCause: true,
      tags: [],
    },
    {
      id: 'w3',
      parentId: 'w1',
      order: 1,
      question: 'Why did it last 42 min?',
      answer: 'No alert on lock waits',
      isRootCause: true,
      tags: [],
    },
  ];
  return doc;
};

describe('postmortem markdown', () => {
  it('a kept section that starts with U+FEFF keeps it as text: no quote or heading appears', () => {
    const doc: Postmortem = {
      ...fullPostmortem(),
      extraSections: [{ heading: 'Notes', markdown: '\uFEFF> not a quote' }],
    };
    const markdown = exportPostmortem(doc);
    const types = new Set<string>();
    const visit = (node: { type: string; children?: unknown[] }) => {
      types.add(node.type);
      for (const child of node.children ?? []) visit(child as { type: string; children?: unknown[] });
    };
    visit(parse(markdown));
    expect(types.has('blockquote')).toBe(false);
    const back = importPostmortem(markdown, { id: 'back', now: '2026-03-18T10:00:00.000Z' }).doc;
    expect(back.extraSections).toEqual(doc.extraSections);
    expect(exportPostmortem(back)).toBe(markdown);
  });

  it('follows the template: headings in order', () => {
    const headings = parse(exportPostmortem(fullPostmortem()))
      .children.filter((n) => n.type === 'heading')
      .map((n) =>
        n.type === 'heading'
          ? `${'#'.repeat(n.depth)} ${n.children.map((c) => ('value' in c ? c.value : '')).join('')}`
          : '',
      );
    expect(headings).toEqual([
      '# Postmortem: Checkout API returned 500s for 42 minutes',
      '## Impact Summary',
      '## Timeline',
      '## Root Cause Analysis',
      '### Contributing Factors',
      '### Five Whys',
      '## What Went Well',
      '## What Went Poorly',
      '## Action Items',
    ]);
  });

  it('keeps user text from breaking tables or turning into markup', () => {
    const doc = fullPostmortem();
    doc.timeline[0] = { ...doc.timeline[0]!, text: 'a | b\nc `d` <script>x</script>' };
    doc.title = '# not a heading';
    doc.wentWell = ['- not a nested bullet', '1. not a list'];
    const tree = parse(exportPostmortem(doc));
    const table = tree.children.find((n) => n.type === 'table');
    expect(table?.type === 'table' && table.children[1]?.children.length).toBe(
      table?.type === 'table' ? table.children[0]?.children.length : -1,
    );
    expect(tree.children.filter((n) => n.type === 'heading' && n.depth === 1)).toHaveLength(1);
    expect(tree.children.some((n) => n.type === 'html')).toBe(false);
  });

  it('writes a branching analysis as one nested list of chains, each why once, and a Mermaid flowchart', () => {
    const md = exportPostmortem(branching());
    expect(md).toContain(
      [
        '- **Why did checkout fail?**\\',
        '  → The DB was locked',
        '  - **Why was it locked?**\\',
        '    → A migration held a lock **(root cause)**',
        '  - **Why did it last 42 min?**\\',
        '    → No alert on lock waits **(root cause)**',
      ].join('\n'),
    );
    expect(md.match(/\*\*Why did checkout fail\?\*\*/g)).toHaveLength(1);
    expect(md).not.toContain('#### Path');
    expect(md).toContain('```mermaid\nflowchart TD');
  });

  it('writes a single chain as the template shows it: one why per paragraph', () => {
    const doc = branching();
    doc.whys.nodes = doc.whys.nodes.filter((n) => n.id !== 'w3');
    const md = exportPostmortem(doc);
    expect(md).toContain(
      '**Why did checkout fail?**\\\n→ The DB was locked\n\n**Why was it locked?**\\\n→ A migration held a lock **(root cause)**',
    );
    expect(md).not.toMatch(/^- \*\*Why/m);
  });

  it('writes a tree deeper than the list may nest as separate causal paths, and reads it back', () => {
    const doc = branching();
    for (let i = 0; i < MAX_WHY_LIST_DEPTH; i += 1)
      doc.whys.nodes.push({
        id: `d${i}`,
        parentId: i === 0 ? 'w2' : `d${i - 1}`,
        order: 0,
        question: `Why ${i}?`,
        answer: `Because ${i}`,
        isRootCause: false,
        tags: [],
      });
    const md = exportPostmortem(doc);
    expect(md).toContain('#### Path 1');
    expect(md).toContain('#### Path 2');
    expect(md).not.toMatch(/^ {2,}- \*\*/m);
    expect(exportPostmortem(importPostmortem(md, { id: 'back', now: '2026-03-18T10:00:00.000Z' }).doc)).toBe(md);
  });
});

describe('mermaid', () => {
  it('escapes every character Mermaid gives meaning to', () => {
    expect(mermaidLabel('a "b" #c <d> |e| `f` [g] {h}\nend')).toBe(
      '"a #quot;b#quot; #35;c #lt;d#gt; #124;e#124; #96;f#96; #91;g#93; #123;h#125; end"',
    );
  });

  it('writes each label as trimming and the three replacements of its rules would', () => {
    const byReplacements = (value: string) =>
      `"${value
        .trim()
        .replace(/\r\n?|\n/g, ' ')
        .replace(/["#<>|`&[\]{}]/g, (ch) => `#${{ '"': 'quot', '<': 'lt', '>': 'gt' }[ch] ?? ch.charCodeAt(0)};`)
        // eslint-disable-next-line no-control-regex
        .replace(/[\u0000-\u001f\u007f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, ' ')}"`;
    const piece = fc.constantFrom(
      ...'ab →"#<>|`&[]{}\t\r\n\u0000\u001f\u007f\u0080\u200a\u200b\u200f\u2010\u202a\u202e\u2066\u2069\u206a\ufeff\u00a0😀'.split(
        '',
      ),
      '\r\n',
      '\n\r',
      'end',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const value = pieces.join('');
        expect(mermaidLabel(value)).toBe(byReplacements(value));
      }),
      { numRuns: 3000 },
    );
  });

  it('never uses user text as node ids', () => {
    const chart = mermaidFlowchart(branching().whys);
    const ids = [...chart.matchAll(/^\s+(\w+)[[(]/gm)].map((m) => m[1]);
    expect(ids).toEqual(['symptom', 'w1', 'w2', 'w3']);
    expect(chart).toContain('w1 --> w2');
    expect(chart).toContain('class w3 rootCause');
  });
});

describe('customer incident report', () => {
  it('has no names, no five whys and no internal links', () => {
    const report = exportIncidentReport(branching());
    for (const secret of ['Priya', 'Tom Berg', 'Why was it locked', 'tracker.example', 'Owner'])
      expect(report).not.toContain(secret);
    expect(report).toContain('## What we are doing');
    expect(report).toContain('- Add a lock timeout to migrations');
    expect(report).toContain('14:02 UTC: The problem began.');
  });
});

describe('section edits', () => {
  it('a milestone belongs to one row at a time', () => {
    let doc = insertTimelineEvents(fullPostmortem(), [newTimelineEvent('t3', { time: '2026-03-18T14:05:00Z' })]);
    doc = updateTimelineEvent(doc, 't3', { milestone: 'started' });
    expect(doc.timeline.filter((e) => e.milestone === 'started').map((e) => e.id)).toEqual(['t3']);
    expect(sortTimelineByTime(doc).timeline.map((e) => e.id)).toEqual(['t1', 't3', 't2']);
  });

  it('reorders factors and clears action items that addressed a removed one', () => {
    let doc = addFactor(fullPostmortem(), 'f2');
    doc = updateFactor(doc, 'f2', { text: 'second' });
    doc = moveFactor(doc, 1, 0);
    expect(doc.contributingFactors.map((f) => f.id)).toEqual(['f2', 'f1']);
    doc = updateActionItem(doc, 'a1', { addresses: 'f1' }, '2026-03-20');
    expect(removeFactor(doc, 'f1').actionItems[0]?.addresses).toBeNull();
  });

  it('new action items get the next id and a due date from the review date; a priority change moves a default due date', () => {
    let doc = addActionItem(fullPostmortem(), 'a2', '2026-03-20');
    expect(doc.actionItems[1]).toMatchObject({ number: 2, priority: 'P1', dueDate: '2026-04-21' });
    doc = updateActionItem(doc, 'a2', { priority: 'P0' }, '2026-03-20');
    expect(doc.actionItems[1]?.dueDate).toBe('2026-04-07');
    doc = updateActionItem(doc, 'a2', { dueDate: '2026-05-01' }, '2026-03-20');
    doc = updateActionItem(doc, 'a2', { priority: 'P3' }, '2026-03-20');
    expect(doc.actionItems[1]?.dueDate).toBe('2026-05-01');
    doc = updateActionItem(doc, 'a2', { done: true }, '2026-03-22');
    expect(doc.actionItems[1]).toMatchObject({ done: true, doneAt: '2026-03-22' });
  });
});
