/** Whether a key event goes to a field a person is typing in (so app shortcuts stay out of its way). */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * A chord the app handles on the window wherever the focus is (Ctrl/Cmd+Shift+P/K/M/L,
 * Ctrl/Cmd+/): a field that keeps its keys to itself must still let these through.
 */
export function isAppChord(event: {
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
  key: string;
}): boolean {
  if (!(event.ctrlKey || event.metaKey) || event.altKey) return false;
  return event.key === '/' || (event.shiftKey && ['p', 'k', 'm', 'l'].includes(event.key.toLowerCase()));
}
