import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { largeDocument } from '../../../bench/largeDocument';
import { createPostmortem } from '../../../shared/documents';
import { exportPostmortem } from '../../../shared/markdown/export';
import { parse } from '../../../shared/markdown/mdast';
import { parseDocument } from '../../../shared/markdown/parseDocument';
import type { Postmortem, WhyNode } from '../../../shared/model';
import { rootCauseTags } from '../../fixtures/hostileDocuments';

/** The fast path must build the library's tree exactly: same nodes, same positions. */
function same(markdown: string): void {
  expect(parseDocument(markdown)).toStrictEqual(parse(markdown));
}

const tricky = fc.constantFrom(
  '|',
  '\\|',
  '\\\\',
  '\\',
  '`',
  '```',
  '~~~',
  '<b>',
  '&amp;',
  '#',
  '## ',
  '- ',
  '1. ',
  '_',
  '**',
  '[x]',
  ']:',
  '!',
  '>',
  '~',
  '\n',
  '\n\n',
  ' ',
  '\t',
  '\u00a0',
  '\u202e',
  '👩‍💻',
  '→',
  'www.x.com',
  'http://a.b',
  'a@b.co',
  '<https://a.b>',
  '| - |',
  '- **',
  '**\\',
);
const hostileText = fc
  .array(fc.oneof(tricky, fc.string({ maxLength: 5 })), { maxLength: 8 })
  .map((parts) => parts.join(''));

const whyTree = fc
  .array(fc.tuple(hostileText, hostileText, fc.boolean(), fc.nat(), rootCauseTags), { maxLength: 15 })
  .map((specs) => {
    const nodes: WhyNode[] = [];
    specs.forEach(([question, answer, isRootCause, pick, tags], i) => {
      const parent = nodes.length === 0 || pick % 4 === 0 ? null : nodes[pick % nodes.length];
      nodes.push({ id: `n${i}`, parentId: parent?.id ?? null, order: i, question, answer, isRootCause, tags });
    });
    return nodes;
  });

const exported: fc.Arbitrary<Postmortem> = fc
  .record({
    whys: whyTree,
    symptom: hostileText,
    timeline: fc.array(hostileText, { maxLength: 6 }),
    actions: fc.array(fc.tuple(hostileText, fc.oneof(fc.constant('https://tracker.example/OPS-1'), hostileText)), {
      maxLength: 5,
    }),
    extra: fc.array(fc.tuple(hostileText, hostileText), { maxLength: 2 }),
    wentWell: fc.array(hostileText, { maxLength: 4 }),
    wentPoorly: fc.array(hostileText, { maxLength: 4 }),
  })
  .map((r) => ({
    ...createPostmortem('pm', '2026-03-18T10:00:00.000Z'),
    whys: { symptom: r.symptom, nodes: r.whys },
    timeline: r.timeline.map((text, i) => ({
      id: `t${i}`,
      time: '2026-03-18T10:00:00Z',
      text,
      kind: 'event' as const,
      milestone: null,
      knownAt: '',
    })),
    actionItems: r.actions.map(([description, trackingLink], i) => ({
      id: `a${i}`,
      number: i + 1,
      description,
      owner: description,
      priority: 'P1' as const,
      dueDate: '',
      successCriteria: '',
      trackingLink,
      addresses: null,
      done: false,
      doneAt: '',
    })),
    extraSections: r.extra.map(([heading, markdown]) => ({ heading: heading || 'Notes', markdown })),
    wentWell: r.wentWell,
    wentPoorly: r.wentPoorly,
  }));

/** Lines that open, close or continue blocks, to put the cut between pieces on trial. */
const LINES = [
  '',
  '## Heading',
  '# Title',
  '#### Path 1',
  '#not a heading',
  '   ## indented heading',
  '```',
  '```mermaid',
  '```js meta',
  '``` a`b',
  '~~~',
  '````',
  '  ```',
  '\t```',
  '| Time | Event |',
  '| - | - |',
  '| :- | -: |',
  '| a \\| b | c |',
  '| <https://x.example/a> | d |',
  '| <mailto:a@b.co> | d |',
  '| `code` | d |',
  '| a | b | c |',
  '| a | b |  ',
  '|a|b|',
  'plain text',
  '- **Q1**\\',
  '  → a1',
  '  - **Q2**\\',
  '    → a2 **(root cause)**',
  '  → ',
  '  → a\\',
  '- **Q **\\',
  '- [ ] **Q**\\',
  '> - **Q**\\',
  '- item',
  '    indented',
  '> quote',
  '> ```',
  '- ```',
  '<div>',
  '-->',
  '---',
  '+++',
  'title: x',
  '[a]: /url',
  'flowchart TD',
];
const lineDocument = fc
  .tuple(fc.array(fc.oneof(fc.constantFrom(...LINES), fc.string({ maxLength: 4 })), { maxLength: 30 }), fc.boolean())
  .map(([lines, newline]) => lines.join('\n') + (newline ? '\n' : ''));

