// Environment: Electron main process. The Electron host: one window showing the renderer, the desk core in this
// process, DeskApi over IPC (preload/index.ts). Bundled to dist/electron/main.cjs by scripts/build-electron.ts.
import {
  app,
  BrowserWindow,
  ipcMain,
  Menu,
  nativeImage,
  Notification,
  safeStorage,
  session,
  shell,
  Tray,
  type IpcMainInvokeEvent,
} from 'electron';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { IPC_CHANNELS, type DeskEvent } from '../../shared/desk-api.js';
import { cacheKeyFile } from '../core/cache-key.js';
import { createDeskCore, dispatchDeskCall, type DeskCore, type DispatchOutcome } from '../core/desk-core.js';
import { contentSecurityPolicy } from '../web/security-headers.js';
import { createAttention, type Attention, type TrayPort } from './attention.js';
import { safeStorageSessionCipher } from './session-cipher.js';
import { trayIconBitmap, unreadDotBitmap } from './tray-icon.js';
import { denyAllPermissions, isTrustedDeskCaller, limitNavigation } from './hardening.js';

// dist/electron/main.cjs → dist/renderer and dist/electron/preload.cjs (inside app.asar once packaged).
const rendererIndex = join(__dirname, '..', 'renderer', 'index.html');
const rendererIndexUrl = pathToFileURL(rendererIndex).href;
const preloadPath = join(__dirname, 'preload.cjs');
// better-sqlite3-multiple-ciphers (the encrypted cache) built for Electron's ABI by `npm run electron:rebuild`,
// kept apart from Node's build. A packaged app has it rebuilt in place by electron-builder, so the default binding
// is right there.
const electronNativeBinding = join(
  __dirname,
  '..',
  '..',
  'build',
  'electron-native',
  'better_sqlite3_multiple_ciphers.node',
);

const CSP = contentSecurityPolicy([]);

let mainWindow: BrowserWindow | null = null;
let core: DeskCore | null = null;
let coreClosed = false;
let tray: Tray | null = null;
/** Shown notifications, referenced until dismissed: a collected Notification loses its click handler. */
const openNotifications = new Set<Notification>();

function createCore(): DeskCore {
  const sessionCipher = safeStorageSessionCipher(safeStorage, process.platform);
  if (!sessionCipher) {
    console.warn(
      'Handoff Desk: no OS keyring for safeStorage; the session file and the cache key are protected by their mode (0600) only.',
    );
  }
  const dataDir = process.env.CONSOLE_DATA_DIR || app.getPath('userData');
  const desk = createDeskCore({
    ...(sessionCipher ? { sessionCipher } : {}),
    // The cache's encryption key, sealed with safeStorage like the session (plain 0600 file without a keyring).
    cacheKeyStore: cacheKeyFile(dataDir, sessionCipher ?? undefined),
    dataDir,
    defaultHubUrl: process.env.HUB_URL || 'http://127.0.0.1:4710',
    ...(existsSync(electronNativeBinding) ? { nativeBinding: electronNativeBinding } : {}),
  });
  desk.onEvent(sendToRenderer);
  return desk;
}

function sendToRenderer(event: DeskEvent): void {
  const window = mainWindow;
  if (!window || window.isDestroyed()) return;
  // A window still loading (just reopened from the tray) would drop it: send once it can listen.
  if (window.webContents.isLoading()) {
    window.webContents.once('did-finish-load', () => window.webContents.send(IPC_CHANNELS.event, event));
  } else window.webContents.send(IPC_CHANNELS.event, event);
}

function focusWindow(): void {
  if (!mainWindow || mainWindow.isDestroyed()) mainWindow = createWindow();
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

function trayImage(unread: boolean): Electron.NativeImage {
  // 32 px at scale factor 2: a crisp 16-point tray icon.
  return nativeImage.createFromBitmap(trayIconBitmap(32, { unread }), {
    width: 32,
    height: 32,
    scaleFactor: 2,
  });
}

function unreadDotImage(): Electron.NativeImage {
  return nativeImage.createFromBitmap(unreadDotBitmap(32), { width: 32, height: 32, scaleFactor: 2 });
}

/** The tray icon, where the platform has one (some Linux desktops have none: then no tray). */
function createTray(): TrayPort | null {
  try {
    tray = new Tray(trayImage(false));
  } catch (error) {
    console.error(`Handoff Desk: no tray icon on this desktop (${String(error)}).`);
    return null;
  }
  const icon = tray;
  icon.on('click', focusWindow);
  return {
    setToolTip: (text) => icon.setToolTip(text),
    setMenu: (items) =>
      icon.setContextMenu(
        Menu.buildFromTemplate(items.map((item) => ({ label: item.label, click: item.click }))),
      ),
    setUnread: (unread) => icon.setImage(trayImage(unread)),
  };
}

/** Notifications, the unread badge and the tray follow the desk core's events (see attention.ts). */
async function startAttention(desk: DeskCore): Promise<void> {
  // Subscribe first and replay what arrives while the snapshot is read, so nothing slips between.
  const early: DeskEvent[] = [];
  let attention: Attention | null = null;
  desk.onEvent((event) => (attention ? attention.handle(event) : early.push(event)));
  const started = createAttention(
    {
      systemLocale: () => app.getLocale(),
      showNotification(content, onClick) {
        if (!Notification.isSupported()) return;
        // Silent: the renderer plays the console's own sound when the agent turned it on.
        const notification = new Notification({ title: content.title, body: content.body, silent: true });
        openNotifications.add(notification);
        const forget = () => openNotifications.delete(notification);
        notification.on('click', () => {
          forget();
          onClick();
        });
        notification.on('close', forget);
        notification.on('failed', forget);
        notification.show();
      },
      focusWindow,
      isOnScreen: (conversationId) =>
        Boolean(mainWindow?.isFocused()) && desk.viewingConversation() === conversationId,
      sendToRenderer,
      setBadgeCount(count, description) {
        // Where the platform has a badge (macOS dock, Unity launcher); elsewhere the title and tray say it.
        app.setBadgeCount(count);
        // Windows has no numeric badge: a red dot over the taskbar button instead.
        if (process.platform === 'win32' && mainWindow && !mainWindow.isDestroyed()) {
          mainWindow.setOverlayIcon(count > 0 ? unreadDotImage() : null, description);
        }
      },
      tray: createTray(),
      quit: () => app.quit(),
    },
    await desk.getSnapshot({}),
  );
  attention = started;
  for (const event of early.splice(0)) started.handle(event);
}

function hardenSession(): void {
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CSP] } });
  });
  denyAllPermissions(session.defaultSession);
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
  // The window title follows the renderer's document.title ("(3) Handoff Desk"): Electron's default, kept on
  // purpose (no 'page-title-updated' handler), so the unread count shows in the taskbar too.
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
  if (!isTrustedDeskCaller(event, mainWindow, rendererIndexUrl)) {
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
    if (mainWindow) focusWindow();
  });

  app.on('web-contents-created', (_event, contents) =>
    limitNavigation(contents, (url) => shell.openExternal(url)),
  );

  void app.whenReady().then(() => {
    hardenSession();
    core = createCore();
    void startAttention(core);
    ipcMain.handle(IPC_CHANNELS.call, handleCall);
    mainWindow = createWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) mainWindow = createWindow();
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app.on('before-quit', () => {
    tray?.destroy();
    tray = null;
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
