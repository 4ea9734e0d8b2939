/**
 * The facilitator console in its own window, for a second screen. It shows the
 * editor window's postmortem as the editor sends it and sends every timer action
 * back, so both windows always show the same meeting and only the editor saves.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { PlatformApi } from '../../../shared/api';
import type { MeetingChannel, MeetingCommand } from '../../../shared/meetingSync';
import { PlatformContext } from '../app/platformContext';
import { createDocumentStore, DocumentStoreContext } from '../document/documentStore';
import { PromptSettingsProvider } from '../phrasing/promptSettings';
import { AgendasProvider } from './agendas';
import { FacilitatorConsole } from './FacilitatorConsole';
import { MeetingBar } from './MeetingBar';
import { RemoteMeetingActions, type MeetingActions } from './useMeeting';

/** How long notes typed here win over older snapshots still on their way back. */
const NOTES_GRACE_MS = 2000;

type Store = ReturnType<typeof createDocumentStore>;

export function ConsoleWindow({ platform, docId }: { platform: PlatformApi; docId: string }) {
  const [store, setStore] = useState<Store | null>(null);
  const channel = useRef<MeetingChannel | null>(null);
  const notesTypedAt = useRef(0);

  useEffect(() => {
    document.title = 'Facilitator console — Postmortem Studio';
    const ch = platform.meetingChannel(docId);
    channel.current = ch;
    const unsubscribe = ch.subscribe((message) => {
      if (message.type !== 'state') return;
      setStore((current) => {
        if (!current) return createDocumentStore(message.doc);
        const local = current.getState().doc.meeting;
        const keepNotes = Date.now() - notesTypedAt.current < NOTES_GRACE_MS && local && message.doc.meeting;
        const doc = keepNotes
          ? { ...message.doc, meeting: { ...message.doc.meeting!, privateNotes: local.privateNotes } }
          : message.doc;
        current.setState({ doc });
        return current;
      });
    });
    ch.post({ type: 'hello' });
    const bye = () => ch.post({ type: 'bye' });
    window.addEventListener('pagehide', bye);
    return () => {
      window.removeEventListener('pagehide', bye);
      bye();
      unsubscribe();
      ch.close();
    };
  }, [platform, docId]);

  const actions = useMemo<MeetingActions>(() => {
    const send = (command: MeetingCommand) => channel.current?.post({ type: 'command', command });
    return {
      // A meeting is started (or replaced) from the editor, where the agenda is chosen.
      start: () => undefined,
      clear: () => undefined,
      togglePause: () => send('toggle-pause'),
      next: () => send('next'),
      previous: () => send('previous'),
      extend: () => send('extend'),
      end: () => send('end'),
      goTo: (index) => channel.current?.post({ type: 'go-to-phase', index }),
      update: (patch) => {
        if (patch.privateNotes === undefined) return;
        notesTypedAt.current = Date.now();
        const text = patch.privateNotes;
        // Shown at once here; the editor saves it and echoes it back.
        store?.setState((s) =>
          s.doc.meeting ? { doc: { ...s.doc, meeting: { ...s.doc.meeting, privateNotes: text } } } : s,
        );
        channel.current?.post({ type: 'notes', text });
      },
    };
  }, [store]);

  return (
    <PlatformContext.Provider value={platform}>
      <PromptSettingsProvider>
        <AgendasProvider>
          {store ? (
            <DocumentStoreContext.Provider value={store}>
              <RemoteMeetingActions.Provider value={actions}>
                <main className="console-window">
                  <MeetingBar
                    presenting={false}
                    remote
                    onTogglePresent={() => channel.current?.post({ type: 'command', command: 'toggle-presenting' })}
                  />
                  <FacilitatorConsole onClose={() => window.close()} />
                </main>
              </RemoteMeetingActions.Provider>
            </DocumentStoreContext.Provider>
          ) : (
            <main className="console-window">
              <h1>Facilitator console</h1>
              <p role="status">
                Waiting for the postmortem’s window. Keep it open in Postmortem Studio; this console follows it.
              </p>
            </main>
          )}
        </AgendasProvider>
      </PromptSettingsProvider>
    </PlatformContext.Provider>
  );
}
