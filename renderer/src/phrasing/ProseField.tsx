/**
 * A text field that underlines blameful phrasing as it is typed and offers reframes.
 *
 * The underline is drawn on a backdrop behind a transparent textarea that holds the
 * same text with the same box and font, so it lines up glyph for glyph while the
 * textarea stays a plain, native text field (selection, IME, spellcheck, undo). The
 * prompt card for the finding under the pointer, or in the sentence with the caret,
 * floats beside the field in a portal so no scrolling container clips it.
 *
 * The field holds what is typed as a draft (useDraftText): a key re-renders the field
 * alone, and the text goes into the document when typing pauses or the field is left.
 */
import { autoUpdate, flip, offset, shift, useFloating } from '@floating-ui/react-dom';
import {
  useCallback,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type ComponentProps,
  type KeyboardEvent,
  type MouseEvent,
  type ReactNode,
  type Ref,
  type RefObject,
} from 'react';
import { createPortal } from 'react-dom';
import {
  PHRASING_CATEGORIES,
  applyReframe,
  reframeTarget,
  sentenceBounds,
  type PhrasingFinding,
} from '../../../shared/phrasing';
import { dismissPrompt, findDismissal } from '../../../shared/prompts';
import { endTypingBurst, useDocument, useDocumentStoreApi } from '../document/documentStore';
import { useDraftText } from '../document/useDraftText';
import { uniqueKey, useEdit } from '../document/useEdit';
import { usePresenting } from '../meeting/presenting';
import { DismissForm } from './DismissForm';
import { usePromptSettings } from './promptSettings';
import { useTypingIsland } from './useTypingIsland';

type ProseFieldProps = Omit<ComponentProps<'textarea'>, 'value' | 'ref' | 'onChange'> & {
  /** The field's key in the document (shared/prompts.ts fieldKeys). */
  field: string;
  /** The text in the document. */
  value: string;
  /** Puts typed text into the document: called when typing pauses, not on every key. */
  onCommit: (text: string) => void;
  ref?: Ref<HTMLTextAreaElement>;
  /**
   * The field's width never depends on its text (a why node's editor): while it is typed
   * in, a line more or less is followed without measuring the field again (useTypingIsland.ts).
   */
  fixedWidth?: boolean;
};

const NO_FINDINGS: readonly PhrasingFinding[] = [];

/** How long the card stays after the pointer leaves, so it can be reached. */
const HOVER_GRACE_MS = 300;

/** The document's findings for one field, without the dismissed ones. */
export function useFieldFindings(field: string, text: string): readonly PhrasingFinding[] {
  const { lint } = usePromptSettings();
  const dismissals = useDocument((s) => s.doc.promptDismissals);
  // Prompts are the facilitator's, not the room's: none while presenting.
  const presenting = usePresenting();
  return useMemo(() => {
    if (presenting) return NO_FINDINGS;
    const all = lint(text);
    if (all.length === 0 || dismissals.length === 0) return all;
    return all.filter((f) => !findDismissal(dismissals, field, text, f));
  }, [lint, text, dismissals, field, presenting]);
}

/** The finding in the sentence the caret is in (or just after). */
function findingAtCaret(text: string, findings: readonly PhrasingFinding[], caret: number) {
  return findings.find((f) => {
    if (caret >= f.start && caret <= f.end) return true;
    const sentence = sentenceBounds(text, f.start);
    return caret >= sentence.start && caret <= sentence.end;
  });
}

/** Keys that leave the text being typed (navigation, shortcuts): the document gets it first. */
function endsTyping(event: KeyboardEvent<HTMLTextAreaElement>): boolean {
  if (event.key === 'Enter' || event.key === 'Tab' || event.key === 'Escape') return true;
  const modifierOnly = event.key === 'Control' || event.key === 'Meta' || event.key === 'Alt';
  return (event.ctrlKey || event.metaKey || event.altKey) && !modifierOnly;
}

/** Sets a textarea's value the way typing would, so React's onChange sees it. */
function typeValue(el: HTMLTextAreaElement, value: string): void {
  Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.set?.call(el, value);
  el.dispatchEvent(new Event('input', { bubbles: true }));
}

