/**
 * View state of one why-graph editor (selection, editing, collapsed subtrees, layout
 * direction): not part of the document, so never saved and never undone.
 *
 * It lives in a small store of its own, not in a context value, so that moving the
 * selection re-renders the two nodes whose `selected` flag changed rather than every
 * node in the graph: each node reads it through a narrow selector. The actions sit in
 * a separate context whose value never changes, which keeps React Flow node data
 * serialisable (no callbacks in it).
 */
import { createContext, useContext } from 'react';
import { createStore, useStore, type StoreApi } from 'zustand';
import type { LayoutDirection } from '../../../shared/whyLayout';

export interface WhyUi {
  selectedId: string | null;
  /**
   * The node under the pointer, if any: the side panel shows its chain while it is
   * there. No node reads it, so hovering never re-renders the graph.
   */
  hoveredId: string | null;
  editingId: string | null;
  collapsed: ReadonlySet<string>;
  direction: LayoutDirection;
}

export type WhyUiStore = StoreApi<WhyUi>;

export function createWhyUiStore(): WhyUiStore {
  return createStore<WhyUi>()(() => ({
    selectedId: null,
    hoveredId: null,
    editingId: null,
    collapsed: new Set(),
    direction: 'TB',
  }));
}

export const WhyUiStoreContext = createContext<WhyUiStore | null>(null);

export function useWhyUiStore(): WhyUiStore {
  const store = useContext(WhyUiStoreContext);
  if (!store) throw new Error('useWhyUiStore must be used inside the why graph editor.');
  return store;
}

/** One value from the view state; the component re-renders only when that value changes. */
export function useWhyUi<T>(selector: (ui: WhyUi) => T): T {
  return useStore(useWhyUiStore(), selector);
}

export interface WhyUiActions {
  select: (id: string | null) => void;
  /** `seed`: a character typed on a selected node, appended to its text as editing starts. */
  startEditing: (id: string, seed?: string) => void;
  stopEditing: () => void;
  editText: (id: string, field: 'question' | 'answer' | 'symptom', value: string) => void;
  addChild: (parentId: string) => void;
  addSibling: (id: string) => void;
  toggleRootCause: (id: string) => void;
  /** Adds a typed tag to a root cause; returns why it could not, or null once added. */
  addTag: (id: string, typed: string) => string | null;
  removeTag: (id: string, tag: string) => void;
  remove: (id: string) => void;
  toggleCollapsed: (id: string) => void;
  addActionItemFor: (id: string) => void;
}

export const WhyActionsContext = createContext<WhyUiActions | null>(null);

export function useWhyActions(): WhyUiActions {
  const actions = useContext(WhyActionsContext);
  if (!actions) throw new Error('useWhyActions must be used inside the why graph editor.');
  return actions;
}
