import { useEffect, useState } from 'react';

/**
 * The current time, re-read every `intervalMs` while `active` and whenever the window
 * becomes visible again. Only a trigger to re-render: every figure shown is computed
 * from timestamps, so a throttled or sleeping window is right on its next frame.
 */
export function useNow(active: boolean, intervalMs = 250): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    if (!active) return;
    const tick = () => setNow(new Date());
    tick();
    const timer = window.setInterval(tick, intervalMs);
    document.addEventListener('visibilitychange', tick);
    window.addEventListener('focus', tick);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', tick);
      window.removeEventListener('focus', tick);
    };
  }, [active, intervalMs]);
  return now;
}
