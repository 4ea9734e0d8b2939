import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import type { AppCommand, LoadedDocument, PlatformApi } from '../../../shared/api';
import type { Postmortem } from '../../../shared/model';
import { createPostmortem } from '../../../shared/documents';
import type { DocumentScreenHandle } from '../document/DocumentScreen';
import { LibraryScreen } from '../library/LibraryScreen';
import { NewPostmortemDialog, type NewPostmortemChoice } from '../library/NewPostmortemDialog';
import { AgendasProvider } from '../meeting/agendas';
import { PromptSettingsProvider } from '../phrasing/promptSettings';
import { KeyboardShortcutsDialog, ShowShortcutsProvider, useKeyboardShortcutsDialog } from './KeyboardShortcuts';
import { PlatformContext } from './platformContext';
import { WorkspaceSync } from '../workspace/WorkspaceSync';
import { documentScreen, preloadScreens, settling, trackerScreen, useScreenModule, type Settling } from './screens';

// The dashboard brings the chart library: load it only when someone opens it.
const MetricsScreen = lazy(() => import('../metrics/MetricsScreen'));

type Screen =
  | { name: 'library' }
  | { name: 'tracker' }
  | { name: 'metrics' }
  | {
      name: 'document';
      id: string;
      importNotes?: string[];
      initialDoc?: Postmortem;
      /** The postmortem's read from storage, started as it was opened. */
      reading?: Settling<LoadedDocument>;
    };

