import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import {
  bridgeResponseSchema,
  deskEventSchema,
  deskSnapshotSchema,
  WEB_BRIDGE_PATH,
} from '../../shared/desk-api.js';
import { temporaryDir } from '../core/test-support/fixtures.js';
import { CONSOLE_KEY_FILE_NAME } from './bridge-secret.js';
import { bridgeResultOf } from './test-support/bridge-result.js';
import { startWebHost, type RunningWebHost } from './web-host.js';

let host: RunningWebHost;
let rendererDir: string;

beforeEach(async () => {
  rendererDir = join(temporaryDir('renderer-'), 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(
    join(rendererDir, 'index.html'),
    '<!doctype html><title>Handoff Desk</title><div id="root"></div>',
  );
  writeFileSync(join(rendererDir, 'app.js'), 'console.log("app");');
  host = await startWebHost({
    port: 0,
    dataDir: temporaryDir(),
    defaultHubUrl: 'http://127.0.0.1:4710',
    rendererDir,
  });
});
afterEach(() => host.close());

function bridgeUrl(): string {
  return `${host.url.replace('http', 'ws')}${WEB_BRIDGE_PATH}`;
}

/** The cookie a browser gets by opening the console's printed address, as `name=value` (what it sends back). */
async function pageCookie(openUrl = host.openUrl): Promise<string> {
  const response = await fetch(openUrl, { redirect: 'manual' });
  await response.arrayBuffer();
  const setCookie = response.headers.get('set-cookie') ?? '';
  expect(setCookie).toMatch(/^handoff-desk-bridge-\d+=/);
  return setCookie.split(';')[0]!;
}

/** A bridge socket as a browser tab opens it: `origin`, with the page's cookie unless `cookie` says otherwise. */
async function openBridge(origin = host.url, cookie?: string | null): Promise<WebSocket> {
  const cookieHeader = cookie === undefined ? await pageCookie() : cookie;
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(bridgeUrl(), {
      origin,
      headers: cookieHeader === null ? {} : { cookie: cookieHeader },
    });
    socket.once('open', () => resolve(socket));
    socket.once('unexpected-response', (_request, response) =>
      reject(new Error(`refused with ${response.statusCode}`)),
    );
    socket.once('error', reject);
  });
}

