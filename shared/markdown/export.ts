/**
 * Markdown export following the guide's template heading for heading and table for
 * table. The document is built as an mdast tree and serialised by
 * mdast-util-to-markdown with GFM, so user text is escaped by the library (pipes and
 * newlines in cells, backticks, a leading "#", "-" or "1."), never by hand.
 */
import type { List, ListItem, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import { formatActionItemId, isSafeWebUrl } from '../actionItems';
import { describeErrorBudget, errorBudget } from '../impact';
import { rankName, TIMELINE_KIND_LABELS } from '../labels';
import type { Postmortem, WhyNode } from '../model';
import { formatHhMm, formatUtc } from '../time';
import { incidentDuration, MILESTONE_LABELS } from '../timeline';
import { causalPaths, rootCauses } from '../whys';
import { meetingNote } from './meetingNote';
import { titleHeading } from './titleHeading';
import { mermaidFlowchart } from './mermaid';
import { tagPhrasing } from './rootCauseTags';
import { whyForest } from './whyForest';
import { field, heading, paragraph, parse, rule, serialize, strong, table, text } from './mdast';

export { RANK_NAMES, rankName, TIMELINE_KIND_LABELS } from '../labels';

/** Said where a list has no entries, so an empty section reads as intended. */
export const NOTHING_RECORDED = 'Nothing recorded.';
export const ROOT_CAUSE_MARK = '(root cause)';

export function exportPostmortem(doc: Postmortem): string {
  return serialize(postmortemTree(doc));
}

/** The exported document as mdast, before serialisation. */
export function postmortemTree(doc: Postmortem): Root {
  const blocks: RootContent[] = [
    heading(1, titleHeading(doc.kind, doc.title)),
    ...headerFields(doc),
    rule(),
    heading(2, 'Impact Summary'),
    ...impactFields(doc),
    rule(),
    heading(2, 'Timeline'),
    paragraph(text('All times UTC.')),
    timelineTable(doc),
    heading(2, 'Root Cause Analysis'),
    heading(3, 'Contributing Factors'),
    ...contributingFactors(doc),
    heading(3, 'Five Whys'),
    ...fiveWhys(doc),
    rule(),
    heading(2, 'What Went Well'),
    bulletList(doc.wentWell),
    heading(2, 'What Went Poorly'),
    bulletList(doc.wentPoorly),
    heading(2, 'Action Items'),
    actionItemsTable(doc),
    ...meetingNote(doc),
    ...doc.extraSections.flatMap((section) => [heading(2, section.heading), ...keptSection(section.markdown)]),
  ];
  return { type: 'root', children: blocks };
}

/**
 * A kept section's blocks. Its markdown was written from the middle of an imported file,
 * where a leading U+FEFF is text; parsed alone it would be dropped as a byte-order mark
 * and could turn what follows (`>`, `#`) into markup, so it is kept off the first position.
 */
export function keptSection(markdown: string): RootContent[] {
  return parse(markdown.startsWith('\uFEFF') ? `\n${markdown}` : markdown).children;
}

function headerFields(doc: Postmortem): RootContent[] {
  const duration = incidentDuration(doc);
  return [
    field('Date', doc.incidentDate),
    field('Duration', duration === null ? '' : formatHhMm(duration)),
    field('Severity', doc.severity),
    field('Incident Commander', doc.incidentCommander),
    field('Authors', doc.authors),
    field('Review Date', doc.reviewDate),
    field('Status', doc.status),
  ];
}

function impactFields(doc: Postmortem): RootContent[] {
  const budget = errorBudget(doc);
  const services: PhrasingContent[] = doc.impact.servicesAffected.flatMap((service, i) => [
    ...(i === 0 ? [text(' ')] : [text(', ')]),
    { type: 'inlineCode', value: service } as PhrasingContent,
  ]);
  return [
    field('Users Affected', doc.impact.usersAffected),
    field('Revenue Impact', doc.impact.revenueImpact),
    field(
      'SLO Target',
      doc.impact.sloTarget.trim() === '' ? '' : `${doc.impact.sloTarget.trim()} over ${doc.impact.sloWindowDays} days`,
    ),
    ...(doc.impact.impactMinutesOverride === null
      ? []
      : [field('Impact Minutes', String(doc.impact.impactMinutesOverride))]),
    field('SLO Impact', budget.ok ? describeErrorBudget(budget, doc.impact.sloWindowDays) : ''),
    field('Services Affected', services),
  ];
}

function timelineTable(doc: Postmortem): RootContent {
  const withKind = doc.timeline.some((e) => e.kind !== 'event');
  const withMilestone = doc.timeline.some((e) => e.milestone !== null);
  const withKnownAt = doc.timeline.some((e) => e.knownAt !== '');
  const header = [
    'Time',
    'Event',
    ...(withKind ? ['Kind'] : []),
    ...(withMilestone ? ['Milestone'] : []),
    ...(withKnownAt ? ['Known At'] : []),
  ];
  const rows = doc.timeline.map((e) => [
    formatUtc(e.time, doc.incidentDate),
    e.text,
    ...(withKind ? [TIMELINE_KIND_LABELS[e.kind]] : []),
    ...(withMilestone ? [e.milestone ? MILESTONE_LABELS[e.milestone] : ''] : []),
    ...(withKnownAt ? [formatUtc(e.knownAt, doc.incidentDate)] : []),
  ]);
  return table(header, rows);
}

function contributingFactors(doc: Postmortem): RootContent[] {
  if (doc.contributingFactors.length === 0)
    return [paragraph({ type: 'emphasis', children: [text(NOTHING_RECORDED)] })];
  return [
    {
      type: 'list',
      ordered: true,
      start: 1,
      spread: false,
      children: doc.contributingFactors.map((factor, i) => ({
        type: 'listItem',
        spread: false,
        children: [
          paragraph(
            strong(`${rankName(i)} ${factor.isRootCause ? ROOT_CAUSE_MARK : '(contributory)'}:`),
            ...(factor.text === '' ? [] : [text(` ${factor.text}`)]),
          ),
        ],
      })),
    },
  ];
}

/**
 * Deepest why the nested list writes; a deeper tree is written as separate causal
 * paths instead, so the markdown never nests deep enough for the importer to refuse it
 * (see PATHOLOGICAL in importTemplate) or for a renderer to give up.
 */
export const MAX_WHY_LIST_DEPTH = 32;

/**
 * The causal chains. One chain is written as the template shows it: each question in
 * bold, its answer on the next line after an arrow. A branching analysis is written as
 * one nested list in the same form, each why under the one it answers, so every chain
 * reads from the top down and no why is written twice.
 */
function fiveWhys(doc: Postmortem): RootContent[] {
  const blocks: RootContent[] = [];
  if (doc.whys.symptom.trim() !== '') blocks.push(field('Initial Symptom', doc.whys.symptom));
  const paths = causalPaths(doc.whys.nodes);
  if (paths.length === 0 && doc.whys.symptom.trim() === '')
    return [paragraph({ type: 'emphasis', children: [text(NOTHING_RECORDED)] })];
  if (paths.length === 1) blocks.push(...(paths[0] ?? []).map(whyStep));
  else if (paths.length > 1) blocks.push(...(whyList(doc) ?? pathsByHeading(paths)));
  if (doc.whys.nodes.length > 0) blocks.push({ type: 'code', lang: 'mermaid', value: mermaidFlowchart(doc.whys) });
  return blocks;
}

/** `**question**` + line break + `→ answer` [+ ` **(root cause)**` [+ ` Tags: \`tag\`, ...`]] */
function whyStep(node: WhyNode): Paragraph {
  return paragraph(
    strong(node.question),
    { type: 'break' },
    text(`→ ${node.answer}`),
    ...(node.isRootCause ? [text(' '), strong(ROOT_CAUSE_MARK), ...tagPhrasing(node.tags)] : []),
  );
}

/** The why tree as a nested list, or null when it is deeper than MAX_WHY_LIST_DEPTH. */
function whyList(doc: Postmortem): RootContent[] | null {
  const top: List = { type: 'list', ordered: false, spread: false, children: [] };
  let tooDeep = false;
  whyForest(doc.whys.nodes).walk((node, parent: ListItem | null, depth) => {
    if (depth >= MAX_WHY_LIST_DEPTH) tooDeep = true;
    const item: ListItem = { type: 'listItem', spread: false, children: [whyStep(node)] };
    if (!parent) top.children.push(item);
    else {
      let nested = parent.children[1];
      if (nested?.type !== 'list') {
        nested = { type: 'list', ordered: false, spread: false, children: [] };
        parent.children.push(nested);
      }
      nested.children.push(item);
    }
    return item;
  }, null);
  return tooDeep ? null : [top];
}

/** The older form, kept for trees too deep to nest: every path from a top-level why to a leaf in full. */
function pathsByHeading(paths: WhyNode[][]): RootContent[] {
  return paths.flatMap((path, p) => [heading(4, `Path ${p + 1}`), ...path.map(whyStep)]);
}

function bulletList(items: readonly string[]): RootContent {
  if (items.length === 0) return paragraph({ type: 'emphasis', children: [text(NOTHING_RECORDED)] });
  return {
    type: 'list',
    ordered: false,
    spread: false,
    children: items.map((item) => ({ type: 'listItem', spread: false, children: [paragraph(text(item))] })),
  };
}

function actionItemsTable(doc: Postmortem): RootContent {
  const causes = new Map(rootCauses(doc).map((c) => [c.id, c.text]));
  return table(
    ['ID', 'Action', 'Owner', 'Priority', 'Due Date', 'Success Criteria', 'Addresses', 'Tracking', 'Done'],
    doc.actionItems.map((item) => [
      formatActionItemId(item.number),
      item.description,
      item.owner,
      item.priority,
      item.dueDate,
      item.successCriteria,
      (item.addresses && causes.get(item.addresses)) ?? '',
      isSafeWebUrl(item.trackingLink)
        ? [
            {
              type: 'link',
              url: item.trackingLink.trim(),
              children: [text(item.trackingLink.trim())],
            } as PhrasingContent,
          ]
        : item.trackingLink,
      item.done ? (item.doneAt === '' ? 'Yes' : `Yes, ${item.doneAt}`) : 'No',
    ]),
  );
}
