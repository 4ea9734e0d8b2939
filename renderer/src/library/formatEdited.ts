/** "just now", "5 min ago", "today 14:05", "2026-03-18": short, and exact on hover. */
export function formatEdited(iso: string, now: Date): string {
  const then = new Date(iso);
  const seconds = (now.getTime() - then.getTime()) / 1000;
  if (Number.isNaN(seconds)) return '—';
  if (seconds < 60) return 'just now';
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ago`;
  const time = then.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  if (then.toDateString() === now.toDateString()) return `today ${time}`;
  return then.toISOString().slice(0, 10);
}
