/**
 * Hostile text in every text field of the model, through the schema and the markdown:
 * what a person (or an import) can put in a field must validate, come back from
 * export -> import as the same value, and never turn into markup in the exported file.
 * markdownRoundTrip.test.ts checks that export -> import -> export is stable; this file
 * checks the values themselves, field by field.
 */
import fc from 'fast-check';
import type { List, Nodes, RootContent, Table } from 'mdast';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { isSafeWebUrl } from '../../../shared/actionItems';
import { createPostmortem } from '../../../shared/documents';
import { exportPostmortem, keptSection } from '../../../shared/markdown/export';
import { importPostmortem } from '../../../shared/markdown/importTemplate';
import { parse, plainText, serialize } from '../../../shared/markdown/mdast';
import { mermaidFlowchart } from '../../../shared/markdown/mermaid';
import { titleHeading } from '../../../shared/markdown/titleHeading';
import { postmortemSchema, type Postmortem } from '../../../shared/model';
import { matchTimestamp } from '../../../shared/time';
import {
  LONG_HOSTILE_STRINGS,
  STRUCTURED_STRING_PATHS,
  TEXT_FIELD_PATHS,
  hostileDocument,
  hostileText,
  setFirstAt,
  valuesAt,
  type TextFieldPath,
} from '../../fixtures/hostileDocuments';
import { recordReliability } from '../../reliability';

const now = '2026-03-18T10:00:00.000Z';
const reimport = (doc: Postmortem) => importPostmortem(exportPostmortem(doc), { id: 'back', now });

// ---------------------------------------------------------------------------------------
// What the markdown does to text. The exporter documents two normalisations
// (shared/markdown/mdast.ts): line endings and vertical tabs become \n (`text()`), and surrounding
// whitespace is dropped in `**Label:** value` fields and in table cells (`field()`,
// `cell()`), because a parse would drop it anyway. CommonMark adds one the exporter does
// not mention: U+0000 is read back as U+FFFD, so no markdown file can carry it.
// Services are inline code, written as is. Kept sections are markdown: the exporter
// parses them and the importer serialises what it keeps, so they come back re-serialised.
// ---------------------------------------------------------------------------------------
const noNul = (s: string) => s.replaceAll('\u0000', '\uFFFD');
const lineEndings = (s: string) => s.replace(/\r\n?|\v/g, '\n');

interface Rules {
  /** Headings, list items, factors, why questions and answers. */
  asWritten: (s: string) => string;
  /** `**Label:** value` fields and table cells. */
  trimmed: (s: string) => string;
  /** Inline code (services). */
  verbatim: (s: string) => string;
  /** Kept sections. */
  reserialised: (s: string) => string;
}

const EXPORT_RULES: Rules = {
  asWritten: (s) => noNul(lineEndings(s)),
  trimmed: (s) => noNul(lineEndings(s.trim())),
  verbatim: noNul,
  reserialised: (s) => serialize({ type: 'root', children: keptSection(s) }).trimEnd(),
};
const AS_STORED: Rules = { asWritten: (s) => s, trimmed: (s) => s, verbatim: (s) => s, reserialised: (s) => s };

