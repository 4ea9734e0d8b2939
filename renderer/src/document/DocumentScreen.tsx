import { useEffect, useImperativeHandle, useState, type Ref } from 'react';
import type { LoadedDocument, StorageNotice } from '../../../shared/api';
import type { Postmortem } from '../../../shared/model';
import { usePlatform } from '../app/platformContext';
import { isTyping } from '../app/isTyping';
import type { Settling } from '../app/screens';
import { LintAfterFirstPaint } from '../phrasing/promptSettings';
import { Autosaver } from './autosave';
import { DocumentLayout } from './DocumentLayout';
import { createDocumentStore, DocumentStoreContext, flushDrafts, redo, undo } from './documentStore';

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
  importNotes,
  initialDoc,
  reading,
}: {
  id: string;
  onClose: () => Promise<void>;
  ref: Ref<DocumentScreenHandle>;
  /** What the importer could not map, shown once after an import. */
  importNotes?: string[] | undefined;
  /** A postmortem just created in memory and not yet on disk. */
  initialDoc?: Postmortem | undefined;
  /** Its read from storage, if already started (App starts it as the postmortem is opened). */
  reading?: Settling<LoadedDocument> | undefined;
}) {
  const platform = usePlatform();
  // A postmortem just created opens at once from memory, so the first keystrokes land in
  // its title; the autosaver writes it to disk right away. One whose read finished while
  // the editor's code was loading opens in the first render too: waiting for the effect
  // below cost a render, a frame and a task before the document's own render.
  const [loaded, setLoaded] = useState<Loaded | null>(() => {
    if (initialDoc) {
      const store = createDocumentStore(initialDoc);
      return { store, autosaver: new Autosaver(store, platform, undefined, true), notice: null };
    }
    if (!reading?.value) return null;
    const store = createDocumentStore(reading.value.doc);
    return { store, autosaver: new Autosaver(store, platform), notice: reading.value.notice };
  });
  // Read before the first render: the effect below has nothing to wait for.
  const [readAtOnce] = useState(() => loaded !== null && !initialDoc);
  const [error, setError] = useState<string | null>(null);
  // Bumped when the workspace folder brought a newer version of this postmortem.
  const [reloads, setReloads] = useState(0);

  useEffect(() => {
    if ((initialDoc || readAtOnce) && reloads === 0) return;
    let cancelled = false;
    // A reload (the workspace brought a newer version) reads again.
    (reloads === 0 && reading ? reading.promise : platform.loadDocument(id)).then(
      ({ doc, notice }) => {
        if (cancelled) return;
        const store = createDocumentStore(doc);
        setLoaded({ store, autosaver: new Autosaver(store, platform), notice });
      },
      (e: unknown) => {
        if (!cancelled) setError(e instanceof Error ? e.message : String(e));
      },
    );
    return () => {
      cancelled = true;
    };
  }, [id, platform, initialDoc, readAtOnce, reloads, reading]);

  useEffect(
    () =>
      platform.onWorkspaceEvent((event) => {
        if (!event.changed.includes(id)) return;
        // Edits not yet saved were made to the older version: saving them now makes main
        // report a conflict, and the person is asked which version to keep.
        if (loaded?.autosaver.hasUnsavedChanges) void loaded.autosaver.flush();
        else setReloads((n) => n + 1);
      }),
    [platform, id, loaded],
  );

  // Saves whatever is pending when the document closes (or React re-mounts it).
  useEffect(() => {
    if (!loaded) return;
    const { autosaver } = loaded;
    autosaver.start();
    if (autosaver.hasUnsavedChanges) void autosaver.flush();
    return () => {
      void autosaver.flush();
      autosaver.dispose();
    };
  }, [loaded]);

  // Last chance to save when the tab or window goes away.
  useEffect(() => {
    if (!loaded) return;
    const flush = () => void loaded.autosaver.flush();
    // The save just started may never finish: the page is going away.
    const keep = () => {
      flush();
      const unsaved = loaded.autosaver.unconfirmed();
      if (unsaved) platform.keepUnsaved(unsaved);
    };
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (loaded.autosaver.hasUnsavedChanges) {
        flush();
        event.preventDefault();
      }
    };
    window.addEventListener('pagehide', keep);
    window.addEventListener('beforeunload', onBeforeUnload);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', keep);
      window.removeEventListener('beforeunload', onBeforeUnload);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [loaded, platform]);

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

  // In a browser there is no native menu: the page handles undo/redo keys itself. The
  // desktop menu's Redo is Ctrl+Y off macOS, so Ctrl+Shift+Z is handled here there too.
  useEffect(() => {
    if (!loaded) return;
    const menuHasAll = platform.kind !== 'browser' && /Mac/.test(navigator.platform);
    const onKey = (event: KeyboardEvent) => {
      const mod = event.ctrlKey || event.metaKey;
      if (!mod || event.altKey || menuHasAll) return;
      const key = event.key.toLowerCase();
      const direction = key === 'z' ? (event.shiftKey ? 'redo' : 'undo') : key === 'y' ? 'redo' : null;
      if (!direction) return;
      if (platform.kind !== 'browser' && !(direction === 'redo' && key === 'z')) return; // the menu has it
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
      <LintAfterFirstPaint>
        <DocumentLayout
          onClose={onClose}
          notice={loaded.notice}
          importNotes={importNotes}
          getDoc={() => {
            // An export includes what was typed a moment ago.
            flushDrafts(loaded.store);
            return loaded.store.getState().doc;
          }}
          onRetrySave={() => void loaded.autosaver.flush()}
          isNew={initialDoc !== undefined}
        />
      </LintAfterFirstPaint>
    </DocumentStoreContext.Provider>
  );
}
