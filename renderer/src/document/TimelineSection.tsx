import { memo, useCallback, useId, useRef, useState } from 'react';
import {
  insertTimelineEvents,
  newTimelineEvent,
  removeTimelineEvent,
  sortTimelineByTime,
  updateTimelineEvent,
} from '../../../shared/edits';
import { TIMELINE_KIND_LABELS } from '../../../shared/labels';
import {
  MILESTONES,
  TIMELINE_KINDS,
  type Milestone,
  type TimelineEvent,
  type TimelineKind,
} from '../../../shared/model';
import { formatHhMm, rowsFromPaste } from '../../../shared/time';
import { MILESTONE_LABELS, timelineGaps } from '../../../shared/timeline';
import { useDocument, useDocumentStoreApi } from './documentStore';
import { fieldKeys } from '../../../shared/prompts';
import { ProseField } from '../phrasing/ProseField';
import { TimeInput } from './fields';
import { newId, uniqueKey, useEdit } from './useEdit';
import { useVirtualRows } from './useVirtualRows';

/** A one-line row's height, for the rows of a long timeline not rendered yet. */
const ROW_ESTIMATE_PX = 48;
const fieldsOfRow = (id: string) => [fieldKeys.timeline(id)];

export function TimelineSection() {
  const timeline = useDocument((s) => s.doc.timeline);
  const incidentDate = useDocument((s) => s.doc.incidentDate);
  const edit = useEdit();
  const id = useId();
  // The row just added takes the focus once it renders.
  const [focusId, setFocusId] = useState<string | null>(null);
  const [pasteNote, setPasteNote] = useState<string | null>(null);
  const tbody = useRef<HTMLTableSectionElement>(null);
  const rows = useVirtualRows({
    items: timeline,
    estimateSize: ROW_ESTIMATE_PX,
    listRef: tbody,
    pinnedKey: focusId,
    fieldsOfRow,
  });

  const store = useDocumentStoreApi();
  // Row callbacks keep their identity across edits (they read the document when called),
  // so typing in one row re-renders that row, not all of them.
  const addRow = useCallback(
    (afterIndex?: number) => {
      const row = newTimelineEvent(newId());
      setFocusId(row.id);
      edit(`timeline-add:${row.id}`, (doc) => insertTimelineEvents(doc, [row], afterIndex));
    },
    [edit],
  );
  const focused = useCallback(() => setFocusId(null), []);

  /** A pasted block of timestamped lines becomes rows; returns false for ordinary text. */
  const pasteRows = useCallback(
    (text: string, index: number): boolean => {
      const { timeline: rowsNow, incidentDate: dateNow } = store.getState().doc;
      const parsed = rowsFromPaste(text, dateNow);
      if (!parsed || (parsed.rows.length < 2 && !/^\s*\S.*\s\S/.test(text))) return false;
      const rows = parsed.rows.map((r) => newTimelineEvent(newId(), { time: r.time, text: r.text }));
      const current = rowsNow[index];
      const replaceEmpty = current && current.time === '' && current.text === '';
      edit(`timeline-paste:${rows[0]?.id}`, (doc) => {
        const base = replaceEmpty && current ? removeTimelineEvent(doc, current.id) : doc;
        return insertTimelineEvents(base, rows, replaceEmpty ? index - 1 : index);
      });
      setPasteNote(
        `Added ${rows.length} row${rows.length === 1 ? '' : 's'} from the pasted text.${parsed.problems.length ? ` ${parsed.problems.join(' ')}` : ''}`,
      );
      return true;
    },
    [edit, store],
  );

  return (
    <section className="doc-section" aria-labelledby={`${id}-h`}>
      <div className="section-head">
        <h2 id={`${id}-h`}>Timeline</h2>
        <div className="section-actions">
          <button
            type="button"
            onClick={() => edit(uniqueKey('timeline-sort'), sortTimelineByTime)}
            disabled={timeline.length < 2}
          >
            Sort by time
          </button>
          <button type="button" onClick={() => addRow()}>
            Add event
          </button>
        </div>
      </div>
      <p className="muted small">
        All times UTC. Type 14:23 or 2026-03-18 14:23, or paste log lines that start with a timestamp: each becomes a
        row. Enter in an event adds the next row.
      </p>
      <GapSummary timeline={timeline} />
      {pasteNote && (
        <p className="banner" role="status">
          {pasteNote}
        </p>
      )}
      {timeline.length === 0 ? (
        <div className="empty-inline">
          <p className="muted">
            No events yet. Start with when the incident began and when it was detected: they are rarely the same moment.
          </p>
          <label className="paste-target">
            <span>Paste log or chat lines here</span>
            <textarea
              aria-label="Paste timeline lines"
              placeholder="2026-03-18 14:02:11 deploy v412 started"
              onPaste={(e) => {
                if (pasteRows(e.clipboardData.getData('text/plain'), 0)) e.preventDefault();
              }}
              value=""
              onChange={() => {}}
            />
          </label>
        </div>
      ) : (
        <div className="table-scroll">
          {/* When only some rows are rendered, the row count and indexes tell assistive tech the real size. */}
          <table className="timeline-table" aria-rowcount={rows.virtual ? timeline.length + 1 : undefined}>
            <thead>
              <tr aria-rowindex={rows.virtual ? 1 : undefined}>
                <th scope="col">Time (UTC)</th>
                <th scope="col">Event</th>
                <th scope="col">Kind</th>
                <th scope="col">Milestone</th>
                <th scope="col">Known at</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody
              ref={tbody}
              className={rows.virtual ? 'virtual-rows' : undefined}
              onFocus={rows.onFocus}
              onKeyDown={rows.onKeyDown}
            >
              {rows.slots.map((slot) => {
                if (slot.kind === 'gap')
                  return (
                    <tr key={slot.key} className="virtual-gap" aria-hidden="true">
                      <td colSpan={6} style={{ height: slot.size }} />
                    </tr>
                  );
                const event = timeline[slot.index];
                return (
                  event && (
                    <TimelineRow
                      key={event.id}
                      event={event}
                      index={slot.index}
                      incidentDate={incidentDate}
                      autoFocus={focusId === event.id}
                      onFocused={focused}
                      onAddBelow={addRow}
                      onPaste={pasteRows}
                      measureRef={rows.measureRef}
                    />
                  )
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

const TimelineRow = memo(function TimelineRow({
  event,
  index,
  incidentDate,
  autoFocus,
  onFocused,
  onAddBelow,
  onPaste,
  measureRef,
}: {
  event: TimelineEvent;
  index: number;
  incidentDate: string;
  autoFocus: boolean;
  onFocused: () => void;
  onAddBelow: (index: number) => void;
  onPaste: (text: string, index: number) => boolean;
  /** Set when the table renders only some rows (useVirtualRows). */
  measureRef: ((el: HTMLElement | null) => void) | undefined;
}) {
  const edit = useEdit();
  const n = index + 1;
  const update = (field: string, patch: Partial<TimelineEvent>) =>
    edit(`timeline:${event.id}:${field}`, (doc) => updateTimelineEvent(doc, event.id, patch));
  return (
    <tr
      className={event.kind === 'counter-event' ? 'counter-event' : undefined}
      ref={measureRef}
      data-index={measureRef ? index : undefined}
      data-key={measureRef ? event.id : undefined}
      aria-rowindex={measureRef ? index + 2 : undefined}
    >
      <td>
        <TimeInput
          label={`Time of event ${n}`}
          value={event.time}
          incidentDate={incidentDate}
          onCommit={(time) => update('time', { time })}
          onPasteText={(text) => onPaste(text, index)}
          inputRef={(el) => {
            if (el && autoFocus) {
              el.focus();
              onFocused();
            }
          }}
        />
      </td>
      <td>
        <ProseField
          field={fieldKeys.timeline(event.id)}
          aria-label={`Event ${n}`}
          value={event.text}
          placeholder="What happened, or what was tried"
          onCommit={(text) => update('text', { text })}
          onPaste={(e) => {
            if (
              e.clipboardData.getData('text/plain').includes('\n') &&
              onPaste(e.clipboardData.getData('text/plain'), index)
            )
              e.preventDefault();
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
              e.preventDefault();
              onAddBelow(index);
            }
          }}
        />
      </td>
      <td>
        <select
          aria-label={`Kind of event ${n}`}
          value={event.kind}
          onChange={(e) => update('kind', { kind: e.target.value as TimelineKind })}
        >
          {TIMELINE_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {TIMELINE_KIND_LABELS[kind]}
            </option>
          ))}
        </select>
      </td>
      <td>
        <select
          aria-label={`Milestone of event ${n}`}
          value={event.milestone ?? ''}
          onChange={(e) =>
            update('milestone', { milestone: e.target.value === '' ? null : (e.target.value as Milestone) })
          }
        >
          <option value="">—</option>
          {MILESTONES.map((m) => (
            <option key={m} value={m}>
              {MILESTONE_LABELS[m]}
            </option>
          ))}
        </select>
      </td>
      <td>
        <TimeInput
          label={`Known at, event ${n}`}
          value={event.knownAt}
          incidentDate={incidentDate}
          onCommit={(knownAt) => update('knownAt', { knownAt })}
        />
      </td>
      <td>
        <button
          type="button"
          className="icon-button"
          aria-label={`Delete event ${n}`}
          onClick={() => edit(`timeline-remove:${event.id}`, (doc) => removeTimelineEvent(doc, event.id))}
        >
          ×
        </button>
      </td>
    </tr>
  );
});

function GapSummary({ timeline }: { timeline: readonly TimelineEvent[] }) {
  const gaps = timelineGaps(timeline);
  return (
    <dl className="gaps" aria-label="Derived from the milestones">
      {gaps.map((gap) => (
        <div key={gap.key} className="gap">
          <dt>{gap.label}</dt>
          <dd>{gap.minutes === null ? <span className="muted small">{gap.note}</span> : formatHhMm(gap.minutes)}</dd>
        </div>
      ))}
    </dl>
  );
}
