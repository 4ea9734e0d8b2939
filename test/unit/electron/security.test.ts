import { describe, expect, it } from 'vitest';
import { buildMenuTemplate } from '../../../electron/menu';
import {
  allowPermission,
  CONTENT_SECURITY_POLICY,
  createTrustedSenderCheck,
  decideNavigation,
  decideWindowOpen,
  mainWindowOptions,
} from '../../../electron/security';
import { DEFAULT_BOUNDS, restoreWindowState } from '../../../electron/windowState';
import type { AppCommand } from '../../../shared/api';

describe('main window security', () => {
  const prefs = mainWindowOptions('/app/preload/index.cjs', DEFAULT_BOUNDS, false).webPreferences ?? {};

  it('isolates the page from Node and Electron', () => {
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
    expect(prefs.preload).toBe('/app/preload/index.cjs');
  });

  it('has a strict content security policy', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-inline');
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
  });

  it('trusts only pages under the app folder', () => {
    const trusted = createTrustedSenderCheck('file:///opt/app/renderer/');
    expect(trusted('file:///opt/app/renderer/index.html')).toBe(true);
    expect(trusted('file:///opt/app/renderer/../../secret.html')).toBe(false);
    expect(trusted('file:///opt/app/rendererX/index.html')).toBe(false);
    expect(trusted('https://example.com/')).toBe(false);
    expect(trusted('')).toBe(false);
  });

  it('never opens new app windows; web links go to the system browser', () => {
    expect(decideWindowOpen('https://tracker.example/PM-1')).toEqual({ action: 'deny', openExternally: true });
    expect(decideWindowOpen('file:///etc/passwd')).toEqual({ action: 'deny', openExternally: false });
    expect(decideWindowOpen('javascript:alert(1)')).toEqual({ action: 'deny', openExternally: false });
  });

  it('refuses navigation away from the app', () => {
    const trusted = createTrustedSenderCheck('file:///opt/app/renderer/');
    expect(decideNavigation('file:///opt/app/renderer/index.html', trusted)).toEqual({
      allow: true,
      openExternally: false,
    });
    expect(decideNavigation('https://evil.example/', trusted)).toEqual({ allow: false, openExternally: true });
    expect(decideNavigation('file:///tmp/x.html', trusted)).toEqual({ allow: false, openExternally: false });
  });
});

describe('native menu', () => {
  const flatten = (items: ReturnType<typeof buildMenuTemplate>): ReturnType<typeof buildMenuTemplate> =>
    items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);

  it('has the usual accelerators and roles', () => {
    const items = flatten(buildMenuTemplate(false, () => {}));
    const byLabel = (label: string) => items.find((i) => i.label === label);
    expect(byLabel('New Postmortem')?.accelerator).toBe('CmdOrCtrl+N');
    expect(byLabel('Open Library')?.accelerator).toBe('CmdOrCtrl+Shift+L');
    expect(byLabel('Undo')?.accelerator).toBe('CmdOrCtrl+Z');
    expect(byLabel('Redo')?.accelerator).toBe('Ctrl+Y');
    // Meeting keys are listed with their keys but left to the page, so typing a space or an N never triggers them.
    for (const [label, key] of [
      ['Pause or Resume', 'Space'],
      ['Next Phase', 'N'],
      ['Previous Phase', 'P'],
      ['Add 5 Minutes', 'E'],
      ['Present', 'F5'],
      ['Facilitator Console', 'CmdOrCtrl+Shift+M'],
    ] as const) {
      expect(byLabel(label)).toMatchObject({ accelerator: key, registerAccelerator: false });
    }
    // The page opens its shortcuts list for this command.
    const shortcuts = byLabel('Keyboard Shortcuts');
    expect(shortcuts?.accelerator).toBe('CmdOrCtrl+/');
    const sent: string[] = [];
    const withSend = flatten(buildMenuTemplate(false, (command) => sent.push(command)));
    (withSend.find((i) => i.label === 'Keyboard Shortcuts')?.click as () => void)();
    expect(sent).toEqual(['show-shortcuts']);
    const roles = items.map((i) => i.role).filter(Boolean);
    for (const role of [
      'close',
      'quit',
      'cut',
      'copy',
      'paste',
      'resetZoom',
      'zoomIn',
      'zoomOut',
      'togglefullscreen',
    ]) {
      expect(roles).toContain(role);
    }
  });

  it('sends document commands to the page', () => {
    const sent: AppCommand[] = [];
    const items = flatten(buildMenuTemplate(true, (c) => sent.push(c)));
    for (const label of ['New Postmortem', 'Open Library', 'Undo', 'Redo']) {
      const click = items.find((i) => i.label === label)?.click as (() => void) | undefined;
      click?.();
    }
    expect(sent).toEqual(['new-postmortem', 'open-library', 'undo', 'redo']);
  });
});

describe('window state', () => {
  const screen = [{ x: 0, y: 0, width: 1920, height: 1080 }];

  it('restores a window that is still on a screen', () => {
    const saved = { x: 100, y: 80, width: 1200, height: 800, maximized: true, fullScreen: false };
    expect(restoreWindowState(saved, screen)).toEqual({
      bounds: { x: 100, y: 80, width: 1200, height: 800 },
      maximized: true,
      fullScreen: false,
    });
  });

  it('keeps the size but lets the OS place a window whose monitor is gone', () => {
    const saved = { x: 3000, y: 0, width: 1200, height: 800, maximized: false, fullScreen: false };
    expect(restoreWindowState(saved, screen).bounds).toEqual({ width: 1200, height: 800 });
  });

  it('falls back to defaults for missing or damaged state', () => {
    expect(restoreWindowState(undefined, screen).bounds).toEqual(DEFAULT_BOUNDS);
    expect(restoreWindowState({ x: 'a' }, screen).bounds).toEqual(DEFAULT_BOUNDS);
  });
});

describe('site permissions', () => {
  it('grants only clipboard writing and full screen, and refuses every device, sensor and notification', () => {
    expect(allowPermission('clipboard-sanitized-write')).toBe(true);
    expect(allowPermission('fullscreen')).toBe(true);
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'midi',
      'midiSysex',
      'pointerLock',
      'openExternal',
      'clipboard-read',
      'display-capture',
      'hid',
      'serial',
      'usb',
      'unknown',
      '',
    ])
      expect(allowPermission(permission)).toBe(false);
  });
});
