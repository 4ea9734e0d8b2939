import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPostmortem } from '../../../shared/documents';
import type { Postmortem } from '../../../shared/model';
import { Autosaver, AUTOSAVE_DELAY_MS, AUTOSAVE_MAX_WAIT_MS } from '../../../renderer/src/document/autosave';
import { BUILT_IN_AGENDAS } from '../../../shared/agenda';
import { newMeeting, nextPhase, startMeeting } from '../../../shared/meetingTimer';
import {
  createDocumentStore,
  editWithoutUndo,
  flushDraft,
  flushDrafts,
  hasDrafts,
  holdDraft,
  redo,
  TYPING_BURST_MS,
  undo,
  UNDO_LIMIT,
} from '../../../renderer/src/document/documentStore';

const blank = () => createPostmortem('pm-1', '2026-03-18T10:00:00.000Z');

describe('document store undo', () => {
  it('merges a burst of typing in one field into one undo step', () => {
    let clock = 0;
    const store = createDocumentStore(blank(), () => clock);
    for (const title of ['D', 'DB', 'DB o', 'DB outage']) {
      store.getState().editHeader({ title });
      clock += 100;
    }
    clock += TYPING_BURST_MS + 1;
    store.getState().editHeader({ severity: 'SEV-1' });
    undo(store);
    expect(store.getState().doc).toMatchObject({ title: 'DB outage', severity: 'SEV-3' });
    undo(store);
    expect(store.getState().doc.title).toBe('');
    redo(store);
    redo(store);
    expect(store.getState().doc).toMatchObject({ title: 'DB outage', severity: 'SEV-1' });
  });

  it('keeps the meeting timer out of undo: undoing an edit never rewinds the clock', () => {
    let clock = 0;
    const store = createDocumentStore(blank(), () => clock);
    store.getState().editHeader({ title: 'Before the meeting' });
    clock += TYPING_BURST_MS + 1;
    const meeting = startMeeting(newMeeting(BUILT_IN_AGENDAS[0]!), new Date('2026-03-20T14:00:00Z'));
    editWithoutUndo(store, (doc) => ({ ...doc, meeting }));
    expect(store.temporal.getState().pastStates).toHaveLength(1);
    store.getState().editHeader({ title: 'During the meeting' });
    const later = nextPhase(meeting, new Date('2026-03-20T14:05:00Z'));
    editWithoutUndo(store, (doc) => ({ ...doc, meeting: later }));

    undo(store);
    expect(store.getState().doc.title).toBe('Before the meeting');
    expect(store.getState().doc.meeting).toBe(later);
    undo(store);
    expect(store.getState().doc.title).toBe('');
    expect(store.getState().doc.meeting).toBe(later);
    redo(store);
    expect(store.getState().doc.meeting).toBe(later);
    expect(store.getState().revision).toBeGreaterThan(0);
  });

  it('does not record save-state changes as edits', () => {
    const store = createDocumentStore(blank(), () => 0);
    store.getState().setSaveStatus({ kind: 'saving' });
    expect(store.temporal.getState().pastStates).toHaveLength(0);
  });
});

describe('autosave', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('saves once after typing stops and reports Saved', async () => {
    const saved: Postmortem[] = [];
    const store = createDocumentStore(blank());
    const autosaver = new Autosaver(store, { saveDocument: async (doc) => (saved.push(doc), { savedAt: 'now' }) });
    for (const title of ['a', 'ab', 'abc']) store.getState().editHeader({ title });
    expect(store.getState().save.kind).toBe('pending');
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS + 10);
    expect(saved.map((d) => d.title)).toEqual(['abc']);
    expect(store.getState().save).toEqual({ kind: 'saved', at: 'now' });
    autosaver.dispose();
  });

  it('keeps the edit in memory when saving fails, says why, and saves it on retry', async () => {
    let fail = true;
    const saved: string[] = [];
    const store = createDocumentStore(blank());
    const autosaver = new Autosaver(store, {
      saveDocument: async (doc) => {
        if (fail) throw new Error('disk full');
        saved.push(doc.title);
        return { savedAt: 'later' };
      },
    });
    store.getState().editHeader({ title: 'important' });
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS + 10);
    const status = store.getState().save;
    expect(status.kind).toBe('error');
    expect(status.kind === 'error' && status.message).toMatch(/disk full.*kept/);
    expect(store.getState().doc.title).toBe('important');
    fail = false;
    await autosaver.flush();
    expect(saved).toEqual(['important']);
    expect(autosaver.hasUnsavedChanges).toBe(false);
    autosaver.dispose();
  });

  it('saves at least every max wait while edits keep coming with no pause, and the last edit after they stop', async () => {
    const saved: { title: string; at: number }[] = [];
    const store = createDocumentStore(blank());
    const started = Date.now();
    const autosaver = new Autosaver(store, {
      saveDocument: async (doc) => (saved.push({ title: doc.title, at: Date.now() - started }), { savedAt: 'x' }),
    });
    // A key every 100 ms for 5 s: never the pause the delay waits for.
    for (let i = 1; i <= 50; i += 1) {
      store.getState().editHeader({ title: `t${i}` });
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(saved.length).toBeGreaterThanOrEqual(2);
    expect(saved[0]!.at).toBeLessThanOrEqual(AUTOSAVE_MAX_WAIT_MS);
    for (const [i, save] of saved.entries())
      if (i > 0) expect(save.at - saved[i - 1]!.at).toBeLessThanOrEqual(AUTOSAVE_MAX_WAIT_MS + 100);
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS + 10);
    expect(saved.at(-1)!.title).toBe('t50');
    expect(autosaver.hasUnsavedChanges).toBe(false);
    autosaver.dispose();
  });

  it('flush writes pending edits immediately', async () => {
    const saved: string[] = [];
    const store = createDocumentStore(blank());
    const autosaver = new Autosaver(store, { saveDocument: async (doc) => (saved.push(doc.title), { savedAt: 'x' }) });
    store.getState().editHeader({ title: 'last keystroke' });
    await autosaver.flush();
    expect(saved).toEqual(['last keystroke']);
    autosaver.dispose();
  });
});

