/**
 * Security policy as data and pure functions, so unit tests can assert it without an
 * Electron binary: window preferences, the content security policy, which pages may
 * call IPC, and what happens to navigation and window.open.
 */
import type { BrowserWindowConstructorOptions } from 'electron';

export { CONTENT_SECURITY_POLICY } from '../shared/csp';

export interface WindowBounds {
  x?: number;
  y?: number;
  width: number;
  height: number;
}

export function mainWindowOptions(
  preloadPath: string,
  bounds: WindowBounds,
  darkBackground: boolean,
): BrowserWindowConstructorOptions {
  return {
    ...bounds,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Postmortem Studio',
    backgroundColor: darkBackground ? '#16181d' : '#ffffff',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: true,
      navigateOnDragDrop: false,
    },
  };
}

/** A page is ours when its URL lies under the folder (or dev server) we loaded it from. */
export function createTrustedSenderCheck(appUrlPrefix: string): (url: string) => boolean {
  return (url) => url.length > 0 && url.startsWith(appUrlPrefix) && !url.slice(appUrlPrefix.length).includes('..');
}

/** window.open and target=_blank: never a new Electron window; web links go to the browser. */
export function decideWindowOpen(url: string): { action: 'deny'; openExternally: boolean } {
  return { action: 'deny', openExternally: isExternalWebUrl(url) };
}

/** In-page navigation away from the app is refused; web links open in the browser. */
export function decideNavigation(
  url: string,
  isTrusted: (url: string) => boolean,
): { allow: boolean; openExternally: boolean } {
  if (isTrusted(url)) return { allow: true, openExternally: false };
  return { allow: false, openExternally: isExternalWebUrl(url) };
}

/**
 * Site permissions the page may have: writing to the clipboard (Copy as markdown) and
 * going full screen (presenting a meeting). Camera, microphone, notifications,
 * geolocation, MIDI, HID, serial and the rest are refused.
 */
export function allowPermission(permission: string): boolean {
  return permission === 'clipboard-sanitized-write' || permission === 'fullscreen';
}

export function isExternalWebUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:';
  } catch {
    return false;
  }
}
