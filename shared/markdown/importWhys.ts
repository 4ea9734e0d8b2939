/**
 * Reading the Five Whys section back into the why graph: the exporter's nested list and
 * single chain, the full causal paths older exports wrote (`#### Path n` headings), and
 * the numbered or nested "Why ...?" lists of postmortems written by hand.
 */
import type { List, ListItem, Paragraph, PhrasingContent, RootContent } from 'mdast';
import type { WhyNode } from '../model';
import { MAX_ROOT_CAUSE_TAGS } from '../whyGraph';
import { ROOT_CAUSE_MARK } from './export';
import { isNothingRecorded } from './importSections';
import { itemText, type ImportContext } from './importTemplate';
import { plainText } from './mdast';
import { readTagPhrasing } from './rootCauseTags';

export function readWhys(body: RootContent[], context: ImportContext): void {
  let parent: string | null = null;
  for (const node of body) {
    if (isNothingRecorded(node)) continue;
    if (node.type === 'code' && node.lang === 'mermaid') continue; // derived from the graph
    if (node.type === 'heading' && /^path \d+$/i.test(plainText(node).trim())) {
      parent = null;
      continue;
    }
    if (node.type === 'paragraph') {
      const symptom = symptomField(node);
      if (symptom !== null) {
        context.doc.whys.symptom = symptom;
        continue;
      }
      const step = whyStep(node);
      if (step) {
        parent = addStep(context, parent, step);
        continue;
      }
    }
    if (node.type === 'list' && isWhyTree(node)) {
      readWhyTree(node, context, null);
      continue;
    }
    if (node.type === 'list' && readWhyList(node, context, null)) continue;
    context.leftovers.push(node);
  }
}

function symptomField(node: Paragraph): string | null {
  const [first, ...rest] = node.children;
  if (first?.type !== 'strong' || plainText(first) !== 'Initial Symptom:') return null;
  const value = plainText({ type: 'paragraph', children: rest });
  return value.startsWith(' ') ? value.slice(1) : value;
}

/** The exporter's nested list: every item a why step, its nested list the whys that answer it. */
function isWhyTree(list: List): boolean {
  return (
    !list.ordered &&
    list.children.every((item) => {
      const [step, nested, ...rest] = item.children;
      return (
        rest.length === 0 &&
        (item.checked ?? null) === null &&
        step?.type === 'paragraph' &&
        whyStep(step) !== null &&
        (nested === undefined || (nested.type === 'list' && isWhyTree(nested)))
      );
    })
  );
}

function readWhyTree(list: List, context: ImportContext, parentId: string | null): void {
  for (const item of list.children) {
    const [step, nested] = item.children;
    const parts = step?.type === 'paragraph' ? whyStep(step) : null;
    if (!parts) continue;
    const id = addStep(context, parentId, parts);
    if (nested?.type === 'list') readWhyTree(nested, context, id);
  }
}

interface StepParts {
  question: string;
  answer: string;
  isRootCause: boolean;
  tags: string[];
}

/**
 * `**question**` + line break + `→ answer` [+ ` **(root cause)**` [+ ` Tags: \`tag\`, ...`]].
 * An empty question (cleared in the node editor) is written as nothing at all, since
 * `****` is no markup: the paragraph then opens with the line break.
 */
function whyStep(node: Paragraph): StepParts | null {
  const [head, ...tail] = node.children;
  const first = head?.type === 'break' ? null : head;
  const [second, ...rest] = first ? tail : node.children;
  if ((first && first.type !== 'strong') || second?.type !== 'break') return null;
  let answerNodes: PhrasingContent[] = rest;
  // The mark is the last bold text; only tags may follow it.
  let markAt = rest.length - 1;
  while (markAt >= 0 && rest[markAt]?.type !== 'strong') markAt -= 1;
  const mark = rest[markAt];
  const tags =
    mark?.type === 'strong' && plainText(mark) === ROOT_CAUSE_MARK ? readTagPhrasing(rest.slice(markAt + 1)) : null;
  const isRootCause = tags !== null;
  if (isRootCause) answerNodes = rest.slice(0, markAt);
  let answer = plainText({ type: 'paragraph', children: answerNodes });
  if (!answer.startsWith('→')) return null;
  answer = answer.replace(/^→ ?/, '');
  if (isRootCause) answer = answer.replace(/ $/, '');
  return { question: first ? plainText(first) : '', answer, isRootCause, tags: tags ?? [] };
}

function addStep(context: ImportContext, parentId: string | null, step: StepParts): string {
  const { question, answer, isRootCause, tags } = step;
  const nodes = context.doc.whys.nodes;
  const siblings = nodes.filter((n) => n.parentId === parentId);
  const existing = siblings.find((n) => n.question === question && n.answer === answer);
  if (existing) {
    // Older exports wrote a why once per path through it: the copies are one why.
    existing.isRootCause ||= isRootCause;
    existing.tags = [...new Set([...existing.tags, ...tags])].slice(0, MAX_ROOT_CAUSE_TAGS);
    return existing.id;
  }
  const node: WhyNode = {
    id: context.nextId('w'),
    parentId,
    order: siblings.length,
    question,
    answer,
    isRootCause,
    tags,
  };
  nodes.push(node);
  return node.id;
}

/** Numbered or nested bullet lists of "Why ...?" items, answers after "→", "->", "A:" or on the next line. */
function readWhyList(list: List, context: ImportContext, parentId: string | null): boolean {
  const items = list.children.map((item) => ({ item, parts: splitWhy(item) }));
  if (!items.some((i) => i.parts)) return false;
  let parent = parentId;
  for (const { item, parts } of items) {
    const text = parts ?? { question: itemText(item.children.filter((c) => c.type !== 'list')), answer: '' };
    const id = addStep(context, list.ordered ? parent : parentId, {
      ...text,
      isRootCause: /root cause/i.test(text.answer),
      tags: [],
    });
    if (list.ordered) parent = id; // a numbered list is one chain: each item answers the one before
    for (const nested of item.children.filter((c): c is List => c.type === 'list')) readWhyList(nested, context, id);
  }
  return true;
}

function splitWhy(item: ListItem): { question: string; answer: string } | null {
  const text = item.children
    .filter((c) => c.type !== 'list')
    .map((c) => plainText(c))
    .join('\n')
    .trim();
  if (!/\bwhy\b/i.test(text)) return null;
  const m = /^(.*?\?)\s*(?:\n|→|->|A:|Answer:|-|–|—)?\s*(.*)$/s.exec(text);
  if (!m) return null;
  return {
    question: (m[1] ?? '').replace(/^\d+[.)]\s*/, '').trim(),
    answer: (m[2] ?? '').replace(/^(→|->|A:|Answer:)\s*/i, '').trim(),
  };
}
