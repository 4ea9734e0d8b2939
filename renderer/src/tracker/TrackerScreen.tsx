/**
 * Every action item of every postmortem in one list, so none is forgotten inside its
 * document: filter, sort by due date, mark done (the postmortem is updated), and take
 * the open ones to a tracker (CSV) or a weekly review (a checklist by owner).
 */
import { useCallback, useEffect, useId, useMemo, useState } from 'react';
import { updateActionItem } from '../../../shared/edits';
import type { Postmortem, Priority } from '../../../shared/model';
import { PRIORITIES } from '../../../shared/model';
import {
  filterItems,
  itemsChecklist,
  itemsCsv,
  overdueUrgentCount,
  owners,
  sortByDue,
  trackedItems,
  type TrackedItem,
  type TrackedStatus,
  type TrackerFilter,
} from '../../../shared/tracker';
import { usePlatform } from '../app/platformContext';
import { todayUtc } from '../document/useEdit';
import { SubScreenHeader } from '../library/SubScreenHeader';

type StatusChoice = TrackedStatus | 'not-done' | 'all';
const STATUS_LABELS: Readonly<Record<StatusChoice, string>> = {
  'not-done': 'Not done',
  overdue: 'Overdue',
  open: 'Open, not yet due',
  done: 'Done',
  all: 'All',
};

/** Loads every postmortem in the library (not the trash). */
export function useLibraryDocuments(): { docs: Postmortem[] | null; error: string | null; reload: () => void } {
  const platform = usePlatform();
  const [docs, setDocs] = useState<Postmortem[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loads, setLoads] = useState(0);
  useEffect(() => {
    let current = true;
    platform
      .listDocuments()
      .then((listing) => Promise.all(listing.rows.map((row) => platform.loadDocument(row.id))))
      .then(
        (loaded) => current && setDocs(loaded.map((l) => l.doc)),
        (e: unknown) => current && setError(e instanceof Error ? e.message : String(e)),
      );
    return () => {
      current = false;
    };
  }, [platform, loads]);
  return { docs, error, reload: useCallback(() => setLoads((n) => n + 1), []) };
}

