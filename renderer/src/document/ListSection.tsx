import { useId, useRef } from 'react';
import { usePaintedOnce } from '../app/afterNextPaint';
import { insertListItem, removeListItem, updateListItem } from '../../../shared/edits';
import { useDocument } from './documentStore';
import { fieldKeys } from '../../../shared/prompts';
import { ProseField } from '../phrasing/ProseField';
import { uniqueKey, useEdit } from './useEdit';

/** A bullet list: Enter adds the next item, Backspace in an empty item removes it. */
export function ListSection({
  listKey,
  title,
  emptyText,
}: {
  listKey: 'wentWell' | 'wentPoorly';
  title: string;
  emptyText: string;
}) {
  const items = useDocument((s) => s.doc[listKey]);
  const edit = useEdit();
  const id = useId();
  const focusIndex = useRef<number | null>(null);
  const fields = useRef<(HTMLTextAreaElement | null)[]>([]);
  // The lists sit below the timeline and the whys, far below the fold of a postmortem
  // opened at the top: their items (a prose field each, dozens in a long postmortem)
  // mount just after the document's first paint rather than in it, which they delayed.
  const painted = usePaintedOnce();

  const insert = (afterIndex: number) => {
    focusIndex.current = afterIndex + 1;
    edit(uniqueKey(`${listKey}-add`), (doc) => insertListItem(doc, listKey, afterIndex));
  };

  return (
    <section className="doc-section" aria-labelledby={`${id}-h`}>
      <div className="section-head">
        <h2 id={`${id}-h`}>{title}</h2>
        <button type="button" onClick={() => insert(items.length - 1)}>
          Add item
        </button>
      </div>
      {items.length === 0 ? (
        <p className="muted">{emptyText}</p>
      ) : (
        <ul className="bullet-list">
          {(painted ? items : []).map((item, index) => (
            // Items have no ids; index keys are right here because edits never reorder them.
            <li key={index}>
              <ProseField
                field={fieldKeys.list(listKey, index)}
                aria-label={`${title}, item ${index + 1}`}
                value={item}
                ref={(el) => {
                  fields.current[index] = el;
                  if (el && focusIndex.current === index) {
                    el.focus();
                    focusIndex.current = null;
                  }
                }}
                onCommit={(text) => edit(`${listKey}:${index}`, (doc) => updateListItem(doc, listKey, index, text))}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
                    e.preventDefault();
                    insert(index);
                  } else if (e.key === 'Backspace' && e.currentTarget.value === '') {
                    e.preventDefault();
                    edit(uniqueKey(`${listKey}-remove`), (doc) => removeListItem(doc, listKey, index));
                    fields.current[index - 1]?.focus();
                  }
                }}
              />
              <button
                type="button"
                className="icon-button"
                aria-label={`Delete ${title.toLowerCase()} item ${index + 1}`}
                onClick={() => edit(uniqueKey(`${listKey}-remove`), (doc) => removeListItem(doc, listKey, index))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