describe('the web host', () => {
  it('serves the renderer with a strict Content-Security-Policy and other security headers', async () => {
    const response = await fetch(host.url, { headers: { cookie: await pageCookie() } });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>Handoff Desk</title>');
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain(`connect-src 'self' ${host.url.replace('http', 'ws')}`);
    expect(csp).not.toContain('unsafe-eval');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
  });

  it('answers only on its own address (no DNS rebinding)', async () => {
    const { request } = await import('node:http');
    const status = await new Promise<number | undefined>((resolve, reject) => {
      const req = request(host.url, { headers: { host: 'evil.example:80' } }, (res) => {
        res.resume();
        resolve(res.statusCode);
      });
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(421);
  });

  it('refuses a WebSocket from a foreign Origin', async () => {
    await expect(openBridge('https://evil.example')).rejects.toThrow(/403/);
  });

  it('opened from its printed address, sets the console key as an HttpOnly, SameSite=Strict cookie and drops it from the address', async () => {
    expect(host.openUrl).toMatch(new RegExp(`^${host.url}/\\?key=[A-Za-z0-9_-]{43}$`));
    const opened = await fetch(host.openUrl, { redirect: 'manual' });
    await opened.arrayBuffer();
    expect(opened.status).toBe(303);
    expect(opened.headers.get('location')).toBe('/');
    const setCookie = opened.headers.get('set-cookie') ?? '';
    const port = new URL(host.url).port;
    expect(setCookie).toMatch(new RegExp(`^handoff-desk-bridge-${port}=[A-Za-z0-9_-]{43}; `));
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Strict');
    expect(setCookie).toContain('Path=/');
    // With the cookie, the page and its client-side routes are served.
    const cookie = setCookie.split(';')[0]!;
    const route = await fetch(`${host.url}/conversations/c1`, { headers: { accept: 'text/html', cookie } });
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('<title>Handoff Desk</title>');
  });

  it('without the key, refuses the page with a message pointing at the printed address; a wrong key is refused', async () => {
    const bare = await fetch(host.url);
    expect(bare.status).toBe(403);
    expect(await bare.text()).toContain('the address it printed when it started');
    const wrong = await fetch(`${host.url}/?key=${'A'.repeat(43)}`, { redirect: 'manual' });
    expect(wrong.status).toBe(403);
    expect(wrong.headers.get('set-cookie')).toBeNull();
    expect(await wrong.text()).toContain("not this console's key");
    // Scripts and styles are not secret: the page's own files load as usual.
    const script = await fetch(`${host.url}/app.js`);
    expect(script.status).toBe(200);
    expect(script.headers.get('set-cookie')).toBeNull();
  });

  it('refuses a WebSocket with the right Origin but without the launch secret, or with a wrong one', async () => {
    await expect(openBridge(host.url, null)).rejects.toThrow(/403/);
    const [name, value] = (await pageCookie()).split('=') as [string, string];
    const forged = `${name}=${value.slice(0, -1)}${value.endsWith('A') ? 'B' : 'A'}`;
    await expect(openBridge(host.url, forged)).rejects.toThrow(/403/);
    await expect(openBridge(host.url, `${name}=`)).rejects.toThrow(/403/);
    // With the page's cookie among others, the same Origin is let in.
    const socket = await openBridge(host.url, `theme=dark; ${name}=${value}; other=1`);
    socket.close();
  });

  it('keeps its key across restarts on the same data dir (0600); another data dir has another key', async () => {
    const dataDir = temporaryDir();
    const options = { port: 0, dataDir, defaultHubUrl: 'http://127.0.0.1:4710', rendererDir };
    const first = await startWebHost(options);
    const key = new URL(first.openUrl).searchParams.get('key');
    await first.close();
    expect(statSync(join(dataDir, CONSOLE_KEY_FILE_NAME)).mode & 0o777).toBe(0o600);
    const second = await startWebHost(options);
    try {
      expect(new URL(second.openUrl).searchParams.get('key')).toBe(key);
      expect(new URL(host.openUrl).searchParams.get('key')).not.toBe(key);
      // The other console's key opens nothing here.
      const foreign = await fetch(`${second.url}/?key=${new URL(host.openUrl).searchParams.get('key')}`, {
        redirect: 'manual',
      });
      await foreign.arrayBuffer();
      expect(foreign.status).toBe(403);
    } finally {
      await second.close();
    }
  });

  it('carries DeskApi calls over the WebSocket from its own origin', async () => {
    const socket = await openBridge();
    const answer = await bridgeResultOf(
      socket,
      JSON.stringify({ kind: 'call', id: 7, method: 'getSnapshot', args: {} }),
    );
    expect(answer).toMatchObject({ kind: 'result', id: 7, ok: true });
    const snapshot = deskSnapshotSchema.parse((answer as { result: unknown }).result);
    expect(snapshot).toMatchObject({
      session: null,
      connection: { status: 'signed_out' },
      defaultHubUrl: 'http://127.0.0.1:4710',
    });
    socket.close();
  });

  it('answers bad frames, unknown methods and bad arguments with error results and keeps serving', async () => {
    const socket = await openBridge();
    expect(await bridgeResultOf(socket, 'not json')).toMatchObject({
      ok: false,
      id: -1,
      error: { code: 'invalid_frame' },
    });
    expect(await bridgeResultOf(socket, JSON.stringify({ kind: 'call', id: 3, method: 42 }))).toMatchObject({
      ok: false,
      id: 3,
      error: { code: 'invalid_frame', message: expect.stringContaining('method') },
    });
    expect(
      await bridgeResultOf(
        socket,
        JSON.stringify({ kind: 'call', id: 4, method: 'launchMissiles', args: {} }),
      ),
    ).toMatchObject({ ok: false, id: 4, error: { code: 'unknown_method' } });
    const badArgs = await bridgeResultOf(
      socket,
      JSON.stringify({ kind: 'call', id: 5, method: 'signIn', args: { hubUrl: 'ftp://x', email: 'nope' } }),
    );
    expect(badArgs).toMatchObject({ ok: false, id: 5, error: { code: 'invalid' } });
    const message = (badArgs as { error: { message: string } }).error.message;
    expect(message).toContain('hubUrl');
    expect(message).toContain('email');
    expect(message).toContain('password');
    // Still serving after all that.
    expect(
      await bridgeResultOf(socket, JSON.stringify({ kind: 'call', id: 6, method: 'getSnapshot', args: {} })),
    ).toMatchObject({ ok: true, id: 6 });
    socket.close();
  });

  it('tells the agent plainly when the hub cannot be reached', async () => {
    const socket = await openBridge();
    const answer = await bridgeResultOf(
      socket,
      JSON.stringify({
        kind: 'call',
        id: 1,
        method: 'signIn',
        // Port 9 (discard) on loopback: nothing listens there.
        args: { hubUrl: 'http://127.0.0.1:9', email: 'agent1@demo.test', password: 'demo-password' },
      }),
    );
    expect(answer).toMatchObject({
      ok: true,
      result: {
        ok: false,
        error: { code: 'hub_unreachable', message: expect.stringContaining('127.0.0.1:9') },
      },
    });
    socket.close();
  });

  it('carries the issue-3 calls: preferences reach every tab as an event, live calls say why they cannot run', async () => {
    const tab = await openBridge();
    const otherTab = await openBridge();
    const preferencesEvent = new Promise<unknown>((resolve) => {
      otherTab.on('message', (data: Buffer) => {
        const frame = bridgeResponseSchema.parse(JSON.parse(data.toString()));
        if (frame.kind === 'event') resolve(frame.event);
      });
    });
    const call = (id: number, method: string, args: unknown) =>
      bridgeResultOf(tab, JSON.stringify({ kind: 'call', id, method, args }));

    expect(await call(1, 'setPreferences', { language: 'sv', sound: true })).toMatchObject({
      ok: true,
      result: { language: 'sv', notifications: true, sound: true },
    });
    expect(deskEventSchema.parse(await preferencesEvent)).toEqual({
      type: 'preferences',
      preferences: { language: 'sv', notifications: true, sound: true, retentionDays: null },
    });
    expect(await call(2, 'setPreferences', { language: 'fi' })).toMatchObject({
      ok: false,
      error: { code: 'invalid', message: expect.stringContaining('language') },
    });
    // Signed out: the live calls say so instead of waiting.
    expect(await call(3, 'setPresence', { presence: 'away' })).toMatchObject({
      ok: true,
      result: { ok: false, error: { code: 'not_signed_in' } },
    });
    expect(await call(4, 'markRead', { conversationId: 'c1' })).toMatchObject({
      ok: true,
      result: { ok: true },
    });
    expect(await call(5, 'addNote', { conversationId: 'c1', text: '   ' })).toMatchObject({
      ok: false,
      error: { code: 'invalid', message: expect.stringContaining('text') },
    });
    const snapshot = await call(6, 'getSnapshot', {});
    expect(deskSnapshotSchema.parse((snapshot as { result: unknown }).result).preferences.language).toBe(
      'sv',
    );
    tab.close();
    otherTab.close();
  });
});
