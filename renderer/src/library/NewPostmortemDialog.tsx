/**
 * Asked before a postmortem exists: its title, severity and what kind of incident it
 * was. The guide's advice on whether a full postmortem is needed updates as the answers
 * change, and picks the kind of write-up, which the person can override. Enter creates
 * from any field, Esc cancels.
 */
import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { DOCUMENT_KINDS, SEVERITIES, type DocumentKind, type Severity } from '../../../shared/vocabulary';
import { adviseWriteUp, KIND_LABELS, KIND_PURPOSES } from '../../../shared/writeUp';
import { ModalDialog } from '../app/ModalDialog';

export interface NewPostmortemChoice {
  title: string;
  severity: Severity;
  kind: DocumentKind;
}

export function NewPostmortemDialog({
  onCreate,
  onCancel,
}: {
  onCreate: (choice: NewPostmortemChoice) => void;
  onCancel: () => void;
}) {
  const id = useId();
  const titleField = useRef<HTMLInputElement>(null);
  const [title, setTitle] = useState('');
  const [severity, setSeverity] = useState<Severity>('SEV-3');
  const [nearMiss, setNearMiss] = useState(false);
  const [processFailure, setProcessFailure] = useState(false);
  // null follows the advice; a kind the person picked stays until they take the suggestion.
  const [picked, setPicked] = useState<DocumentKind | null>(null);
  const created = useRef(false);

  const advice = adviseWriteUp({ severity, nearMiss, processFailure });
  const kind = picked ?? advice.kind;

  const create = () => {
    if (created.current) return; // a second Enter before the dialog is gone
    created.current = true;
    onCreate({ title, severity, kind });
  };

  // Text fields submit on Enter by themselves; checkboxes and the selects do not.
  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    const target = event.target;
    const submitsOnEnter =
      target instanceof HTMLSelectElement || (target instanceof HTMLInputElement && target.type === 'checkbox');
    if (event.key === 'Enter' && submitsOnEnter && !event.nativeEvent.isComposing) {
      event.preventDefault();
      create();
    }
  };

  return (
    <ModalDialog
      labelledBy={`${id}-heading`}
      onClose={onCancel}
      className="settings-dialog new-postmortem-dialog"
      initialFocus={titleField}
    >
      <form
        onKeyDown={onKeyDown}
        onSubmit={(e) => {
          e.preventDefault();
          create();
        }}
      >
        <h2 id={`${id}-heading`}>New postmortem</h2>
        <div className="field">
          <label htmlFor={`${id}-title`}>Title</label>
          <input
            id={`${id}-title`}
            ref={titleField}
            value={title}
            placeholder="What happened, in a few words"
            onChange={(e) => setTitle(e.target.value)}
          />
        </div>
        {/* Answers on the left, the advice they lead to on the right: all of it fits a 720-pixel screen. */}
        <div className="new-postmortem-columns">
          <div className="new-postmortem-answers">
            <div className="field">
              <label htmlFor={`${id}-severity`}>Severity</label>
              <select id={`${id}-severity`} value={severity} onChange={(e) => setSeverity(e.target.value as Severity)}>
                {SEVERITIES.map((s) => (
                  <option key={s}>{s}</option>
                ))}
              </select>
            </div>
            <fieldset className="incident-traits">
              <legend>What kind of incident</legend>
              <label className="check-label">
                <input type="checkbox" checked={nearMiss} onChange={(e) => setNearMiss(e.target.checked)} />
                Near miss (caught before customers were affected)
              </label>
              <label className="check-label">
                <input type="checkbox" checked={processFailure} onChange={(e) => setProcessFailure(e.target.checked)} />
                Process failure with no system impact
              </label>
            </fieldset>
          </div>

          <section className="write-up-advice" aria-labelledby={`${id}-advice`} aria-live="polite">
            <h3 id={`${id}-advice`}>{advice.summary}</h3>
            <ul>
              {advice.reasons.map((reason) => (
                <li key={reason}>{reason}</li>
              ))}
            </ul>
            <p>
              Suggested write-up: <strong>{KIND_LABELS[advice.kind]}</strong>. {KIND_PURPOSES[advice.kind]}
            </p>
          </section>
        </div>

        <div className="field">
          <label htmlFor={`${id}-kind`}>Write-up</label>
          <select
            id={`${id}-kind`}
            value={kind}
            aria-describedby={`${id}-kind-purpose`}
            onChange={(e) => setPicked(e.target.value as DocumentKind)}
          >
            {DOCUMENT_KINDS.map((k) => (
              <option key={k} value={k}>
                {KIND_LABELS[k]}
              </option>
            ))}
          </select>
          <small id={`${id}-kind-purpose`} className="hint">
            {KIND_PURPOSES[kind]}
            {kind !== advice.kind && (
              <>
                {' '}
                You chose this over the suggestion.{' '}
                <button type="button" className="link-button" onClick={() => setPicked(null)}>
                  Use the suggestion
                </button>
              </>
            )}
          </small>
        </div>

        <div className="dialog-actions">
          <span className="muted small">
            <kbd>Enter</kbd> creates, <kbd>Esc</kbd> cancels
          </span>
          <span className="spacer" />
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className="primary">
            Create
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
