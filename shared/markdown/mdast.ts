/**
 * The one mdast/GFM configuration every markdown path uses: the exporter serialises
 * with it, the importer parses with it, so what one writes the other reads the same.
 */
import type { Nodes, Paragraph, PhrasingContent, Root, RootContent, TableCell, TableRow } from 'mdast';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { fromMarkdown, type Options as FromMarkdownOptions } from 'mdast-util-from-markdown';
import { gfmFromMarkdown, gfmToMarkdown } from 'mdast-util-gfm';
import { toMarkdown, type Options } from 'mdast-util-to-markdown';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfm } from 'micromark-extension-gfm';
import { linkHandler } from './linkHandler';
import { plainTextHandler } from './plainTextHandler';
import { fastRootHandler } from './serializerState';

/**
 * The house markdown style, with the library's own text and root handlers (tests compare
 * against it). Its link handler writes an autolink only where one reads back the same.
 */
export const LIBRARY_TO_MARKDOWN: Readonly<Options> = {
  extensions: [gfmToMarkdown({ tablePipeAlign: false })],
  handlers: { link: linkHandler },
  bullet: '-',
  emphasis: '_',
  strong: '*',
  fence: '`',
  rule: '-',
  listItemIndent: 'one',
  incrementListMarker: true,
};

const TO_MARKDOWN: Options = {
  ...LIBRARY_TO_MARKDOWN,
  // Same output as the library's text handler, without its escaping pass where that pass changes nothing.
  // The same output as the library's root, with faster helpers for the handlers under it.
  handlers: { ...LIBRARY_TO_MARKDOWN.handlers, text: plainTextHandler, root: fastRootHandler },
};

export function serialize(tree: Nodes): string {
  return toMarkdown(tree, TO_MARKDOWN);
}

/** Built once: the extensions hold no state between parses, and building them costs as much as parsing a line. */
const FROM_MARKDOWN: FromMarkdownOptions = {
  extensions: [gfm(), frontmatter(['yaml', 'toml'])],
  mdastExtensions: [gfmFromMarkdown(), frontmatterFromMarkdown(['yaml', 'toml'])],
};

export function parse(markdown: string): Root {
  return fromMarkdown(markdown, FROM_MARKDOWN);
}

/**
 * Text as markdown can hold it: line endings become \n (parsers normalise \r\n anyway),
 * and so does a vertical tab, the line break Word puts in copied text. At the edge of bold
 * text (a why's question) the serialiser writes it as `&#xB;`, which CommonMark reads back
 * as U+FFFD, and GitHub shows nothing for a raw one in a paragraph.
 */
export const text = (value: string): PhrasingContent => ({ type: 'text', value: value.replace(/\r\n?|\v/g, '\n') });
export const strong = (value: string): PhrasingContent => ({ type: 'strong', children: [text(value)] });
export const heading = (depth: 1 | 2 | 3 | 4, value: string): RootContent => ({
  type: 'heading',
  depth,
  children: [text(value)],
});
export const paragraph = (...children: PhrasingContent[]): Paragraph => ({ type: 'paragraph', children });
export const rule = (): RootContent => ({ type: 'thematicBreak' });

/** `**Label:** value` as its own paragraph (one field per line, as the template has it). */
export function field(label: string, value: string | PhrasingContent[]): RootContent {
  // A paragraph cannot keep surrounding whitespace through a parse, so it is dropped here.
  const trimmed = typeof value === 'string' ? value.trim() : value;
  const rest = typeof trimmed === 'string' ? (trimmed === '' ? [] : [text(` ${trimmed}`)]) : trimmed;
  return paragraph(strong(`${label}:`), ...rest);
}

/** A table cell. GFM trims cells, so surrounding whitespace is dropped here rather than by a reader. */
export function cell(content: string | PhrasingContent[]): TableCell {
  if (typeof content !== 'string') return { type: 'tableCell', children: content };
  const value = content.trim();
  return { type: 'tableCell', children: value === '' ? [] : [text(value)] };
}

export function table(header: string[], rows: (string | PhrasingContent[])[][]): RootContent {
  const toRow = (cells: (string | PhrasingContent[])[]): TableRow => ({ type: 'tableRow', children: cells.map(cell) });
  return { type: 'table', align: header.map(() => null), children: [toRow(header), ...rows.map(toRow)] };
}

/** The plain text of a node (text, inline code and entities, without markup). */
export function plainText(node: Nodes): string {
  if ('value' in node && typeof node.value === 'string' && node.type !== 'html') return node.value;
  if (node.type === 'html') return node.value;
  if (node.type === 'break') return '\n';
  if ('children' in node) return (node.children as Nodes[]).map(plainText).join('');
  return '';
}
