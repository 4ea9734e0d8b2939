import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import type { AppCommand, PlatformApi } from '../../../shared/api';
import type { Postmortem } from '../../../shared/model';
import { createPostmortem } from '../../../shared/documents';
import { DocumentScreen, type DocumentScreenHandle } from '../document/DocumentScreen';
import { LibraryScreen } from '../library/LibraryScreen';
import { NewPostmortemDialog, type NewPostmortemChoice } from '../library/NewPostmortemDialog';
import { TrackerScreen } from '../tracker/TrackerScreen';
import { AgendasProvider } from '../meeting/agendas';
import { PromptSettingsProvider } from '../phrasing/promptSettings';
import { KeyboardShortcutsDialog, ShowShortcutsProvider, useKeyboardShortcutsDialog } from './KeyboardShortcuts';
import { PlatformContext } from './platformContext';
import { WorkspaceSync } from '../workspace/WorkspaceSync';

// The dashboard brings the chart library: load it only when someone opens it.
const MetricsScreen = lazy(() => import('../metrics/MetricsScreen'));

type Screen =
  | { name: 'library' }
  | { name: 'tracker' }
  | { name: 'metrics' }
  | { name: 'document'; id: string; importNotes?: string[]; initialDoc?: Postmortem };

export function App({ platform }: { platform: PlatformApi }) {
  const [screen, setScreen] = useState<Screen>({ name: 'library' });
  const [error, setError] = useState<string | null>(null);
  const documentRef = useRef<DocumentScreenHandle>(null);
  const [shortcutsOpen, setShortcutsOpen] = useKeyboardShortcutsDialog(platform);
  const showShortcuts = useCallback(() => setShortcutsOpen(true), [setShortcutsOpen]);

  // The dialog opens within the key event that asked for it (N, Ctrl+N), so the keys
  // typed right after land in its title.
  const [creating, setCreating] = useState(false);
  const createNew = useCallback(() => setCreating(true), []);
  const create = useCallback(async (choice: NewPostmortemChoice) => {
    setCreating(false);
    if (documentRef.current) await documentRef.current.flush();
    const doc = createPostmortem(crypto.randomUUID(), new Date().toISOString(), choice);
    setScreen({ name: 'document', id: doc.id, initialDoc: doc });
  }, []);

  const importMarkdown = useCallback(async () => {
    try {
      const file = await platform.openTextFile('markdown');
      if (!file) return;
      const { importPostmortem } = await import('../document/importModule');
      const result = importPostmortem(file.content, { id: crypto.randomUUID(), now: new Date().toISOString() });
      await documentRef.current?.flush();
      await platform.saveDocument(result.doc);
      setScreen({
        name: 'document',
        id: result.doc.id,
        importNotes: result.warnings.map((w) => (w.line ? `Line ${w.line}: ${w.message}` : w.message)),
      });
    } catch (e) {
      setError(`Could not import: ${e instanceof Error ? e.message : String(e)}`);
    }
  }, [platform]);

  const openLibrary = useCallback(async () => {
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
            void (documentRef.current?.flush() ?? Promise.resolve()).finally(() => platform.readyToClose());
            break;
          case 'undo':
          case 'redo':
            documentRef.current?.undoRedo(command);
            break;
        }
      }),
    [platform, createNew, importMarkdown, openLibrary],
  );

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
                <MetricsScreen onBack={() => setScreen({ name: 'library' })} />
              </Suspense>
            ) : screen.name === 'tracker' ? (
              <TrackerScreen
                onBack={() => setScreen({ name: 'library' })}
                onOpen={(id) => setScreen({ name: 'document', id })}
              />
            ) : screen.name === 'library' ? (
              <LibraryScreen
                onTracker={() => setScreen({ name: 'tracker' })}
                onMetrics={() => setScreen({ name: 'metrics' })}
                onOpen={(id) => setScreen({ name: 'document', id })}
                onCreate={createNew}
                onImport={importMarkdown}
              />
            ) : (
              <DocumentScreen
                key={screen.id}
                ref={documentRef}
                id={screen.id}
                onClose={openLibrary}
                importNotes={screen.importNotes}
                initialDoc={screen.initialDoc}
              />
            )}
            {creating && (
              <NewPostmortemDialog onCreate={(choice) => void create(choice)} onCancel={() => setCreating(false)} />
            )}
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
