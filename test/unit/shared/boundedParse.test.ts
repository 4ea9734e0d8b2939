import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collapsePlainRuns, hideBrackets, indentLazyLines, parseBounded } from '../../../shared/markdown/boundedParse';
import { parse } from '../../../shared/markdown/mdast';

/** Every rewrite on, however small the input: the tree must be the library's, positions included. */
const rewritten = (markdown: string) => parseBounded(markdown, { lazyLines: 0, closingBrackets: 0 });

function same(markdown: string): void {
  expect(rewritten(markdown)).toStrictEqual(parse(markdown));
}

/** Line starts and pieces that make (or break) lazy lines, brackets and the blocks around them. */
const lineStart = fc.constantFrom(
  '',
  '',
  '',
  '- ',
  '  - ',
  '* ',
  '1. ',
  '2) ',
  '10. ',
  '> ',
  '>',
  '> - ',
  '- > ',
  '  ',
  '    ',
  '     ',
  '\t',
  '# ',
  '---',
  '- - -',
  '===',
  '-',
  '| ',
  '<div>',
  '<!-- ',
  '```',
  '~~~',
  '[a]: /u',
  '[^1]: note',
  '- [ ] ',
  '- [x] ',
  ':',
);
const inline = fc.constantFrom(
  'a',
  'log',
  'b c',
  '[',
  ']',
  '[[',
  ']]',
  '[x]',
  '[ ]',
  '\\[',
  '\\]',
  '](',
  '](u)',
  '*',
  '_',
  '**',
  '`',
  '`[`',
  '~',
  '~~',
  '|',
  '!',
  '^',
  '&#91;',
  '<',
  'www.x.com',
  'http://a.b/[c]',
  'a@b.co',
  '<https://a.b/[x]>',
  '2026-03-18',
  '14.5',
  ' ',
  '\\',
  '→',
  '\u2e04',
);
const line = fc.tuple(lineStart, fc.array(inline, { maxLength: 6 })).map(([start, parts]) => start + parts.join(''));
const documents = fc.array(line, { maxLength: 14 }).map((lines) => lines.join('\n'));

describe('parseBounded', () => {
  it('builds the same tree as the library, positions included, with every rewrite on', () => {
    fc.assert(fc.property(documents, same), { numRuns: 500 });
  });

  it('builds the same tree for pasted logs under list items and quotes', () => {
    for (const opener of ['- 14:02 Deploy starts; log:', '> Quote:', '- > a', '1. a', '  - nested', 'Para'])
      for (const log of ['a', 'b [x] c', 'x] y', '[[z', 'q *r* s', 'tail\\'])
        same(`# Timeline\n\n${opener}\n${`${log}\n`.repeat(40)}\nAfter.\n`);
    // Front matter at the start reads its lines its own way.
    same(`---\n> a\n${'b\n'.repeat(40)}`);
    same(`- log:\n${'  a\n b\nc\n'.repeat(20)}`);
    same(`${'['.repeat(200)}x${']'.repeat(200)}`);
    same(`- [ ] task\n${'[a] b]\n'.repeat(80)}`);
  });

  it('rewrites a log pasted under a bullet, and leaves a fenced or HTML block alone', () => {
    const log = `- log:\n${'a\n'.repeat(40)}`;
    const scanned = indentLazyLines(log, 32);
    expect(scanned?.inserted.filter((n) => n === 2)).toHaveLength(40);
    expect(scanned?.count).toBe(40);
    const collapsed = scanned && collapsePlainRuns(scanned.lines, scanned.continues, 32);
    expect(collapsed?.lines).toEqual(['- log:', '  \uE000', '']);
    expect(collapsed?.runs[0]?.text).toBe('a\n'.repeat(40).trimEnd());
    expect(indentLazyLines(log, 42)).toBeNull();
    expect(indentLazyLines(`\`\`\`\n${log}`, 0)).toBeNull();
    expect(indentLazyLines(`<!--\n\n${log}`, 0)).toBeNull();
  });

  it('hides brackets only where none can belong to a link', () => {
    const many = '[a] '.repeat(70);
    expect(hideBrackets(many, 64)).not.toContain('[');
    expect(hideBrackets(`${many}[b](u)`, 64)).toBeNull();
    expect(hideBrackets(`${many}\n[b]: u`, 64)).toBeNull();
    expect(hideBrackets('[a] '.repeat(10), 64)).toBeNull();
  });

  it('parses 20,000 lazy lines and 30,000 nested brackets in linear time', () => {
    // Each took over 20 s of CPU before; a generous bound still fails on quadratic time.
    const started = performance.now();
    const log = parseBounded(`- 14:02 Deploy starts; log:\n${'a\n'.repeat(20_000)}`);
    const brackets = parseBounded(`${'['.repeat(30_000)}x${']'.repeat(30_000)}`);
    const closers = parseBounded('a]'.repeat(30_000));
    expect(performance.now() - started).toBeLessThan(8_000);
    expect(log.children).toHaveLength(1);
    expect(brackets.children).toHaveLength(1);
    expect(closers.children).toHaveLength(1);
    const first = brackets.children[0];
    expect(first?.type === 'paragraph' && first.children[0]?.type === 'text' && first.children[0].value).toBe(
      `${'['.repeat(30_000)}x${']'.repeat(30_000)}`,
    );
  }, 30_000);
});
