/**
 * Markdown export following the guide's template heading for heading and table for
 * table. The document is built as an mdast tree and serialised by
 * mdast-util-to-markdown with GFM, so user text is escaped by the library (pipes and
 * newlines in cells, backticks, a leading "#", "-" or "1."), never by hand.
 */
import type { PhrasingContent, RootContent } from 'mdast';
import { formatActionItemId, isSafeWebUrl } from '../actionItems';
import { describeErrorBudget, errorBudget } from '../impact';
import { rankName, TIMELINE_KIND_LABELS } from '../labels';
import type { Postmortem } from '../model';
import { formatHhMm, formatUtc } from '../time';
import { incidentDuration, MILESTONE_LABELS } from '../timeline';
import { causalPaths, rootCauses } from '../whys';
import { meetingNote } from './meetingNote';
import { mermaidFlowchart } from './mermaid';
import { field, heading, paragraph, parse, rule, serialize, strong, table, text } from './mdast';

export { RANK_NAMES, rankName, TIMELINE_KIND_LABELS } from '../labels';

/** Said where a list has no entries, so an empty section reads as intended. */
export const NOTHING_RECORDED = 'Nothing recorded.';
export const ROOT_CAUSE_MARK = '(root cause)';

export function exportPostmortem(doc: Postmortem): string {
  const blocks: RootContent[] = [
    heading(1, `Postmortem: ${doc.title}`),
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
    ...doc.extraSections.flatMap((section) => [heading(2, section.heading), ...parse(section.markdown).children]),
  ];
  return serialize({ type: 'root', children: blocks });
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

function fiveWhys(doc: Postmortem): RootContent[] {
  const blocks: RootContent[] = [];
  if (doc.whys.symptom.trim() !== '') blocks.push(field('Initial Symptom', doc.whys.symptom));
  const paths = causalPaths(doc.whys.nodes);
  if (paths.length === 0 && doc.whys.symptom.trim() === '')
    return [paragraph({ type: 'emphasis', children: [text(NOTHING_RECORDED)] })];
  paths.forEach((path, p) => {
    if (paths.length > 1) blocks.push(heading(4, `Path ${p + 1}`));
    for (const node of path) {
      blocks.push(
        paragraph(
          strong(node.question),
          { type: 'break' },
          text(`→ ${node.answer}`),
          ...(node.isRootCause ? [text(' '), strong(ROOT_CAUSE_MARK)] : []),
        ),
      );
    }
  });
  if (doc.whys.nodes.length > 0) blocks.push({ type: 'code', lang: 'mermaid', value: mermaidFlowchart(doc.whys) });
  return blocks;
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
