/**
 * View state of one why-graph editor (selection, editing, collapsed subtrees, layout
 * direction): not part of the document, so never saved and never undone. Node
 * components read it and call its actions through context, keeping React Flow node
 * data serialisable.
 */
import { createContext, useContext } from 'react';
import type { LayoutDirection } from '../../../shared/whyLayout';

export interface WhyUi {
  selectedId: string | null;
  editingId: string | null;
  collapsed: ReadonlySet<string>;
  direction: LayoutDirection;
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
  remove: (id: string) => void;
  toggleCollapsed: (id: string) => void;
  addActionItemFor: (id: string) => void;
}

export const WhyUiContext = createContext<{
  ui: WhyUi;
  actions: WhyUiActions;
  hiddenCounts: ReadonlyMap<string, number>;
} | null>(null);

export function useWhyUi() {
  const value = useContext(WhyUiContext);
  if (!value) throw new Error('useWhyUi must be used inside the why graph editor.');
  return value;
}
