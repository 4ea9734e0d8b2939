/**
 * The address that opens a window as the facilitator console of one postmortem. Apart
 * from meetingSync.ts (which holds the message schema) because the start-up script reads
 * it to know which screen to show, and must not bring zod along for that.
 */

/** The hash that opens a window as the console of one postmortem. */
export function consoleHash(docId: string): string {
  return `#console/${encodeURIComponent(docId)}`;
}

export function consoleDocId(hash: string): string | null {
  const match = /^#console\/(.+)$/.exec(hash);
  if (!match?.[1]) return null;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return null;
  }
}