function setRef<T>(ref: Ref<T> | undefined, value: T | null): void {
  if (typeof ref === 'function') ref(value);
  else if (ref) ref.current = value;
}

export function ProseField({
  field,
  value,
  onCommit,
  className = 'auto-grow',
  ref,
  onKeyDown,
  onFocus,
  onBlur,
  onSelect,
  onScroll,
  fixedWidth = false,
  ...rest
}: ProseFieldProps) {
  const { draft: text, change, flush } = useDraftText(value, onCommit);
  const findings = useFieldFindings(field, text);
  const store = useDocumentStoreApi();
  const edit = useEdit();
  const popoverId = useId();
  const own = useRef<HTMLTextAreaElement | null>(null);
  const backdrop = useRef<HTMLDivElement>(null);
  const form = useRef<HTMLFormElement>(null);
  const popover = useRef<HTMLDivElement | null>(null);
  const hoverTimer = useRef<number | undefined>(undefined);
  const [focused, setFocused] = useState(false);
  const [caret, setCaret] = useState<number | null>(null);
  // The caret matters only to pick the finding whose card shows: with no finding in the
  // field, moving it re-renders nothing (the last position is kept here for when one appears).
  const caretAt = useRef<number | null>(null);
  const [hovered, setHovered] = useState<PhrasingFinding | null>(null);
  const [dismissing, setDismissing] = useState<PhrasingFinding | null>(null);

  // Findings are the linter's cached objects, so one still in the list is still true of the text.
  const current = (f: PhrasingFinding | null) => (f && findings.includes(f) ? f : null);
  const atCaret = focused && caret !== null ? findingAtCaret(text, findings, caret) : undefined;
  const active = current(dismissing) ?? current(hovered) ?? atCaret ?? null;

  useEffect(() => () => window.clearTimeout(hoverTimer.current), []);
  useTypingIsland(form, own, focused, fixedWidth);

  const textareaRef = useCallback(
    (el: HTMLTextAreaElement | null) => {
      own.current = el;
      setRef(ref, el);
    },
    [ref],
  );

  const apply = (finding: PhrasingFinding, index: number) => {
    const el = own.current;
    const reframe = finding.reframes[index];
    if (!el || reframe === undefined) return;
    const target = reframeTarget(text, finding);
    // Its own undo step, both in the store and in the field's native undo (execCommand).
    flush();
    endTypingBurst(store);
    el.focus();
    el.setSelectionRange(target.start, target.end);
    if (!document.execCommand('insertText', false, reframe)) typeValue(el, applyReframe(text, finding, index));
    flush();
    endTypingBurst(store);
    setHovered(null);
    moveCaret(el.selectionStart, true);
  };

  const moveCaret = (at: number, always = false) => {
    caretAt.current = at;
    if (always || findings.length > 0) setCaret(at);
  };

  const dismiss = (finding: PhrasingFinding, reason: string) => {
    edit(uniqueKey('prompt-dismiss'), (doc) => dismissPrompt(doc, field, text, finding, reason));
    setDismissing(null);
    setHovered(null);
    own.current?.focus();
  };

  const onKey = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    const digit = /^Digit([1-3])$/.exec(event.code);
    if (event.nativeEvent.isComposing) return onKeyDown?.(event);
    if (endsTyping(event)) flush();
    if (active && event.altKey && !event.ctrlKey && !event.metaKey && digit) {
      event.preventDefault();
      event.stopPropagation();
      apply(active, Number(digit[1]) - 1);
      return;
    }
    if (active && (event.ctrlKey || event.metaKey) && event.key === '.') {
      event.preventDefault();
      event.stopPropagation();
      popover.current?.querySelector<HTMLElement>('button, select')?.focus();
      return;
    }
    onKeyDown?.(event);
  };

  const keepHover = () => window.clearTimeout(hoverTimer.current);
  const leaveHover = () => {
    window.clearTimeout(hoverTimer.current);
    hoverTimer.current = window.setTimeout(() => setHovered(null), HOVER_GRACE_MS);
  };

  const onMouseMove = (event: MouseEvent<HTMLTextAreaElement>) => {
    if (findings.length === 0 || !backdrop.current) return;
    const marks = backdrop.current.querySelectorAll<HTMLElement>('mark[data-index]');
    for (const mark of marks) {
      for (const rect of mark.getClientRects()) {
        if (
          event.clientX >= rect.left &&
          event.clientX <= rect.right &&
          event.clientY >= rect.top &&
          event.clientY <= rect.bottom
        ) {
          keepHover();
          const finding = findings[Number(mark.dataset['index'])];
          if (finding && finding !== hovered) setHovered(finding);
          return;
        }
      }
    }
    if (hovered) leaveHover();
  };

  const insideCard = (target: EventTarget | null) => target instanceof Node && !!popover.current?.contains(target);

  return (
    // A form of its own (nothing to submit): Chromium's autofill re-reads the form of a
    // changed field after every key, and for a field in no form that is every field of
    // the page (hundreds in a long postmortem), tens of ms a key. The form sits in a
    // plain block, which is what the row's flex or grid layout places: a flex or grid
    // item could not be laid out on its own while typed in (useTypingIsland.ts).
    <div className="prose-slot">
      <form
        ref={form}
        className={`prose-field ${findings.length > 0 ? 'has-prompts' : ''}`}
        onSubmit={(e) => e.preventDefault()}
      >
        <div ref={backdrop} className={`${className} prose-backdrop`} aria-hidden="true">
          {/* Text only where there are marks to place: the field sizes itself, and laying
              out a long text a second time on every key (a pasted log: 4 KB) cost more
              than the field's own layout. */}
          {findings.length > 0 && <Highlights text={text} findings={findings} />}
        </div>
        <textarea
          rows={1}
          {...rest}
          ref={textareaRef}
          className={className}
          value={text}
          data-prompt-field={field}
          aria-describedby={active ? popoverId : rest['aria-describedby']}
          onChange={(e) => {
            change(e.target.value);
            // Typing moves the caret: set with the text, one render for both.
            moveCaret(e.target.selectionStart, true);
          }}
          onKeyDown={onKey}
          onFocus={(e) => {
            setFocused(true);
            moveCaret(e.currentTarget.selectionStart, true);
            onFocus?.(e);
          }}
          onBlur={(e) => {
            flush();
            if (!insideCard(e.relatedTarget)) {
              setFocused(false);
              setDismissing(null);
            }
            onBlur?.(e);
          }}
          onSelect={(e) => {
            const at = e.currentTarget.selectionStart;
            if (at !== caretAt.current || (findings.length > 0 && at !== caret)) moveCaret(at);
            onSelect?.(e);
          }}
          onScroll={(e) => {
            if (backdrop.current) backdrop.current.scrollTop = e.currentTarget.scrollTop;
            onScroll?.(e);
          }}
          onMouseMove={onMouseMove}
          onMouseLeave={() => hovered && leaveHover()}
        />
        {active && (
          <Popover
            fieldRef={own}
            cardRef={popover}
            id={popoverId}
            onMouseEnter={keepHover}
            onMouseLeave={() => hovered && leaveHover()}
            onBlur={(e) => {
              if (!insideCard(e.relatedTarget) && e.relatedTarget !== own.current) {
                setFocused(false);
                setDismissing(null);
              }
            }}
            onKeyDown={(e) => {
              e.stopPropagation();
              if (e.key === 'Escape') {
                e.preventDefault();
                setDismissing(null);
                own.current?.focus();
              }
            }}
          >
            <PromptCard
              finding={active}
              dismissing={current(dismissing) === active}
              onApply={(index) => apply(active, index)}
              onDismiss={(reason) => dismiss(active, reason)}
              onStartDismiss={() => setDismissing(active)}
              onCancelDismiss={() => {
                setDismissing(null);
                own.current?.focus();
              }}
            />
          </Popover>
        )}
      </form>
    </div>
  );
}

