/**
 * Main process: one window, the menu, storage and IPC. Thin by design: every policy
 * it applies (window options, navigation rules, storage, IPC validation) lives in a
 * module that is unit-tested under plain Node.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, nativeTheme, screen, session, shell } from 'electron';
import ElectronStore from 'electron-store';
import type { AppCommand } from '../shared/api';
import { COMMAND_CHANNEL, MEETING_CHANNEL, READY_TO_CLOSE_CHANNEL, WORKSPACE_CHANNEL } from '../shared/ipc';
import { registerDocumentHandlers } from './ipc/documents';
import { registerFileHandlers } from './ipc/files';
import { registerMeetingHandlers } from './ipc/meeting';
import { registerWorkspaceHandlers } from './ipc/workspace';
import { openExternalLink, shownAddress } from './externalLinks';
import { buildMenuTemplate } from './menu';
import {
  allowPermission,
  CONTENT_SECURITY_POLICY,
  createTrustedSenderCheck,
  decideNavigation,
  decideWindowOpen,
  mainWindowOptions,
} from './security';
import { DocumentStorage, type JsonStore } from './storage/documentStorage';
import { restoreWindowState, type SavedWindowState } from './windowState';
import { appLibraryFrom, WorkspaceFolder } from './storage/workspaceFolder';

// A separate data folder (tests, portable use); must be set before anything reads userData.
const dataDirOverride = process.env['POSTMORTEM_STUDIO_DATA_DIR'];
if (dataDirOverride) app.setPath('userData', path.resolve(dataDirOverride));

const devServerUrl = process.env['ELECTRON_RENDERER_URL'];
const rendererDir = path.join(import.meta.dirname, '../renderer');
const appUrlPrefix = devServerUrl ? new URL(devServerUrl).origin + '/' : pathToFileURL(rendererDir).href + '/';
const isTrustedSender = createTrustedSenderCheck(appUrlPrefix);

/** How long a closing window waits for the page to flush its autosave. */
const FLUSH_TIMEOUT_MS = 3000;

let mainWindow: BrowserWindow | null = null;

function createStorage(): DocumentStorage {
  const root = app.getPath('userData');
  return new DocumentStorage({
    root,
    openStore: (name) =>
      new ElectronStore({ name, cwd: root, clearInvalidConfig: false, watch: false }) as unknown as JsonStore,
  });
}

function createWorkspace(storage: DocumentStorage): WorkspaceFolder {
  return new WorkspaceFolder({
    app: appLibraryFrom(storage),
    state: {
      load: () => storage.getLibraryValue('workspace'),
      save: (state) => storage.setLibraryValue('workspace', state),
    },
    onEvent: (event) => {
      for (const win of BrowserWindow.getAllWindows())
        if (!win.isDestroyed()) win.webContents.send(WORKSPACE_CHANNEL, event);
    },
  });
}

function createWindow(storage: DocumentStorage, workspace: WorkspaceFolder): BrowserWindow {
  const state = restoreWindowState(
    storage.getLibraryValue('window'),
    screen.getAllDisplays().map((d) => d.workArea),
  );
  const win = new BrowserWindow(
    mainWindowOptions(
      path.join(import.meta.dirname, '../preload/index.cjs'),
      state.bounds,
      nativeTheme.shouldUseDarkColors,
    ),
  );
  if (state.maximized) win.maximize();
  if (state.fullScreen) win.setFullScreen(true);
  win.once('ready-to-show', () => win.show());
  // fs.watch misses changes on network and synced drives; coming back to the window catches them.
  win.on('focus', () => workspace.scan());

  const links = {
    confirm: async (url: string) =>
      (
        await dialog.showMessageBox(win, {
          type: 'question',
          buttons: ['Open in browser', 'Cancel'],
          defaultId: 1,
          cancelId: 1,
          message: 'Open this link in your web browser?',
          detail: shownAddress(url),
        })
      ).response === 0,
    open: (url: string) => shell.openExternal(url),
  };
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (decideWindowOpen(url).openExternally) void openExternalLink(url, links);
    return { action: 'deny' };
  });
  win.webContents.on('will-navigate', (event, url) => {
    const decision = decideNavigation(url, isTrustedSender);
    if (!decision.allow) event.preventDefault();
    if (decision.openExternally) void openExternalLink(url, links);
  });

  let flushed = false;
  win.on('close', (event) => {
    const normal = win.getNormalBounds();
    const saved: SavedWindowState = {
      ...normal,
      maximized: win.isMaximized(),
      fullScreen: win.isFullScreen(),
    };
    storage.setLibraryValue('window', saved);
    if (flushed) return;
    // Let the page save its last keystrokes before the window goes away.
    event.preventDefault();
    const finish = (): void => {
      flushed = true;
      if (!win.isDestroyed()) win.close();
    };
    const timer = setTimeout(finish, FLUSH_TIMEOUT_MS);
    ipcMain.once(READY_TO_CLOSE_CHANNEL, (ipcEvent) => {
      if (ipcEvent.sender !== win.webContents) return;
      clearTimeout(timer);
      finish();
    });
    sendCommand(win, 'flush-before-close');
  });
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });

  if (devServerUrl) void win.loadURL(devServerUrl);
  else void win.loadFile(path.join(rendererDir, 'index.html'));
  return win;
}

