import { Handle, NodeToolbar, Position, type Node, type NodeProps } from '@xyflow/react';
import { memo, useEffect, useRef, type KeyboardEvent } from 'react';
import { fieldKeys } from '../../../shared/prompts';
import { ProseField, ProseText } from '../phrasing/ProseField';
import { RootCauseTagsField } from './RootCauseTagsField';
import { useWhyActions, useWhyUi } from './whyUi';
import { afterNextPaint } from '../app/afterNextPaint';
import { isAppChord } from '../app/isTyping';

/** Focus moving into a phrasing prompt's card keeps the node editor open. */
function inPromptCard(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest('.prompt-popover') !== null;
}

/** Serialisable node data: text and flags only, no callbacks. */
export type WhyNodeData = {
  kind: 'why' | 'symptom';
  question: string;
  answer: string;
  isRootCause: boolean;
  hasChildren: boolean;
  /** How many whys are folded away under this node (0 unless it is collapsed). */
  hiddenBelow: number;
  actionItems: string[];
  /** Root-cause tags (slugs), shown on root causes. */
  tags: string[];
  direction: 'TB' | 'LR';
};
export type WhyFlowNode = Node<WhyNodeData, 'why'>;

/**
 * React Flow also passes the node's position, size and drag state, none of which the
 * view draws (the wrapper React Flow owns is what moves): a node the layout only moved
 * keeps its `data` object and is not re-rendered.
 */
function sameView(a: NodeProps<WhyFlowNode>, b: NodeProps<WhyFlowNode>): boolean {
  return a.id === b.id && a.data === b.data;
}

export const WhyNodeView = memo(function WhyNodeView({ id, data }: NodeProps<WhyFlowNode>) {
  const actions = useWhyActions();
  // Narrow selectors: moving the selection re-renders the node that lost it and the one that gained it.
  const selected = useWhyUi((ui) => ui.selectedId === id);
  const editing = useWhyUi((ui) => ui.editingId === id);
  const symptom = data.kind === 'symptom';
  const hidden = data.hiddenBelow;
  const vertical = data.direction === 'TB';
  return (
    <div
      className={`why-node ${symptom ? 'why-symptom' : ''} ${data.isRootCause ? 'why-root' : ''} ${selected ? 'why-selected' : ''}`}
      data-testid={`why-${id}`}
      aria-label={
        symptom
          ? `Initial symptom: ${data.question}`
          : `Why: ${data.question} Answer: ${data.answer}${data.isRootCause ? ' (root cause)' : ''}${data.tags.length > 0 ? ` Tags: ${data.tags.join(', ')}` : ''}`
      }
      onDoubleClick={() => actions.startEditing(id)}
    >
      {!symptom && <Handle type="target" position={vertical ? Position.Top : Position.Left} isConnectable={false} />}
      {data.isRootCause && <span className="root-badge">◆ Root cause</span>}
      {editing ? (
        <NodeEditor id={id} data={data} />
      ) : symptom ? (
        <>
          <span className="why-kicker">Initial symptom</span>
          <p className="why-question">
            {data.question ? (
              <ProseText field={fieldKeys.symptom()} text={data.question} />
            ) : (
              <em className="muted">Double-click or press F2 to describe what went wrong</em>
            )}
          </p>
        </>
      ) : (
        <>
          <p className="why-question">
            <ProseText field={fieldKeys.why(id, 'question')} text={data.question} />
          </p>
          <p className="why-answer">
            →{' '}
            {data.answer ? (
              <ProseText field={fieldKeys.why(id, 'answer')} text={data.answer} />
            ) : (
              <em className="muted">no answer yet</em>
            )}
          </p>
        </>
      )}
      {data.isRootCause && !editing && data.tags.length > 0 && (
        <ul className="why-tags" aria-label="Tags">
          {data.tags.map((tag) => (
            <li key={tag}>{tag}</li>
          ))}
        </ul>
      )}
      {data.isRootCause && (
        <p className="why-actions">
          {data.actionItems.length > 0
            ? `Addressed by ${data.actionItems.join(', ')}`
            : 'No action item addresses this yet'}
        </p>
      )}
      {hidden > 0 && <span className="why-hidden">▸ {hidden} hidden (Space)</span>}
      <Handle type="source" position={vertical ? Position.Bottom : Position.Right} isConnectable={false} />
      {/* One toolbar at a time: each NodeToolbar follows the viewport, so 500 of them would re-render on every pan frame. */}
      {selected && !editing && (
        <NodeToolbar isVisible position={vertical ? Position.Bottom : Position.Right}>
          <div className="why-toolbar">
            <button type="button" onClick={() => actions.addChild(id)} title="Tab">
              + Why (child)
            </button>
            {!symptom && (
              <>
                <button type="button" onClick={() => actions.addSibling(id)} title="Enter">
                  + Sibling
                </button>
                <button
                  type="button"
                  onClick={() => actions.toggleRootCause(id)}
                  title="R"
                  aria-pressed={data.isRootCause}
                >
                  {data.isRootCause ? 'Unmark root cause' : 'Mark root cause'}
                </button>
                {data.isRootCause && (
                  <button type="button" onClick={() => actions.addActionItemFor(id)}>
                    Add action item
                  </button>
                )}
                <button type="button" className="danger" onClick={() => actions.remove(id)} title="Delete">
                  Delete
                </button>
              </>
            )}
          </div>
        </NodeToolbar>
      )}
    </div>
  );
}, sameView);

