import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createPostmortem } from '../../../shared/documents';
import { exportPostmortem } from '../../../shared/markdown/export';
import { importPostmortem } from '../../../shared/markdown/importTemplate';
import { serialize } from '../../../shared/markdown/mdast';
import {
  DOCUMENT_KINDS,
  MILESTONES,
  PRIORITIES,
  SEVERITIES,
  STATUSES,
  TIMELINE_KINDS,
  type Postmortem,
  type WhyNode,
} from '../../../shared/model';
import { rootCauseTags } from '../../fixtures/hostileDocuments';

/** Characters that break naive markdown: table pipes, fences, HTML, entities, list and heading markers, RTL, ZWJ, emoji. */
const tricky = fc.constantFrom(
  '|',
  '`',
  '```',
  '<script>',
  '</b>',
  '&amp;',
  '&#124;',
  '#',
  '- ',
  '1. ',
  '* ',
  '_',
  '**',
  '\\',
  '[x]',
  '](',
  '!',
  '>',
  '~',
  '\n',
  ' ',
  '\t',
  '\u202e',
  '\u200b',
  '👩‍💻',
  '🔥',
  'é',
  'end',
  '"',
  "'",
  ':',
  '→',
);
const hostileText = fc
  .array(fc.oneof(tricky, fc.string({ maxLength: 6 })), { maxLength: 8 })
  .map((parts) => parts.join(''));
/** Text a person could type in a one-line field (inputs drop line breaks). */
const lineText = hostileText.map((t) => t.replace(/[\r\n]/g, ' '));
const day = fc
  .integer({ min: 0, max: 3650 })
  .map((d) => new Date(Date.UTC(2020, 0, 1) + d * 86_400_000).toISOString().slice(0, 10));
const instant = fc
  .integer({ min: 0, max: 3 * 86_400 })
  .map((s) => new Date(Date.UTC(2026, 2, 17) + s * 1000).toISOString().replace('.000Z', 'Z'));

/** A why tree whose siblings differ (identical siblings would be merged on import, by design). */
const whyTree = fc
  .array(fc.tuple(hostileText, hostileText, fc.boolean(), fc.nat(), rootCauseTags), { maxLength: 12 })
  .map((specs) => {
    const nodes: WhyNode[] = [];
    specs.forEach(([question, answer, isRootCause, pick, tags], i) => {
      const parent = nodes.length === 0 || pick % 3 === 0 ? null : (nodes[pick % nodes.length] ?? null);
      const order = nodes.filter((n) => n.parentId === (parent?.id ?? null)).length;
      // A question is never empty in the app (a new why starts with one); the index keeps siblings distinct.
      nodes.push({
        id: `n${i}`,
        parentId: parent?.id ?? null,
        order,
        question: `Q${i} ${question}`,
        answer,
        isRootCause,
        tags: isRootCause ? tags : [],
      });
    });
    return nodes;
  });

