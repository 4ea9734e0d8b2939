/** Picks the Platform API at start-up: the Electron bridge when present, else IndexedDB. */
import type { PlatformApi } from '../../../shared/api';
import { createBrowserPlatform } from './browserPlatform';

declare global {
  interface Window {
    postmortemStudio?: PlatformApi;
  }
}

let chosen: PlatformApi | null = null;

/** The page's one Platform API (the same object on every call). */
export function choosePlatform(): PlatformApi {
  chosen ??= window.postmortemStudio ?? createBrowserPlatform();
  return chosen;
}
