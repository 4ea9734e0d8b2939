/**
 * Renders only the rows of a long list (the timeline table, the action items) that are
 * near the viewport. Each row is a few form controls, and a 500-row postmortem otherwise
 * lays out, paints and hit-tests thousands of them at open and on every keystroke.
 *
 * The page (window) is the scroller. Rows not rendered are stood in for by spacers whose
 * heights come from the rows' measured (or estimated) sizes, so the scrollbar and every
 * position stay true. Nothing a person does may notice the difference:
 * - the focused row, a row about to take the focus and a row the Prompts panel asked for
 *   stay rendered wherever they are (so focus is never dropped by scrolling);
 * - Tab / Shift+Tab from the edge of the rendered rows goes on to the next / previous row
 *   (rendered first), not past the list;
 * - a prose field in a row not rendered can still be revealed (revealField.ts).
 * Lists of VIRTUALISE_ABOVE rows or fewer, the usual size, render every row as before.
 */
import { defaultRangeExtractor, useWindowVirtualizer, type Range } from '@tanstack/react-virtual';
import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type FocusEvent,
  type KeyboardEvent,
  type RefObject,
} from 'react';
import { registerRevealer } from '../phrasing/revealField';

/** A list renders every row up to this many; above it, only the rows near the viewport. */
export const VIRTUALISE_ABOVE = 40;

/** Rows rendered beyond each edge of the viewport, so short scrolls and Tab find them there. */
const OVERSCAN = 6;

/**
 * A list further than this many viewports from the view renders only its edge row (the
 * one Tab or Shift+Tab enters it by), not that row and its overscan: at open, the action
 * items 29,000 px down a long postmortem were seven rows of form controls (a sixth of the
 * page's elements) that nobody could see. Coming nearer, it renders its overscan rows
 * well before they can scroll into view.
 */
const FAR_VIEWPORTS = 2;

/** Where a list is, seen from the view: more than FAR_VIEWPORTS away below or above it, or near. */
type Distance = 'below' | 'above' | 'near';

function distanceOf(listTop: number, listHeight: number): Distance {
  const view = window.innerHeight;
  const top = window.scrollY;
  if (listTop > top + view * (1 + FAR_VIEWPORTS)) return 'below';
  if (listTop + listHeight < top - view * FAR_VIEWPORTS) return 'above';
  return 'near';
}

/** How long a row revealed for the Prompts panel stays rendered if it never takes the focus. */
const REVEAL_HOLD_MS = 3000;

export type VirtualSlot =
  | { kind: 'row'; index: number; key: string }
  /** Stands in for rows not rendered: `size` px tall, hidden from assistive tech. */
  | { kind: 'gap'; key: string; size: number };

export interface VirtualRows {
  /** Whether the list is long enough to render only some rows. */
  virtual: boolean;
  /** What to render, in order: rows and, when virtual, the gaps between them. */
  slots: VirtualSlot[];
  /**
   * When virtual, the ref for each row's element, which must also carry `data-index` (its
   * index) and `data-key` (its key): rows are measured as they grow and shrink.
   */
  measureRef: ((el: HTMLElement | null) => void) | undefined;
  /**
   * On the list element: keeps track of the row focused last, which stays rendered until
   * another row takes the focus. Not cleared on blur: focus that goes to the window's
   * frame or to the row's prompt card (in a portal) comes back to a row still there.
   */
  onFocus: (event: FocusEvent<HTMLElement>) => void;
  /** On the list element: Tab / Shift+Tab across the edge of the rendered rows. */
  onKeyDown: (event: KeyboardEvent<HTMLElement>) => void;
}

const TABBABLE = 'input, textarea, select, button, a[href], [tabindex]:not([tabindex="-1"])';

function tabbables(row: Element): HTMLElement[] {
  return [...row.querySelectorAll<HTMLElement>(TABBABLE)].filter(
    (el) => !(el as HTMLInputElement).disabled && el.tabIndex >= 0,
  );
}

/** The list's top in page coordinates: where row 0 starts when the page is scrolled to 0. */
function pageTop(el: Element): number {
  return el.getBoundingClientRect().top + window.scrollY;
}

/** The rows' ids, the same array as long as the ids are the same (typing changes rows, not ids). */
function useRowKeys(items: readonly { id: string }[]): readonly string[] {
  const joined = items.map((item) => item.id).join('\u0000');
  return useMemo(() => (joined === '' ? [] : joined.split('\u0000')), [joined]);
}

