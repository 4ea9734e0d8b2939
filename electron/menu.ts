/**
 * The native menu as data. Items that act on the document send an app command to the
 * focused window's page; editing and window items use Electron's built-in roles.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { AppCommand } from '../shared/api';

export function buildMenuTemplate(isMac: boolean, send: (command: AppCommand) => void): MenuItemConstructorOptions[] {
  const appMenu: MenuItemConstructorOptions[] = isMac
    ? [
        {
          label: 'Postmortem Studio',
          submenu: [
            { role: 'about' },
            { type: 'separator' },
            { role: 'hide' },
            { role: 'hideOthers' },
            { role: 'unhide' },
            { type: 'separator' },
            { role: 'quit' },
          ],
        },
      ]
    : [];
  return [
    ...appMenu,
    {
      label: 'File',
      submenu: [
        { label: 'New Postmortem', accelerator: 'CmdOrCtrl+N', click: () => send('new-postmortem') },
        { label: 'Import Markdown…', accelerator: 'CmdOrCtrl+O', click: () => send('import-markdown') },
        { label: 'Open Library', accelerator: 'CmdOrCtrl+Shift+L', click: () => send('open-library') },
        { type: 'separator' },
        { role: 'close', accelerator: 'CmdOrCtrl+W' },
        ...(isMac ? [] : [{ type: 'separator' } as const, { role: 'quit', accelerator: 'Ctrl+Q' } as const]),
      ],
    },
    {
      label: 'Edit',
      submenu: [
        // Undo/redo go to the page: text fields undo typing, the document store undoes the rest.
        { label: 'Undo', accelerator: 'CmdOrCtrl+Z', click: () => send('undo') },
        { label: 'Redo', accelerator: isMac ? 'Shift+Cmd+Z' : 'Ctrl+Y', click: () => send('redo') },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    {
      label: 'View',
      submenu: [
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    {
      label: 'Meeting',
      submenu: [
        // Single keys are shown but handled by the page, so they never steal a key
        // typed into a field (`registerAccelerator: false`).
        {
          label: 'Pause or Resume',
          accelerator: 'Space',
          registerAccelerator: false,
          click: () => send('meeting-toggle-pause'),
        },
        { label: 'Next Phase', accelerator: 'N', registerAccelerator: false, click: () => send('meeting-next') },
        {
          label: 'Previous Phase',
          accelerator: 'P',
          registerAccelerator: false,
          click: () => send('meeting-previous'),
        },
        { label: 'Add 5 Minutes', accelerator: 'E', registerAccelerator: false, click: () => send('meeting-extend') },
        { type: 'separator' },
        { label: 'Present', accelerator: 'F5', registerAccelerator: false, click: () => send('toggle-presenting') },
        {
          label: 'Facilitator Console',
          accelerator: 'CmdOrCtrl+Shift+M',
          registerAccelerator: false,
          click: () => send('toggle-console'),
        },
        {
          label: 'Phrasing Prompts',
          accelerator: 'CmdOrCtrl+Shift+K',
          registerAccelerator: false,
          click: () => send('toggle-prompts'),
        },
      ],
    },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [{ label: 'Keyboard Shortcuts', accelerator: 'CmdOrCtrl+/', click: () => send('show-shortcuts') }],
    },
  ];
}
