import type { Element, Nodes as HastNodes, Root as HastRoot } from 'hast';
import { toJsxRuntime } from 'hast-util-to-jsx-runtime';
import { toHast } from 'mdast-util-to-hast';
import { memo, useMemo } from 'react';
import { Fragment, jsx, jsxs } from 'react/jsx-runtime';
import { parse } from '../../../shared/markdown/mdast';

/**
 * Renders exported markdown as the reader will see it. Raw HTML in user text is never
 * rendered (mdast-util-to-hast drops it without allowDangerousHtml), links keep only
 * http(s) and mailto targets, and images are shown as their alt text, so nothing in
 * a postmortem can run code or load from the network.
 */
const MarkdownPreview = memo(function MarkdownPreview({ markdown }: { markdown: string }) {
  const content = useMemo(() => {
    const hast = toHast(parse(markdown)) as HastRoot;
    sanitize(hast);
    return toJsxRuntime(hast, { Fragment, jsx, jsxs });
  }, [markdown]);
  return (
    <article className="markdown-preview" aria-label="Markdown preview">
      {content}
    </article>
  );
});

function sanitize(node: HastNodes): void {
  if (!('children' in node)) return;
  node.children = node.children.map((child) => {
    if (child.type !== 'element') return child;
    if (child.tagName === 'img') return { type: 'text', value: String(child.properties['alt'] ?? '') };
    if (child.tagName === 'a') fixLink(child);
    sanitize(child);
    return child;
  });
}

function fixLink(link: Element): void {
  const href = String(link.properties['href'] ?? '');
  if (/^(https?:|mailto:)/i.test(href)) {
    link.properties = { href, target: '_blank', rel: ['noreferrer', 'noopener'] };
  } else {
    link.properties = {};
  }
}

export default MarkdownPreview;