/**
 * A row's height from its ResizeObserver entry (its border box, read after layout); a row
 * just mounted, which has no entry yet, keeps the size it was measured at before or its
 * estimate until its entry comes, before that frame paints. The library's own default
 * read offsetHeight for it: a forced layout of the whole page in the middle of React's
 * commit, once per row mounted.
 */
const measureRow: NonNullable<Parameters<typeof useWindowVirtualizer>[0]['measureElement']> = (
  element,
  entry,
  instance,
) => {
  const box = entry?.borderBoxSize[0];
  if (box) return Math.round(box.blockSize);
  const index = instance.indexFromElement(element);
  return instance.itemSizeCache.get(instance.options.getItemKey(index)) ?? instance.options.estimateSize(index);
};

export function useVirtualRows({
  items,
  estimateSize,
  listRef,
  pinnedKey = null,
  gap = 0,
  fieldsOfRow,
}: {
  /** The rows, in order; their ids are the rows' keys. */
  items: readonly { id: string }[];
  /** A typical row's height in px, for rows not measured yet. */
  estimateSize: number;
  /** The element the rows are children of (tbody, ol); its top is row 0's top. */
  listRef: RefObject<HTMLElement | null>;
  /** A row that must be rendered (the one just added, which focuses itself). */
  pinnedKey?: string | null;
  /**
   * Px between rows, which the rows' CSS must make their margin-bottom when virtual: rows
   * are measured by their border box (from the ResizeObserver entry, no forced layout).
   */
  gap?: number;
  /** The prose field keys (shared/prompts.ts fieldKeys) in a row, for revealing them. */
  fieldsOfRow: (key: string) => string[];
}): VirtualRows {
  const keys = useRowKeys(items);
  const count = keys.length;
  const virtual = count > VIRTUALISE_ABOVE;
  const [focusedKey, setFocusedKey] = useState<string | null>(null);
  const [revealKey, setRevealKey] = useState<string | null>(null);
  const [pendingFocus, setPendingFocus] = useState<{ key: string; edge: 'first' | 'last' } | null>(null);
  // Until the list's place on the page is read (in a layout effect, before the first
  // paint), it is taken to start just below the viewport: the first render then makes
  // only the few rows a list below the fold keeps, as at open in a long postmortem, and
  // not a viewport's worth of rows that the next render would replace.
  const [scrollMargin, setScrollMargin] = useState(() => window.innerHeight);
  // Until then it is taken to be far below: the first render makes only its first row.
  const [distance, setDistance] = useState<Distance>('below');

  const indexOf = useMemo(() => {
    const map = new Map<string, number>();
    keys.forEach((key, index) => map.set(key, index));
    return map;
  }, [keys]);

  // Rows kept rendered outside the viewport's range.
  const kept = [focusedKey, pinnedKey, revealKey, pendingFocus?.key]
    .map((key) => (key === null || key === undefined ? undefined : indexOf.get(key)))
    .filter((index): index is number => index !== undefined);
  const keptId = kept.join(',');
  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes =
        distance === 'below' ? [0] : distance === 'above' ? [range.count - 1] : defaultRangeExtractor(range);
      const extra = keptId === '' ? [] : keptId.split(',').map(Number);
      if (extra.every((i) => indexes.includes(i))) return indexes;
      return [...new Set([...indexes, ...extra])].sort((a, b) => a - b);
    },
    [keptId, distance],
  );

  const getItemKey = useCallback((index: number) => keys[index] ?? index, [keys]);
  const virtualizer = useWindowVirtualizer({
    count,
    enabled: virtual,
    estimateSize: () => estimateSize,
    overscan: OVERSCAN,
    scrollMargin,
    getItemKey,
    rangeExtractor,
    initialRect: { width: window.innerWidth, height: window.innerHeight },
    gap,
    measureElement: measureRow,
  });
  // Rows are in the page's flow, not positioned: a row that renders above the viewport at
  // a size other than its estimate moves what is below it at once, and the browser's
  // scroll anchoring already holds the rows in view still. Adjusting the scroll here too
  // would move them by the difference a second time.
  useLayoutEffect(() => {
    // tanstack's documented way to set this is on the instance; it is not an option.
    // eslint-disable-next-line react-hooks/immutability
    virtualizer.shouldAdjustScrollPositionOnItemSizeChange = () => false;
  }, [virtualizer]);

  const totalSize = useRef(0);
  useLayoutEffect(() => {
    totalSize.current = virtualizer.getTotalSize();
  });
  // The list's offset on the page moves whenever anything above it changes height (a
  // banner, a section growing, a side panel narrowing the page): any change to the
  // page's size re-reads it. How far the list is from the view follows that and the
  // scroll; its state changes only when the list crosses FAR_VIEWPORTS, so scrolling
  // re-renders nothing here otherwise.
  useLayoutEffect(() => {
    const list = listRef.current;
    if (!virtual || !list) return;
    let top = Math.round(pageTop(list));
    const place = () => setDistance(distanceOf(top, totalSize.current));
    const update = () => {
      top = Math.round(pageTop(list));
      setScrollMargin(top);
      place();
    };
    update();
    const observer = new ResizeObserver(update);
    observer.observe(list.ownerDocument.body);
    window.addEventListener('scroll', place, { passive: true });
    return () => {
      observer.disconnect();
      window.removeEventListener('scroll', place);
    };
  }, [virtual, listRef]);

  // Tab across the edge: focus the row's first or last field once it has rendered.
  useLayoutEffect(() => {
    if (!pendingFocus) return;
    const row = listRef.current?.querySelector(`[data-key="${CSS.escape(pendingFocus.key)}"]`);
    if (!row) return;
    const fields = tabbables(row);
    (pendingFocus.edge === 'first' ? fields[0] : fields.at(-1))?.focus();
    setPendingFocus(null);
  }, [pendingFocus, listRef]);

  // Fields in rows not rendered are revealed by rendering their row; revealField then
  // finds the field, scrolls it to the middle and focuses it.
  useEffect(() => {
    if (!virtual) return;
    return registerRevealer((field) => {
      const key = keys.find((k) => fieldsOfRow(k).includes(field));
      if (key === undefined) return false;
      setRevealKey(key);
      return true;
    });
  }, [virtual, keys, fieldsOfRow]);
  useEffect(() => {
    if (revealKey === null) return;
    const timer = window.setTimeout(() => setRevealKey(null), REVEAL_HOLD_MS);
    return () => window.clearTimeout(timer);
  }, [revealKey]);

  const slots: VirtualSlot[] = [];
  if (!virtual) keys.forEach((key, index) => slots.push({ kind: 'row', index, key }));
  else {
    // Items' starts count from the page's top (scrollMargin included), the total size from row 0.
    // A rendered row's margin already stands for the gap after it.
    let at = scrollMargin;
    for (const item of virtualizer.getVirtualItems()) {
      if (item.start > at + 0.5) slots.push({ kind: 'gap', key: `gap-${item.index}`, size: item.start - at });
      slots.push({ kind: 'row', index: item.index, key: String(item.key) });
      at = item.end + gap;
    }
    const end = scrollMargin + virtualizer.getTotalSize();
    if (end > at + 0.5) slots.push({ kind: 'gap', key: 'gap-end', size: end - at });
  }

  const rowKeyOf = (target: EventTarget | null): string | null => {
    const row = target instanceof Element ? target.closest<HTMLElement>('[data-key]') : null;
    return row && listRef.current?.contains(row) ? (row.dataset['key'] ?? null) : null;
  };
  const onFocus = (event: FocusEvent<HTMLElement>) => {
    const key = rowKeyOf(event.target);
    if (key !== null) setFocusedKey(key);
    if (key !== null && revealKey !== null) setRevealKey(null);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (!virtual || event.key !== 'Tab' || event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.defaultPrevented || event.nativeEvent.isComposing) return;
    const target = event.target as HTMLElement;
    const row = target.closest<HTMLElement>('[data-key]');
    if (!row || !listRef.current?.contains(row)) return;
    const fields = tabbables(row);
    if (target !== (event.shiftKey ? fields[0] : fields.at(-1))) return;
    const index = Number(row.dataset['index']);
    const next = keys[index + (event.shiftKey ? -1 : 1)];
    if (next === undefined) return;
    // The neighbour is rendered right there: the browser's own Tab is right.
    const sibling = (event.shiftKey ? row.previousElementSibling : row.nextElementSibling) as HTMLElement | null;
    if (sibling?.dataset['key'] === next) return;
    event.preventDefault();
    setPendingFocus({ key: next, edge: event.shiftKey ? 'last' : 'first' });
  };

  return { virtual, slots, measureRef: virtual ? virtualizer.measureElement : undefined, onFocus, onKeyDown };
}
