import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppCommand, PlatformApi } from '../../../shared/api';
import { createPostmortem } from '../../../shared/documents';
import { DocumentScreen, type DocumentScreenHandle } from '../document/DocumentScreen';
import { LibraryScreen } from '../library/LibraryScreen';
import { PlatformContext } from './platformContext';

type Screen = { name: 'library' } | { name: 'document'; id: string };

export function App({ platform }: { platform: PlatformApi }) {
  const [screen, setScreen] = useState<Screen>({ name: 'library' });
  const [error, setError] = useState<string | null>(null);
  const documentRef = useRef<DocumentScreenHandle>(null);

  const createNew = useCallback(async () => {
    const doc = createPostmortem(crypto.randomUUID(), new Date().toISOString());
    try {
      await platform.saveDocument(doc);
      setScreen({ name: 'document', id: doc.id });
    } catch (e) {
      setError(`Could not create a postmortem: ${e instanceof Error ? e.message : String(e)}`);
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
            void (documentRef.current?.flush() ?? Promise.resolve()).then(createNew);
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
    [platform, createNew, openLibrary],
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
      {error && (
        <div className="banner banner-error" role="alert">
          {error}
          <button type="button" className="link-button" onClick={() => setError(null)}>
            Dismiss
          </button>
        </div>
      )}
      {screen.name === 'library' ? (
        <LibraryScreen onOpen={(id) => setScreen({ name: 'document', id })} onCreate={createNew} />
      ) : (
        <DocumentScreen key={screen.id} ref={documentRef} id={screen.id} onClose={openLibrary} />
      )}
    </PlatformContext.Provider>
  );
}
