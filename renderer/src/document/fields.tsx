import { useState, type KeyboardEvent } from 'react';
import { isRealDate } from '../../../shared/model';
import { formatUtc, parseTimestamp } from '../../../shared/time';

/**
 * A native date field that hands only real calendar dates (or empty) to the document.
 * It keeps its own draft so a half-typed year ("0002" on the way to "2026") is not
 * wiped by the controlled value; a date that stays invalid is reported on leaving.
 */
export function DateInput({
  id,
  value,
  onCommit,
  label,
}: {
  id?: string;
  value: string;
  onCommit: (value: string) => void;
  label?: string;
}) {
  const [draft, setDraft] = useState(value);
  const [shown, setShown] = useState(value);
  const [problem, setProblem] = useState<string | null>(null);
  if (value !== shown) {
    // The document changed from elsewhere (undo, redo): show it.
    setShown(value);
    setDraft(value);
  }
  const errorId = `${id ?? label}-error`;
  return (
    <>
      <input
        id={id}
        aria-label={label}
        type="date"
        value={draft}
        max="9999-12-31"
        aria-invalid={problem !== null}
        aria-describedby={problem ? errorId : undefined}
        onChange={(e) => {
          const next = e.target.value;
          setDraft(next);
          if (next === '' || isRealDate(next)) {
            setProblem(null);
            setShown(next);
            onCommit(next);
          }
        }}
        onBlur={(e) => {
          const badInput = e.target.validity.badInput;
          setProblem(badInput ? 'This date is incomplete or does not exist, so it was not saved.' : null);
        }}
      />
      {problem && (
        <small id={errorId} className="field-error" role="alert">
          {problem}
        </small>
      )}
    </>
  );
}

/**
 * A UTC time field: accepts 14:23, 2026-03-18 14:23, ISO 8601 and log-style stamps,
 * normalises on Enter or leaving the field, and keeps what was typed (with a message)
 * when it is not a time, so nothing is lost.
 */
export function TimeInput({
  value,
  incidentDate,
  onCommit,
  label,
  onPasteText,
  inputRef,
  onKeyDown,
}: {
  value: string;
  incidentDate: string;
  onCommit: (value: string) => void;
  label: string;
  onPasteText?: (text: string) => boolean;
  inputRef?: (el: HTMLInputElement | null) => void;
  onKeyDown?: (event: KeyboardEvent<HTMLInputElement>) => void;
}) {
  const display = (v: string) => (isIso(v) ? formatUtc(v, incidentDate) : v);
  const [draft, setDraft] = useState(() => display(value));
  const [shown, setShown] = useState(value);
  const [problem, setProblem] = useState<string | null>(null);
  if (value !== shown) {
    setShown(value);
    setDraft(display(value));
  }
  const commit = () => {
    if (draft.trim() === '') {
      setProblem(null);
      if (value !== '') onCommit('');
      return;
    }
    if (draft === display(value)) return;
    const parsed = parseTimestamp(draft, incidentDate);
    if (parsed.ok) {
      setProblem(null);
      setShown(parsed.iso);
      setDraft(display(parsed.iso));
      onCommit(parsed.iso);
    } else {
      setProblem(parsed.error);
      setShown(draft);
      onCommit(draft);
    }
  };
  // The local-time hint is written when the pointer comes over the field, not at render:
  // the page's first date formatter loads the locale's data (~0.1 s here), which opening
  // a long timeline paid before its first paint.
  const showLocalTime = (input: HTMLInputElement) => {
    if (isIso(value)) input.title = `Your local time: ${localTime().format(new Date(value))}`;
    else input.removeAttribute('title');
  };
  return (
    <span className="time-input">
      <input
        ref={inputRef}
        aria-label={label}
        value={draft}
        placeholder="hh:mm"
        aria-invalid={problem !== null}
        onPointerEnter={(e) => showLocalTime(e.currentTarget)}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onPaste={(e) => {
          if (onPasteText?.(e.clipboardData.getData('text/plain'))) e.preventDefault();
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
          onKeyDown?.(e);
        }}
      />
      {problem && (
        <small className="field-error" role="alert">
          {problem}
        </small>
      )}
    </span>
  );
}

let localFormat: Intl.DateTimeFormat | undefined;
/**
 * The person's local time for a field's tooltip. One formatter for all fields: building
 * one (what toLocaleString with options does on each call) costs more than the rest of
 * the field's render, and a long timeline has two time fields per row.
 */
function localTime(): Intl.DateTimeFormat {
  localFormat ??= new Intl.DateTimeFormat([], { hour: '2-digit', minute: '2-digit', month: 'short', day: 'numeric' });
  return localFormat;
}

function isIso(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?(\.\d+)?Z$/.test(value);
}
