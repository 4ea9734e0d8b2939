import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppCommand, PlatformApi } from '../../../shared/api';
import type { Postmortem } from '../../../shared/model';
import { createPostmortem } from '../../../shared/documents';
import { DocumentScreen, type DocumentScreenHandle } from '../document/DocumentScreen';
import { LibraryScreen } from '../library/LibraryScreen';
import { TrackerScreen } from '../tracker/TrackerScreen';
import { AgendasProvider } from '../meeting/agendas';
import { PromptSettingsProvider } from '../phrasing/promptSettings';
import { KeyboardShortcutsDialog, ShowShortcutsProvider, useKeyboardShortcutsDialog } from './KeyboardShortcuts';
import { PlatformContext } from './platformContext';
import { WorkspaceSync } from '../workspace/WorkspaceSync';

type Screen =
  | { name: 'library' }
  | { name: 'tracker' }
  | { name: 'document'; id: string; importNotes?: string[]; initialDoc?: Postmortem };

export function App({ platform }: { platform: PlatformApi }) {
  const [screen, setScreen] = useState<Screen>({ name: 'library' });
  const [error, setError] = useState<string | null>(null);
  const documentRef = useRef<DocumentScreenHandle>(null);
  const [shortcutsOpen, setShortcutsOpen] = useKeyboardShortcutsDialog(platform);
  const showShortcuts = useCallback(() => setShortcutsOpen(true), [setShortcutsOpen]);

  const createNew = useCallback(async () => {
    // No await when no document is open: the new one must render within this key event,
    // so the keys typed right after N land in its title.
    if (documentRef.current) await documentRef.current.flush();
    const doc = createPostmortem(crypto.randomUUID(), new Date().toISOString());
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
            void createNew();
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
            {screen.name === 'tracker' ? (
              <TrackerScreen
                onBack={() => setScreen({ name: 'library' })}
                onOpen={(id) => setScreen({ name: 'document', id })}
              />
            ) : screen.name === 'library' ? (
              <LibraryScreen
                onTracker={() => setScreen({ name: 'tracker' })}
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
