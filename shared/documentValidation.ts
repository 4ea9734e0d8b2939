/**
 * Validates a postmortem before each save in time proportional to what changed, not to
 * its size. An edit replaces only the list items it touches (documents are immutable and
 * edits in edits.ts share everything else), so an item object already found valid is
 * still valid: it is remembered (by identity, in a WeakSet that lets it be collected) and
 * skipped next time. Everything outside the long lists is checked on every call.
 *
 * The schema has no rule that spans items (each list item is valid on its own), so "the
 * shell is valid and every item is valid" is exactly "postmortemSchema accepts it".
 * Contract: nobody mutates a document or its items in place after they were checked;
 * the renderer's stores only ever apply pure edits.
 */
import { z } from 'zod';
import {
  actionItemSchema,
  contributingFactorSchema,
  extraSectionSchema,
  postmortemSchema,
  promptDismissalSchema,
  timelineEventSchema,
  whyNodeSchema,
  type Postmortem,
} from './model';

const unchecked = z.array(z.unknown());

/** The document with the items of its long lists left to be checked one by one. */
const shellSchema = postmortemSchema.extend({
  timeline: unchecked,
  contributingFactors: unchecked,
  actionItems: unchecked,
  extraSections: unchecked,
  promptDismissals: unchecked,
  whys: postmortemSchema.shape.whys.extend({ nodes: unchecked }),
});

/** Each long list and the schema of its items. */
const LISTS: readonly (readonly [(doc: Postmortem) => readonly unknown[], z.ZodType])[] = [
  [(doc) => doc.timeline, timelineEventSchema],
  [(doc) => doc.contributingFactors, contributingFactorSchema],
  [(doc) => doc.actionItems, actionItemSchema],
  [(doc) => doc.extraSections, extraSectionSchema],
  [(doc) => doc.promptDismissals, promptDismissalSchema],
  [(doc) => doc.whys.nodes, whyNodeSchema],
];

const checked = new WeakSet<object>();

function itemValid(item: unknown, schema: z.ZodType): boolean {
  if (typeof item === 'object' && item !== null && checked.has(item)) return true;
  if (!schema.safeParse(item).success) return false;
  if (typeof item === 'object' && item !== null) checked.add(item);
  return true;
}

/** Notes that every item of `doc` is valid (it was just parsed), so saves skip them. */
export function rememberValid(doc: Postmortem): void {
  for (const [items] of LISTS)
    for (const item of items(doc)) if (typeof item === 'object' && item !== null) checked.add(item);
}

/**
 * The same verdict as parsing with postmortemSchema; on failure, that parse's error (it is
 * run then, to name every problem). A valid document is returned as it is.
 */
export function checkPostmortem(doc: unknown): { ok: true; doc: Postmortem } | { ok: false; error: z.ZodError } {
  if (shellSchema.safeParse(doc).success) {
    const shell = doc as Postmortem;
    if (LISTS.every(([items, schema]) => items(shell).every((item) => itemValid(item, schema)))) {
      return { ok: true, doc: shell };
    }
  }
  const parsed = postmortemSchema.safeParse(doc);
  return parsed.success ? { ok: true, doc: parsed.data } : { ok: false, error: parsed.error };
}