function NodeEditor({ id, data }: { id: string; data: WhyNodeData }) {
  const actions = useWhyActions();
  const answerRef = useRef<HTMLTextAreaElement>(null);
  const questionRef = useRef<HTMLTextAreaElement>(null);
  const symptom = data.kind === 'symptom';
  useEffect(() => {
    // Focus once the editor has been painted: focusing a field forces style and layout
    // of the page and tells the browser about the new text input, work that held back
    // the frame showing a new why. Keys typed before then reach the canvas, which
    // passes them on (WhyGraph). A field React Flow still hides cannot take focus:
    // retry for a few frames until it can.
    let cancel = () => {};
    let tries = 0;
    const focus = () => {
      const target = symptom ? questionRef.current : answerRef.current;
      if (!target) return;
      target.focus({ preventScroll: true });
      if (document.activeElement === target) target.setSelectionRange(target.value.length, target.value.length);
      else if ((tries += 1) < 30) cancel = afterNextPaint(focus);
    };
    cancel = afterNextPaint(focus);
    return () => cancel();
  }, [symptom]);
  const onKey = (event: KeyboardEvent<HTMLTextAreaElement>, isLast: boolean) => {
    // Keys stay in the editor, except the app's own chords (panels, library, shortcuts).
    if (!isAppChord(event)) event.stopPropagation();
    if (event.key === 'Escape' || (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing)) {
      event.preventDefault();
      actions.stopEditing();
    } else if (event.key === 'Tab' && !event.shiftKey && isLast) {
      // Mind-map flow: answer, then Tab asks the next why.
      event.preventDefault();
      actions.stopEditing();
      actions.addChild(id);
    }
  };
  if (symptom) {
    return (
      <ProseField
        fixedWidth
        field={fieldKeys.symptom()}
        ref={questionRef}
        className="why-edit nodrag nowheel"
        aria-label="Initial symptom"
        value={data.question}
        onCommit={(text) => actions.editText(id, 'symptom', text)}
        onKeyDown={(e) => onKey(e, true)}
        onBlur={(e) =>
          !e.currentTarget.closest('.why-node')?.contains(e.relatedTarget as globalThis.Node | null) &&
          !inPromptCard(e.relatedTarget) &&
          actions.stopEditing()
        }
      />
    );
  }
  return (
    <div
      className="why-editor nodrag nowheel"
      onBlur={(e) =>
        !e.currentTarget.contains(e.relatedTarget as globalThis.Node | null) &&
        !inPromptCard(e.relatedTarget) &&
        actions.stopEditing()
      }
    >
      <label>
        <span>Why?</span>
        <ProseField
          fixedWidth
          field={fieldKeys.why(id, 'question')}
          ref={questionRef}
          className="why-edit"
          value={data.question}
          onCommit={(text) => actions.editText(id, 'question', text)}
          onKeyDown={(e) => onKey(e, false)}
        />
      </label>
      <label>
        <span>Because</span>
        <ProseField
          fixedWidth
          field={fieldKeys.why(id, 'answer')}
          ref={answerRef}
          className="why-edit"
          value={data.answer}
          placeholder="The answer; it becomes the next question"
          onCommit={(text) => actions.editText(id, 'answer', text)}
          onKeyDown={(e) => onKey(e, !data.isRootCause)}
        />
      </label>
      {data.isRootCause && <RootCauseTagsField id={id} tags={data.tags} />}
    </div>
  );
}
