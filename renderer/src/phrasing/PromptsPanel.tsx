/**
 * Every phrasing prompt in the document, grouped by kind: each one jumps to its field,
 * and can be dismissed with a reason (saved with the document) or brought back.
 */
import { useDeferredValue, useMemo, useState } from 'react';
import type { PromptDismissal } from '../../../shared/model';
import { PHRASING_CATEGORIES, PHRASING_CATEGORY_IDS } from '../../../shared/phrasing';
import { dismissPrompt, documentPrompts, restorePrompt, type DocumentPrompt } from '../../../shared/prompts';
import { useDocument } from '../document/documentStore';
import { uniqueKey, useEdit } from '../document/useEdit';
import { DismissForm } from './DismissForm';
import { usePromptSettings } from './promptSettings';
import { revealField } from './revealField';

export function usePromptCount(): number {
  const { lint } = usePromptSettings();
  const doc = useDeferredValue(useDocument((s) => s.doc));
  return useMemo(() => documentPrompts(doc, lint).filter((p) => !p.dismissal).length, [doc, lint]);
}

export function PromptsPanel({ onClose }: { onClose: () => void }) {
  const { lint, settings, openSettings } = usePromptSettings();
  // Deferred: the panel catches up after typing, never in its way.
  const doc = useDeferredValue(useDocument((s) => s.doc));
  const edit = useEdit();
  const prompts = useMemo(() => documentPrompts(doc, lint), [doc, lint]);
  const open = prompts.filter((p) => !p.dismissal);
  const dismissed = prompts.filter((p) => p.dismissal);
  const groups = PHRASING_CATEGORY_IDS.map((category) => ({
    category,
    prompts: open.filter((p) => p.finding.category === category),
  })).filter((g) => g.prompts.length > 0);
  const off = settings.disabledCategories.length;

  return (
    <aside className="prompts-panel" aria-labelledby="prompts-heading">
      <div className="section-head">
        <h2 id="prompts-heading">Prompts ({open.length})</h2>
        <button type="button" onClick={onClose} aria-keyshortcuts="Control+Shift+K">
          Close
        </button>
      </div>
      <p className="muted small">
        Wording that points at people rather than the system, found as you type.{' '}
        <button type="button" className="link-button" onClick={openSettings}>
          Phrasing settings
        </button>
        {off > 0 && ` (${off} kind${off === 1 ? '' : 's'} turned off)`}
      </p>
      {open.length === 0 && (
        <p className="empty-inline">
          {prompts.length === 0
            ? 'Nothing to prompt on: no blameful phrasing in this postmortem.'
            : 'Every prompt has been dismissed.'}
        </p>
      )}
      {groups.map(({ category, prompts: inGroup }) => (
        <section key={category} className="prompt-group" aria-label={PHRASING_CATEGORIES[category].label}>
          <h3>
            {PHRASING_CATEGORIES[category].label} <span className="muted">({inGroup.length})</span>
          </h3>
          <p className="muted small">{PHRASING_CATEGORIES[category].why}</p>
          <ul className="prompt-list">
            {inGroup.map((prompt) => (
              <PromptRow
                key={`${prompt.field.key}:${prompt.finding.start}:${prompt.finding.rule}`}
                prompt={prompt}
                onDismiss={(reason) =>
                  edit(uniqueKey('prompt-dismiss'), (d) =>
                    dismissPrompt(d, prompt.field.key, prompt.field.text, prompt.finding, reason),
                  )
                }
              />
            ))}
          </ul>
        </section>
      ))}
      {dismissed.length > 0 && (
        <details className="prompt-dismissed">
          <summary>Dismissed ({dismissed.length})</summary>
          <ul className="prompt-list">
            {dismissed.map((prompt) => (
              <DismissedRow
                key={`${prompt.field.key}:${prompt.finding.start}:${prompt.finding.rule}`}
                prompt={prompt}
                dismissal={prompt.dismissal!}
                onRestore={() => edit(uniqueKey('prompt-restore'), (d) => restorePrompt(d, prompt.dismissal!))}
              />
            ))}
          </ul>
        </details>
      )}
    </aside>
  );
}

/** Characters of context shown on each side of the flagged words. */
const CONTEXT_CHARS = 60;

function Excerpt({ prompt }: { prompt: DocumentPrompt }) {
  const { text } = prompt.field;
  const { start, end } = prompt.finding;
  // The flagged words in a little of their context, cut at word boundaries.
  const space = text.indexOf(' ', start - CONTEXT_CHARS);
  const from = start <= CONTEXT_CHARS ? 0 : space === -1 || space >= start ? start : space + 1;
  const cut = text.lastIndexOf(' ', end + CONTEXT_CHARS);
  const to = end + CONTEXT_CHARS >= text.length ? text.length : cut > end ? cut : end;
  return (
    <q className="prompt-excerpt">
      {from > 0 && '…'}
      {text.slice(from, start)}
      <mark>{text.slice(start, end)}</mark>
      {text.slice(end, to)}
      {to < text.length && '…'}
    </q>
  );
}

function PromptRow({ prompt, onDismiss }: { prompt: DocumentPrompt; onDismiss: (reason: string) => void }) {
  const [dismissing, setDismissing] = useState(false);
  const { finding, field } = prompt;
  return (
    <li className="prompt-row">
      <button
        type="button"
        className="prompt-jump"
        onClick={() => revealField(field.key, { start: finding.start, end: finding.end })}
        aria-label={`Go to ${field.label}: ${finding.message}`}
      >
        <span className="prompt-where">{field.label}</span>
        <Excerpt prompt={prompt} />
      </button>
      {dismissing ? (
        <DismissForm
          onDismiss={(reason) => {
            setDismissing(false);
            onDismiss(reason);
          }}
          onCancel={() => setDismissing(false)}
        />
      ) : (
        <button type="button" className="link-button" onClick={() => setDismissing(true)}>
          Dismiss…
        </button>
      )}
    </li>
  );
}

function DismissedRow({
  prompt,
  dismissal,
  onRestore,
}: {
  prompt: DocumentPrompt;
  dismissal: PromptDismissal;
  onRestore: () => void;
}) {
  return (
    <li className="prompt-row">
      <span className="prompt-where">
        {prompt.field.label} · {PHRASING_CATEGORIES[prompt.finding.category].label}
      </span>
      <Excerpt prompt={prompt} />
      <span className="small">Dismissed: {dismissal.reason || 'no reason given'}</span>
      <button type="button" className="link-button" onClick={onRestore}>
        Bring back
      </button>
    </li>
  );
}