/**
 * The card of the prompt being shown, floating beside its field in a portal. Only the
 * one field with a card open pays for the positioning: with it in every field, each of
 * the 70 or so fields of a long postmortem's first screen rendered a second time as it
 * mounted (floating-ui keeps the field in state), before the page could paint.
 */
function Popover({
  fieldRef,
  cardRef,
  children,
  ...rest
}: Omit<ComponentProps<'div'>, 'ref'> & {
  fieldRef: RefObject<HTMLTextAreaElement | null>;
  cardRef: RefObject<HTMLDivElement | null>;
}) {
  const { refs, floatingStyles } = useFloating({
    placement: 'bottom-start',
    strategy: 'fixed',
    middleware: [offset(6), flip(), shift({ padding: 8 })],
    whileElementsMounted: autoUpdate,
  });
  useLayoutEffect(() => refs.setReference(fieldRef.current), [refs, fieldRef]);
  return createPortal(
    <div
      {...rest}
      ref={(el) => {
        cardRef.current = el;
        refs.setFloating(el);
      }}
      className="prompt-popover"
      style={floatingStyles}
      role="group"
      aria-label="Phrasing prompt"
    >
      {children}
    </div>,
    document.body,
  );
}

/** The same text as the field, with the flagged words marked; only the marks show. */
function Highlights({
  text,
  findings,
  trailing = true,
}: {
  text: string;
  findings: readonly PhrasingFinding[];
  trailing?: boolean;
}) {
  const parts: ReactNode[] = [];
  let at = 0;
  findings.forEach((finding, index) => {
    if (finding.start < at) return;
    parts.push(text.slice(at, finding.start));
    parts.push(
      <mark key={index} className="prose-mark" data-index={index} data-category={finding.category}>
        {text.slice(finding.start, finding.end)}
      </mark>,
    );
    at = finding.end;
  });
  // A trailing newline needs a character after it to take up its line, as in the textarea.
  parts.push(trailing ? `${text.slice(at)}\u200b` : text.slice(at));
  return <>{parts}</>;
}

