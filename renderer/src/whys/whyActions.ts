/**
 * What the why-graph editor can do, as one object built once per editor: document edits
 * go through the document store (pure functions from shared/), view changes through the
 * view-state store. Its identity never changes, so nodes reading it never re-render
 * because of it.
 */
import { addActionItem } from '../../../shared/edits';
import type { Postmortem } from '../../../shared/model';
import {
  addRootCauseTag,
  addSiblingWhy,
  addWhy,
  removeRootCauseTag,
  removeWhy,
  setSymptom,
  subtreeIds,
  updateWhy,
} from '../../../shared/whyGraph';
import { SYMPTOM_NODE_ID } from '../../../shared/whyLayout';
import { childrenOf } from '../../../shared/whys';
import type { DocumentStore } from '../document/documentStore';
import { newId, todayUtc, uniqueKey } from '../document/useEdit';
import type { WhyUiActions, WhyUiStore } from './whyUi';

export interface WhyActionsDeps {
  edit: (burstKey: string, recipe: (doc: Postmortem) => Postmortem) => void;
  store: Pick<DocumentStore, 'getState'>;
  uiStore: WhyUiStore;
  onMessage: (message: string | null) => void;
  /** Gives the keyboard back to the canvas when editing stops. */
  focusCanvas: () => void;
}

export function createWhyActions({ edit, store, uiStore, onMessage, focusCanvas }: WhyActionsDeps): WhyUiActions {
  const select = (id: string | null) => uiStore.setState({ selectedId: id });
  return {
    select,
    startEditing: (id, seed) => {
      if (seed) {
        if (id === SYMPTOM_NODE_ID) edit(uniqueKey('symptom'), (doc) => setSymptom(doc, doc.whys.symptom + seed));
        else
          edit(`why:${id}:answer`, (doc) =>
            updateWhy(doc, id, { answer: (doc.whys.nodes.find((n) => n.id === id)?.answer ?? '') + seed }),
          );
      }
      uiStore.setState({ selectedId: id, editingId: id });
    },
    stopEditing: () => {
      uiStore.setState({ editingId: null });
      focusCanvas();
    },
    editText: (id, field, value) => {
      if (field === 'symptom') edit('why:symptom', (doc) => setSymptom(doc, value));
      else edit(`why:${id}:${field}`, (doc) => updateWhy(doc, id, { [field]: value }));
    },
    addChild: (parentId) => {
      const id = newId();
      edit(uniqueKey('why-add'), (doc) => addWhy(doc, id, parentId === SYMPTOM_NODE_ID ? null : parentId));
      uiStore.setState((ui) => {
        if (!ui.collapsed.has(parentId)) return { selectedId: id, editingId: id };
        const collapsed = new Set(ui.collapsed);
        collapsed.delete(parentId);
        return { collapsed, selectedId: id, editingId: id };
      });
    },
    addSibling: (siblingId) => {
      if (siblingId === SYMPTOM_NODE_ID) return;
      const id = newId();
      edit(uniqueKey('why-sibling'), (doc) => addSiblingWhy(doc, id, siblingId));
      uiStore.setState({ selectedId: id, editingId: id });
    },
    toggleRootCause: (id) => {
      if (id === SYMPTOM_NODE_ID) return;
      const tagged = store.getState().doc.whys.nodes.find((n) => n.id === id && n.isRootCause)?.tags.length ?? 0;
      edit(uniqueKey('why-root'), (doc) => {
        const node = doc.whys.nodes.find((n) => n.id === id);
        return node ? updateWhy(doc, id, { isRootCause: !node.isRootCause }) : doc;
      });
      if (tagged > 0) onMessage('No longer a root cause, so its tags went too. Ctrl+Z brings both back.');
    },
    addTag: (id, typed) => {
      const result = addRootCauseTag(store.getState().doc, id, typed);
      if (!result.ok) return result.reason;
      // Each tag is one undo step.
      edit(uniqueKey('why-tag'), (doc) => {
        const again = addRootCauseTag(doc, id, typed);
        return again.ok ? again.doc : doc;
      });
      return null;
    },
    removeTag: (id, tag) => edit(uniqueKey('why-untag'), (doc) => removeRootCauseTag(doc, id, tag)),
    remove: (id) => {
      if (id === SYMPTOM_NODE_ID) return;
      const whys = store.getState().doc.whys;
      const node = whys.nodes.find((n) => n.id === id);
      const siblings = node ? childrenOf(whys.nodes, node.parentId) : [];
      const index = siblings.findIndex((n) => n.id === id);
      const next = siblings[index + 1] ?? siblings[index - 1];
      edit(uniqueKey('why-remove'), (doc) => removeWhy(doc, id));
      select(next?.id ?? node?.parentId ?? SYMPTOM_NODE_ID);
      const removed = subtreeIds(whys.nodes, id).size;
      onMessage(`Deleted ${removed === 1 ? 'the why' : `the why and ${removed - 1} below it`}. Ctrl+Z brings it back.`);
    },
    toggleCollapsed: (id) =>
      uiStore.setState((ui) => {
        const collapsed = new Set(ui.collapsed);
        if (collapsed.has(id)) collapsed.delete(id);
        else collapsed.add(id);
        return { collapsed };
      }),
    addActionItemFor: (id) => {
      const itemId = newId();
      edit(uniqueKey('action-for-root'), (doc) => addActionItem(doc, itemId, todayUtc(), { addresses: id }));
      onMessage('Added an action item for this root cause in Action Items.');
    },
  };
}
