import fc from 'fast-check';
import type { Nodes, PhrasingContent, RootContent } from 'mdast';
import { toMarkdown, type Info, type State } from 'mdast-util-to-markdown';
import { describe, expect, it } from 'vitest';
import { LIBRARY_TO_MARKDOWN, serialize } from '../../../shared/markdown/mdast';
import { phrasingShortcut } from '../../../shared/markdown/phrasingShortcut';

/**
 * Text that puts every class of character next to a strong marker: ASCII letters,
 * digits, punctuation and whitespace, line endings, and what the shortcut leaves to the
 * library (emoji, U+FEFF, no-break space, accented letters, control characters).
 */
const pieces = fc.constantFrom(
  ...'aZ9 \t\n|`*_#-+.:!?()[]<>&\\/"\'é😀\u00a0\ufeff\u0000→'.split(''),
  ...['1.', '1)', '- ', '# ', '**', '__', '\\*', 'a_b', '&amp;', '<b>', 'www.', 'https://x.y', '  ', '\\\\'],
);
const text = fc.array(pieces, { minLength: 0, maxLength: 6 }).map((parts) => parts.join(''));
const textNode = text.map((value): PhrasingContent => ({ type: 'text', value }));
/** What the exporter puts in and beside a strong: text, code, breaks. */
const plain = fc.oneof(
  { weight: 5, arbitrary: textNode },
  { weight: 1, arbitrary: text.map((value): PhrasingContent => ({ type: 'inlineCode', value })) },
  { weight: 1, arbitrary: fc.constant<PhrasingContent>({ type: 'break' }) },
);
const strong = fc
  .array(plain, { minLength: 1, maxLength: 2 })
  .map((children): PhrasingContent => ({ type: 'strong', children }));
/** Phrasing the shortcut is about, and some it must leave to the library. */
const phrasing = fc.array(
  fc.oneof(
    { weight: 4, arbitrary: plain },
    { weight: 4, arbitrary: strong },
    {
      weight: 1,
      arbitrary: fc
        .array(fc.oneof(plain, strong), { minLength: 1, maxLength: 2 })
        .map((children): PhrasingContent => ({ type: 'link', url: 'https://x.example', children })),
    },
    {
      weight: 1,
      arbitrary: fc
        .array(fc.oneof(plain, strong), { minLength: 1, maxLength: 2 })
        .map((children): PhrasingContent => ({ type: 'emphasis', children })),
    },
    { weight: 1, arbitrary: fc.constant<PhrasingContent>({ type: 'html', value: '<b>' }) },
  ),
  { minLength: 1, maxLength: 5 },
);

/** Every phrasing parent the exporter writes: paragraphs at the root and in nested items, headings, cells. */
const block = (children: PhrasingContent[]): fc.Arbitrary<RootContent> =>
  fc.constantFrom<RootContent>(
    { type: 'paragraph', children },
    {
      type: 'list',
      ordered: false,
      spread: false,
      children: [
        {
          type: 'listItem',
          spread: false,
          children: [
            { type: 'paragraph', children: [{ type: 'text', value: 'x' }] },
            {
              type: 'list',
              ordered: false,
              spread: false,
              children: [{ type: 'listItem', spread: false, children: [{ type: 'paragraph', children }] }],
            },
          ],
        },
      ],
    },
    { type: 'heading', depth: 2, children },
    {
      type: 'table',
      align: [null, null],
      children: [
        {
          type: 'tableRow',
          children: [
            { type: 'tableCell', children: [{ type: 'text', value: 'a' }] },
            { type: 'tableCell', children },
          ],
        },
      ],
    },
  );

interface Comparison {
  ours: string | undefined;
  theirs: string;
}

/**
 * Serialises `tree` with the library's own handlers, asking the shortcut for every
 * phrasing parent on the way (with the very state, stack and surroundings the library's
 * containerPhrasing gets), and returns both answers.
 */
function compareInPlace(tree: Nodes, surroundings?: { before: string; after: string }): Comparison[] {
  const comparisons: Comparison[] = [];
  const library = toMarkdownStateHook((state, parent, info, containerPhrasing) => {
    const asked = surroundings ? { ...info, ...surroundings } : info;
    const indexDepth = state.indexStack.length;
    const stackDepth = state.stack.length;
    const ours = phrasingShortcut(parent, state, asked);
    // The shortcut leaves the state as it found it.
    expect(state.indexStack.length).toBe(indexDepth);
    expect(state.stack.length).toBe(stackDepth);
    comparisons.push({ ours, theirs: containerPhrasing(parent, asked) });
    return containerPhrasing(parent, info);
  });
  library(tree);
  return comparisons;
}

type Hook = (
  state: State,
  parent: Parameters<State['containerPhrasing']>[0],
  info: Info,
  containerPhrasing: State['containerPhrasing'],
) => string;