/** Raw cell and why text, markup and escapes included, in the exporter's line shapes. */
const RAW_BITS = fc.constantFrom(
  ...['a', 'Z', '1', ' ', '\t', '_', '*', '`', '\\', '\\\\', '\\|', '|', '&', '&#x20;', '&#xA;', '&#x9;', '&amp;'],
  ...['&#42;', '<', '<a>', '<https://x.example>', '>', '[', ']', '](x)', '!', '~', '@', 'a@b.co', 'www.', 'http://'],
  ...['→', '😀', '\u00a0', '#', '-', '\\_', '\\*', 'x_y', '_x', 'x_'],
);
/** Tags as the exporter writes them, and what only looks like one. */
const TAG_BITS = ['config-push', 'x.y_z', '日本', 'a b', ' a', '`', '', '*', 'Tags:', '**(root cause)**'];
const raw = fc.array(RAW_BITS, { maxLength: 8 }).map((bits) => bits.join(''));
const shapedDocument = fc
  .tuple(
    fc.array(fc.tuple(raw, raw), { minLength: 1, maxLength: 5 }),
    fc.array(fc.tuple(raw, raw, fc.nat(3), fc.boolean(), fc.array(fc.oneof(fc.constantFrom(...TAG_BITS), raw))), {
      minLength: 1,
      maxLength: 6,
    }),
  )
  .map(([rows, whys]) => {
    let depth = 0;
    const items = whys.map(([question, answer, d, rootCause, tags], i) => {
      depth = i === 0 ? 0 : Math.min(d, depth + 1);
      const indent = '  '.repeat(depth);
      const tagged = tags.length > 0 ? ` Tags: ${tags.map((t) => `\`${t}\``).join(', ')}` : '';
      return `${indent}- **${question}**\\\n${indent}  →${answer}${rootCause ? ` **(root cause)**${tagged}` : ''}`;
    });
    const table = rows.map(([a, b]) => `| ${a} | ${b} |`).join('\n');
    return `## T\n\n| h | i |\n| - | - |\n${table}\n\n### W\n\n${items.join('\n')}\n`;
  });

/** Plain list items as the exporter writes them, and items that open a block or end in whitespace. */
const ITEM_STARTS = [
  '',
  '# ',
  '> ',
  '1. ',
  '2) ',
  '+ ',
  '* ',
  '- ',
  '-',
  '=',
  '~~~',
  '```',
  '[ ] ',
  '[x] ',
  '    ',
  ' ',
];
const plainListDocument = fc
  .tuple(
    fc.array(fc.tuple(fc.constantFrom(...ITEM_STARTS), raw), { minLength: 1, maxLength: 5 }),
    fc.constantFrom('', '\n\n  more', '\n\n- next', '\nlazy', '\n\n## H', '\n\n* star'),
    fc.constantFrom('', 'Before.\n\n', '- before\n\n'),
  )
  .map(
    ([items, after, before]) =>
      `## W\n\n${before}${items.map(([start, text]) => `- ${start}${text}`).join('\n')}${after}\n`,
  );

/** Headings, fields, one-line paragraphs, rules, ordered lists and table heads, with or without blank lines between. */
/** Mostly text the fast reader takes (markup-free), so its guards are what decides. */
const text = fc.oneof(fc.constantFrom('a', 'Factor 1', 'two words', 'Zoë', '1.5 s', '→ b'), raw);
const simpleBlock = fc.oneof(
  fc
    .tuple(fc.integer({ min: 1, max: 7 }), fc.constantFrom('', ' ', '\t'), text)
    .map(([n, gap, t]) => `${'#'.repeat(n)} ${gap}${t}`),
  fc
    .tuple(
      fc.constantFrom('', ' ', '('),
      text,
      fc.constantFrom('', ':', ' '),
      fc.constantFrom('', ' ', 'x', ' #'),
      text,
    )
    .map(([open, label, close, gap, rest]) => `**${open}${label}${close}**${gap}${rest}`),
  fc.tuple(fc.constantFrom(...ITEM_STARTS, '|', '**'), text).map(([start, t]) => `${start}${t}`),
  fc.constantFrom('---', '***', '___', '- - -', '==='),
  fc
    .array(
      fc.tuple(
        fc.constantFrom('1.', '2.', '10.', '01.', '1)', '1234567890.'),
        fc.constantFrom(' ', '  ', ''),
        fc.oneof(
          text,
          text.map((label) => `**${label}:** ${label}`),
        ),
      ),
      { minLength: 1, maxLength: 4 },
    )
    .map((items) => items.map(([marker, gap, content]) => `${marker}${gap}${content}`).join('\n')),
  fc
    .tuple(text, text, fc.constantFrom('| - | - |', '| :- | -: |', '| :-: | --- |', '| - |', '|-|-|-|'))
    .map(([a, b, delimiter]) => `| ${a} | ${b} |\n${delimiter}`),
);
const blocksDocument = fc
  .tuple(fc.array(fc.tuple(simpleBlock, fc.constantFrom('\n\n', '\n', '\n\n\n')), { maxLength: 6 }), fc.boolean())
  .map(([blocks, rows]) => {
    const body = blocks.map(([block, gap]) => `${block}${gap}`).join('');
    return `## S\n\n${body}${rows ? '| r | s |\n' : ''}`;
  });