const documentArb: fc.Arbitrary<Postmortem> = fc
  .record({
    title: lineText,
    kind: fc.constantFrom(...DOCUMENT_KINDS),
    incidentDate: fc.oneof(day, fc.constant('')),
    severity: fc.constantFrom(...SEVERITIES),
    status: fc.constantFrom(...STATUSES),
    commander: lineText,
    authors: hostileText,
    reviewDate: fc.oneof(day, fc.constant('')),
    users: lineText,
    slo: fc.oneof(fc.constantFrom('99.9', '99.95', ''), lineText),
    window: fc.integer({ min: 1, max: 366 }),
    override: fc.option(
      fc.integer({ min: 0, max: 100_000 }).map((n) => n / 10),
      { nil: null },
    ),
    services: fc.uniqueArray(
      lineText.filter((s) => s.trim() !== '' && s === s.trim()),
      { maxLength: 4 },
    ),
    timeline: fc.array(
      fc.record({
        time: fc.oneof(instant, fc.constant('')),
        text: hostileText,
        kind: fc.constantFrom(...TIMELINE_KINDS),
        milestone: fc.option(fc.constantFrom(...MILESTONES), { nil: null }),
        knownAt: fc.oneof(instant, fc.constant('')),
      }),
      { maxLength: 8 },
    ),
    factors: fc.array(fc.record({ text: hostileText, isRootCause: fc.boolean() }), { maxLength: 5 }),
    symptom: hostileText,
    whys: whyTree,
    well: fc.array(hostileText, { maxLength: 4 }),
    poorly: fc.array(hostileText, { maxLength: 4 }),
    actions: fc.array(
      fc.record({
        description: hostileText,
        owner: hostileText,
        priority: fc.constantFrom(...PRIORITIES),
        due: fc.oneof(day, fc.constant('')),
        criteria: hostileText,
        link: fc.oneof(fc.constant('https://tracker.example/OPS-1'), hostileText),
        address: fc.nat(),
        done: fc.boolean(),
        doneAt: fc.oneof(day, fc.constant('')),
      }),
      { maxLength: 6 },
    ),
    extra: fc.array(fc.tuple(lineText, hostileText), { maxLength: 2 }),
  })
  .map((r) => {
    const doc = createPostmortem('pm', '2026-03-18T10:00:00.000Z');
    const factors = r.factors.map((f, i) => ({ id: `f${i}`, ...f }));
    const causes = [
      ...r.whys.filter((n) => n.isRootCause).map((n) => ({ id: n.id, text: n.answer || n.question })),
      ...factors.filter((f) => f.isRootCause),
    ];
    // Addresses are written as the root cause's text, so only causes with a unique text can be linked.
    const linkable = causes.filter((c) => causes.filter((o) => o.text === c.text).length === 1);
    return {
      ...doc,
      title: r.title,
      kind: r.kind,
      incidentDate: r.incidentDate,
      severity: r.severity,
      status: r.status,
      incidentCommander: r.commander,
      authors: r.authors,
      reviewDate: r.reviewDate,
      impact: {
        usersAffected: r.users,
        revenueImpact: '',
        sloTarget: r.slo,
        sloWindowDays: r.window,
        impactMinutesOverride: r.override,
        servicesAffected: r.services,
      },
      timeline: r.timeline.map((e, i) => ({ id: `t${i}`, ...e })),
      contributingFactors: factors,
      whys: { symptom: r.symptom, nodes: r.whys },
      wentWell: r.well,
      wentPoorly: r.poorly,
      actionItems: r.actions.map((a, i) => ({
        id: `a${i}`,
        number: i + 1,
        description: a.description,
        owner: a.owner,
        priority: a.priority,
        dueDate: a.due,
        successCriteria: a.criteria,
        trackingLink: a.link,
        addresses:
          linkable.length > 0 && a.address % 2 === 0 ? (linkable[a.address % linkable.length]?.id ?? null) : null,
        done: a.done,
        doneAt: a.done ? a.doneAt : '',
      })),
      // Kept sections hold markdown an import produced: serialised text under a heading that is not a template section.
      extraSections: r.extra.map(([heading, body], i) => ({
        heading: `Note ${i + 1} ${heading}`.trim(),
        markdown: serialize({
          type: 'root',
          children: [{ type: 'paragraph', children: [{ type: 'text', value: body || 'x' }] }],
        }).trimEnd(),
      })),
    };
  });

describe('markdown round trip (property-based)', () => {
  it('export -> import -> export gives identical markdown for documents full of hostile text', () => {
    fc.assert(
      fc.property(documentArb, (doc) => {
        const first = exportPostmortem(doc);
        const second = exportPostmortem(importPostmortem(first, { id: 'rt', now: '2026-03-18T10:00:00.000Z' }).doc);
        expect(second).toBe(first);
      }),
      { numRuns: 200 },
    );
  }, 180_000); // 200 documents through the full markdown stack, on a shared 2-core machine
});
