import { usePromptSettings } from '../phrasing/promptSettings';
import { useCallback, useEffect, useState } from 'react';
import type { LibraryListing, StorageNotice } from '../../../shared/api';
import { displayTitle, duplicatePostmortem, overdueUrgentInRows } from '../../../shared/documents';
import type { LibraryRow } from '../../../shared/model';
import { usePlatform } from '../app/platformContext';
import { isTyping } from '../app/isTyping';
import { fetchEditorAhead } from '../app/screens';
import { KIND_LABELS } from '../../../shared/writeUp';
import { formatEdited } from './formatEdited';
import { takeListing } from './startupListing';
import { WorkspaceDialog } from '../workspace/WorkspaceDialog';

interface Props {
  onOpen: (id: string) => void;
  onTracker: () => void;
  onMetrics: () => void;
  onCreate: () => void;
  onImport: () => Promise<void>;
}

export function LibraryScreen({ onOpen, onCreate, onImport, onTracker, onMetrics }: Props) {
  const { openSettings } = usePromptSettings();
  const platform = usePlatform();
  const [listing, setListing] = useState<LibraryListing | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [undoable, setUndoable] = useState<LibraryRow | null>(null);
  const [showTrash, setShowTrash] = useState(false);
  const [workspaceOpen, setWorkspaceOpen] = useState(false);
  // Repairs are reported once by storage; keep them on screen until dismissed.
  const [notices, setNotices] = useState<StorageNotice[]>([]);

  // Overdue P0/P1 action items across the library, shown as soon as the app opens: counted
  // from the library rows, so no document is read in full for it.
  const urgent = listing ? overdueUrgentInRows(listing.rows, new Date().toISOString().slice(0, 10)) : 0;

  const [reloads, setReloads] = useState(0);
  const refresh = useCallback(() => setReloads((n) => n + 1), []);

  useEffect(() => {
    let cancelled = false;
    takeListing(platform).then(
      (next) => {
        if (cancelled) return;
        setListing(next);
        if (next.notices.length > 0) setNotices((shown) => [...shown, ...next.notices]);
        setError(null);
      },
      (e: unknown) => {
        if (!cancelled) setError(`The library could not be read: ${messageOf(e)}`);
      },
    );
    return () => {
      cancelled = true;
    };
  }, [platform, reloads]);

  // Once the rows are on screen (the frame after they render), the editor's files are
  // fetched ahead, ready for the postmortem about to be opened.
  const listed = listing !== null;
  useEffect(() => {
    if (!listed) return;
    const frame = requestAnimationFrame(() => setTimeout(fetchEditorAhead, 0));
    return () => cancelAnimationFrame(frame);
  }, [listed]);

  const act = async (what: string, action: () => Promise<unknown>) => {
    try {
      await action();
    } catch (e) {
      setError(`${what} failed: ${messageOf(e)}`);
    }
    refresh();
  };

  const trash = (row: LibraryRow) =>
    act('Moving to the trash', async () => {
      await platform.trashDocument(row.id);
      setUndoable(row);
    });
  const restore = (row: LibraryRow) =>
    act('Restoring', async () => {
      await platform.restoreDocument(row.id);
      setUndoable(null);
    });
  const purge = (row: LibraryRow) => {
    const ok = window.confirm(`Delete "${displayTitle(row.title)}" for good? This cannot be undone.`);
    if (ok) void act('Deleting', () => platform.purgeDocument(row.id));
  };
  const duplicate = (row: LibraryRow) =>
    act('Duplicating', async () => {
      const { doc } = await platform.loadDocument(row.id);
      await platform.saveDocument(duplicatePostmortem(doc, crypto.randomUUID(), new Date().toISOString()));
    });

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (isTyping(event.target) || event.ctrlKey || event.metaKey || event.altKey) return;
      // A dialog (new postmortem, settings) has the keyboard: N and I are not for the library.
      if (document.querySelector('dialog[open]')) return;
      if (event.key === 'n' || event.key === 'N') {
        event.preventDefault();
        onCreate();
      } else if (event.key === 'i' || event.key === 'I') {
        event.preventDefault();
        void onImport();
      } else if (event.key === 'm' || event.key === 'M') {
        event.preventDefault();
        onMetrics();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onCreate, onImport, onMetrics]);

  return (
    <main className="library">
      <header className="library-header">
        <h1>Postmortem Studio</h1>
        <span className="header-actions">
          <button
            type="button"
            onClick={onTracker}
            className={urgent > 0 ? 'tracker-button has-overdue' : 'tracker-button'}
          >
            Action items
            {urgent > 0 && (
              <strong>
                {' '}
                <span aria-hidden="true">⚠</span> {urgent} P0/P1 overdue
              </strong>
            )}
          </button>
          <button type="button" onClick={onMetrics} aria-keyshortcuts="M">
            Program metrics <kbd>M</kbd>
          </button>
          <button type="button" onClick={openSettings}>
            Phrasing settings…
          </button>
          <button type="button" onClick={() => setWorkspaceOpen(true)}>
            Workspace folder…
          </button>
          {workspaceOpen && <WorkspaceDialog onClose={() => setWorkspaceOpen(false)} />}
          <button type="button" onClick={() => void onImport()} aria-keyshortcuts="I">
            Import markdown… <kbd>I</kbd>
          </button>
          <button type="button" className="primary" onClick={onCreate} aria-keyshortcuts="N">
            New postmortem <kbd>N</kbd>
          </button>
        </span>
      </header>

      {error && (
        <p className="banner banner-error" role="alert">
          {error}
        </p>
      )}
      {notices.map((notice) => (
        <p key={notice.id + notice.message} className="banner banner-warning" role="status">
          {notice.message}{' '}
          <button
            type="button"
            className="link-button"
            onClick={() => setNotices((shown) => shown.filter((n) => n !== notice))}
          >
            Dismiss
          </button>
        </p>
      ))}
      {undoable && (
        <p className="banner" role="status">
          “{displayTitle(undoable.title)}” was moved to the trash.{' '}
          <button type="button" className="link-button" onClick={() => void restore(undoable)}>
            Undo
          </button>
        </p>
      )}

      {listing === null ? (
        <p className="muted">Loading the library…</p>
      ) : listing.rows.length === 0 ? (
        <section className="empty-state" aria-labelledby="empty-title">
          <h2 id="empty-title">No postmortems yet</h2>
          <p>
            Start one as soon as the incident is over, while the details are fresh: give it a title and the incident
            date, then fill in the rest before the review meeting. Everything saves as you type and stays on this
            computer.
          </p>
          <button type="button" className="primary" onClick={onCreate}>
            Start your first postmortem
          </button>
        </section>
      ) : (
        <LibraryTable rows={listing.rows} onOpen={onOpen} onDuplicate={duplicate} onTrash={trash} />
      )}

      {listing && listing.trash.length > 0 && (
        <section className="trash" aria-label="Trash">
          <button
            type="button"
            className="link-button"
            aria-expanded={showTrash}
            onClick={() => setShowTrash(!showTrash)}
          >
            {showTrash ? 'Hide' : 'Show'} trash ({listing.trash.length})
          </button>
          {showTrash && (
            <ul className="trash-list">
              {listing.trash.map((row) => (
                <li key={row.id}>
                  <span className="trash-title">{displayTitle(row.title)}</span>
                  <button type="button" onClick={() => void restore(row)}>
                    Restore
                  </button>
                  <button type="button" className="danger" onClick={() => purge(row)}>
                    Delete for good
                  </button>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </main>
  );
}

function LibraryTable({
  rows,
  onOpen,
  onDuplicate,
  onTrash,
}: {
  rows: LibraryRow[];
  onOpen: (id: string) => void;
  onDuplicate: (row: LibraryRow) => Promise<void>;
  onTrash: (row: LibraryRow) => Promise<void>;
}) {
  return (
    <table className="library-table">
      <thead>
        <tr>
          <th scope="col">Title</th>
          <th scope="col">Incident date</th>
          <th scope="col">Severity</th>
          <th scope="col">Status</th>
          <th scope="col">Last edited</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr
            key={row.id}
            onKeyDown={(event) => {
              if (event.key === 'Delete' && !isTyping(event.target)) void onTrash(row);
            }}
          >
            <td className="title-cell">
              <button type="button" className="row-open" onClick={() => onOpen(row.id)}>
                {displayTitle(row.title)}
              </button>
              {/* Under the title rather than a column of its own: the title needs the width. */}
              <span className="row-kind">{KIND_LABELS[row.kind]}</span>
            </td>
            <td>{row.incidentDate || '—'}</td>
            <td>
              <span className={`severity severity-${row.severity.slice(-1)}`}>{row.severity}</span>
            </td>
            <td>{row.status}</td>
            <td title={row.updatedAt}>{formatEdited(row.updatedAt, new Date())}</td>
            <td className="row-actions">
              <button
                type="button"
                onClick={() => void onDuplicate(row)}
                aria-label={`Duplicate ${displayTitle(row.title)}`}
              >
                Duplicate
              </button>
              <button type="button" onClick={() => void onTrash(row)} aria-label={`Delete ${displayTitle(row.title)}`}>
                Delete
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
