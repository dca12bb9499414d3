// Sockets from browser pages: only the hub's own pages and the configured origins may connect (WebSockets
// are outside CORS); Node clients, which send no Origin, are unaffected.
import { io } from 'socket.io-client';
import { describe, expect, it } from 'vitest';
import { CHAT_NAMESPACE } from '../../shared/chat-protocol.js';
import { hubsClosedAfterEach } from '../testing/hub-fixture.js';

const startHub = hubsClosedAfterEach();

/** 'connected' or the connect error's message, for a socket sent with this Origin header (or none). */
function connectFrom(url: string, origin: string | undefined): Promise<string> {
  const socket = io(`${url}${CHAT_NAMESPACE}`, {
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    extraHeaders: origin === undefined ? {} : { origin },
  });
  return new Promise<string>((resolve) => {
    socket.once('connect', () => resolve('connected'));
    socket.once('connect_error', (error) => resolve(error.message));
  }).finally(() => socket.close());
}

describe('socket origins', () => {
  it('allow the hub’s own pages, configured origins and Node clients; refuse other sites', async () => {
    const hub = await startHub({ corsOrigins: ['https://shop.example'] });
    expect(await connectFrom(hub.url, undefined)).toBe('connected');
    expect(await connectFrom(hub.url, hub.url)).toBe('connected');
    expect(await connectFrom(hub.url, 'https://shop.example')).toBe('connected');
    expect(await connectFrom(hub.url, 'https://evil.example')).toBe('websocket error');
    expect(await connectFrom(hub.url, 'null')).toBe('websocket error');
  });
});
