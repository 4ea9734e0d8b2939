import { useEffect, useImperativeHandle, useState, type Ref } from 'react';
import type { StorageNotice } from '../../../shared/api';
import { usePlatform } from '../app/platformContext';
import { isTyping } from '../library/LibraryScreen';
import { Autosaver } from './autosave';
import { createDocumentStore, DocumentStoreContext, redo, undo } from './documentStore';
import { HeaderForm } from './HeaderForm';
import { SaveIndicator } from './SaveIndicator';

export interface DocumentScreenHandle {
  flush: () => Promise<void>;
  undoRedo: (direction: 'undo' | 'redo') => void;
}

type Loaded = {
  store: ReturnType<typeof createDocumentStore>;
  autosaver: Autosaver;
  notice: StorageNotice | null;
};

export function DocumentScreen({
  id,
  onClose,
  ref,
}: {
  id: string;
  onClose: () => Promise<void>;
  ref: Ref<DocumentScreenHandle>;
}) {
  const platform = usePlatform();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    let autosaver: Autosaver | null = null;
    platform.loadDocument(id).then(
      ({ doc, notice }) => {
        if (cancelled) return;
        const store = createDocumentStore(doc);
        autosaver = new Autosaver(store, platform);
        setLoaded({ store, autosaver, notice });
      },
      (e: unknown) => {
        if (!cancelled) setError(e instanceof Error ? e.message : String(e));
      },
    );
    return () => {
      cancelled = true;
      if (autosaver) {
        const leaving = autosaver;
        void leaving.flush().finally(() => leaving.dispose());
      }
    };
  }, [id, platform]);

  // Last chance to save when the tab or window goes away.
  useEffect(() => {
    if (!loaded) return;
    const flush = () => void loaded.autosaver.flush();
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (loaded.autosaver.hasUnsavedChanges) {
        flush();
        event.preventDefault();
      }
    };
    window.addEventListener('pagehide', flush);
    window.addEventListener('beforeunload', onBeforeUnload);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', flush);
      window.removeEventListener('beforeunload', onBeforeUnload);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [loaded]);

  const undoRedo = (direction: 'undo' | 'redo') => {
    if (!loaded) return;
    // Inside a text field the browser's own undo handles the typing.
    if (isTyping(document.activeElement) && document.activeElement?.tagName !== 'SELECT') {
      document.execCommand(direction);
      return;
    }
    (direction === 'undo' ? undo : redo)(loaded.store);
  };

  useImperativeHandle(ref, () => ({
    flush: () => loaded?.autosaver.flush() ?? Promise.resolve(),
    undoRedo,
  }));

  // In a browser there is no native menu: the page handles undo/redo keys itself.
  useEffect(() => {
    if (!loaded || platform.kind !== 'browser') return;
    const onKey = (event: KeyboardEvent) => {
      const mod = event.ctrlKey || event.metaKey;
      if (!mod || event.altKey) return;
      const key = event.key.toLowerCase();
      const direction = key === 'z' ? (event.shiftKey ? 'redo' : 'undo') : key === 'y' ? 'redo' : null;
      if (!direction) return;
      if (isTyping(event.target) && (event.target as HTMLElement).tagName !== 'SELECT') return;
      event.preventDefault();
      (direction === 'undo' ? undo : redo)(loaded.store);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [loaded, platform.kind]);

  if (error) {
    return (
      <main className="document">
        <p className="banner banner-error" role="alert">
          This postmortem could not be opened: {error}
        </p>
        <button type="button" onClick={() => void onClose()}>
          Back to the library
        </button>
      </main>
    );
  }
  if (!loaded) return <main className="document muted">Opening…</main>;

  return (
    <DocumentStoreContext.Provider value={loaded.store}>
      <main className="document">
        <nav className="document-bar">
          <button type="button" onClick={() => void onClose()} aria-keyshortcuts="Control+Shift+L">
            ← Library
          </button>
          <SaveIndicator onRetry={() => void loaded.autosaver.flush()} />
        </nav>
        {loaded.notice && (
          <p className="banner banner-warning" role="status">
            {loaded.notice.message}
          </p>
        )}
        <HeaderForm />
      </main>
    </DocumentStoreContext.Provider>
  );
}
