/**
 * One store per open postmortem (created with createStore, provided through context).
 * Edits are pure functions from shared/ applied to an immutable document; zundo keeps
 * the undo history of the document only (not save state or selection), and merges a
 * burst of typing in one field into a single undo step.
 *
 * Text being typed is held by its field as a draft (useDraftText) and reaches the store
 * when typing pauses: a store update re-renders every view of the document, far too
 * much work for each key. The store keeps a list of the drafts not yet in it, so that
 * whatever reads or writes the document as a whole (any other edit, undo, autosave,
 * export) takes them in first, and the autosaver learns of each key as it is typed.
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

/** A field's typed text that is not in the document yet: calling it puts it there. */
export type DraftCommit = () => void;

interface Drafts {
  pending: Set<DraftCommit>;
  /** Told of every keystroke held as a draft (the autosaver, which must save it soon). */
  listeners: Set<() => void>;
  /** True while flushDrafts runs, so the autosaver can tell a draft landing from a new edit. */
  committing: boolean;
}
const draftsOf = new WeakMap<object, Drafts>();

function drafts(store: object): Drafts {
  let found = draftsOf.get(store);
  if (!found) {
    found = { pending: new Set(), listeners: new Set(), committing: false };
    draftsOf.set(store, found);
  }
  return found;
}

/** Records (or re-records) a field's pending draft; listeners hear of the keystroke. */
export function holdDraft(store: StoreApi<DocumentState>, commit: DraftCommit): void {
  // The save indicator says "unsaved" from the first key, as it did when keys were edits.
  if (store.getState().save.kind === 'saved') store.setState({ save: { kind: 'pending' } });
  const d = drafts(store);
  d.pending.add(commit);
  for (const listener of d.listeners) listener();
}

/** Puts one field's pending draft into the document now (nothing if it has none). */
export function flushDraft(store: object, commit: DraftCommit): void {
  const d = drafts(store);
  if (d.pending.delete(commit)) landing(d, [commit]);
}

/** Puts every pending draft into the document now, each as its field's own edit. */
export function flushDrafts(store: object): void {
  const d = drafts(store);
  if (d.pending.size === 0) return;
  const commits = [...d.pending];
  d.pending.clear();
  landing(d, commits);
}

function landing(d: Drafts, commits: DraftCommit[]): void {
  const was = d.committing;
  d.committing = true;
  try {
    for (const commit of commits) commit();
  } finally {
    d.committing = was;
  }
}

export function hasDrafts(store: object): boolean {
  return drafts(store).pending.size > 0;
}

/** Whether the store change being reported is a draft arriving (not a new edit). */
export function isCommittingDrafts(store: object): boolean {
  return drafts(store).committing;
}

/** Calls `listener` on every keystroke held as a draft; returns the unsubscribe. */
export function onDraft(store: object, listener: () => void): () => void {
  const d = drafts(store);
  d.listeners.add(listener);
  return () => d.listeners.delete(listener);
}

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
          // Text typed elsewhere goes in first, so edits land (and undo) in the order made.
          flushDrafts(store);
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
  // Undo takes back what was typed last, so that text must be in the history first.
  flushDrafts(store);
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
