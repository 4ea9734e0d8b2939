import { useId, useRef, useState } from 'react';
import { addFactor, moveFactor, removeFactor, updateFactor } from '../../../shared/edits';
import { rankName } from '../../../shared/labels';
import { useDocument } from './documentStore';
import { fieldKeys } from '../../../shared/prompts';
import { ProseField } from '../phrasing/ProseField';
import { newId, uniqueKey, useEdit } from './useEdit';

/** Ranked contributing factors: reorder by drag, by Alt+Arrow keys, or with the arrow buttons. */
export function FactorsSection() {
  const factors = useDocument((s) => s.doc.contributingFactors);
  const edit = useEdit();
  const id = useId();
  const focusNext = useRef<string | null>(null);
  const [dragFrom, setDragFrom] = useState<number | null>(null);
  const [announcement, setAnnouncement] = useState('');

  const add = (afterIndex?: number) => {
    const factorId = newId();
    focusNext.current = factorId;
    edit(`factor-add:${factorId}`, (doc) => addFactor(doc, factorId, afterIndex));
  };
  const moveTo = (from: number, to: number) => {
    if (to < 0 || to >= factors.length || from === to) return;
    const movedId = factors[from]?.id ?? '';
    focusNext.current = movedId;
    edit(uniqueKey(`factor-move:${movedId}`), (doc) => moveFactor(doc, from, to));
    setAnnouncement(`Moved to ${rankName(to)}.`);
  };

  return (
    <section className="doc-section" aria-labelledby={`${id}-h`}>
      <div className="section-head">
        <h3 id={`${id}-h`}>Contributing factors</h3>
        <button type="button" onClick={() => add()}>
          Add factor
        </button>
      </div>
      <p className="muted small">
        Rank them, most important first. A root cause is a condition that, had it been different, would have prevented
        the incident; a contributory factor made it worse or longer. Alt+↑/↓ moves the factor you are editing.
      </p>
      <span className="visually-hidden" aria-live="polite">
        {announcement}
      </span>
      {factors.length === 0 ? (
        <p className="muted">No factors yet. Most incidents have several: the trigger, and what let it spread.</p>
      ) : (
        <ol className="factor-list">
          {factors.map((factor, index) => (
            <li
              key={factor.id}
              className={`factor ${dragFrom !== null && dragFrom !== index ? 'drop-target' : ''}`}
              onDragOver={(e) => dragFrom !== null && e.preventDefault()}
              onDrop={(e) => {
                e.preventDefault();
                if (dragFrom !== null) moveTo(dragFrom, index);
                setDragFrom(null);
              }}
            >
              <span
                className="drag-handle"
                draggable
                aria-hidden="true"
                title="Drag to change the rank"
                onDragStart={(e) => {
                  e.dataTransfer.setData('text/plain', factor.id);
                  setDragFrom(index);
                }}
                onDragEnd={() => setDragFrom(null)}
              >
                ⠿
              </span>
              <span className={`rank ${factor.isRootCause ? 'rank-root' : ''}`}>{rankName(index)}</span>
              <ProseField
                field={fieldKeys.factor(factor.id)}
                aria-label={`${rankName(index)} factor`}
                value={factor.text}
                placeholder="A condition in the system or process"
                ref={(el) => {
                  if (el && focusNext.current === factor.id) {
                    el.focus();
                    focusNext.current = null;
                  }
                }}
                onCommit={(text) => edit(`factor:${factor.id}`, (doc) => updateFactor(doc, factor.id, { text }))}
                onKeyDown={(e) => {
                  if (e.altKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) {
                    e.preventDefault();
                    moveTo(index, index + (e.key === 'ArrowUp' ? -1 : 1));
                  } else if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
                    e.preventDefault();
                    add(index);
                  }
                }}
              />
              <label className="checkbox">
                <input
                  type="checkbox"
                  checked={factor.isRootCause}
                  onChange={(e) =>
                    edit(uniqueKey(`factor-root:${factor.id}`), (doc) =>
                      updateFactor(doc, factor.id, { isRootCause: e.target.checked }),
                    )
                  }
                />
                Root cause
              </label>
              <span className="row-buttons">
                <button
                  type="button"
                  className="icon-button"
                  aria-label={`Move ${rankName(index)} factor up`}
                  disabled={index === 0}
                  onClick={() => moveTo(index, index - 1)}
                >
                  ↑
                </button>
                <button
                  type="button"
                  className="icon-button"
                  aria-label={`Move ${rankName(index)} factor down`}
                  disabled={index === factors.length - 1}
                  onClick={() => moveTo(index, index + 1)}
                >
                  ↓
                </button>
                <button
                  type="button"
                  className="icon-button"
                  aria-label={`Delete ${rankName(index)} factor`}
                  onClick={() => edit(`factor-remove:${factor.id}`, (doc) => removeFactor(doc, factor.id))}
                >
                  ×
                </button>
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
