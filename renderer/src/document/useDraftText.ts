import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { flushDraft, holdDraft, useDocumentStoreApi, type DraftCommit } from './documentStore';

/**
 * How long typing must pause before a field's text goes into the document. Shorter than
 * the gap between a fast typist's keys would put a store update (a re-render of every
 * view of the document: tens of ms with a large why graph) between two keys; much
 * longer and the views that read the document (the Prompts count, the chain beside the
 * graph, the preview) would trail the field noticeably.
 */
export const DRAFT_PAUSE_MS = 250;

export interface DraftText {
  /** What the field shows: the text typed, ahead of the document while typing. */
  draft: string;
  /** Takes a keystroke's new text: shown at once, put into the document after a pause. */
  change: (text: string) => void;
  /** Puts the typed text into the document now (leaving the field, Enter, a shortcut). */
  flush: () => void;
}

/**
 * A text field's own copy of its text while it is typed in. Each key re-renders only
 * the field; the text reaches the document store when typing pauses, when the field is
 * left or unmounted, and whenever anything else needs the whole document first (another
 * edit, undo, autosave, export, closing: documentStore.ts flushDrafts). A change to the
 * document's text from elsewhere (undo, redo) replaces the field's.
 */
export function useDraftText(value: string, onCommit: (text: string) => void): DraftText {
  const store = useDocumentStoreApi();
  const [draft, setDraft] = useState(value);
  // The document's text that this field last agreed with: a different value is news.
  const [known, setKnown] = useState(value);
  if (value !== known) {
    setKnown(value);
    setDraft(value);
  }
  const pending = useRef({ text: value, onCommit });
  const timer = useRef<number | undefined>(undefined);
  useLayoutEffect(() => {
    pending.current.onCommit = onCommit;
  });
  // Stable for the field's life: the store keeps it in its list of pending drafts.
  const [commit] = useState<DraftCommit>(() => () => {
    window.clearTimeout(timer.current);
    const { text, onCommit: put } = pending.current;
    setKnown(text);
    put(text);
  });

  const change = useCallback(
    (text: string) => {
      setDraft(text);
      pending.current.text = text;
      holdDraft(store, commit);
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => flushDraft(store, commit), DRAFT_PAUSE_MS);
    },
    [store, commit],
  );
  const flush = useCallback(() => flushDraft(store, commit), [store, commit]);
  // A field that goes away (a row scrolled out, the why editor closed) keeps its text.
  useEffect(() => () => flushDraft(store, commit), [store, commit]);
  return { draft, change, flush };
}