/** The facilitator console for one postmortem, for a second screen. One per postmortem. */
const consoleWindows = new Map<string, BrowserWindow>();

function openConsoleWindow(docId: string): void {
  const open = consoleWindows.get(docId);
  if (open && !open.isDestroyed()) {
    open.focus();
    return;
  }
  const bounds = { width: 560, height: 900 };
  const win = new BrowserWindow({
    ...mainWindowOptions(
      path.join(import.meta.dirname, '../preload/index.cjs'),
      bounds,
      nativeTheme.shouldUseDarkColors,
    ),
    title: 'Facilitator console — Postmortem Studio',
  });
  consoleWindows.set(docId, win);
  win.once('ready-to-show', () => win.show());
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  win.webContents.on('will-navigate', (event, url) => {
    if (!decideNavigation(url, isTrustedSender).allow) event.preventDefault();
  });
  win.on('closed', () => consoleWindows.delete(docId));
  const hash = `console/${encodeURIComponent(docId)}`;
  if (devServerUrl) void win.loadURL(`${devServerUrl}#${hash}`);
  else void win.loadFile(path.join(rendererDir, 'index.html'), { hash });
}

function sendCommand(win: BrowserWindow | null, command: AppCommand): void {
  if (win && !win.isDestroyed()) win.webContents.send(COMMAND_CHANNEL, command);
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });

  void app.whenReady().then(() => {
    session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
      callback({
        responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
      });
    });
    // Only clipboard writes (Copy as markdown) are allowed; every other permission is refused.
    session.defaultSession.setPermissionRequestHandler((_contents, permission, callback) =>
      callback(allowPermission(permission)),
    );

    const storage = createStorage();
    const workspace = createWorkspace(storage);
    registerDocumentHandlers(ipcMain, storage, isTrustedSender, {
      saved: (doc) => workspace.write(doc),
      loaded: (id) => workspace.noteLoaded(id),
    });
    registerWorkspaceHandlers(
      ipcMain,
      workspace,
      async () => {
        const options = {
          title: 'Keep the library in a folder',
          properties: ['openDirectory' as const, 'createDirectory' as const],
        };
        const result = mainWindow
          ? await dialog.showOpenDialog(mainWindow, options)
          : await dialog.showOpenDialog(options);
        return result.canceled ? null : (result.filePaths[0] ?? null);
      },
      isTrustedSender,
    );
    workspace.startWatching();
    registerMeetingHandlers(
      ipcMain,
      {
        openConsole: openConsoleWindow,
        broadcast: (docId, message) => {
          for (const win of BrowserWindow.getAllWindows())
            if (!win.isDestroyed()) win.webContents.send(MEETING_CHANNEL, docId, message);
        },
      },
      isTrustedSender,
    );
    registerFileHandlers(
      ipcMain,
      {
        chooseSavePath: async (suggestedName) => {
          const options = {
            defaultPath: path.join(app.getPath('documents'), suggestedName),
            filters: [{ name: 'Markdown', extensions: ['md'] }],
          };
          const result = mainWindow
            ? await dialog.showSaveDialog(mainWindow, options)
            : await dialog.showSaveDialog(options);
          return result.canceled || !result.filePath ? null : result.filePath;
        },
        chooseOpenPath: async (kind) => {
          const options = {
            properties: ['openFile' as const],
            filters: [
              kind === 'json'
                ? { name: 'Phrasing settings (JSON)', extensions: ['json'] }
                : { name: 'Markdown', extensions: ['md', 'markdown', 'txt'] },
            ],
          };
          const result = mainWindow
            ? await dialog.showOpenDialog(mainWindow, options)
            : await dialog.showOpenDialog(options);
          return result.canceled ? null : (result.filePaths[0] ?? null);
        },
      },
      isTrustedSender,
    );
    const isMac = process.platform === 'darwin';
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        buildMenuTemplate(isMac, (command) => sendCommand(BrowserWindow.getFocusedWindow() ?? mainWindow, command)),
      ),
    );
    mainWindow = createWindow(storage, workspace);
    // Catch up with what changed in the folder while the app was closed.
    workspace.scan();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) mainWindow = createWindow(storage, workspace);
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}
