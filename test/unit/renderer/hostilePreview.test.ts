/**
 * The markdown preview on hostile documents: whatever is in a field, or in a section an
 * import kept as raw markdown (where HTML and links are markdown, not text), the preview
 * renders only harmless elements: no script, image, frame or event handler, and links
 * only to http(s) and mailto. Rendered with React's server renderer, so every element and
 * attribute React would put in the DOM is in the string.
 */
import fc from 'fast-check';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import MarkdownPreview from '../../../renderer/src/document/MarkdownPreview';
import { exportPostmortem } from '../../../shared/markdown/export';
import { HOSTILE_PIECES, hostileDocument, hostileText } from '../../fixtures/hostileDocuments';
import { recordReliability } from '../../reliability';

/** Markdown (not text) that tries to run code or load something, as a kept section may hold it. */
const ATTACKS: readonly string[] = [
  '<script>window.__pwned=1</script>',
  '<img src=x onerror="window.__pwned=1">',
  '<svg><script>window.__pwned=1</script></svg>',
  '<iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>',
  '<a href="javascript:window.__pwned=1">x</a>',
  '<div onmouseover="window.__pwned=1">hover</div>',
  '<details open ontoggle="window.__pwned=1">',
  '<style>body{background:url(https://example.com/track)}</style>',
  '<object data="javascript:window.__pwned=1"></object>',
  '<form action="javascript:window.__pwned=1"><button>go</button></form>',
  '[x](javascript:window.__pwned=1)',
  '[x](JAVASCRIPT:window.__pwned=1)',
  '[x](java&#x73;cript:window.__pwned=1)',
  '[x](<javascript:window.__pwned=1>)',
  '[x](vbscript:msgbox)',
  '[x](data:text/html,<script>window.__pwned=1</script>)',
  '[x][r]\n\n[r]: javascript:window.__pwned=1',
  '<javascript:window.__pwned=1>',
  '![i](https://example.com/x.png)',
  '![i](javascript:window.__pwned=1)',
  '[![i](https://example.com/x.png)](javascript:window.__pwned=1)',
  '[ok](https://example.com/a)',
  '<mailto:a@b.co>',
  'www.example.com',
  '- [ ] task',
  '[^1]\n\n[^1]: note',
];
const rawMarkdown = fc
  .array(fc.oneof(fc.constantFrom(...ATTACKS), fc.constantFrom(...HOSTILE_PIECES), fc.string({ maxLength: 5 })), {
    minLength: 1,
    maxLength: 8,
  })
  .map((parts) => parts.join(' '));

/** Elements the preview may render: what GFM markdown becomes, nothing that loads or runs. */
const ALLOWED_TAGS = new Set([
  'article',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'p',
  'strong',
  'em',
  'del',
  'code',
  'pre',
  'ul',
  'ol',
  'li',
  'blockquote',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'hr',
  'br',
  'a',
  'input',
  'section',
  'sup',
]);
const ALLOWED_ATTRIBUTES = new Set([
  'aria-label',
  'class',
  'href',
  'target',
  'rel',
  'start',
  'align',
  'type',
  'checked',
  'disabled',
  'id',
  'data-footnotes',
  'data-footnote-ref',
  'data-footnote-backref',
  'aria-describedby',
  'aria-hidden',
]);

/** Every element and attribute in React's markup (text and attribute values are escaped, so `<` starts a tag). */
function elements(html: string): { tag: string; attributes: [string, string][] }[] {
  return [...html.matchAll(/<([a-zA-Z][\w-]*)((?:\s+[^\s=>]+(?:="[^"]*")?)*)\s*\/?>/g)].map((m) => ({
    tag: (m[1] ?? '').toLowerCase(),
    attributes: [...(m[2] ?? '').matchAll(/([^\s=]+)(?:="([^"]*)")?/g)].map(
      (a) => [(a[1] ?? '').toLowerCase(), a[2] ?? ''] as [string, string],
    ),
  }));
}

function expectHarmless(markdown: string): void {
  const html = renderToStaticMarkup(createElement(MarkdownPreview, { markdown }));
  for (const { tag, attributes } of elements(html)) {
    expect(ALLOWED_TAGS, tag).toContain(tag);
    for (const [name, value] of attributes) {
      expect(ALLOWED_ATTRIBUTES, `${tag} ${name}`).toContain(name);
      if (name === 'href') expect(value).toMatch(/^(https?:|mailto:|#)/i);
      if (tag === 'input') expect(attributes.map(([n]) => n)).toContain('disabled');
    }
  }
}

describe('markdown preview on hostile documents (property-based)', () => {
  it('renders no script, image, frame, handler or non-web link from any field or kept section', () => {
    const runs = 40;
    const documents = hostileDocument({
      text: hostileText,
      extraSection: fc.record({ heading: hostileText, markdown: rawMarkdown }),
    });
    fc.assert(
      fc.property(documents, (doc) => expectHarmless(exportPostmortem(doc))),
      { numRuns: runs },
    );
    recordReliability('hostile-inputs', runs, 'hostile documents rendered in the markdown preview');
  }, 30_000);

  it('renders each attack on its own harmlessly, and keeps the safe link', () => {
    for (const attack of ATTACKS) expectHarmless(attack);
    const html = renderToStaticMarkup(createElement(MarkdownPreview, { markdown: '[ok](https://example.com/a)' }));
    expect(html).toContain('href="https://example.com/a"');
    recordReliability('hostile-inputs', ATTACKS.length, 'markdown attacks rendered in the preview');
  });
});
