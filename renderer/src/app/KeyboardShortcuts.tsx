import { createContext, useContext, useEffect, useId, useRef, useState } from 'react';
import type { PlatformApi } from '../../../shared/api';
import { isTyping } from './isTyping';
import { ModalDialog } from './ModalDialog';
import { SHORTCUT_GROUPS, type ShortcutGroup } from './shortcuts';

/** One group of shortcuts as a table: keys in the row header, what they do beside them. */
export function ShortcutTable({ group }: { group: ShortcutGroup }) {
  return (
    <table className="shortcut-table">
      <tbody>
        {group.keys.map(([keys, what]) => (
          <tr key={keys}>
            <th scope="row">
              <kbd>{keys}</kbd>
            </th>
            <td>{what}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const ShowShortcutsContext = createContext<() => void>(() => undefined);
export const ShowShortcutsProvider = ShowShortcutsContext.Provider;
/** Opens the shortcuts dialog (for a button that offers it). */
export const useShowShortcuts = () => useContext(ShowShortcutsContext);

/** Every shortcut of the app, in a modal dialog; Escape or the button closes it. */
export function KeyboardShortcutsDialog({ onClose, desktop }: { onClose: () => void; desktop: boolean }) {
  const id = useId();
  const groups = SHORTCUT_GROUPS.filter((group) => desktop || !group.desktopOnly);
  const close = useRef<HTMLButtonElement>(null);
  // After the dialog opened (its effect runs first), so the list's scroll box does not take focus.
  useEffect(() => close.current?.focus(), []);
  return (
    <ModalDialog labelledBy={`${id}-h`} onClose={onClose}>
      <div className="shortcuts-dialog">
        <h2 id={`${id}-h`}>Keyboard shortcuts</h2>
        <p className="muted small">Ctrl means Cmd on a Mac.</p>
        <div className="shortcut-groups">
          {groups.map((group, i) => (
            <section key={group.title} aria-labelledby={`${id}-g${i}`}>
              <h3 id={`${id}-g${i}`}>{group.title}</h3>
              {group.when && <p className="muted small">{group.when}</p>}
              <ShortcutTable group={group} />
            </section>
          ))}
        </div>
        <div className="dialog-actions">
          <button type="button" ref={close} onClick={onClose}>
            Close <kbd>Esc</kbd>
          </button>
        </div>
      </div>
    </ModalDialog>
  );
}

/**
 * Opens the shortcuts list on `?` (outside fields and the whys graph, which lists its own
 * keys on `?`), on Ctrl/Cmd+/ anywhere, and from the native Help menu.
 */
export function useKeyboardShortcutsDialog(platform: PlatformApi): [open: boolean, setOpen: (open: boolean) => void] {
  const [open, setOpen] = useState(false);
  useEffect(() => platform.onCommand((command) => command === 'show-shortcuts' && setOpen(true)), [platform]);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey) return;
      const mod = event.ctrlKey || event.metaKey;
      const slash = mod && (event.key === '/' || event.code === 'Slash');
      const question =
        !mod &&
        event.key === '?' &&
        !isTyping(event.target) &&
        !(event.target instanceof Element && event.target.closest('[role="application"], dialog'));
      if (!slash && !question) return;
      event.preventDefault();
      setOpen(true);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return [open, setOpen];
}
