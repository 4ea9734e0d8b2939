import { useEffect, useRef, useState, type ReactNode, type RefObject } from 'react';

/**
 * A native modal dialog (focus kept inside, Esc closes) that opens when mounted and
 * reports Esc to its owner instead of closing itself, so the owner decides what closing
 * discards. Focus goes to `initialFocus` when given (else where the browser puts it),
 * and back to what had it before once the dialog goes, if that is still on the page.
 */
export function ModalDialog({
  labelledBy,
  onClose,
  children,
  className = 'settings-dialog',
  initialFocus,
}: {
  labelledBy: string;
  onClose: () => void;
  children: ReactNode;
  className?: string;
  initialFocus?: RefObject<HTMLElement | null>;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  // Read once, at mount: what to give focus back to.
  const [returnFocus] = useState(() => document.activeElement);
  useEffect(() => {
    const el = dialog.current;
    if (el && !el.open) el.showModal();
    initialFocus?.current?.focus();
    return () => {
      if (returnFocus instanceof HTMLElement && returnFocus.isConnected) returnFocus.focus();
    };
  }, [initialFocus, returnFocus]);
  return (
    <dialog
      ref={dialog}
      className={className}
      aria-labelledby={labelledBy}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      {children}
    </dialog>
  );
}
