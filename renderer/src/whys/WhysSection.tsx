import { memo, useCallback, useDeferredValue, useEffect, useId, useMemo, useState } from 'react';
import { useStore } from 'zustand';
import { chainTo } from '../../../shared/whyGraph';
import { SYMPTOM_NODE_ID } from '../../../shared/whyLayout';
import { detectPitfalls, type Pitfall } from '../../../shared/whyPitfalls';
import { usePromptSettings } from '../phrasing/promptSettings';
import { ShortcutTable } from '../app/KeyboardShortcuts';
import { usePlatform } from '../app/platformContext';
import { WHY_SHORTCUTS } from '../app/shortcuts';
import { useDocument } from '../document/documentStore';
import { WhyGraph } from './WhyGraph';
import { createWhyUiStore, WhyUiStoreContext, type WhyUiStore } from './whyUi';

export function WhysSection() {
  const whys = useDocument((s) => s.doc.whys);
  // Only what the prompts read: typing in the title or timeline must not re-run them.
  const factors = useDocument((s) => s.doc.contributingFactors);
  const actionItems = useDocument((s) => s.doc.actionItems);
  const platform = usePlatform();
  const id = useId();
  const [uiStore] = useState(createWhyUiStore);
  const selectedId = useStore(uiStore, (ui) => ui.selectedId);
  const hoveredId = useStore(uiStore, (ui) => ui.hoveredId);
  const [message, setMessage] = useState<string | null>(null);
  const [help, setHelp] = useState(false);
  const { lint } = usePromptSettings();
  // The pitfall checks walk the whole graph (tens of ms at 500 whys): the graph paints a
  // new why first, and the Prompts list follows in a render React may interrupt. At open
  // too (null until then): the list can be hundreds of items long, and the section's
  // first paint does not wait for it.
  const pitfallInput = useDeferredValue(
    useMemo(() => ({ whys, factors, actionItems }), [whys, factors, actionItems]),
    null,
  );
  const pitfalls = useMemo(
    () =>
      pitfallInput &&
      detectPitfalls(
        { whys: pitfallInput.whys, contributingFactors: pitfallInput.factors, actionItems: pitfallInput.actionItems },
        lint,
      ),
    [pitfallInput, lint],
  );
  // The chain of the node under the pointer, else of the selected one (and so, for
  // keyboard users, of the node the arrows moved to). It follows in a deferred render
  // too: a new why (or selection) is drawn first, the chain a moment later.
  const chainInput = useDeferredValue(useMemo(() => ({ whys, hoveredId, selectedId }), [whys, hoveredId, selectedId]));
  const chain = useMemo(() => {
    const chainOf = (nodeId: string | null) =>
      nodeId && nodeId !== SYMPTOM_NODE_ID ? chainTo(chainInput.whys, nodeId) : [];
    const hoveredChain = chainOf(chainInput.hoveredId);
    return hoveredChain.length > 0 ? hoveredChain : chainOf(chainInput.selectedId);
  }, [chainInput]);

  const openHelp = useCallback(() => setHelp(true), []);
  const exportImage = useCallback(
    (format: 'png' | 'svg', dataUrl: string) => {
      void platform.exportImage(`five-whys.${format}`, dataUrl).then(
        (r) => r.saved && setMessage(`Saved ${r.location ?? 'the image'}.`),
        (e: unknown) => setMessage(`Could not save the image: ${e instanceof Error ? e.message : String(e)}`),
      );
    },
    [platform],
  );

  useEffect(() => {
    if (!message) return;
    const timer = setTimeout(() => setMessage(null), 6000);
    return () => clearTimeout(timer);
  }, [message]);

  return (
    <section className="doc-section whys-section" aria-labelledby={`${id}-h`}>
      <div className="section-head">
        <h3 id={`${id}-h`}>Five Whys</h3>
        <span className="muted small">Click the graph, then Tab to ask why. Press ? for every key.</span>
      </div>
      <div className="whys-layout">
        <WhyUiStoreContext.Provider value={uiStore}>
          <WhyGraph onMessage={setMessage} onHelp={openHelp} onExportImage={exportImage} />
        </WhyUiStoreContext.Provider>
        <aside className="whys-side" aria-label="Five whys prompts">
          {message && (
            <p className="banner" role="status">
              {message}
            </p>
          )}
          {chain.length > 0 && (
            <div className="why-chain">
              <h4>Chain to the symptom</h4>
              <ol>
                <li className="muted">{chainInput.whys.symptom || 'Initial symptom'}</li>
                {chain.map((n) => (
                  <li key={n.id}>
                    <strong>{n.question}</strong> → {n.answer || <em className="muted">no answer yet</em>}
                    {n.isRootCause && (
                      <span className="root-inline"> ◆ root cause{n.tags.length > 0 && `: ${n.tags.join(', ')}`}</span>
                    )}
                  </li>
                ))}
              </ol>
            </div>
          )}
          <h4>Prompts</h4>
          {pitfalls === null ? null : pitfalls.length === 0 ? (
            <p className="muted small">
              {whys.nodes.length === 0 ? 'Describe the symptom, then ask why.' : 'No pitfalls spotted.'}
            </p>
          ) : (
            <PitfallList pitfalls={pitfalls} uiStore={uiStore} />
          )}
        </aside>
      </div>
      {help && (
        <div
          className="overlay"
          role="dialog"
          aria-modal="true"
          aria-label="Five whys keyboard shortcuts"
          onKeyDown={(e) => e.key === 'Escape' && setHelp(false)}
        >
          <div className="overlay-box">
            <h4>Five whys: keys</h4>
            <ShortcutTable group={WHY_SHORTCUTS} />
            <button type="button" autoFocus onClick={() => setHelp(false)}>
              Close (Escape)
            </button>
          </div>
        </div>
      )}
    </section>
  );
}

/**
 * The Prompts list, apart so that the renders which follow every selection and every new
 * why (the chain above changes) pass over it: at 500 whys it has hundreds of items, and
 * it changes only when the deferred pitfalls do.
 */
const PitfallList = memo(function PitfallList({ pitfalls, uiStore }: { pitfalls: Pitfall[]; uiStore: WhyUiStore }) {
  return (
    <ul className="pitfalls" aria-label="Pitfall prompts">
      {pitfalls.map((p, i) => (
        <li key={`${p.kind}-${p.nodeId ?? p.actionItemId ?? i}`} data-kind={p.kind}>
          {p.nodeId ? (
            <button type="button" className="link-button" onClick={() => uiStore.setState({ selectedId: p.nodeId })}>
              {p.message}
            </button>
          ) : (
            p.message
          )}
        </li>
      ))}
    </ul>
  );
});
