import { useDocument } from './documentStore';

/** The store's edit action: apply a pure edit from shared/ as one (coalescable) undo step. */
export function useEdit() {
  return useDocument((s) => s.edit);
}

export function newId(): string {
  return crypto.randomUUID().slice(0, 13);
}

export function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

let keySequence = 0;
/** A burst key used once: the edit becomes its own undo step. */
export function uniqueKey(prefix: string): string {
  keySequence += 1;
  return `${prefix}#${keySequence}`;
}