/** Every value the markdown carries, with the rules applied (the meeting and dismissed prompts are not exported). */
function carried(doc: Postmortem, r: Rules) {
  const exportsSlo = doc.impact.sloTarget.trim() !== '';
  return {
    title: r.asWritten(doc.title),
    kind: doc.kind,
    incidentDate: doc.incidentDate,
    severity: doc.severity,
    incidentCommander: r.trimmed(doc.incidentCommander),
    authors: r.trimmed(doc.authors),
    reviewDate: doc.reviewDate,
    status: doc.status,
    impact: {
      usersAffected: r.trimmed(doc.impact.usersAffected),
      revenueImpact: r.trimmed(doc.impact.revenueImpact),
      sloTarget: r.trimmed(doc.impact.sloTarget),
      // The window is written after the target ("99.9 over 30 days"), so only with one.
      sloWindowDays: exportsSlo ? doc.impact.sloWindowDays : 'not exported',
      impactMinutesOverride: doc.impact.impactMinutesOverride,
      servicesAffected: doc.impact.servicesAffected.map(r.verbatim),
    },
    timeline: doc.timeline.map((e) => ({
      time: r.trimmed(e.time),
      text: r.trimmed(e.text),
      kind: e.kind,
      milestone: e.milestone,
      knownAt: r.trimmed(e.knownAt),
    })),
    contributingFactors: doc.contributingFactors.map((f) => ({
      text: r.asWritten(f.text),
      isRootCause: f.isRootCause,
    })),
    symptom: r.trimmed(doc.whys.symptom),
    whys: doc.whys.nodes.map((n) => ({
      question: r.asWritten(n.question),
      answer: r.asWritten(n.answer),
      isRootCause: n.isRootCause,
      parent: doc.whys.nodes.findIndex((p) => p.id === n.parentId),
    })),
    wentWell: doc.wentWell.map(r.asWritten),
    wentPoorly: doc.wentPoorly.map(r.asWritten),
    actionItems: doc.actionItems.map((a) => ({
      number: a.number,
      description: r.trimmed(a.description),
      owner: r.trimmed(a.owner),
      priority: a.priority,
      dueDate: a.dueDate,
      successCriteria: r.trimmed(a.successCriteria),
      trackingLink: r.trimmed(a.trackingLink),
      done: a.done,
      doneAt: a.doneAt,
    })),
    extraSections: doc.extraSections.map((s) => ({
      heading: r.trimmed(s.heading),
      markdown: r.reserialised(s.markdown),
    })),
  };
}

// ---------------------------------------------------------------------------------------
// Where the generators below hold back. Each limit is a finding, pinned by a test at the
// end of this file or described in the comment; everything else is fully hostile.
// ---------------------------------------------------------------------------------------
/** A time cell that reads as a timestamp is stored as that instant (documented in importSections.ts). */
const notATime = (s: string) => {
  const match = matchTimestamp(s, '2026-03-18');
  return !(match && 'iso' in match);
};
const instant = fc
  .integer({ min: 0, max: 3 * 86_400 })
  .map((s) => new Date(Date.UTC(2026, 2, 17) + s * 1000).toISOString().replace('.000Z', 'Z'));
/** A line break in text that must stay on one line (a kept section's heading). */
const oneLine = (s: string) => s.replace(/[\r\n\u2028\u2029]/g, ' ');
/**
 * A service is one line, as the app's chip input makes it: a blank line cannot sit inside
 * inline code, so a service with one (possible only in a hand-written JSON file) splits the
 * Impact section on import.
 */
const serviceName = (s: string) => s.replace(/[\r\n]+/g, ' ').trim();
/**
 * Kept sections are what an import keeps: a heading (trimmed, on one line, and prefixed
 * "Note n" below so it never names a template section) over serialised markdown. A
 * heading over two lines is exported as a setext heading, which comes back as one heading
 * with a line break in it.
 */