export function TrackerScreen({ onBack, onOpen }: { onBack: () => void; onOpen: (docId: string) => void }) {
  const platform = usePlatform();
  const id = useId();
  const { docs, error, reload } = useLibraryDocuments();
  const [filter, setFilter] = useState<Omit<TrackerFilter, 'status'>>({});
  const [status, setStatus] = useState<StatusChoice>('not-done');
  const [message, setMessage] = useState<string | null>(null);
  const today = todayUtc();
  const all = useMemo(() => (docs ? trackedItems(docs, today) : []), [docs, today]);
  const shown = useMemo(
    () => sortByDue(filterItems(all, { ...filter, ...(status === 'all' ? {} : { status }) })),
    [all, filter, status],
  );
  const services = useMemo(() => [...new Set(all.flatMap((t) => t.services))].sort(), [all]);
  const urgent = overdueUrgentCount(all);

  const setDone = async (t: TrackedItem, done: boolean) => {
    try {
      const doc = docs?.find((d) => d.id === t.docId);
      if (!doc) return;
      await platform.saveDocument({
        ...updateActionItem(doc, t.item.id, { done }, today),
        updatedAt: new Date().toISOString(),
      });
      setMessage(`${t.ref} in “${t.docTitle}” marked ${done ? 'done' : 'not done'}.`);
      reload();
    } catch (e) {
      setMessage(`Not saved: ${e instanceof Error ? e.message : String(e)}`);
    }
  };

  const linkBack = (t: TrackedItem) => `Postmortem Studio, postmortem ${t.docId} (${t.ref})`;
  const exportCsv = async () => {
    const open = shown.filter((t) => t.status !== 'done');
    try {
      const receipt = await platform.exportFile(`action-items-${today}.csv`, itemsCsv(open, linkBack));
      if (receipt.saved) setMessage(`Exported ${open.length} open action item${open.length === 1 ? '' : 's'} as CSV.`);
    } catch (e) {
      setMessage(`Not exported: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  const copyChecklist = async () => {
    try {
      await navigator.clipboard.writeText(itemsChecklist(shown, today));
      setMessage('Checklist copied: paste it into your weekly review.');
    } catch {
      setMessage('The clipboard is not available here; use Export instead.');
    }
  };

  const select = (key: keyof Omit<TrackerFilter, 'status'>, value: string) =>
    setFilter((f) => {
      const next = { ...f };
      if (value === '*') delete next[key];
      else (next as Record<string, string>)[key] = value;
      return next;
    });

  return (
    <main className="library tracker">
      <SubScreenHeader
        title="Action items"
        onBack={onBack}
        readError={error ? { what: 'The action items', message: error } : null}
      />
      {urgent > 0 && (
        <p className="banner banner-warning" role="status">
          <span aria-hidden="true">⚠ </span>
          {urgent} P0/P1 action item{urgent === 1 ? ' is' : 's are'} overdue.
        </p>
      )}
      <div className="tracker-filters" role="group" aria-label="Filters">
        <label>
          <span>Status</span>
          <select value={status} onChange={(e) => setStatus(e.target.value as StatusChoice)}>
            {(Object.keys(STATUS_LABELS) as StatusChoice[]).map((s) => (
              <option key={s} value={s}>
                {STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>Owner</span>
          <select value={filter.owner ?? '*'} onChange={(e) => select('owner', e.target.value)}>
            <option value="*">Anyone</option>
            {owners(all).map((o) => (
              <option key={o} value={o}>
                {o || 'No owner'}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>Priority</span>
          <select value={filter.priority ?? '*'} onChange={(e) => select('priority', e.target.value as Priority)}>
            <option value="*">Any</option>
            {PRIORITIES.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>Service</span>
          <select value={filter.service ?? '*'} onChange={(e) => select('service', e.target.value)}>
            <option value="*">Any</option>
            {services.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>Postmortem</span>
          <select value={filter.docId ?? '*'} onChange={(e) => select('docId', e.target.value)}>
            <option value="*">All</option>
            {(docs ?? []).map((d) => (
              <option key={d.id} value={d.id}>
                {d.title || 'Untitled postmortem'}
              </option>
            ))}
          </select>
        </label>
        <span className="tracker-exports">
          <button type="button" onClick={() => void copyChecklist()} disabled={shown.length === 0}>
            Copy checklist by owner
          </button>
          <button type="button" onClick={() => void exportCsv()} disabled={shown.length === 0}>
            Export open items as CSV…
          </button>
        </span>
      </div>
      {message && (
        <p role="status" className="muted">
          {message}
        </p>
      )}
      {docs === null && !error ? (
        <p className="muted">Reading every postmortem…</p>
      ) : shown.length === 0 ? (
        <p className="empty-inline">
          {all.length === 0
            ? 'No action items yet: they appear here from every postmortem in the library.'
            : 'No action items match these filters.'}
        </p>
      ) : (
        <div className="table-scroll">
          <table className="tracker-table" aria-labelledby={`${id}-caption`}>
            <caption id={`${id}-caption`} className="visually-hidden">
              Action items, soonest due first
            </caption>
            <thead>
              <tr>
                <th scope="col">Done</th>
                <th scope="col">Due</th>
                <th scope="col">Action</th>
                <th scope="col">Owner</th>
                <th scope="col">Priority</th>
                <th scope="col">Postmortem</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((t) => (
                <tr key={`${t.docId}:${t.item.id}`} className={`tracker-${t.status}`}>
                  <td>
                    <input
                      type="checkbox"
                      checked={t.item.done}
                      aria-label={`${t.ref} of ${t.docTitle} done`}
                      onChange={(e) => void setDone(t, e.target.checked)}
                    />
                  </td>
                  <td>
                    {t.item.dueDate || '—'}
                    {t.status === 'overdue' && (
                      <strong className="tracker-overdue-label">
                        {' '}
                        <span aria-hidden="true">⚠</span> overdue
                      </strong>
                    )}
                    {t.status === 'done' && t.item.doneAt && <span className="muted small"> done {t.item.doneAt}</span>}
                  </td>
                  <td>
                    <span className="muted small">{t.ref}</span> {t.item.description || <em>no description</em>}
                  </td>
                  <td>{t.item.owner || <em className="muted">no owner</em>}</td>
                  <td>{t.item.priority}</td>
                  <td>
                    <button type="button" className="link-button" onClick={() => onOpen(t.docId)}>
                      {t.docTitle}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </main>
  );
}
