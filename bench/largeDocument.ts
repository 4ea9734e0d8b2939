/**
 * Deterministic large postmortems for the benchmarks: by default 500 timeline rows,
 * 200 action items and 300 whys (what the typing and export figures name);
 * `whyCount` changes the size of the why graph (500 for the "500-node document").
 */
import { createPostmortem } from '../shared/documents';
import type { Postmortem, WhyNode } from '../shared/model';

export function largeDocument(whyCount = 300): Postmortem {
  const doc = createPostmortem('bench-large', '2026-03-18T10:00:00.000Z');
  const start = Date.parse('2026-03-18T08:00:00Z');
  const whys: WhyNode[] = [];
  for (let i = 0; i < whyCount; i += 1) {
    // A branching tree: each node's parent is an earlier node, three children per parent.
    const parentIndex = i === 0 ? null : Math.floor((i - 1) / 3);
    whys.push({
      id: `w${i}`,
      parentId: parentIndex === null ? null : `w${parentIndex}`,
      order: i % 3,
      question: `Why did step ${i} happen | with "quotes"?`,
      answer: `Because condition ${i} held <for> \`reasons\``,
      isRootCause: i >= 200 && i % 7 === 0,
      tags: [],
    });
  }
  return {
    ...doc,
    title: 'Large benchmark incident',
    incidentDate: '2026-03-18',
    severity: 'SEV-1',
    impact: { ...doc.impact, sloTarget: '99.9', servicesAffected: ['api', 'db', 'queue'] },
    timeline: Array.from({ length: 500 }, (_, i) => ({
      id: `t${i}`,
      time: new Date(start + i * 60_000).toISOString().replace('.000Z', 'Z'),
      text: `Event ${i}: error rate ${i % 100}% on host-${i % 17} | retry ${'#'.repeat(i % 3)}`,
      kind: i % 9 === 0 ? ('counter-event' as const) : ('event' as const),
      milestone:
        i === 0 ? ('started' as const) : i === 10 ? ('detected' as const) : i === 499 ? ('resolved' as const) : null,
      knownAt: '',
    })),
    contributingFactors: Array.from({ length: 10 }, (_, i) => ({
      id: `f${i}`,
      text: `Factor ${i}`,
      isRootCause: i < 3,
    })),
    whys: { symptom: 'Checkout failed', nodes: whys },
    wentWell: Array.from({ length: 20 }, (_, i) => `Good thing ${i}`),
    wentPoorly: Array.from({ length: 20 }, (_, i) => `Bad thing ${i}`),
    actionItems: Array.from({ length: 200 }, (_, i) => ({
      id: `a${i}`,
      number: i + 1,
      description: `Action ${i}: add a guard for condition ${i}`,
      owner: `Owner ${i % 12}`,
      priority: (['P0', 'P1', 'P2', 'P3'] as const)[i % 4] ?? 'P1',
      dueDate: '2026-04-01',
      successCriteria: `Condition ${i} fails the pipeline in staging`,
      trackingLink: `https://tracker.example/OPS-${i}`,
      addresses: i % 2 === 0 ? 'f0' : null,
      done: i % 5 === 0,
      doneAt: i % 5 === 0 ? '2026-03-30' : '',
    })),
  };
}

/**
 * The large document grown to at least `bytes` of JSON (2 MB for the autosave figures)
 * the way real ones grow: longer timeline entries (pasted log lines), same structure.
 */
export function largeDocumentOfSize(bytes: number): Postmortem {
  const doc = largeDocument();
  const base = JSON.stringify(doc).length;
  const perRow = Math.ceil(Math.max(0, bytes - base) / doc.timeline.length);
  const line = ' | 2026-03-18T08:14:07Z api-7 upstream connect error or disconnect/reset before headers';
  const padding = line.repeat(Math.ceil(perRow / line.length)).slice(0, perRow);
  return { ...doc, id: 'bench-2mb', timeline: doc.timeline.map((row) => ({ ...row, text: row.text + padding })) };
}
