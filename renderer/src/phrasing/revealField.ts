/**
 * Takes the person to a prose field from anywhere (the Prompts panel): scrolls it into
 * view, focuses it and selects the flagged words. Fields that are not on screen until
 * asked for (a why node's editor) register a revealer that opens them first.
 */

/** Opens the field if this revealer owns it; returns false when it does not. */
export type Revealer = (field: string) => boolean;

const revealers = new Set<Revealer>();

export function registerRevealer(revealer: Revealer): () => void {
  revealers.add(revealer);
  return () => revealers.delete(revealer);
}

function findField(field: string): HTMLTextAreaElement | null {
  return document.querySelector<HTMLTextAreaElement>(`textarea[data-prompt-field="${CSS.escape(field)}"]`);
}

/** Frames to wait for a field that a revealer has just asked React to render. */
const MAX_FRAMES = 30;

export function revealField(field: string, range?: { start: number; end: number }): void {
  const focus = (el: HTMLTextAreaElement) => {
    el.scrollIntoView({ block: 'center', behavior: 'auto' });
    el.focus({ preventScroll: true });
    if (range) el.setSelectionRange(range.start, range.end);
  };
  const now = findField(field);
  if (now) return focus(now);
  for (const revealer of revealers) if (revealer(field)) break;
  let frames = 0;
  const retry = () => {
    const el = findField(field);
    if (el && document.activeElement === el && frames > 0) return;
    if (el) focus(el);
    // Once more on the next frame: an editor that just opened may move focus to its own first field.
    if ((frames += 1) < MAX_FRAMES && (!el || frames < 3)) requestAnimationFrame(retry);
  };
  requestAnimationFrame(retry);
}
