import fc from 'fast-check';
import type { BlockContent, List, Nodes, PhrasingContent, RootContent } from 'mdast';
import { toMarkdown } from 'mdast-util-to-markdown';
import { describe, expect, it } from 'vitest';
import { exportPostmortem, postmortemTree } from '../../../shared/markdown/export';
import { LIBRARY_TO_MARKDOWN, parse, serialize } from '../../../shared/markdown/mdast';
import { largeDocument } from '../../../bench/largeDocument';
import { hostileDocument } from '../../fixtures/hostileDocuments';

/** Every character some unsafe pattern is about, and the sequences that make them matter. */
const pieces = fc.constantFrom(
  ...'abc XYZ019 \t\n\r|`~*_#-+.:;!?()[]{}<>&@=\\/\'"$%^,é→😀\u00a0\u200b\u007f'.split(''),
  ...['www.', 'http://', 'https://', 'mailto:', 'a@b.c', '&amp;', '&#x20;', '1.', '1)', '---', '***', '> ', '- '],
  ...['<a>', '<!--', ']:', '  ', 'a_b', '__', '![', '](', '\\|'],
);
const text = fc.array(pieces, { maxLength: 12 }).map((parts) => parts.join(''));

const { inline } = fc.letrec<{ inline: PhrasingContent }>((tie) => ({
  inline: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    text.map((value): PhrasingContent => ({ type: 'text', value })),
    text.map((value): PhrasingContent => ({ type: 'text', value })),
    text.map((value): PhrasingContent => ({ type: 'inlineCode', value })),
    fc.constant<PhrasingContent>({ type: 'break' }),
    fc.array(tie('inline'), { maxLength: 3 }).map((children): PhrasingContent => ({ type: 'strong', children })),
    fc.array(tie('inline'), { maxLength: 3 }).map((children): PhrasingContent => ({ type: 'emphasis', children })),
    fc.array(tie('inline'), { maxLength: 3 }).map((children): PhrasingContent => ({ type: 'delete', children })),
    fc
      .tuple(
        fc.constantFrom('https://x.example/a', 'http://a b', 'mailto:a@b.c'),
        fc.array(tie('inline'), { maxLength: 2 }),
      )
      .map(([url, children]): PhrasingContent => ({ type: 'link', url, children })),
  ),
}));
const phrasing = fc.array(inline, { minLength: 1, maxLength: 5 });
/** A cell or heading: often empty or one text, the shapes written without the library's item machinery. */
const cellPhrasing = fc.oneof(
  fc.constant<PhrasingContent[]>([]),
  text.map((value): PhrasingContent[] => [{ type: 'text', value }]),
  phrasing,
);
const listItems = (children: fc.Arbitrary<BlockContent[]>) =>
  fc.array(children, { minLength: 1, maxLength: 3 }).map((items): List => ({
    type: 'list',
    ordered: false,
    spread: false,
    children: items.map((content) => ({ type: 'listItem', spread: false, children: content })),
  }));
/** Lists of paragraphs with lists under them, as the whys are written. */
const { nestedList } = fc.letrec<{ nestedList: List }>((tie) => ({
  nestedList: listItems(
    fc
      .tuple(cellPhrasing, fc.option(tie('nestedList'), { depthSize: 'small', nil: null }))
      .map(([children, nested]): BlockContent[] => [
        { type: 'paragraph', children },
        ...(nested === null ? [] : [nested]),
      ]),
  ),
}));
const block: fc.Arbitrary<RootContent> = fc.oneof(
  phrasing.map((children): RootContent => ({ type: 'paragraph', children })),
  cellPhrasing.map((children): RootContent => ({ type: 'paragraph', children })),
  nestedList,
  fc
    .tuple(fc.constantFrom(1 as const, 2 as const, 3 as const), cellPhrasing)
    .map(([depth, children]): RootContent => ({ type: 'heading', depth, children })),
  fc.array(fc.tuple(cellPhrasing, cellPhrasing), { minLength: 1, maxLength: 3 }).map((rows): RootContent => ({
    type: 'table',
    align: [null, null],
    children: rows.map((cells) => ({
      type: 'tableRow',
      children: cells.map((children) => ({ type: 'tableCell', children })),
    })),
  })),
  fc.array(phrasing, { minLength: 1, maxLength: 3 }).map((items): RootContent => ({
    type: 'list',
    ordered: false,
    spread: false,
    children: items.map((children) => ({
      type: 'listItem',
      spread: false,
      children: [{ type: 'paragraph', children }],
    })),
  })),
  fc.array(phrasing, { minLength: 1, maxLength: 2 }).map((items): RootContent => ({
    type: 'blockquote',
    children: items.map((children) => ({ type: 'paragraph', children })),
  })),
);

