// Electron cannot run here: these drive hardening.ts with stand-ins for Electron's Session, WebContents and IPC
// event (stubbed at the module boundary: the module imports only Electron's types).
import { describe, expect, it, vi } from 'vitest';
import type { IpcMainInvokeEvent, Session, WebContents } from 'electron';
import { denyAllPermissions, isTrustedDeskCaller, limitNavigation } from './hardening.js';

const index = 'file:///opt/Handoff%20Desk/resources/app.asar/dist/renderer/index.html';

type Listener = (event: { url: string; preventDefault: () => void }) => void;

function fakeContents() {
  const listeners = new Map<string, Listener>();
  let openHandler: ((details: { url: string }) => { action: string }) | null = null;
  const contents = {
    on(name: string, listener: Listener) {
      listeners.set(name, listener);
      return contents;
    },
    setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
      openHandler = handler;
    },
  };
  const opened: string[] = [];
  limitNavigation(contents as unknown as Pick<WebContents, 'on' | 'setWindowOpenHandler'>, async (url) => {
    opened.push(url);
  });
  const fire = (name: string, url: string) => {
    const preventDefault = vi.fn();
    listeners.get(name)?.({ url, preventDefault });
    return preventDefault.mock.calls.length > 0;
  };
  const openWindow = (url: string) => openHandler?.({ url })?.action;
  return { fire, openWindow, opened };
}

describe('Electron hardening', () => {
  it('refuses every permission request and check, notifications included', () => {
    let request: ((c: unknown, permission: string, callback: (granted: boolean) => void) => void) | null =
      null;
    let check: ((c: unknown, permission: string) => boolean) | null = null;
    denyAllPermissions({
      setPermissionRequestHandler: (handler: typeof request) => (request = handler),
      setPermissionCheckHandler: (handler: typeof check) => (check = handler),
    } as unknown as Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>);
    for (const permission of ['notifications', 'media', 'geolocation', 'clipboard-read', 'openExternal']) {
      const callback = vi.fn();
      request!(null, permission, callback);
      expect(callback).toHaveBeenCalledExactlyOnceWith(false);
      expect(check!(null, permission)).toBe(false);
    }
  });

  it('never lets a page navigate the window: web links go to the system browser, others nowhere', () => {
    const { fire, opened } = fakeContents();
    expect(fire('will-navigate', 'https://help.example.com/returns')).toBe(true);
    expect(fire('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(fire('will-navigate', 'javascript:alert(1)')).toBe(true);
    expect(opened).toEqual(['https://help.example.com/returns']);
  });

  it('denies every new window and hands only http(s) links to the system browser', () => {
    const { openWindow, opened } = fakeContents();
    expect(openWindow('http://example.com/order/42')).toBe('deny');
    expect(openWindow('smb://share/payload')).toBe('deny');
    expect(openWindow('file:///tmp/evil.html')).toBe('deny');
    expect(opened).toEqual(['http://example.com/order/42']);
  });

  it('refuses <webview> tags', () => {
    const { fire } = fakeContents();
    expect(fire('will-attach-webview', 'https://example.com/')).toBe(true);
  });

  it('lets only our window’s top frame showing our renderer call the desk core', () => {
    const mainFrame = { url: `${index}#/queue` };
    const webContents = { mainFrame };
    const window = { webContents } as unknown as { webContents: Pick<WebContents, 'mainFrame'> };
    const call = (sender: unknown, senderFrame: unknown) =>
      isTrustedDeskCaller(
        { sender, senderFrame } as unknown as Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>,
        window,
        index,
      );
    expect(call(webContents, mainFrame)).toBe(true);
    // Another window's contents, an iframe of ours, a frame gone (null), and no window at all.
    expect(call({ mainFrame }, mainFrame)).toBe(false);
    expect(call(webContents, { url: index })).toBe(false);
    expect(call(webContents, null)).toBe(false);
    expect(
      isTrustedDeskCaller(
        { sender: webContents, senderFrame: mainFrame } as unknown as Pick<
          IpcMainInvokeEvent,
          'sender' | 'senderFrame'
        >,
        null,
        index,
      ),
    ).toBe(false);
    // Our top frame, but showing some other document.
    mainFrame.url = 'https://evil.example/dist/renderer/index.html';
    expect(call(webContents, mainFrame)).toBe(false);
  });
});