/** toMarkdown with the library's options, its containerPhrasing wrapped by `hook`. */
function toMarkdownStateHook(hook: Hook): (tree: Nodes) => string {
  return (tree) =>
    toMarkdown(tree, {
      ...LIBRARY_TO_MARKDOWN,
      handlers: {
        root: (node, _parent, state, info) => {
          const containerPhrasing = state.containerPhrasing;
          state.containerPhrasing = (parent, phrasingInfo) =>
            hook(state, parent, phrasingInfo, (p, i) => containerPhrasing.call(state, p, i));
          try {
            return state.containerFlow(node, info);
          } finally {
            state.containerPhrasing = containerPhrasing;
          }
        },
      },
    });
}

describe('the strong and plain phrasing shortcut', () => {
  it('gives what the library gives, or leaves it to the library, for hostile text around and in strong', () => {
    let taken = 0;
    let takenWithStrong = 0;
    let takenWithReference = 0;
    fc.assert(
      fc.property(phrasing.chain(block), (child) => {
        for (const { ours, theirs } of compareInPlace({ type: 'root', children: [child] })) {
          if (ours === undefined) continue;
          expect(ours).toBe(theirs);
          taken += 1;
          if (ours.includes('**')) takenWithStrong += 1;
          if (/\*\*&#x|&#x[0-9A-F]+;\*\*/.test(ours)) takenWithReference += 1;
        }
      }),
      { numRuns: 4000 },
    );
    // The property is about the shortcut, not the library falling back to itself.
    expect(taken).toBeGreaterThan(1000);
    expect(takenWithStrong).toBeGreaterThan(500);
    // Whitespace and letters beside markers become character references there, as in the library.
    expect(takenWithReference).toBeGreaterThan(20);
  }, 120_000);

  it('gives what the library gives whatever surrounds the parent (a marker, a letter, nothing)', () => {
    const edge = fc.constantFrom('\n', ' ', '# ', '|', '[', '](', '*', '**', '_', 'a', '.', '', '😀', '\ufeff');
    let taken = 0;
    fc.assert(
      fc.property(phrasing.chain(block), edge, edge, (child, before, after) => {
        for (const { ours, theirs } of compareInPlace({ type: 'root', children: [child] }, { before, after })) {
          if (ours === undefined) continue;
          expect(ours).toBe(theirs);
          taken += 1;
        }
      }),
      { numRuns: 4000 },
    );
    expect(taken).toBeGreaterThan(1000);
  }, 120_000);

  it('writes whole documents as the library does with it in place', () => {
    fc.assert(
      fc.property(
        fc.array(
          phrasing.chain((children) => block(children)),
          { minLength: 1, maxLength: 3 },
        ),
        (children) => {
          const tree: Nodes = { type: 'root', children };
          expect(serialize(tree)).toBe(toMarkdown(tree, LIBRARY_TO_MARKDOWN));
        },
      ),
      { numRuns: 1500 },
    );
  }, 120_000);

  const paragraph = (...children: PhrasingContent[]): Nodes => ({
    type: 'root',
    children: [{ type: 'paragraph', children }],
  });
  const t = (value: string): PhrasingContent => ({ type: 'text', value });
  const b = (value: string): PhrasingContent => ({ type: 'strong', children: [t(value)] });

  it.each([
    ['a why step', paragraph(b('Why | "x"?'), { type: 'break' }, t('→ held <for> `r`'))],
    ['a field', paragraph(b('Label:'), t(' value'))],
    ['whitespace at the edges of strong', paragraph(b(' spaced '), t(' after'))],
    ['a letter on both sides', paragraph(t('a'), b('b'), t('c'))],
    ['punctuation inside, letters outside', paragraph(t('x'), b('.y.'), t('z'))],
    ['whitespace inside, letters outside', paragraph(t('x'), b(' y '), t('z'))],
    ['a backslash before the encoded character', paragraph(t('x\\'), b(' y'), t('z'))],
    ['a line ending after strong', paragraph(b(' y '), t('\nz'))],
    ['two strongs one character apart', paragraph(b('a '), t('x'), b(' b'))],
    ['a marker inside strong', paragraph(b('*a*'), t('*'))],
  ])('takes %s and writes what the library writes', (_name, tree) => {
    const [comparison] = compareInPlace(tree);
    expect(comparison?.ours).toBeDefined();
    expect(comparison?.ours).toBe(comparison?.theirs);
  });

  it.each([
    ['emphasis', paragraph({ type: 'emphasis', children: [t('a')] })],
    ['strong in strong', paragraph({ type: 'strong', children: [b('a')] })],
    ['adjacent strongs', paragraph(b('a'), b('b'))],
    ['html', paragraph(t('a\n'), { type: 'html', value: '<div>' })],
    ['an emoji beside a marker', paragraph(b('😀'))],
    ['U+FEFF beside a marker', paragraph(t('\ufeff'), b('a'))],
  ])('leaves %s to the library', (_name, tree) => {
    const [comparison] = compareInPlace(tree);
    expect(comparison?.ours).toBeUndefined();
  });
});
