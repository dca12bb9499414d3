// Environment: Electron main process. The Electron host: one window showing the renderer, the desk core in this
// process, DeskApi over IPC (preload/index.ts). Bundled to dist/electron/main.cjs by scripts/build-electron.ts.
import { app, BrowserWindow, ipcMain, session, shell, type IpcMainInvokeEvent } from 'electron';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { IPC_CHANNELS } from '../../shared/desk-api.js';
import { createDeskCore, dispatchDeskCall, type DeskCore, type DispatchOutcome } from '../core/desk-core.js';
import { contentSecurityPolicy } from '../web/security-headers.js';
import { isExternalWebLink, isOurRendererFrame } from './window-policy.js';

// dist/electron/main.cjs → dist/renderer and dist/electron/preload.cjs (inside app.asar once packaged).
const rendererIndex = join(__dirname, '..', 'renderer', 'index.html');
const rendererIndexUrl = pathToFileURL(rendererIndex).href;
const preloadPath = join(__dirname, 'preload.cjs');
// better-sqlite3 built for Electron's ABI by `npm run electron:rebuild`, kept apart from Node's build. A packaged
// app has it rebuilt in place by electron-builder, so the default binding is right there.
const electronNativeBinding = join(__dirname, '..', '..', 'build', 'electron-native', 'better_sqlite3.node');

const CSP = contentSecurityPolicy([]);

let mainWindow: BrowserWindow | null = null;
let core: DeskCore | null = null;
let coreClosed = false;

function createCore(): DeskCore {
  const desk = createDeskCore({
    dataDir: process.env.CONSOLE_DATA_DIR || app.getPath('userData'),
    defaultHubUrl: process.env.HUB_URL || 'http://127.0.0.1:4710',
    ...(existsSync(electronNativeBinding) ? { nativeBinding: electronNativeBinding } : {}),
  });
  desk.onEvent((event) => {
    if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send(IPC_CHANNELS.event, event);
  });
  return desk;
}

function hardenSession(): void {
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CSP] } });
  });
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
}

function createWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 900,
    minHeight: 600,
    title: 'Handoff Desk',
    show: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: true,
    },
  });
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    mainWindow = null;
  });
  void window.loadFile(rendererIndex);
  return window;
}

async function handleCall(
  event: IpcMainInvokeEvent,
  method: unknown,
  args: unknown,
): Promise<DispatchOutcome> {
  // Only our own window's renderer may reach the desk core.
  if (
    !mainWindow ||
    event.sender !== mainWindow.webContents ||
    !isOurRendererFrame(event.senderFrame?.url, rendererIndexUrl)
  ) {
    return { ok: false, error: { code: 'forbidden', message: 'This frame may not call the desk core.' } };
  }
  if (!core) return { ok: false, error: { code: 'offline', message: 'The desk core is not running.' } };
  if (typeof method !== 'string') {
    return { ok: false, error: { code: 'invalid', message: 'method: expected a string' } };
  }
  return dispatchDeskCall(core, method, args);
}

// One console per data dir: a second instance would share the cache and outbox.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (navigation) => navigation.preventDefault());
    contents.on('will-attach-webview', (attach) => attach.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      if (isExternalWebLink(url)) void shell.openExternal(url);
      return { action: 'deny' };
    });
  });

  void app.whenReady().then(() => {
    hardenSession();
    core = createCore();
    ipcMain.handle(IPC_CHANNELS.call, handleCall);
    mainWindow = createWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) mainWindow = createWindow();
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  // Close the desk core (socket, SQLite) before the process ends.
  app.on('will-quit', (event) => {
    if (coreClosed || !core) return;
    event.preventDefault();
    const closing = core;
    core = null;
    void closing.close().finally(() => {
      coreClosed = true;
      app.quit();
    });
  });
}
