import { useId, useState } from 'react';
import type { ConflictChoice, WorkspaceConflict } from '../../../shared/workspace';
import { ModalDialog } from '../app/ModalDialog';

/**
 * Asks which version of a postmortem to keep when it changed both in this app and in
 * the workspace folder. Neither choice loses anything: the other version is saved beside
 * the file as a conflict copy.
 */
export function ConflictDialog({
  conflict,
  onResolve,
  onLater,
}: {
  conflict: WorkspaceConflict;
  onResolve: (keep: ConflictChoice) => Promise<void>;
  onLater: () => void;
}) {
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const choose = async (keep: ConflictChoice) => {
    setBusy(true);
    try {
      await onResolve(keep);
    } catch (e) {
      setError(`That did not work: ${e instanceof Error ? e.message : String(e)}. Both versions are still on disk.`);
      setBusy(false);
    }
  };
  return (
    <ModalDialog labelledBy={`${id}-title`} onClose={onLater}>
      <h2 id={`${id}-title`}>“{conflict.title}” was changed in two places</h2>
      <p id={`${id}-what`}>
        Someone changed <code>{conflict.file}</code> in the workspace folder, and this copy was edited too. Pick the
        version to keep. The other one is saved next to it as a <code>.conflict-…</code> file, so nothing is lost.
      </p>
      {error && (
        <p className="banner banner-error" role="alert">
          {error}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" disabled={busy} onClick={() => void choose('app')} autoFocus>
          Keep my version
        </button>
        <button type="button" disabled={busy} onClick={() => void choose('folder')}>
          Keep the folder’s version
        </button>
        <span className="spacer" />
        <button type="button" disabled={busy} onClick={onLater}>
          Decide later
        </button>
      </div>
    </ModalDialog>
  );
}