const keptHeading = (s: string) => oneLine(s).trim();
const keptMarkdown = (s: string) =>
  serialize({ type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', value: s }] }] }).trimEnd() ||
  'x';

const restricted = {
  time: fc.oneof(instant, hostileText.filter(notATime)),
  sloTarget: hostileText,
  service: hostileText.map(serviceName).filter((s) => s !== ''),
  question: hostileText,
  actionText: hostileText,
  trackingLink: fc.oneof(
    fc.constant('https://tracker.example/OPS-1'),
    fc.constant('https://tracker.example/OPS-1 (blocked on vendor)'),
    hostileText,
  ),
  extraSection: fc.record({ heading: hostileText.map(keptHeading), markdown: hostileText.map(keptMarkdown) }),
};
/** Kept sections under one heading are merged on import (by design), so each gets its own. */
const documents = hostileDocument(restricted).map((doc) => ({
  ...doc,
  extraSections: doc.extraSections.map((s, i) => ({ ...s, heading: `Note ${i + 1} ${s.heading}`.trim() })),
}));

/** The same limits, for one long string put into one field. */
const LIMIT_FOR: Partial<Record<TextFieldPath, (s: string) => string>> = {
  'impact.servicesAffected[]': serviceName,
  'extraSections[].heading': keptHeading,
  'extraSections[].markdown': keptMarkdown,
};
const NOT_EXPORTED: readonly TextFieldPath[] = [
  'meeting.agendaName',
  'meeting.phases[].name',
  'meeting.phases[].goal',
  'meeting.privateNotes',
  'promptDismissals[].phrase',
  'promptDismissals[].excerpt',
  'promptDismissals[].reason',
];

/** Import warnings beyond those the app's own export causes: kept sections are reported, and times that are not times. */
const unexpectedWarnings = (doc: Postmortem, warnings: { message: string }[]) =>
  warnings.filter(
    (w) =>
      !/is not a time the timeline can sort; it was kept as written/.test(w.message) &&
      !doc.extraSections.some(
        (s) =>
          w.message ===
          `Kept "${EXPORT_RULES.trimmed(s.heading)}" as an extra section: it is not part of the template.`,
      ),
  );

/** Every string path of a zod schema, `[]` for list elements. */
function stringPaths(schema: z.ZodType, prefix = ''): string[] {
  const def = schema._zod.def as unknown as {
    type: string;
    shape?: Record<string, z.ZodType>;
    element?: z.ZodType;
    innerType?: z.ZodType;
  };
  const join = (key: string) => (prefix === '' ? key : `${prefix}.${key}`);
  if (def.type === 'string') return [prefix];
  if (def.type === 'object' && def.shape)
    return Object.entries(def.shape).flatMap(([key, value]) => stringPaths(value, join(key)));
  if (def.type === 'array' && def.element) return stringPaths(def.element, `${prefix}[]`);
  if ((def.type === 'nullable' || def.type === 'optional') && def.innerType) return stringPaths(def.innerType, prefix);
  return [];
}

/** Top-level blocks grouped under the heading (levels 1 to 3) they follow. */
function bySection(blocks: RootContent[]): { heading: string; blocks: RootContent[] }[] {
  const sections: { heading: string; blocks: RootContent[] }[] = [];
  for (const block of blocks) {
    if (block.type === 'heading' && block.depth <= 3) sections.push({ heading: plainText(block), blocks: [] });
    else sections[sections.length - 1]?.blocks.push(block);
  }
  return sections;
}

/** What a Mermaid label must not hold raw: syntax, entity starts, control, zero-width and bidi characters. */
// eslint-disable-next-line no-control-regex
const MERMAID_UNSAFE = /[<>[\]{}|`#&\u0000-\u001f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/;

function walk(node: Nodes, visit: (node: Nodes) => void): void {
  visit(node);
  if ('children' in node) for (const child of node.children as Nodes[]) walk(child, visit);
}

describe('hostile text in every field (property-based)', () => {
  it('the generators cover every text field of the schema, and fill each one', () => {
    const all = stringPaths(postmortemSchema);
    expect([...all].sort()).toEqual([...TEXT_FIELD_PATHS, ...STRUCTURED_STRING_PATHS].sort());
    for (const doc of fc.sample(hostileDocument(), { numRuns: 5, seed: 1 }))
      for (const path of TEXT_FIELD_PATHS) expect(valuesAt(doc, path).length, path).toBeGreaterThan(0);
  });

  it('the markdown carries every text field except the meeting record and dismissed prompts', () => {
    const [base] = fc.sample(documents, { numRuns: 1, seed: 2 }) as [Postmortem];
    for (const path of TEXT_FIELD_PATHS) {
      const marker = `Marker${path.replace(/\W/g, '')}`;
      const markdown = exportPostmortem(setFirstAt(base, path, marker));
      // Private notes, agenda and dismissal reasons stay in the app.
      expect(markdown.includes(marker), path).toBe(!NOT_EXPORTED.includes(path));
    }
  });

  it('(a) a document with hostile text in every field is valid', () => {
    const runs = 300;
    fc.assert(
      fc.property(hostileDocument(), (doc) => {
        const checked = postmortemSchema.safeParse(doc);
        expect(checked.success, checked.error?.message).toBe(true);
        expect(checked.data).toEqual(doc); // nothing stripped or coerced
      }),
      { numRuns: runs },
    );
    recordReliability('hostile-inputs', runs, 'documents with hostile text in every field validated');
  });

  it('(b) export -> import gives back every field the markdown carries, up to the documented normalisations', () => {
    const runs = 60;
    fc.assert(
      fc.property(documents, (doc) => {
        const [branch, sibling] = [doc.whys.nodes.find((n) => n.id === 'wb'), doc.whys.nodes[1]];
        // Two answers to one question that read the same are one answer (merged on import, by design).
        fc.pre(
          !branch ||
            !sibling ||
            EXPORT_RULES.asWritten(branch.question) !== EXPORT_RULES.asWritten(sibling.question) ||
            EXPORT_RULES.asWritten(branch.answer) !== EXPORT_RULES.asWritten(sibling.answer),
        );
        const { doc: back, warnings } = reimport(doc);
        expect(unexpectedWarnings(doc, warnings)).toEqual([]);
        expect(carried(back, AS_STORED)).toEqual(carried(doc, EXPORT_RULES));
      }),
      { numRuns: runs },
    );
    recordReliability('hostile-inputs', runs, 'hostile documents exported to markdown and re-imported equal');
  }, 60_000);

  it('(b) a 100,000-character hostile string comes back the same from every kind of place the markdown puts text', () => {
    const [plain, dense, script, bidi] = LONG_HOSTILE_STRINGS as [string, string, string, string];
    // One field per way the exporter writes text (heading, field, inline code, table cell,
    // list item, ranked factor, why step, kept section). Each long string is used once or
    // more, the markup-heavy ones where they import fastest: one 100,000-character field
    // dense with escapes takes 3-15 s to re-import on this machine, so not all pairs run.
    const cases: [TextFieldPath, string][] = [
      ['title', plain],
      ['authors', bidi],
      ['impact.servicesAffected[]', dense],
      ['timeline[].text', bidi],
      ['contributingFactors[].text', plain],
      ['whys.nodes[].answer', bidi],
      ['wentWell[]', plain],
      ['actionItems[].owner', script],
      ['extraSections[].markdown', bidi],
    ];
    const [base] = fc.sample(documents, { numRuns: 1, seed: 7 }) as [Postmortem];
    for (const [path, long] of cases) {
      const doc = setFirstAt(base, path, (LIMIT_FOR[path] ?? ((s: string) => s))(long));
      expect(postmortemSchema.safeParse(doc).success, path).toBe(true);
      const { doc: back, warnings } = reimport(doc);
      expect(unexpectedWarnings(doc, warnings), path).toEqual([]);
      expect(carried(back, AS_STORED), path).toEqual(carried(doc, EXPORT_RULES));
    }
    recordReliability('hostile-inputs', cases.length, '100,000-character strings exported and re-imported equal');
  }, 60_000);

  it('(c) the exported markdown has no HTML, image, reference or extra heading, table or code block from user text', () => {
    const runs = 40;
    fc.assert(
      fc.property(documents, (doc) => {
        const markdown = exportPostmortem(doc);
        const tree = parse(markdown);
        const found: Record<string, number> = {};
        const links: string[] = [];
        walk(tree, (node) => {
          found[node.type] = (found[node.type] ?? 0) + 1;
          if (node.type === 'link') links.push(node.url);
        });
        for (const type of [
          'html',
          'image',
          'imageReference',
          'linkReference',
          'definition',
          'footnoteReference',
          'footnoteDefinition',
          'blockquote',
          'yaml',
          'toml',
        ])
          expect(found[type] ?? 0, type).toBe(0);
        // Links: the tracking links the exporter writes, and GFM's autolinks of web and
        // mail addresses in text. GFM finds those even behind the exporter's escapes, but
        // they are only ever http(s) or mailto, never javascript:.
        for (const url of links) expect(url).toMatch(/^(https?:\/\/|mailto:)/i);
        const safeLinks = doc.actionItems.filter((a) => isSafeWebUrl(a.trackingLink)).length;
        expect(links.length).toBeGreaterThanOrEqual(safeLinks);

        // The document's shape is the template's whatever the text: the same sections, and in
        // each only the blocks the exporter writes there.
        const sections = bySection(tree.children);
        expect(sections.map((s) => s.heading)).toEqual([
          titleHeading(doc.kind, EXPORT_RULES.asWritten(doc.title)),
          'Impact Summary',
          'Timeline',
          'Root Cause Analysis',
          'Contributing Factors',
          'Five Whys',
          'What Went Well',
          'What Went Poorly',
          'Action Items',
          ...doc.extraSections.map((s) => EXPORT_RULES.trimmed(s.heading)),
        ]);
        const [header, impact, timeline, rca, factors, whys, well, poorly, actions, ...extra] = sections.map(
          (s) => s.blocks,
        ) as RootContent[][];
        const types = (blocks: RootContent[] | undefined) => (blocks ?? []).map((b) => b.type);
        expect(types(header)).toEqual([...Array(7).fill('paragraph'), 'thematicBreak']);
        expect(types(impact)).toEqual([
          ...Array(doc.impact.impactMinutesOverride === null ? 5 : 6).fill('paragraph'),
          'thematicBreak',
        ]);
        expect(types(timeline)).toEqual(['paragraph', 'table']);
        expect(types(rca)).toEqual([]);
        expect(types(factors)).toEqual(['list']);
        expect(types(whys).filter((t) => !['paragraph', 'list', 'heading'].includes(t))).toEqual([
          'code',
          'thematicBreak',
        ]);
        expect(whys?.find((b) => b.type === 'code')).toMatchObject({
          lang: 'mermaid',
          value: mermaidFlowchart(doc.whys),
        });
        for (const [blocks, items] of [
          [factors, doc.contributingFactors.length],
          [well, doc.wentWell.length],
          [poorly, doc.wentPoorly.length],
        ] as const) {
          expect(types(blocks)).toEqual(['list']);
          expect((blocks?.[0] as List).children).toHaveLength(items);
        }
        expect(types(actions)).toEqual(['table']);
        const tables = [timeline?.[1], actions?.[0]] as Table[];
        expect(tables.map((t) => t.children.length)).toEqual([doc.timeline.length + 1, doc.actionItems.length + 1]);
        for (const t of tables) expect(new Set(t.children.map((row) => row.children.length)).size).toBe(1);
        for (const blocks of extra) expect(types(blocks)).toEqual(['paragraph']);
      }),
      { numRuns: runs },
    );
    recordReliability('hostile-inputs', runs, 'exported hostile documents parsed: no markup from user text');
  }, 60_000);

  it('(c) Mermaid labels keep any text inside quotes, with no Mermaid syntax, line break or bidi mark', () => {
    const runs = 300;
    const flowchartLine =
      /^( {2}symptom\("[^"]*"\)| {2}w\d+\["[^"]*"\]| {2}w\d+\[\["[^"]*"\]\]| {2}(symptom|w\d+) --> w\d+| {2}class w\d+ rootCause| {2}classDef rootCause stroke-width:3px|flowchart TD)$/;
    fc.assert(
      fc.property(
        hostileText,
        fc.array(fc.tuple(hostileText, hostileText, fc.boolean()), { maxLength: 5 }),
        (symptom, steps) => {
          const doc = createPostmortem('pm', now);
          doc.whys = {
            symptom,
            nodes: steps.map(([question, answer, isRootCause], i) => ({
              id: `n${i}`,
              parentId: i === 0 ? null : `n${i - 1}`,
              order: 0,
              question,
              answer,
              isRootCause,
              tags: [],
            })),
          };
          const lines = mermaidFlowchart(doc.whys).split('\n');
          for (const line of lines) {
            expect(line).toMatch(flowchartLine);
            const labels = [...line.matchAll(/"([^"]*)"/g)].map((m) => (m[1] ?? '').replace(/#(\w+|\d+);/g, ''));
            for (const label of labels) expect(label).not.toMatch(MERMAID_UNSAFE);
          }
          expect(lines.filter((l) => /^ {2}w\d+\[/.test(l))).toHaveLength(steps.length);
        },
      ),
      { numRuns: runs },
    );
    recordReliability('hostile-inputs', runs, 'hostile why graphs written as Mermaid');
  });
});

describe('hostile text: round-trip bugs, fixed (each was an it.fails)', () => {
  const base = () => {
    const doc = createPostmortem('pm', now);
    doc.incidentDate = '2026-03-18';
    return doc;
  };
  const actionItem = (patch: Partial<Postmortem['actionItems'][number]>) => ({
    id: 'a1',
    number: 1,
    description: 'Add a lock timeout to migrations',
    owner: 'Tom Berg',
    priority: 'P1' as const,
    dueDate: '',
    successCriteria: '',
    trackingLink: '',
    addresses: null,
    done: false,
    doneAt: '',
    ...patch,
  });

  // Was: importSections.ts tableItems took any web address GFM found in the cell, dropping
  // the rest of it; now only a cell that is one link reads as its address.
  it('a tracking link with text around its web address comes back whole', () => {
    const doc = base();
    doc.actionItems = [actionItem({ trackingLink: 'https://tracker.example/OPS-1 (blocked on vendor)' })];
    expect(reimport(doc).doc.actionItems[0]?.trackingLink).toBe('https://tracker.example/OPS-1 (blocked on vendor)');
  });

  // Was: importSections.ts tableItems read the word DONE anywhere in the row as "done",
  // although the app's own export has a Done column; now that column decides.
  it('an open action item whose text says DONE stays open', () => {
    const doc = base();
    doc.actionItems = [actionItem({ description: 'Page the on-call if the backup is not DONE by 06:00' })];
    expect(reimport(doc).doc.actionItems[0]?.done).toBe(false);
  });

  // Was: the 'slo target' pattern had no `s` flag, so a target with a line break (U+2028
  // survives a paste into the input) kept " over N days" and every round trip added one.
  it('an SLO target with a line separator keeps its window', () => {
    const doc = base();
    doc.impact = { ...doc.impact, sloTarget: '99.9\u2028(rolling)', sloWindowDays: 7 };
    expect(reimport(doc).doc.impact).toMatchObject({ sloTarget: '99.9\u2028(rolling)', sloWindowDays: 7 });
  });

  // export.ts writes `strong(node.question)`, which serialises to nothing when the question
  // is empty (a person can clear it in the node editor). Was: importWhys.ts whyStep did not
  // recognise the paragraph, so the why became a "Five Whys" extra section; now a step
  // that opens with the line break is a why with an empty question.
  it('a why whose question was cleared survives export and import', () => {
    const doc = base();
    doc.whys = {
      symptom: 'Checkout returned 500s',
      nodes: [
        {
          id: 'w1',
          parentId: null,
          order: 0,
          question: 'Why?',
          answer: 'The DB was locked',
          isRootCause: false,
          tags: [],
        },
        {
          id: 'w2',
          parentId: 'w1',
          order: 0,
          question: '',
          answer: 'A migration held a lock',
          isRootCause: false,
          tags: [],
        },
      ],
    };
    const { doc: back } = reimport(doc);
    expect(back.whys.nodes.map((n) => [n.question, n.answer])).toEqual([
      ['Why?', 'The DB was locked'],
      ['', 'A migration held a lock'],
    ]);
    expect(back.extraSections).toEqual([]);
  });

  // Was: fast-check found a why whose question was a lone vertical tab (seeds 384836314 and
  // 337933700). The serialiser wrote it at the edge of the bold question as `&#xB;`, which
  // CommonMark reads back as U+FFFD. Word puts a vertical tab for a line break in copied
  // text, so the exporter now writes one as a line break, wherever it is.
  it('a why question with a vertical tab at its edge comes back with a line break, not U+FFFD', () => {
    const doc = base();
    const why = { parentId: null, answer: 'A lock', isRootCause: false, tags: [] };
    doc.whys = {
      symptom: 'Checkout returned 500s',
      nodes: [
        { ...why, id: 'w1', order: 0, question: '\v' },
        { ...why, id: 'w2', order: 1, question: 'Why was\vthe lock held?\v', answer: 'A\vmigration' },
      ],
    };
    const markdown = exportPostmortem(doc);
    expect(markdown).not.toContain('&#xB;');
    const { doc: back } = reimport(doc);
    expect(back.whys.nodes.map((n) => [n.question, n.answer])).toEqual([
      ['\n', 'A lock'],
      ['Why was\nthe lock held?\n', 'A\nmigration'],
    ]);
    expect(exportPostmortem(back)).toBe(markdown);
  });
});