describe('serialising with the faster handlers (text, its peek, single-text phrasing)', () => {
  it('writes what the library writes, for any tree of hostile text', () => {
    fc.assert(
      fc.property(fc.array(block, { minLength: 1, maxLength: 4 }), (children) => {
        const tree: Nodes = { type: 'root', children };
        let expected: string;
        try {
          expected = toMarkdown(tree, LIBRARY_TO_MARKDOWN);
        } catch {
          return; // a tree the library itself cannot write (e.g. a link inside a link)
        }
        expect(serialize(tree)).toBe(expected);
      }),
      { numRuns: 2500 },
    );
  }, 120_000);

  it('writes what the library writes for any exported document full of hostile text', () => {
    fc.assert(
      fc.property(hostileDocument(), (doc) => {
        expect(exportPostmortem(doc)).toBe(toMarkdown(postmortemTree(doc), LIBRARY_TO_MARKDOWN));
      }),
      { numRuns: 300 },
    );
  }, 120_000);

  it('writes autolinks (a link whose text is its url) as the library does, in paragraphs, headings and cells', () => {
    // What an autolink can hold: no control character, space or angle bracket.
    const rest = fc
      .array(fc.constantFrom(...'aZ9|`*_#-+.:!?()[]{}&\\/"\'%~=@é😀'.split(''), '&amp;', 'a_b', '\\|', '#', 'www.'), {
        maxLength: 8,
      })
      .map((parts) => parts.join(''));
    const autolink = fc
      .tuple(fc.constantFrom('https://', 'http://x.', 'mailto:'), rest)
      .map(([scheme, tail]): PhrasingContent => {
        const url = scheme + tail;
        const label = scheme === 'mailto:' ? tail : url;
        return { type: 'link', url, children: [{ type: 'text', value: label }] };
      });
    const holders = (link: PhrasingContent): RootContent[] => [
      { type: 'paragraph', children: [link] },
      { type: 'heading', depth: 2, children: [{ type: 'text', value: 'a ' }, link] },
      {
        type: 'table',
        align: [null],
        children: [{ type: 'tableRow', children: [{ type: 'tableCell', children: [link] }] }],
      },
    ];
    let unchanged = 0;
    fc.assert(
      fc.property(autolink, (link) => {
        const tree: Nodes = { type: 'root', children: holders(link) };
        const expected = toMarkdown(tree, LIBRARY_TO_MARKDOWN);
        expect(serialize(tree)).toBe(expected);
        if (link.type === 'link' && expected.includes(`<${link.url}>`)) unchanged += 1;
      }),
      { numRuns: 1500 },
    );
    // Most are written as they are (the shortcut), the rest percent-encoded by the library.
    expect(unchanged).toBeGreaterThan(100);
  });

  it('writes what the library writes for a large exported document', () => {
    const doc = largeDocument();
    doc.timeline[3] = { ...doc.timeline[3]!, text: 'line\nbreak, `code`, <b>, &amp; and a_b' };
    expect(exportPostmortem(doc)).toBe(toMarkdown(postmortemTree(doc), LIBRARY_TO_MARKDOWN));
    const tree = parse(exportPostmortem(doc));
    expect(serialize(tree)).toBe(toMarkdown(tree, LIBRARY_TO_MARKDOWN));
  });
});
