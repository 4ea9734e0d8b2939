import { useEffect, useState } from 'react';

/**
 * Runs `callback` once the next frame has been handed to the compositor: a
 * requestAnimationFrame callback runs before that frame's style, layout and paint, and a
 * message posted from it is delivered after them. Work that need not be in the frame
 * (focusing a field that is already drawn, say) then does not delay it. Returns a cancel.
 */
export function afterNextPaint(callback: () => void): () => void {
  let cancelled = false;
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    channel.port1.close();
    if (!cancelled) callback();
  };
  const frame = requestAnimationFrame(() => channel.port2.postMessage(null));
  return () => {
    cancelled = true;
    cancelAnimationFrame(frame);
    channel.port1.close();
  };
}

/**
 * False in a component's first render, true from just after the frame that first paints
 * it: for content far below the fold that the first frame need not wait for.
 */
export function usePaintedOnce(): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => afterNextPaint(() => setPainted(true)), []);
  return painted;
}
