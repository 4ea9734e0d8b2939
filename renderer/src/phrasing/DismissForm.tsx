import { useId, useState } from 'react';

/** Reasons people give most often; "Other" takes their own words. */
export const DISMISS_REASONS = [
  'Quoted from a customer or a log',
  'Not blame here',
  'Already discussed in the meeting',
];

/**
 * Asks why a prompt does not apply before hiding it: the reason is saved with the
 * document, so a reviewer can see what was waved through and why.
 */
export function DismissForm({ onDismiss, onCancel }: { onDismiss: (reason: string) => void; onCancel: () => void }) {
  const id = useId();
  const [choice, setChoice] = useState(DISMISS_REASONS[0] ?? '');
  const [other, setOther] = useState('');
  const reason = choice === 'other' ? other.trim() : choice;
  return (
    <form
      className="dismiss-form"
      aria-label="Dismiss this prompt"
      onSubmit={(e) => {
        e.preventDefault();
        if (reason) onDismiss(reason);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          onCancel();
        }
      }}
    >
      <label htmlFor={`${id}-reason`}>Why does it not apply?</label>
      <select id={`${id}-reason`} value={choice} onChange={(e) => setChoice(e.target.value)} autoFocus>
        {DISMISS_REASONS.map((r) => (
          <option key={r} value={r}>
            {r}
          </option>
        ))}
        <option value="other">Other…</option>
      </select>
      {choice === 'other' && (
        <input
          aria-label="Your reason"
          value={other}
          maxLength={500}
          placeholder="In a few words"
          onChange={(e) => setOther(e.target.value)}
          autoFocus
        />
      )}
      <div className="dismiss-actions">
        <button type="submit" disabled={!reason}>
          Dismiss
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
