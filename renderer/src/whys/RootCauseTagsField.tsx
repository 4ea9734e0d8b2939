import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { useWhyActions } from './whyUi';
import { isAppChord } from '../app/isTyping';

/**
 * The tags of a root cause, in its node editor: Enter adds what is typed, Backspace in
 * the empty field removes the last tag, Enter or Escape in the empty field stops
 * editing. A tag that cannot be stored stays in the field with a sentence saying why.
 */
export function RootCauseTagsField({ id, tags }: { id: string; tags: readonly string[] }) {
  const actions = useWhyActions();
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const labelId = useId();
  const noteId = useId();

  const add = (): boolean => {
    const reason = actions.addTag(id, draft);
    setError(reason);
    if (reason === null) setDraft('');
    return reason === null;
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    // Keys stay in the editor, except the app's own chords (panels, library, shortcuts).
    if (!isAppChord(event)) event.stopPropagation();
    if (event.nativeEvent.isComposing) return;
    const empty = draft.trim() === '';
    if (event.key === 'Enter') {
      event.preventDefault();
      if (empty) actions.stopEditing();
      else add();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      actions.stopEditing();
    } else if (event.key === 'Tab' && !event.shiftKey) {
      // The last field of the editor: Tab hands the keyboard back to the graph.
      event.preventDefault();
      if (empty || add()) actions.stopEditing();
    } else if (event.key === 'Backspace' && draft === '' && tags.length > 0) {
      event.preventDefault();
      const last = tags[tags.length - 1];
      if (last !== undefined) actions.removeTag(id, last);
      setError(null);
    }
  };

  return (
    <div className="why-tags-field" role="group" aria-labelledby={labelId}>
      <span id={labelId}>Root-cause tags</span>
      <div className="why-tags-box">
        {tags.length > 0 && (
          <ul className="why-tags" aria-label="Tags">
            {tags.map((tag) => (
              <li key={tag}>
                {tag}
                <button
                  type="button"
                  tabIndex={-1}
                  aria-label={`Remove tag ${tag}`}
                  title="Remove (Backspace in the empty field removes the last)"
                  // Keeps the keyboard in the field: a focused button that disappears drops focus on the page.
                  onMouseDown={(e) => e.preventDefault()}
                  onClick={() => {
                    actions.removeTag(id, tag);
                    input.current?.focus();
                  }}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        )}
        <input
          ref={input}
          className="why-tag-input"
          aria-labelledby={labelId}
          aria-describedby={noteId}
          aria-invalid={error !== null}
          value={draft}
          placeholder={tags.length === 0 ? 'config-push, no-canary…' : 'Another tag'}
          spellCheck={false}
          onChange={(e) => {
            setDraft(e.target.value);
            setError(null);
          }}
          onKeyDown={onKeyDown}
        />
      </div>
      {error ? (
        <p id={noteId} className="field-error" role="alert">
          {error}
        </p>
      ) : (
        <p id={noteId} className="hint">
          Enter adds a tag; root causes that share one count as a repeat incident.
        </p>
      )}
    </div>
  );
}
