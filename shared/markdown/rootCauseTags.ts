/**
 * How a root cause's tags are written after its mark, and read back:
 * `→ answer **(root cause)** Tags: `config-push`, `no-canary``. Code spans read as
 * labels on GitHub and need no escaping (a tag is a slug), and the plain "Tags:" keeps
 * them readable where markdown is not rendered. A mark with no tags after it is written
 * as before, so older exports read the same.
 */
import type { InlineCode, PhrasingContent, Text } from 'mdast';
import { rootCauseTagSchema } from '../model';
import { MAX_ROOT_CAUSE_TAGS } from '../whyGraph';

export const TAGS_LABEL = 'Tags:';
const SEPARATOR = ', ';

/** What follows the root-cause mark: nothing when there are no tags. */
export function tagPhrasing(tags: readonly string[]): PhrasingContent[] {
  if (tags.length === 0) return [];
  const out: PhrasingContent[] = [{ type: 'text', value: ` ${TAGS_LABEL} ` }];
  tags.forEach((tag, i) => {
    if (i > 0) out.push({ type: 'text', value: SEPARATOR });
    out.push({ type: 'inlineCode', value: tag });
  });
  return out;
}

/**
 * The tags in what follows a root-cause mark: [] for nothing, null when it is not a tag
 * list (the mark is then not the one the exporter writes). Tags that are not valid
 * slugs, or repeat, are dropped so a hand-edited file still imports.
 */
export function readTagPhrasing(nodes: readonly PhrasingContent[]): string[] | null {
  if (nodes.length === 0) return [];
  const [label, ...rest] = nodes;
  if (label?.type !== 'text' || label.value !== ` ${TAGS_LABEL} ` || rest.length % 2 !== 1) return null;
  const tags: string[] = [];
  for (let i = 0; i < rest.length; i += 1) {
    const node = rest[i] as PhrasingContent;
    if (i % 2 === 1) {
      if (node.type !== 'text' || (node as Text).value !== SEPARATOR) return null;
    } else {
      if (node.type !== 'inlineCode') return null;
      const tag = (node as InlineCode).value;
      if (rootCauseTagSchema.safeParse(tag).success && !tags.includes(tag)) tags.push(tag);
    }
  }
  return tags.slice(0, MAX_ROOT_CAUSE_TAGS);
}