/** Read-only text with its prompts marked (a why node that is not being edited). */
export function ProseText({ field, text }: { field: string; text: string }) {
  const findings = useFieldFindings(field, text);
  if (findings.length === 0) return <>{text}</>;
  return (
    <span
      className="prose-text"
      title={findings.map((f) => `${PHRASING_CATEGORIES[f.category].label}: ${f.message}`).join('\n')}
    >
      <Highlights text={text} findings={findings} trailing={false} />
    </span>
  );
}

function PromptCard({
  finding,
  dismissing,
  onApply,
  onDismiss,
  onStartDismiss,
  onCancelDismiss,
}: {
  finding: PhrasingFinding;
  dismissing: boolean;
  onApply: (index: number) => void;
  onDismiss: (reason: string) => void;
  onStartDismiss: () => void;
  onCancelDismiss: () => void;
}) {
  const category = PHRASING_CATEGORIES[finding.category];
  return (
    <>
      <p className="prompt-kicker">
        <span aria-hidden="true">⚑ </span>
        {category.label}
      </p>
      <p className="prompt-message">
        <strong>{finding.message}</strong> — {finding.why}
      </p>
      <p className="prompt-try">{finding.replaces === 'phrase' ? 'Say instead:' : 'Try asking or writing:'}</p>
      <ol className="prompt-reframes">
        {finding.reframes.map((reframe, index) => (
          <li key={index}>
            <button
              type="button"
              aria-keyshortcuts={`Alt+${index + 1}`}
              // Keep the caret in the field while clicking.
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => onApply(index)}
            >
              <kbd>Alt+{index + 1}</kbd> {reframe}
            </button>
          </li>
        ))}
      </ol>
      {dismissing ? (
        <DismissForm onDismiss={onDismiss} onCancel={onCancelDismiss} />
      ) : (
        <p className="prompt-footer">
          <button type="button" className="link-button" onClick={onStartDismiss}>
            Dismiss…
          </button>
          <span className="muted small">Ctrl+. to reach these buttons, Esc to go back</span>
        </p>
      )}
    </>
  );
}
