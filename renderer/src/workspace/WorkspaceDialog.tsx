import { useId, useState } from 'react';
import type { WorkspaceStatus } from '../../../shared/workspace';
import { ModalDialog } from '../app/ModalDialog';
import { usePlatform } from '../app/platformContext';
import { useWorkspaceStatus } from './useWorkspaceStatus';

/** Settings: keep the library in a folder the team shares (desktop app only). */
export function WorkspaceDialog({ onClose }: { onClose: () => void }) {
  const platform = usePlatform();
  const [status, onStatus] = useWorkspaceStatus();
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  const run = async (action: () => Promise<WorkspaceStatus>) => {
    try {
      onStatus(await action());
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  const available = status?.available ?? platform.kind === 'electron';

  return (
    <ModalDialog labelledBy={`${id}-title`} onClose={onClose}>
      <h2 id={`${id}-title`}>Keep the library in a folder</h2>
      <p className="muted small">
        Every postmortem is also saved in a folder you choose, such as a git repository or a synced drive: a markdown
        file to read and review, and a <code>.json</code> file the app reads back. When teammates change those files
        (after a <code>git pull</code>, say), their changes show up here.
      </p>
      {!available ? (
        <p role="note">
          This needs the desktop app: a browser page cannot keep watching a folder on your disk. Here, use Export to
          save a markdown copy of a postmortem.
        </p>
      ) : (
        <>
          <p>
            {status?.folder ? (
              <>
                Folder: <code>{status.folder}</code>
              </>
            ) : (
              'No folder chosen; the library is kept only inside the app.'
            )}
          </p>
          {(error ?? status?.error) && (
            <p className="banner banner-error" role="alert">
              {error ?? status?.error}
            </p>
          )}
          {status && status.conflicts.length > 0 && (
            <section aria-labelledby={`${id}-conflicts`}>
              <h3 id={`${id}-conflicts`}>Changed in both places</h3>
              <p className="muted small">The version you do not keep is saved beside it as a conflict copy.</p>
              <ul>
                {status.conflicts.map((c) => (
                  <li key={c.id}>
                    {c.title} (<code>{c.file}</code>){' '}
                    <span role="group" aria-label={`Version of ${c.title} to keep`}>
                      <button
                        type="button"
                        onClick={() => void run(() => platform.resolveWorkspaceConflict(c.id, 'app'))}
                      >
                        Keep my version
                      </button>{' '}
                      <button
                        type="button"
                        onClick={() => void run(() => platform.resolveWorkspaceConflict(c.id, 'folder'))}
                      >
                        Keep the folder’s version
                      </button>
                    </span>
                  </li>
                ))}
              </ul>
            </section>
          )}
          {status && status.problems.length > 0 && (
            <section aria-labelledby={`${id}-problems`}>
              <h3 id={`${id}-problems`}>Files the app does not use</h3>
              <p className="muted small">These were left as they are; nothing in the folder is deleted.</p>
              <ul>
                {status.problems.map((p) => (
                  <li key={p.file}>
                    <code>{p.file}</code>: {p.message}
                  </li>
                ))}
              </ul>
            </section>
          )}
        </>
      )}
      <div className="dialog-actions">
        {available && (
          <>
            <button type="button" onClick={() => void run(() => platform.chooseWorkspaceFolder())}>
              {status?.folder ? 'Choose another folder…' : 'Choose folder…'}
            </button>
            {status?.folder && (
              <>
                <button type="button" onClick={() => void run(() => platform.rescanWorkspace())}>
                  Check the folder now
                </button>
                <button type="button" onClick={() => void run(() => platform.stopWorkspaceFolder())}>
                  Stop using this folder
                </button>
              </>
            )}
          </>
        )}
        <span className="spacer" />
        <button type="button" className="primary" onClick={onClose} autoFocus={!available}>
          Close
        </button>
      </div>
    </ModalDialog>
  );
}
