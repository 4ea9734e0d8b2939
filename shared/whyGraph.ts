/**
 * Pure edits of the why graph: add a child or sibling, edit, delete a subtree, mark a
 * root cause and tag it, move a node under another (refusing cycles), and the chain
 * from a node back to the symptom. Ids come from the caller to keep these pure.
 */
import { rootCauseTagSchema, type Postmortem, type WhyNode } from './model';
import { childrenOf } from './whys';

type Whys = Postmortem['whys'];

function withNodes(doc: Postmortem, nodes: WhyNode[]): Postmortem {
  return { ...doc, whys: { ...doc.whys, nodes } };
}

export function setSymptom(doc: Postmortem, symptom: string): Postmortem {
  return doc.whys.symptom === symptom ? doc : { ...doc, whys: { ...doc.whys, symptom } };
}

/**
 * The question a new child starts with: the parent's answer turned into "why?", as the
 * method goes (each answer becomes the next question). Editable afterwards.
 */
export function nextQuestion(parent: WhyNode | undefined, symptom: string): string {
  const source = (parent ? parent.answer : symptom).trim().replace(/[.?!]+$/, '');
  if (source === '') return 'Why?';
  if (/^why\b/i.test(source)) return `${source}?`;
  return `Why ${source.charAt(0).toLowerCase()}${source.slice(1)}?`;
}

export function addWhy(doc: Postmortem, id: string, parentId: string | null): Postmortem {
  const parent = parentId === null ? undefined : doc.whys.nodes.find((n) => n.id === parentId);
  if (parentId !== null && !parent) return doc;
  const siblings = childrenOf(doc.whys.nodes, parentId);
  const node: WhyNode = {
    id,
    parentId,
    order: siblings.length === 0 ? 0 : Math.max(...siblings.map((s) => s.order)) + 1,
    question: nextQuestion(parent, doc.whys.symptom),
    answer: '',
    isRootCause: false,
    tags: [],
  };
  return withNodes(doc, [...doc.whys.nodes, node]);
}

/** A sibling right after `siblingId` (the siblings after it move down one). */
export function addSiblingWhy(doc: Postmortem, id: string, siblingId: string): Postmortem {
  const sibling = doc.whys.nodes.find((n) => n.id === siblingId);
  if (!sibling) return doc;
  const parent = sibling.parentId === null ? undefined : doc.whys.nodes.find((n) => n.id === sibling.parentId);
  const nodes = doc.whys.nodes.map((n) =>
    n.parentId === sibling.parentId && n.order > sibling.order ? { ...n, order: n.order + 1 } : n,
  );
  const node: WhyNode = {
    id,
    parentId: sibling.parentId,
    order: sibling.order + 1,
    question: nextQuestion(parent, doc.whys.symptom),
    answer: '',
    isRootCause: false,
    tags: [],
  };
  return withNodes(doc, [...nodes, node]);
}

/**
 * Unmarking a root cause also drops its tags: tags describe root causes (the export
 * writes them after the root-cause mark), and undo brings both back.
 */
export function updateWhy(
  doc: Postmortem,
  id: string,
  patch: Partial<Pick<WhyNode, 'question' | 'answer' | 'isRootCause'>>,
): Postmortem {
  const current = doc.whys.nodes.find((n) => n.id === id);
  if (!current || (Object.keys(patch) as (keyof typeof patch)[]).every((k) => patch[k] === current[k])) return doc;
  const untag = patch.isRootCause === false && current.tags.length > 0 ? { tags: [] } : {};
  return withNodes(
    doc,
    doc.whys.nodes.map((n) => (n.id === id ? { ...n, ...patch, ...untag } : n)),
  );
}

/** The most tags one root cause takes (the schema's limit). */
export const MAX_ROOT_CAUSE_TAGS = 20;

/**
 * A tag as typed, in the form it is stored: trimmed, lower case, inner spaces as
 * hyphens ("No canary" -> "no-canary"), so the same cause is tagged the same way in
 * every postmortem and repeat incidents match.
 */
export function normalizeTag(typed: string): string {
  return typed.trim().toLowerCase().replace(/\s+/g, '-');
}

export type TagResult = { ok: true; doc: Postmortem; tag: string } | { ok: false; reason: string };

