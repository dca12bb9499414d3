// Environment: Electron main. The window's locks, written against Electron's types only (no runtime import of
// 'electron'), so tests can drive them with stand-ins: permissions, navigation, new windows, and who may call IPC.
import type { IpcMainInvokeEvent, Session, WebContents } from 'electron';
import { isExternalWebLink, isOurRendererFrame } from './window-policy.js';

/**
 * Every permission a page asks for is refused, notifications included: the console's notifications come from the
 * main process (Electron's Notification, see attention.ts), which asks no web permission, and in Electron the
 * renderer never calls the web Notification API (renderer/platform/desktop-notifications.ts).
 */
export function denyAllPermissions(
  session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>,
): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

/**
 * No page ever replaces the renderer or opens a window of ours: a web link (http/https) goes to the system
 * browser instead, anything else (file:, javascript:, custom schemes) goes nowhere. No <webview> either.
 */
export function limitNavigation(
  contents: Pick<WebContents, 'on' | 'setWindowOpenHandler'>,
  openExternal: (url: string) => Promise<void>,
): void {
  const handOut = (url: string) => {
    if (isExternalWebLink(url)) void openExternal(url).catch(() => undefined);
  };
  contents.on('will-navigate', (navigation) => {
    navigation.preventDefault();
    handOut(navigation.url);
  });
  contents.on('will-attach-webview', (attach) => attach.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    handOut(url);
    return { action: 'deny' };
  });
}

/**
 * Only our own window's top frame, showing our own renderer file, may reach the desk core: not another window,
 * not an iframe, not a page the window was somehow navigated to.
 */
export function isTrustedDeskCaller(
  event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>,
  window: { webContents: Pick<WebContents, 'mainFrame'> } | null,
  rendererIndexUrl: string,
): boolean {
  if (!window) return false;
  const frame = event.senderFrame;
  return (
    event.sender === window.webContents &&
    frame !== null &&
    frame === window.webContents.mainFrame &&
    isOurRendererFrame(frame.url, rendererIndexUrl)
  );
}
