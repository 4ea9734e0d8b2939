/**
 * Debounced autosave for one open document. Saves run one at a time, always write the
 * newest revision, and on failure keep the edit in memory, say what failed and retry.
 * flush() writes anything pending now (before closing or leaving the document).
 *
 * Text still held as a field's draft (documentStore.ts) counts as an edit: each key
 * typed schedules the save as an edit to the store would, and a save (or flush) puts
 * the drafts into the document before writing it. So typing reaches the disk as soon
 * as it did when every key went to the store.
 *
 * Someone who never pauses for the delay (dictating, or typing fast through a long
 * answer) still gets a save at least every AUTOSAVE_MAX_WAIT_MS: the delay runs from
 * the last edit, but never past that long after the first unsaved one.
 */
import type { PlatformApi } from '../../../shared/api';
import type { Postmortem } from '../../../shared/model';
import { touch } from '../../../shared/documents';
import { flushDrafts, hasDrafts, isCommittingDrafts, onDraft, type DocumentState } from './documentStore';
import type { StoreApi } from 'zustand';

export const AUTOSAVE_DELAY_MS = 400;
/** The User Timing mark set when a save starts (for benchmarks and profiles). */
export const AUTOSAVE_MARK = 'postmortem-studio:autosave';
/** The longest an edit waits for its save while edits keep coming. */
export const AUTOSAVE_MAX_WAIT_MS = 2000;
export const RETRY_DELAY_MS = 5000;

export class Autosaver {
  #timer: ReturnType<typeof setTimeout> | undefined;
  /** When the oldest edit not yet being saved was made (Date.now()), or null. */
  #pendingSince: number | null = null;
  #savedRevision: number;
  #savedAt: string | null = null;
  #running: Promise<void> = Promise.resolve();
  #unsubscribe: (() => void) | null = null;
  #unsubscribeDrafts: (() => void) | null = null;

  /** `unsaved`: the document is not on disk yet (just created), so the first flush writes it. */
  constructor(
    private readonly store: StoreApi<DocumentState>,
    private readonly platform: Pick<PlatformApi, 'saveDocument'>,
    private readonly delayMs = AUTOSAVE_DELAY_MS,
    unsaved = false,
    private readonly maxWaitMs = AUTOSAVE_MAX_WAIT_MS,
  ) {
    this.#savedRevision = unsaved ? -1 : store.getState().revision;
    this.start();
  }

  /** Watches the store for edits (again, after stop()). */
  start(): void {
    this.#unsubscribe ??= this.store.subscribe((state, previous) => {
      if (state.revision === previous.revision) return;
      // A draft landing was already scheduled for when its keys were typed: keep that time.
      if (isCommittingDrafts(this.store) && this.#timer !== undefined) return;
      this.#schedule(this.delayMs);
    });
    this.#unsubscribeDrafts ??= onDraft(this.store, () => this.#schedule(this.delayMs));
  }

  get hasUnsavedChanges(): boolean {
    return hasDrafts(this.store) || this.store.getState().revision !== this.#savedRevision;
  }

  /**
   * The document with every edit not yet confirmed on disk (drafts included, a save
   * still running included), stamped now; null when all of it is on disk. For
   * PlatformApi.keepUnsaved as the page goes away.
   */
  unconfirmed(): Postmortem | null {
    flushDrafts(this.store);
    const { doc, revision } = this.store.getState();
    return revision === this.#savedRevision ? null : touch(doc, new Date().toISOString());
  }

  /** Saves pending edits now and resolves once they are on disk (or failed). */
  flush(): Promise<void> {
    performance.mark(AUTOSAVE_MARK);
    flushDrafts(this.store);
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#pendingSince = null;
    this.#running = this.#running.then(() => this.#saveLatest());
    return this.#running;
  }

  dispose(): void {
    clearTimeout(this.#timer);
    this.#unsubscribe?.();
    this.#unsubscribe = null;
    this.#unsubscribeDrafts?.();
    this.#unsubscribeDrafts = null;
  }

  /** Saves `delay` ms from now; for edits, no later than the max wait after the first. */
  #schedule(delay: number, edit = true): void {
    clearTimeout(this.#timer);
    if (edit) {
      const now = Date.now();
      this.#pendingSince ??= now;
      delay = Math.max(0, Math.min(delay, this.#pendingSince + this.maxWaitMs - now));
    }
    this.#timer = setTimeout(() => void this.flush(), delay);
  }

  async #saveLatest(): Promise<void> {
    const { doc, revision, save } = this.store.getState();
    if (revision === this.#savedRevision) {
      // Typing that ended where it began changed nothing: nothing to write, and nothing unsaved.
      if (save.kind === 'pending') this.store.getState().setSaveStatus({ kind: 'saved', at: this.#savedAt });
      return;
    }
    this.store.getState().setSaveStatus({ kind: 'saving' });
    try {
      const receipt = await this.platform.saveDocument(touch(doc, new Date().toISOString()));
      this.#savedRevision = revision;
      this.#savedAt = receipt.savedAt;
      const stillCurrent = this.store.getState().revision === revision;
      this.store.getState().setSaveStatus(stillCurrent ? { kind: 'saved', at: receipt.savedAt } : { kind: 'pending' });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.store.getState().setSaveStatus({
        kind: 'error',
        message: `Not saved: ${reason}. Your changes are kept in this window; retrying in ${RETRY_DELAY_MS / 1000} s.`,
      });
      this.#schedule(RETRY_DELAY_MS, false);
    }
  }
}
