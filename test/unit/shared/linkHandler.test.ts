import type { Link } from 'mdast';
import { describe, expect, it } from 'vitest';
import { parse, serialize } from '../../../shared/markdown/mdast';

const link = (url: string, text: string): Link => ({ type: 'link', url, children: [{ type: 'text', value: text }] });
const written = (node: Link) =>
  serialize({ type: 'root', children: [{ type: 'paragraph', children: [node] }] }).trimEnd();
/** Serialise, parse and serialise again: a second pass that differs means the markdown changes on every round trip. */
const twice = (markdown: string): [string, string] => {
  const once = serialize(parse(markdown));
  return [once, serialize(parse(once))];
};

describe('links in exported markdown', () => {
  it('writes an address that is its own text as an autolink, as before', () => {
    expect(written(link('https://tracker.example/OPS-1', 'https://tracker.example/OPS-1'))).toBe(
      '<https://tracker.example/OPS-1>',
    );
    expect(written(link('mailto:oncall@example.com', 'oncall@example.com'))).toBe('<oncall@example.com>');
  });

  // Was: found by fast-check in a kept section (seed 337933700): `a\@b.co_A` is a GFM
  // literal e-mail link, written `<a@b.co_A>`, which CommonMark does not read as an
  // autolink (an underscore in the domain), so each round trip added a pair of brackets.
  it('writes an e-mail address CommonMark cannot autolink as a [text](address) link, stable across round trips', () => {
    expect(written(link('mailto:a@b.co_A', 'a@b.co_A'))).toBe('[a@b.co_A](mailto:a@b.co_A)');
    const [once, again] = twice('a\\@b.co_A');
    expect(again).toBe(once);
    expect(parse(once).children[0]).toMatchObject({
      children: [{ type: 'link', url: 'mailto:a@b.co_A', children: [{ value: 'a@b.co_A' }] }],
    });
  });

  it('writes an address whose scheme is longer than CommonMark allows as a [text](address) link', () => {
    const url = `${'x'.repeat(33)}:rest`;
    expect(written(link(url, url))).toBe(`[${url}](${url})`);
    expect(parse(written(link(url, url))).children[0]).toMatchObject({ children: [{ type: 'link', url }] });
  });
});