/** Adds a tag (normalised) to a root cause, or says in a sentence why it cannot. */
export function addRootCauseTag(doc: Postmortem, id: string, typed: string): TagResult {
  const node = doc.whys.nodes.find((n) => n.id === id);
  if (!node) return { ok: false, reason: 'That why no longer exists.' };
  if (!node.isRootCause) return { ok: false, reason: 'Only a root cause takes tags: mark it as one first (R).' };
  const tag = normalizeTag(typed);
  if (tag === '') return { ok: false, reason: 'Type a tag first, such as config-push.' };
  if (!rootCauseTagSchema.safeParse(tag).success) {
    return {
      ok: false,
      reason: `"${tag.length > 60 ? `${tag.slice(0, 57)}…` : tag}" cannot be a tag: use up to 48 letters, digits, ".", "_" or "-", starting with a letter or digit.`,
    };
  }
  if (node.tags.includes(tag)) return { ok: false, reason: `This root cause is already tagged ${tag}.` };
  if (node.tags.length >= MAX_ROOT_CAUSE_TAGS)
    return { ok: false, reason: `A root cause takes at most ${MAX_ROOT_CAUSE_TAGS} tags.` };
  return {
    ok: true,
    tag,
    doc: withNodes(
      doc,
      doc.whys.nodes.map((n) => (n.id === id ? { ...n, tags: [...n.tags, tag] } : n)),
    ),
  };
}

/** Removes one tag from a node; the same document if it had no such tag. */
export function removeRootCauseTag(doc: Postmortem, id: string, tag: string): Postmortem {
  const node = doc.whys.nodes.find((n) => n.id === id);
  if (!node?.tags.includes(tag)) return doc;
  return withNodes(
    doc,
    doc.whys.nodes.map((n) => (n.id === id ? { ...n, tags: n.tags.filter((t) => t !== tag) } : n)),
  );
}

/** The node and everything under it. */
export function subtreeIds(nodes: readonly WhyNode[], id: string): Set<string> {
  const ids = new Set([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const n of nodes) {
      if (n.parentId !== null && ids.has(n.parentId) && !ids.has(n.id)) {
        ids.add(n.id);
        grew = true;
      }
    }
  }
  return ids;
}

/** Deletes a node with its subtree; action items that addressed a removed root cause are unlinked. */
export function removeWhy(doc: Postmortem, id: string): Postmortem {
  if (!doc.whys.nodes.some((n) => n.id === id)) return doc;
  const gone = subtreeIds(doc.whys.nodes, id);
  return {
    ...withNodes(
      doc,
      doc.whys.nodes.filter((n) => !gone.has(n.id)),
    ),
    actionItems: doc.actionItems.map((a) => (a.addresses && gone.has(a.addresses) ? { ...a, addresses: null } : a)),
  };
}

export type MoveResult = { ok: true; doc: Postmortem } | { ok: false; reason: string };

/** Moves a node (with its subtree) under a new parent, last among its new siblings. */
export function reparentWhy(doc: Postmortem, id: string, newParentId: string | null): MoveResult {
  const node = doc.whys.nodes.find((n) => n.id === id);
  if (!node) return { ok: false, reason: 'That why no longer exists.' };
  if (newParentId === node.parentId) return { ok: true, doc };
  if (newParentId !== null) {
    if (!doc.whys.nodes.some((n) => n.id === newParentId))
      return { ok: false, reason: 'The target why no longer exists.' };
    if (subtreeIds(doc.whys.nodes, id).has(newParentId)) {
      return { ok: false, reason: 'A why cannot move under itself or one of its own answers: that would make a loop.' };
    }
  }
  const siblings = childrenOf(doc.whys.nodes, newParentId);
  const order = siblings.length === 0 ? 0 : Math.max(...siblings.map((s) => s.order)) + 1;
  return {
    ok: true,
    doc: withNodes(
      doc,
      doc.whys.nodes.map((n) => (n.id === id ? { ...n, parentId: newParentId, order } : n)),
    ),
  };
}

/** From the top of the graph down to `id`: the chain a node's answer rests on. */
export function chainTo(whys: Whys, id: string): WhyNode[] {
  const byId = new Map(whys.nodes.map((n) => [n.id, n]));
  const chain: WhyNode[] = [];
  const seen = new Set<string>();
  let current = byId.get(id);
  while (current && !seen.has(current.id)) {
    seen.add(current.id);
    chain.unshift(current);
    current = current.parentId === null ? undefined : byId.get(current.parentId);
  }
  return chain;
}