export function App({ platform }: { platform: PlatformApi }) {
  const [screen, setScreen] = useState<Screen>({ name: 'library' });
  const documentChunk = useScreenModule(documentScreen, screen.name === 'document');
  const trackerChunk = useScreenModule(trackerScreen, screen.name === 'tracker');
  const [error, setError] = useState<string | null>(null);
  const documentRef = useRef<DocumentScreenHandle>(null);
  const [shortcutsOpen, setShortcutsOpen] = useKeyboardShortcutsDialog(platform);
  const showShortcuts = useCallback(() => setShortcutsOpen(true), [setShortcutsOpen]);

  // The dialog opens within the key event that asked for it (N, Ctrl+N), so the keys
  // typed right after land in its title.
  const [creating, setCreating] = useState(false);
  const createNew = useCallback(() => setCreating(true), []);
  // Each move to another screen takes a ticket; a postmortem whose editor was still loading
  // when the person moved on (Ctrl+Shift+L right after Enter) does not pull them back.
  const navigation = useRef(0);
  const pendingCreate = useRef<Promise<void> | null>(null);
  const [libraryVisit, setLibraryVisit] = useState(0);
  const navigate = useCallback((next: Screen) => {
    navigation.current += 1;
    setScreen(next);
  }, []);
  /**
   * Opens a stored postmortem. It is read (and checked) from here, while the editor's
   * code loads if it is not in yet, rather than once the editor has loaded and rendered:
   * a postmortem opened right after start waited for the two one after the other.
   */
  const openDocument = useCallback(
    (id: string) => {
      // The editor's code is asked for here too, not only once the screen has rendered.
      documentScreen.load().catch(() => undefined); // useScreenModule reports a failure
      // The editor shows a read that failed; one it never takes (they moved on) is dropped.
      const reading = settling(platform.loadDocument(id));
      navigate({ name: 'document', id, reading });
    },
    [platform, navigate],
  );

  const create = useCallback(
    (choice: NewPostmortemChoice) => {
      setCreating(false);
      const ticket = ++navigation.current;
      const opening = (async () => {
        if (documentRef.current) await documentRef.current.flush();
        // The editor is preloaded by now as a rule, and then opens within this key event, so
        // the next keys (typing the title, Ctrl+Shift+L) land in it. Only if it is not in yet
        // is it waited for here.
        if (!documentScreen.loaded()) await documentScreen.load().catch(() => undefined);
        const doc = createPostmortem(crypto.randomUUID(), new Date().toISOString(), choice);
        const editorIn = documentScreen.loaded() !== null;
        if (navigation.current === ticket && editorIn) {
          setScreen({ name: 'document', id: doc.id, initialDoc: doc });
          return;
        }
        // They moved on before the editor opened, or its code could not be loaded: keep what
        // they created on disk either way.
        try {
          await platform.saveDocument(doc);
        } catch (e) {
          setError(`Could not save “${doc.title}”: ${e instanceof Error ? e.message : String(e)}`);
          return;
        }
        if (navigation.current === ticket)
          setScreen({ name: 'document', id: doc.id }); // says why it cannot open
        else setLibraryVisit((n) => n + 1);
      })();
      pendingCreate.current = opening;
      void opening.finally(() => {
        if (pendingCreate.current === opening) pendingCreate.current = null;
      });
    },
    [platform],
  );

  const importMarkdown = useCallback(async () => {
    try {
      const file = await platform.openTextFile('markdown');
      if (!file) return;
      const { importPostmortem } = await import('../document/importModule');
      const result = importPostmortem(file.content, { id: crypto.randomUUID(), now: new Date().toISOString() });
      await documentRef.current?.flush();
      await platform.saveDocument(result.doc);
      navigate({
        name: 'document',
        id: result.doc.id,
        importNotes: result.warnings.map((w) => (w.line ? `Line ${w.line}: ${w.message}` : w.message)),
      });
    } catch (e) {
      setError(`Could not import: ${e instanceof Error ? e.message : String(e)}`);
    }
  }, [platform, navigate]);

  const openLibrary = useCallback(async () => {
    navigation.current += 1;
    // A postmortem being created is saved (or opened, then saved on close) before the
    // library lists what is on disk.
    await pendingCreate.current;
    await documentRef.current?.flush();
    setScreen({ name: 'library' });
  }, []);

  useEffect(
    () =>
      platform.onCommand((command: AppCommand) => {
        switch (command) {
          case 'new-postmortem':
            createNew();
            break;
          case 'import-markdown':
            void importMarkdown();
            break;
          case 'open-library':
            void openLibrary();
            break;
          case 'flush-before-close':
            // Closing is moving on too: a postmortem whose editor is still loading is saved first.
            navigation.current += 1;
            void Promise.resolve(pendingCreate.current)
              .then(() => documentRef.current?.flush())
              .finally(() => platform.readyToClose());
            break;
          case 'undo':
          case 'redo':
            documentRef.current?.undoRedo(command);
            break;
        }
      }),
    [platform, createNew, importMarkdown, openLibrary],
  );

  useEffect(preloadScreens, []);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const mod = event.ctrlKey || event.metaKey;
      if (mod && event.shiftKey && event.key.toLowerCase() === 'l') {
        event.preventDefault();
        void openLibrary();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [openLibrary]);

  return (
    <PlatformContext.Provider value={platform}>
      <ShowShortcutsProvider value={showShortcuts}>
        <PromptSettingsProvider>
          <AgendasProvider>
            {error && (
              <div className="banner banner-error" role="alert">
                {error}
                <button type="button" className="link-button" onClick={() => setError(null)}>
                  Dismiss
                </button>
              </div>
            )}
            {screen.name === 'metrics' ? (
              <Suspense fallback={<p className="muted">Loading the metrics…</p>}>
                <MetricsScreen onBack={() => navigate({ name: 'library' })} />
              </Suspense>
            ) : screen.name === 'tracker' ? (
              trackerChunk.module ? (
                <trackerChunk.module.TrackerScreen onBack={() => navigate({ name: 'library' })} onOpen={openDocument} />
              ) : (
                <ScreenLoading what="The action items" error={trackerChunk.error} onBack={openLibrary} />
              )
            ) : screen.name === 'library' ? (
              <LibraryScreen
                key={libraryVisit}
                onTracker={() => navigate({ name: 'tracker' })}
                onMetrics={() => navigate({ name: 'metrics' })}
                onOpen={openDocument}
                onCreate={createNew}
                onImport={importMarkdown}
              />
            ) : documentChunk.module ? (
              <documentChunk.module.DocumentScreen
                key={screen.id}
                ref={documentRef}
                id={screen.id}
                onClose={openLibrary}
                importNotes={screen.importNotes}
                initialDoc={screen.initialDoc}
                reading={screen.reading}
              />
            ) : (
              <ScreenLoading what="The editor" error={documentChunk.error} onBack={openLibrary} />
            )}
            {creating && <NewPostmortemDialog onCreate={create} onCancel={() => setCreating(false)} />}
          </AgendasProvider>
        </PromptSettingsProvider>
        <WorkspaceSync flushOpenDocument={() => documentRef.current?.flush() ?? Promise.resolve()} />
        {shortcutsOpen && (
          <KeyboardShortcutsDialog desktop={platform.kind === 'electron'} onClose={() => setShortcutsOpen(false)} />
        )}
      </ShowShortcutsProvider>
    </PlatformContext.Provider>
  );
}

/** While a screen's code loads (rarely seen: it is preloaded), or why it could not be. */
function ScreenLoading({ what, error, onBack }: { what: string; error: string | null; onBack: () => Promise<void> }) {
  if (!error) return <main className="document muted">Opening…</main>;
  return (
    <main className="document">
      <p className="banner banner-error" role="alert">
        {what} could not be loaded ({error}). Nothing was lost: go back and try again, or reload the app.
      </p>
      <button type="button" onClick={() => void onBack()}>
        Back to the library
      </button>
    </main>
  );
}
