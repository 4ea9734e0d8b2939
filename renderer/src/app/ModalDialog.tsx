import { useEffect, useRef, type ReactNode } from 'react';

/**
 * A native modal dialog (focus kept inside, Esc closes) that opens when mounted and
 * reports Esc to its owner instead of closing itself, so the owner decides what closing
 * discards.
 */
export function ModalDialog({
  labelledBy,
  onClose,
  children,
}: {
  labelledBy: string;
  onClose: () => void;
  children: ReactNode;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const el = dialog.current;
    if (el && !el.open) el.showModal();
  }, []);
  return (
    <dialog
      ref={dialog}
      className="settings-dialog"
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
