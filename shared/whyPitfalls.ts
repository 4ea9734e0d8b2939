/**
 * The Five Whys pitfalls the guide says to catch, as prompts tied to the node (or
 * action item) they concern: stopping too early, blame as an answer, single-path
 * thinking, root causes nobody acts on, and action items that address no root cause.
 */
import { formatActionItemId } from './actionItems';
import { lintPhrasing, type PhrasingCategory, type PhrasingFinding } from './phrasing';
import type { Postmortem, WhyNode } from './model';
import { causalPaths } from './whys';

export type PitfallKind =
  | 'stopped-early'
  | 'intermediate-root-cause'
  | 'blame'
  | 'single-path'
  | 'root-cause-without-action'
  | 'action-without-root-cause';

export interface Pitfall {
  kind: PitfallKind;
  message: string;
  nodeId: string | null;
  actionItemId: string | null;
}

/** Phrasing categories that, in an answer, mean the chain ended at a person. */
const BLAME_CATEGORIES: ReadonlySet<PhrasingCategory> = new Set([
  'human-error',
  'person-failed',
  'character',
  'interpretation',
]);

/** An event (something that happened) rather than a condition of the system or process. */
const EVENT_ANSWER =
  /\b(failed|crashed|went down|broke|timed out|was deleted|was dropped|ran out|errored|stopped|was overloaded|became overloaded|spiked|exploded|hung)\b/i;
const CONDITION_WORDS =
  /\b(no|not|never|without|lacks?|lacking|missing|absent|nothing|does(n'?t| not)|do(n'?t| not)|policy|process|procedure|check|review|limit|threshold|config(uration)?|design|default|allows?|permits?)\b/i;

export function detectPitfalls(
  doc: Pick<Postmortem, 'whys' | 'contributingFactors' | 'actionItems'>,
  /** The phrasing linter to judge answers with: pass the app's, so the team's settings apply. */
  lint: (text: string) => readonly PhrasingFinding[] = lintPhrasing,
): Pitfall[] {
  const isBlameful = (text: string) => lint(text).some((f) => BLAME_CATEGORIES.has(f.category));
  const nodes = doc.whys.nodes;
  const pitfalls: Pitfall[] = [];
  const prompt = (
    kind: PitfallKind,
    message: string,
    nodeId: string | null = null,
    actionItemId: string | null = null,
  ) => pitfalls.push({ kind, message, nodeId, actionItemId });

  // Indexed once: a lookup per node over all nodes was quadratic (a quarter of a
  // million comparisons at 500 whys, on every edit).
  const parents = new Set(nodes.map((n) => n.parentId));
  const addressed = new Set(doc.actionItems.map((a) => a.addresses));
  for (const node of nodes) {
    const label = shortLabel(node);
    if (node.answer.trim() !== '' && isBlameful(node.answer)) {
      prompt(
        'blame',
        `"${label}" ends at a person. Human error is where the questions start: what in the system allowed it, and why did it make sense at the time?`,
        node.id,
      );
    }
    const isLeaf = !parents.has(node.id);
    if (isLeaf && !node.isRootCause && node.answer.trim() !== '') {
      prompt(
        'stopped-early',
        `"${label}" is where this path stops, but it is not marked as a root cause. Ask why once more, or mark it if fixing it would have prevented the incident.`,
        node.id,
      );
    }
    if (node.isRootCause && EVENT_ANSWER.test(node.answer) && !CONDITION_WORDS.test(node.answer)) {
      prompt(
        'intermediate-root-cause',
        `"${label}" describes something that happened, not a condition of the system or process. Keep asking until you reach what let it happen.`,
        node.id,
      );
    }
  }

  const answered = nodes.filter((n) => n.answer.trim() !== '');
  if (answered.length >= 2 && causalPaths(nodes).length === 1) {
    prompt(
      'single-path',
      'Only one causal path so far. Incidents rarely have one cause: what else had to be true? What made it worse or longer?',
      nodes[0]?.id ?? null,
    );
  }

  const causeIds = new Set([
    ...nodes.filter((n) => n.isRootCause).map((n) => n.id),
    ...doc.contributingFactors.filter((f) => f.isRootCause).map((f) => f.id),
  ]);
  for (const node of nodes.filter((n) => n.isRootCause)) {
    if (!addressed.has(node.id)) {
      prompt(
        'root-cause-without-action',
        `Root cause "${shortLabel(node)}" has no action item addressing it.`,
        node.id,
      );
    }
  }
  if (causeIds.size > 0) {
    for (const item of doc.actionItems) {
      if (!item.addresses || !causeIds.has(item.addresses)) {
        prompt(
          'action-without-root-cause',
          `${formatActionItemId(item.number)} addresses no root cause: link it to the cause it prevents, or ask whether it is needed.`,
          null,
          item.id,
        );
      }
    }
  }
  return pitfalls;
}

function shortLabel(node: WhyNode): string {
  const text = (node.answer.trim() || node.question.trim()).replace(/\s+/g, ' ');
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
