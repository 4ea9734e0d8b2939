/** Picks the Platform API at start-up: the Electron bridge when present, else IndexedDB. */
import type { PlatformApi } from '../../../shared/api';
import { createBrowserPlatform } from './browserPlatform';

declare global {
  interface Window {
    postmortemStudio?: PlatformApi;
  }
}

export function choosePlatform(): PlatformApi {
  return window.postmortemStudio ?? createBrowserPlatform();
}
