import { memo, useCallback, useId, useMemo, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { actionItemIssues, formatActionItemId, isSafeWebUrl, PRIORITY_MEANING } from '../../../shared/actionItems';
import { addActionItem, removeActionItem, updateActionItem } from '../../../shared/edits';
import { PRIORITIES, type ActionItem, type Priority } from '../../../shared/model';
import { rootCauses, type RootCause } from '../../../shared/whys';
import { useDocument } from './documentStore';
import { fieldKeys } from '../../../shared/prompts';
import { ProseField } from '../phrasing/ProseField';
import { DateInput } from './fields';
import { newId, todayUtc, uniqueKey, useEdit } from './useEdit';
import { useVirtualRows } from './useVirtualRows';

/** An item's usual height (three rows of fields), for the items of a long list not rendered yet. */
const ITEM_ESTIMATE_PX = 213;
/** The space between items of a long list: their margin-bottom in styles.css (.action-items.virtual-rows). */
const ITEM_GAP_PX = 10;
const fieldsOfItem = (id: string) => [
  fieldKeys.actionItem(id, 'description'),
  fieldKeys.actionItem(id, 'successCriteria'),
];

export function ActionItemsSection() {
  const items = useDocument((s) => s.doc.actionItems);
  // Root causes as flat strings, compared item by item: typing in a why that is not a
  // root cause (or in a factor) leaves the list, and so the 200 rows, untouched.
  const flatCauses = useDocument(useShallow((s) => rootCauses(s.doc).flatMap((c) => [c.id, c.text, c.source])));
  const edit = useEdit();
  const id = useId();
  // The row just added takes the focus once it renders.
  const [focusId, setFocusId] = useState<string | null>(null);
  const causes = useMemo(() => {
    const list: RootCause[] = [];
    for (let i = 0; i + 2 < flatCauses.length; i += 3)
      list.push({
        id: flatCauses[i] ?? '',
        text: flatCauses[i + 1] ?? '',
        source: flatCauses[i + 2] as RootCause['source'],
      });
    return list;
  }, [flatCauses]);
  const focused = useCallback(() => setFocusId(null), []);
  const list = useRef<HTMLOListElement>(null);
  const rows = useVirtualRows({
    items,
    estimateSize: ITEM_ESTIMATE_PX,
    listRef: list,
    pinnedKey: focusId,
    gap: ITEM_GAP_PX,
    fieldsOfRow: fieldsOfItem,
  });

  const add = () => {
    const itemId = newId();
    setFocusId(itemId);
    edit(`action-add:${itemId}`, (doc) => addActionItem(doc, itemId, todayUtc()));
  };

  return (
    <section className="doc-section" aria-labelledby={`${id}-h`}>
      <div className="section-head">
        <h2 id={`${id}-h`}>Action Items</h2>
        <button type="button" onClick={add}>
          Add action item
        </button>
      </div>
      <p className="muted small">
        Each needs one owner, a due date (the priority suggests one, counted from the review date), success criteria
        that say how to verify it, and a tracking link. Items that live only in this document get forgotten.
      </p>
      {items.length === 0 ? (
        <p className="muted">No action items yet.</p>
      ) : (
        <ol
          ref={list}
          className={`action-items ${rows.virtual ? 'virtual-rows' : ''}`}
          onFocus={rows.onFocus}
          onKeyDown={rows.onKeyDown}
        >
          {rows.slots.map((slot) => {
            if (slot.kind === 'gap')
              return <li key={slot.key} className="virtual-gap" aria-hidden="true" style={{ height: slot.size }} />;
            const item = items[slot.index];
            return (
              item && (
                <ActionItemRow
                  key={item.id}
                  item={item}
                  causes={causes}
                  autoFocus={focusId === item.id}
                  onFocused={focused}
                  index={slot.index}
                  // The position in the whole list, for assistive tech, when only some items render.
                  setSize={rows.virtual ? items.length : undefined}
                  measureRef={rows.measureRef}
                />
              )
            );
          })}
        </ol>
      )}
    </section>
  );
}

const ActionItemRow = memo(function ActionItemRow({
  item,
  causes,
  autoFocus,
  onFocused,
  index,
  setSize,
  measureRef,
}: {
  item: ActionItem;
  causes: RootCause[];
  autoFocus: boolean;
  onFocused: () => void;
  index: number;
  setSize: number | undefined;
  /** Set when the list renders only some items (useVirtualRows). */
  measureRef: ((el: HTMLElement | null) => void) | undefined;
}) {
  const edit = useEdit();
  const label = formatActionItemId(item.number);
  const issues = item.done ? [] : actionItemIssues(item);
  const update = (field: string, patch: Partial<ActionItem>) =>
    edit(`action:${item.id}:${field}`, (doc) => updateActionItem(doc, item.id, patch, todayUtc()));
  return (
    <li
      className={`action-item ${item.done ? 'action-done' : ''}`}
      aria-label={label}
      ref={measureRef}
      data-index={measureRef ? index : undefined}
      data-key={measureRef ? item.id : undefined}
      aria-setsize={setSize}
      aria-posinset={setSize === undefined ? undefined : index + 1}
    >
      <div className="action-head">
        <span className="action-id">{label}</span>
        <ProseField
          field={fieldKeys.actionItem(item.id, 'description')}
          aria-label={`${label} action`}
          value={item.description}
          placeholder="A specific change, e.g. the deploy pipeline fails when a migration exits non-zero"
          ref={(el) => {
            if (el && autoFocus) {
              el.focus();
              onFocused();
            }
          }}
          onCommit={(description) => update('description', { description })}
        />
        <label className="checkbox">
          <input
            type="checkbox"
            checked={item.done}
            onChange={(e) => update(uniqueKey('done'), { done: e.target.checked })}
          />
          Done{item.done && item.doneAt ? ` ${item.doneAt}` : ''}
        </label>
        <button
          type="button"
          className="icon-button"
          aria-label={`Delete ${label}`}
          onClick={() => edit(`action-remove:${item.id}`, (doc) => removeActionItem(doc, item.id))}
        >
          ×
        </button>
      </div>
      <div className="action-fields">
        <label>
          <span>Owner</span>
          <input
            value={item.owner}
            placeholder="One person"
            onChange={(e) => update('owner', { owner: e.target.value })}
          />
        </label>
        <label>
          <span>Priority</span>
          <select
            value={item.priority}
            title={PRIORITY_MEANING[item.priority]}
            onChange={(e) => update(uniqueKey('priority'), { priority: e.target.value as Priority })}
          >
            {PRIORITIES.map((p) => (
              <option key={p} value={p} title={PRIORITY_MEANING[p]}>
                {p}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>Due date</span>
          <DateInput
            label={`${label} due date`}
            value={item.dueDate}
            onCommit={(dueDate) => update('dueDate', { dueDate })}
          />
        </label>
        <label>
          <span>Addresses</span>
          <select
            value={item.addresses ?? ''}
            onChange={(e) =>
              update(uniqueKey('addresses'), { addresses: e.target.value === '' ? null : e.target.value })
            }
          >
            <option value="">{causes.length === 0 ? 'Mark a root cause first' : 'No root cause chosen'}</option>
            {causes.map((c) => (
              <option key={c.id} value={c.id}>
                {c.text.slice(0, 80) || '(untitled root cause)'}
              </option>
            ))}
          </select>
        </label>
        <label className="wide">
          <span>Success criteria</span>
          <ProseField
            field={fieldKeys.actionItem(item.id, 'successCriteria')}
            value={item.successCriteria}
            placeholder="How anyone can verify it is done"
            onCommit={(successCriteria) => update('successCriteria', { successCriteria })}
          />
        </label>
        <label className="wide">
          <span>Tracking link</span>
          <span className="link-field">
            <input
              value={item.trackingLink}
              placeholder="https://… or OPS-123"
              onChange={(e) => update('trackingLink', { trackingLink: e.target.value })}
            />
            {isSafeWebUrl(item.trackingLink) && (
              <a href={item.trackingLink.trim()} target="_blank" rel="noreferrer noopener">
                Open
              </a>
            )}
          </span>
        </label>
      </div>
      {issues.length > 0 && (
        <ul className="issues" aria-label={`Problems with ${label}`}>
          {issues.map((issue) => (
            <li key={issue.rule} data-rule={issue.rule}>
              <span aria-hidden="true">⚠ </span>
              {issue.message}
            </li>
          ))}
        </ul>
      )}
    </li>
  );
});
