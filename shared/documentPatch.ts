/**
 * What changed between two revisions of a document, small enough to hand to another
 * thread on every autosave. Edits are pure and share every object they do not change
 * (edits.ts), so comparing by identity finds the changed parts without reading the
 * text: after a key in one timeline row of a 2 MB postmortem, the patch is that row and
 * the `updatedAt` stamp.
 *
 * Objects are compared key by key down to MAX_DEPTH; below it, and for anything but
 * plain objects and arrays, a changed value is sent whole. An array that kept most of
 * its items sends only the changed ones (and its new length). Values are JSON data: no
 * undefined in arrays, no functions, no cycles.
 */

/** One change at a path of keys (array indexes as numbers) below the document. */
export type DocumentPatch =
  | { readonly op: 'set'; readonly path: readonly (string | number)[]; readonly value: unknown }
  | { readonly op: 'delete'; readonly path: readonly (string | number)[] }
  /** The array at `path` now has `length` items; `items` are the ones that changed. */
  | {
      readonly op: 'items';
      readonly path: readonly (string | number)[];
      readonly length: number;
      readonly items: readonly (readonly [number, unknown])[];
    };

/** Deep enough for a long list inside a section (`whys.nodes`) and a field of its items. */
const MAX_DEPTH = 3;

type Json = Record<string, unknown>;

const isPlainObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A key's own value: never one inherited from Object.prototype (`valueOf`, `__proto__`). */
const own = (value: Json, key: string): unknown => (Object.hasOwn(value, key) ? value[key] : undefined);

function diff(prev: unknown, next: unknown, path: (string | number)[], depth: number, out: DocumentPatch[]): void {
  if (Object.is(prev, next)) return;
  if (depth < MAX_DEPTH && Array.isArray(prev) && Array.isArray(next)) {
    const changed: [number, unknown][] = [];
    for (let i = 0; i < next.length; i += 1) if (i >= prev.length || prev[i] !== next[i]) changed.push([i, next[i]]);
    // Mostly new items (a sort, a replaced list): the array itself is shorter to send.
    if (changed.length <= next.length / 2) {
      out.push({ op: 'items', path, length: next.length, items: changed });
      return;
    }
  } else if (depth < MAX_DEPTH && isPlainObject(prev) && isPlainObject(next)) {
    for (const key of Object.keys(next)) diff(own(prev, key), next[key], [...path, key], depth + 1, out);
    for (const key of Object.keys(prev))
      if (!Object.hasOwn(next, key)) out.push({ op: 'delete', path: [...path, key] });
    return;
  }
  out.push({ op: 'set', path, value: next });
}

/**
 * The patches that turn a copy of `prev` into a copy of `next`. Empty when nothing
 * changed. `next` should come from `prev` through pure edits; anything else still gives
 * a correct patch, only a larger one.
 */
export function documentPatches(prev: object, next: object): DocumentPatch[] {
  const out: DocumentPatch[] = [];
  diff(prev, next, [], 0, out);
  return out;
}

/**
 * Applies patches to `target` in place (it is the receiver's own copy) and returns it;
 * a patch of the whole document (an empty path) returns its value instead. Throws if a
 * path does not lead to an object or array: the copy is not the revision the patches
 * were made from, and must be replaced with a full one.
 */
export function applyDocumentPatches(target: object, patches: readonly DocumentPatch[]): object {
  let root: unknown = target;
  for (const patch of patches) {
    if (patch.path.length === 0) {
      if (patch.op === 'set' && isPlainObject(patch.value)) root = patch.value;
      else if (patch.op === 'items' && Array.isArray(root)) setItems(root, patch);
      else throw new Error('A patch replaced the document with something that is not one.');
      continue;
    }
    let parent: unknown = root;
    for (const key of patch.path.slice(0, -1)) parent = step(parent, key);
    const last = patch.path[patch.path.length - 1]!;
    const container = parent as Record<string | number, unknown>;
    if (typeof parent !== 'object' || parent === null) throw new Error(`No object at ${patch.path.join('.')}.`);
    // Defined, not assigned: assigning to a key named __proto__ would set the prototype.
    if (patch.op === 'set')
      Object.defineProperty(container, last, {
        value: patch.value,
        writable: true,
        enumerable: true,
        configurable: true,
      });
    else if (patch.op === 'delete') delete container[last];
    else {
      const list = Object.hasOwn(container, last) ? container[last] : undefined;
      if (!Array.isArray(list)) throw new Error(`No list at ${patch.path.join('.')}.`);
      setItems(list, patch);
    }
  }
  if (!isPlainObject(root)) throw new Error('The patched document is not an object.');
  return root;
}

function step(value: unknown, key: string | number): unknown {
  if (typeof value !== 'object' || value === null || !Object.hasOwn(value, key))
    throw new Error(`The copy has no ${String(key)} where the patch expects one.`);
  return (value as Record<string | number, unknown>)[key];
}

function setItems(list: unknown[], patch: Extract<DocumentPatch, { op: 'items' }>): void {
  list.length = patch.length;
  for (const [index, item] of patch.items) list[index] = item;
}
