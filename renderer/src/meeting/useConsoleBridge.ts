/**
 * The editor's side of a console window: answers a console's hello with the
 * postmortem, keeps it up to date while a console is listening, and carries out the
 * commands the console sends (the editor stays the one place the clock changes).
 */
import { useEffect, useRef } from 'react';
import type { MeetingMessage } from '../../../shared/meetingSync';
import { usePlatform } from '../app/platformContext';
import { useDocumentStoreApi } from '../document/documentStore';
import { useMeeting } from './useMeeting';

/** Edits are sent to a console at most this often. */
const SEND_EVERY_MS = 150;

export function useConsoleBridge(onTogglePresenting: () => void): void {
  const platform = usePlatform();
  const store = useDocumentStoreApi();
  const { actions } = useMeeting();
  const docId = store.getState().doc.id;
  // The latest handlers, without re-opening the channel on every render.
  const handlers = useRef({ actions, onTogglePresenting });
  useEffect(() => {
    handlers.current = { actions, onTogglePresenting };
  });

  useEffect(() => {
    const channel = platform.meetingChannel(docId);
    let listening = false;
    let timer: number | undefined;
    const send = () => channel.post({ type: 'state', doc: store.getState().doc });
    const unsubscribeStore = store.subscribe((state, previous) => {
      if (!listening || state.doc === previous.doc) return;
      window.clearTimeout(timer);
      timer = window.setTimeout(send, SEND_EVERY_MS);
    });
    const onMessage = (message: MeetingMessage) => {
      const { actions: act, onTogglePresenting: togglePresenting } = handlers.current;
      switch (message.type) {
        case 'hello':
          listening = true;
          send();
          break;
        case 'command':
          if (message.command === 'toggle-pause') act.togglePause();
          else if (message.command === 'next') act.next();
          else if (message.command === 'previous') act.previous();
          else if (message.command === 'extend') act.extend();
          else if (message.command === 'end') act.end();
          else togglePresenting();
          break;
        case 'go-to-phase':
          act.goTo(message.index);
          break;
        case 'notes':
          act.update({ privateNotes: message.text });
          break;
        case 'bye':
        case 'state':
          break;
      }
    };
    const unsubscribe = channel.subscribe(onMessage);
    return () => {
      window.clearTimeout(timer);
      unsubscribe();
      unsubscribeStore();
      channel.close();
    };
  }, [platform, store, docId]);
}