describe('parseDocument: the library tree, faster', () => {
  it('is the library tree for a large exported document', () => {
    same(exportPostmortem(largeDocument()));
  });

  it('is the library tree for every fixture and corpus postmortem', () => {
    const dirs = [
      path.resolve(__dirname, '../../fixtures/markdown'),
      path.resolve(__dirname, '../../../../shared/corpus/postmortems'),
    ];
    for (const dir of dirs.filter((d) => fs.existsSync(d)))
      for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.md')))
        same(fs.readFileSync(path.join(dir, file), 'utf8'));
  });

  it('is the library tree for exported documents full of hostile text', () => {
    fc.assert(
      fc.property(exported, (doc) => same(exportPostmortem(doc))),
      { numRuns: 120 },
    );
  }, 120_000);

  it('is the library tree for any mix of fences, headings, tables and lists', () => {
    fc.assert(fc.property(lineDocument, same), { numRuns: 1500 });
  }, 120_000);

  it("is the library tree for table rows and whys in the exporter's shapes, whatever text they hold", () => {
    fc.assert(fc.property(shapedDocument, same), { numRuns: 600 });
  }, 120_000);

  it('is the library tree for plain bullet lists, whatever their items hold', () => {
    fc.assert(fc.property(plainListDocument, same), { numRuns: 1500 });
  }, 120_000);

  it('is the library tree for headings, fields, paragraphs, rules, ordered lists and table heads, whatever they hold', () => {
    fc.assert(fc.property(blocksDocument, same), { numRuns: 1200 });
  }, 120_000);

  it.each([
    ['a fence left open', '```mermaid\n\n- **Q**\\\n  → a\n'],
    ['a fence with a meta string', '```js x\n\n- **Q**\\\n  → a\n```\n'],
    ['a table row with markup', '| a | b |\n| - | - |\n| x | `y` |\n| z | w |\n'],
    ['a row under a table that goes on', '| a |\n| - |\n| x |\nlazy'],
    ['a why list a loose list would continue', '- item\n\n- **Q**\\\n  → a\n'],
    ['a why list followed by an indented line', '- **Q**\\\n  → a\n\n  more\n'],
    ['an ordered list that goes on after a blank line', '## S\n\n1. **A:** a\n\n2. b\n'],
    ['an ordered list followed by an indented line', '## S\n\n1. a\n2. b\n\n   more\n'],
    ['an ordered list with a lazy line', '## S\n\n1. a\nlazy\n'],
    ['an ordered list with two kinds of marker', '## S\n\n1. a\n2) b\n'],
    ['a link definition elsewhere', '## A\n\n[x]\n\n## B\n\n[x]: /u\n'],
    ['an HTML block over a heading', '<!--\n## not a heading\n-->\n'],
    ['CRLF line endings', '## A\r\n\r\n| a |\r\n| - |\r\n| b |\r\n'],
    ['front matter', '---\ntitle: x\n---\n## A\n'],
    ['what would be front matter after a fence', '```\nx\n```\n---\ntitle: x\n---\n'],
    ['a fence in a list item left open', '- ```\n  x\n## H'],
    ['a fence in a quote left open', '> ```\n>\n## H'],
    ['astral characters', '- **😀 why?**\\\n  → 😀 \\<because>\n\n| 👩‍💻 | b |\n| - | - |\n| 🔥 | c \\| d |\n'],
    ['an empty document', ''],
  ])('is the library tree for %s', (_, markdown) => same(markdown));
});