/** A field's draft as useDraftText keeps it: the newest text, put in by its commit. */
function draftOf(store: ReturnType<typeof createDocumentStore>) {
  const draft = {
    text: '',
    commit: () => store.getState().editHeader({ title: draft.text }),
    type(text: string) {
      draft.text = text;
      holdDraft(store, draft.commit);
    },
  };
  return draft;
}

describe('drafts: text typed but not yet in the document', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('are saved by the autosave that the keys scheduled, as soon as if each key were an edit', async () => {
    const saved: string[] = [];
    const store = createDocumentStore(blank());
    const autosaver = new Autosaver(store, { saveDocument: async (doc) => (saved.push(doc.title), { savedAt: 'x' }) });
    const draft = draftOf(store);
    draft.type('D');
    draft.type('DB');
    expect(autosaver.hasUnsavedChanges).toBe(true);
    // The field puts its text in when typing pauses: that does not push the save back.
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS - 100);
    flushDraft(store, draft.commit);
    expect(store.getState().doc.title).toBe('DB');
    await vi.advanceTimersByTimeAsync(110);
    expect(saved).toEqual(['DB']);
    // Still held when the save is due: the save takes it in.
    draft.type('DB outage');
    expect(store.getState().doc.title).toBe('DB');
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS + 10);
    expect(saved).toEqual(['DB', 'DB outage']);
    expect(hasDrafts(store)).toBe(false);
    expect(autosaver.hasUnsavedChanges).toBe(false);
    autosaver.dispose();
  });

  it('show as unsaved from the first key, and as saved again when the typing changed nothing', async () => {
    const store = createDocumentStore(blank());
    const autosaver = new Autosaver(store, { saveDocument: async () => ({ savedAt: 'x' }) });
    const draft = draftOf(store);
    draft.type('x');
    expect(store.getState().save.kind).toBe('pending');
    draft.type('');
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS + 10);
    expect(store.getState().save.kind).toBe('saved');
    autosaver.dispose();
  });

  it('go in before flush saves (closing, leaving the document)', async () => {
    const saved: string[] = [];
    const store = createDocumentStore(blank());
    const autosaver = new Autosaver(store, { saveDocument: async (doc) => (saved.push(doc.title), { savedAt: 'x' }) });
    draftOf(store).type('typed just before closing');
    await autosaver.flush();
    expect(saved).toEqual(['typed just before closing']);
    autosaver.dispose();
  });

  it('are part of what a closing page keeps while its save is still running, until that save is on disk', async () => {
    let finish = () => {};
    const store = createDocumentStore(blank());
    const autosaver = new Autosaver(store, {
      saveDocument: () => new Promise((resolve) => (finish = () => resolve({ savedAt: 'x' }))),
    });
    expect(autosaver.unconfirmed()).toBeNull();
    draftOf(store).type('typed as the tab closed');
    const saving = autosaver.flush();
    await vi.advanceTimersByTimeAsync(1); // the save is running
    expect(autosaver.unconfirmed()?.title).toBe('typed as the tab closed');
    finish();
    await saving;
    expect(autosaver.unconfirmed()).toBeNull();
    autosaver.dispose();
  });

  it('go in before any other edit and before undo, so undo takes back the typing first', () => {
    let clock = 0;
    const store = createDocumentStore(blank(), () => clock);
    const draft = draftOf(store);
    draft.type('Disk full');
    clock += TYPING_BURST_MS + 1;
    store.getState().editHeader({ severity: 'SEV-1' });
    expect(store.getState().doc).toMatchObject({ title: 'Disk full', severity: 'SEV-1' });
    clock += TYPING_BURST_MS + 1;
    draft.type('Disk full on db-2');
    undo(store);
    expect(store.getState().doc).toMatchObject({ title: 'Disk full', severity: 'SEV-1' });
    undo(store);
    expect(store.getState().doc).toMatchObject({ title: 'Disk full', severity: 'SEV-3' });
  });

  it('of a burst become one undo step', () => {
    let clock = 0;
    const store = createDocumentStore(blank(), () => clock);
    const draft = draftOf(store);
    for (const text of ['C', 'Cache', 'Cache exp', 'Cache expired']) {
      draft.type(text);
      clock += 300;
      if (text.length % 2 === 1) flushDrafts(store); // typing paused here and there
    }
    flushDrafts(store);
    undo(store);
    expect(store.getState().doc.title).toBe('');
    redo(store);
    expect(store.getState().doc.title).toBe('Cache expired');
  });
});

describe('undo history limit', () => {
  it('keeps the last UNDO_LIMIT steps and drops the oldest', () => {
    let clock = 0;
    const store = createDocumentStore(blank(), () => clock);
    for (let i = 0; i < UNDO_LIMIT + 20; i += 1) {
      clock += TYPING_BURST_MS + 1; // each edit its own step
      store.getState().editHeader({ title: `v${i}` });
    }
    expect(store.temporal.getState().pastStates).toHaveLength(UNDO_LIMIT);
    for (let i = 0; i < UNDO_LIMIT + 20; i += 1) undo(store);
    // The oldest reachable state is 20 edits in, not the empty original.
    expect(store.getState().doc.title).toBe('v19');
  });
});
