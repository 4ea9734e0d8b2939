import { createContext, useContext } from 'react';

/**
 * True while the document is shown to the room: private things (phrasing prompts,
 * pitfalls, notes) stay off the shared screen.
 */
export const PresentingContext = createContext(false);

export function usePresenting(): boolean {
  return useContext(PresentingContext);
}
