/**
 * One store per open postmortem (created with createStore, provided through context).
 * Edits are pure functions from shared/ applied to an immutable document; zundo keeps
 * the undo history of the document only (not save state or selection), and merges a
 * burst of typing in one field into a single undo step.
 */
import { createContext, useContext } from 'react';
import { temporal } from 'zundo';
import { createStore, useStore, type StoreApi } from 'zustand';
import { updateHeader } from '../../../shared/documents';
import type { HeaderPatch, Postmortem } from '../../../shared/model';

export type SaveStatus =
  { kind: 'saved'; at: string | null } | { kind: 'pending' } | { kind: 'saving' } | { kind: 'error'; message: string };

export interface DocumentState {
  doc: Postmortem;
  save: SaveStatus;
  /** Bumped by every document edit so the autosaver knows there is something to write. */
  revision: number;
  editHeader: (patch: HeaderPatch) => void;
  /**
   * Applies a pure edit from shared/. Edits with the same `burstKey` in quick succession
   * (typing in one field) become one undo step; pass a unique key for discrete actions.
   */
  edit: (burstKey: string, recipe: (doc: Postmortem) => Postmortem) => void;
  setSaveStatus: (status: SaveStatus) => void;
}

/** Edits of the same field closer together than this become one undo step. */
export const TYPING_BURST_MS = 1000;
/** How many undo steps are kept per open document. */
export const UNDO_LIMIT = 200;

type TemporalDocumentStore = ReturnType<typeof createDocumentStore>;

/** Ends the current typing burst, so the next edit starts a new undo step. */
const burstBreakers = new WeakMap<object, () => void>();

export function createDocumentStore(initial: Postmortem, now: () => number = Date.now) {
  let lastEdit: { key: string; at: number } | null = null;
  let currentEditKey = '';
  const store = createStore<DocumentState>()(
    temporal(
      (set, get) => ({
        doc: initial,
        save: { kind: 'saved', at: null },
        revision: 0,
        editHeader: (patch) =>
          get().edit(`header:${Object.keys(patch).sort().join(',')}`, (doc) => updateHeader(doc, patch)),
        edit: (burstKey, recipe) => {
          const next = recipe(get().doc);
          if (next === get().doc) return;
          currentEditKey = burstKey;
          set({ doc: next, revision: get().revision + 1, save: { kind: 'pending' } });
        },
        setSaveStatus: (save) => set({ save }),
      }),
      {
        limit: UNDO_LIMIT,
        partialize: (state) => ({ doc: state.doc }),
        equality: (a, b) => a.doc === b.doc,
        handleSet: (handleSet) => (pastState, replace, currentState, deltaState) => {
          const at = now();
          const sameBurst = lastEdit !== null && lastEdit.key === currentEditKey && at - lastEdit.at < TYPING_BURST_MS;
          lastEdit = { key: currentEditKey, at };
          // zundo calls the inner handler with all four arguments; its type lists two.
          if (!sameBurst) (handleSet as (...args: unknown[]) => void)(pastState, replace, currentState, deltaState);
        },
      },
    ),
  );
  burstBreakers.set(store, () => {
    lastEdit = null;
  });
  return store;
}

export type DocumentStore = StoreApi<DocumentState> & Pick<TemporalDocumentStore, 'temporal'>;

/** Makes the next edit its own undo step even if it lands in the field just typed in. */
export function endTypingBurst(store: TemporalDocumentStore): void {
  burstBreakers.get(store)?.();
}

/** Undo/redo restore the document and must count as edits, so autosave writes them. */
export function undo(store: TemporalDocumentStore): void {
  step(store, 'undo');
}
export function redo(store: TemporalDocumentStore): void {
  step(store, 'redo');
}
function step(store: TemporalDocumentStore, direction: 'undo' | 'redo'): void {
  burstBreakers.get(store)?.();
  const history = store.temporal.getState();
  const before = store.getState().doc;
  if (direction === 'undo') history.undo();
  else history.redo();
  const after = store.getState().doc;
  if (after !== before) {
    history.pause();
    // The meeting timer is not undoable: whatever step is restored, the clock stays as it is now.
    const doc = after.meeting === before.meeting ? after : { ...after, meeting: before.meeting };
    store.setState({ doc, revision: store.getState().revision + 1, save: { kind: 'pending' } });
    history.resume();
  }
}

/**
 * Applies a change that is saved but kept out of undo (the meeting timer, like a
 * selection, is not something people expect Ctrl+Z to rewind).
 */
export function editWithoutUndo(store: TemporalDocumentStore, recipe: (doc: Postmortem) => Postmortem): void {
  const before = store.getState().doc;
  const next = recipe(before);
  if (next === before) return;
  const history = store.temporal.getState();
  history.pause();
  store.setState({ doc: next, revision: store.getState().revision + 1, save: { kind: 'pending' } });
  history.resume();
}

export const DocumentStoreContext = createContext<TemporalDocumentStore | null>(null);

export function useDocumentStoreApi(): TemporalDocumentStore {
  const store = useContext(DocumentStoreContext);
  if (!store) throw new Error('useDocumentStore must be used inside <DocumentStoreContext.Provider>.');
  return store;
}

export function useDocument<T>(selector: (state: DocumentState) => T): T {
  return useStore(useDocumentStoreApi(), selector);
}
