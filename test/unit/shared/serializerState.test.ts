import fc from 'fast-check';
import { toMarkdown, type State } from 'mdast-util-to-markdown';
import { describe, expect, it } from 'vitest';
import { LIBRARY_TO_MARKDOWN } from '../../../shared/markdown/mdast';
import { indentLinesAtLf, track } from '../../../shared/markdown/serializerState';

/** The state mdast-util-to-markdown hands its handlers, with the library's own helpers on it. */
function libraryState(): State {
  let captured: State | undefined;
  toMarkdown(
    { type: 'root', children: [{ type: 'paragraph', children: [] }] },
    {
      ...LIBRARY_TO_MARKDOWN,
      handlers: {
        paragraph: (_node, _parent, state) => {
          captured = state;
          return '';
        },
      },
    },
  );
  if (!captured) throw new Error('the paragraph handler was not called');
  return captured;
}

const markdown = (withCr: boolean) =>
  fc
    .array(fc.constantFrom('a', 'bc', ' ', '\n', '\n\n', 'é', '😀', '\t', ...(withCr ? ['\r', '\r\n', '\n\r'] : [])), {
      maxLength: 12,
    })
    .map((parts) => parts.join(''));

describe('the serializer state helpers', () => {
  const library = libraryState();

  it('track positions as the library tracker does, with any line endings', () => {
    const step = fc.oneof(
      markdown(true).map((value) => ({ move: value })),
      fc.integer({ min: 0, max: 6 }).map((by) => ({ shift: by })),
    );
    fc.assert(
      fc.property(
        fc.record({ line: fc.integer({ min: 0, max: 9 }), column: fc.integer({ min: 0, max: 9 }) }),
        fc.integer({ min: 0, max: 6 }),
        fc.array(step, { maxLength: 8 }),
        (now, lineShift, steps) => {
          const theirs = library.createTracker({ now, lineShift });
          const ours = track({ now, lineShift });
          for (const s of steps) {
            if ('move' in s) expect(ours.move(s.move)).toBe(theirs.move(s.move));
            else {
              ours.shift(s.shift);
              theirs.shift(s.shift);
            }
            expect(ours.current()).toEqual(theirs.current());
          }
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('indent lines as the library does, for markdown with LF line endings', () => {
    fc.assert(
      fc.property(markdown(false), fc.constantFrom('  ', '> ', '- '), (value, indent) => {
        const map = (line: string, index: number, blank: boolean) => `${index}${blank ? '' : indent}${line}`;
        expect(indentLinesAtLf(value, map)).toBe(library.indentLines(value, map));
      }),
      { numRuns: 2000 },
    );
  });
});
