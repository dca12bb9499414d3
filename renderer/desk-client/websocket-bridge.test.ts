// The web host's bridge against a real WebSocket server on 127.0.0.1, speaking the frames of
// shared/desk-api.ts. Node has no browser WebSocket, so the `ws` client stands in for it.
import { afterEach, describe, expect, it, vi } from 'vitest';
// eslint-disable-next-line no-restricted-imports -- tests run in Node: a real server needs `ws`.
import { WebSocket, WebSocketServer } from 'ws';
import { bridgeRequestSchema } from '../../shared/desk-api.js';
import { createDeskApi } from './desk-api-client.js';
import { createWebSocketBridge } from './websocket-bridge.js';
import type { LinkedDeskBridge } from './linked-bridge.js';

type Request = ReturnType<typeof bridgeRequestSchema.parse>;

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A server that records parsed requests; the test decides how to answer each. */
async function startServer(port = 0) {
  const server = new WebSocketServer({ host: '127.0.0.1', port });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const requests: Array<{ request: Request; socket: WebSocket }> = [];
  const sockets = new Set<WebSocket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('message', (data) => {
      requests.push({ request: bridgeRequestSchema.parse(JSON.parse(String(data))), socket });
    });
  });
  const address = server.address();
  if (typeof address === 'string' || !address) throw new Error('no port');
  const close = () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.terminate();
      server.close(() => resolve());
    });
  return { server, port: address.port, requests, sockets, close };
}

function bridgeTo(port: number, callTimeoutMs = 5_000): LinkedDeskBridge {
  const bridge = createWebSocketBridge({
    url: `ws://127.0.0.1:${port}/desk-bridge`,
    WebSocketImpl: WebSocket as unknown as new (url: string) => globalThis.WebSocket,
    callTimeoutMs,
    initialBackoffMs: 20,
    maxBackoffMs: 100,
  });
  cleanups.push(() => bridge.close());
  return bridge;
}

function answer(entry: { request: Request; socket: WebSocket }, result: unknown) {
  entry.socket.send(JSON.stringify({ kind: 'result', id: entry.request.id, ok: true, result }));
}

describe('WebSocket desk bridge', () => {
  it('matches answers to calls by id, even when they come back out of order', async () => {
    const host = await startServer();
    cleanups.push(host.close);
    const bridge = bridgeTo(host.port);
    const first = bridge.call('first', {});
    const second = bridge.call('second', {});
    await vi.waitFor(() => expect(host.requests).toHaveLength(2));
    answer(host.requests[1]!, 'answer to second');
    answer(host.requests[0]!, 'answer to first');
    await expect(first).resolves.toBe('answer to first');
    await expect(second).resolves.toBe('answer to second');
    expect(host.requests.map((entry) => entry.request.method)).toEqual(['first', 'second']);
  });

  it('rejects with the code and message the desk core sent', async () => {
    const host = await startServer();
    cleanups.push(host.close);
    const bridge = bridgeTo(host.port);
    const call = bridge.call('claim', { conversationId: 'c1' });
    await vi.waitFor(() => expect(host.requests).toHaveLength(1));
    const { request, socket } = host.requests[0]!;
    socket.send(
      JSON.stringify({ kind: 'result', id: request.id, ok: false, error: { code: 'nope', message: 'No.' } }),
    );
    await expect(call).rejects.toMatchObject({ code: 'nope', message: 'No.' });
  });

  it('hands events to listeners and drops frames that fail the schema', async () => {
    const host = await startServer();
    cleanups.push(host.close);
    const bridge = bridgeTo(host.port);
    const events: unknown[] = [];
    bridge.onEvent((event) => events.push(event));
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    cleanups.push(() => errors.mockRestore());
    await vi.waitFor(() => expect(bridge.linkState()).toBe('open'));
    const [socket] = host.sockets;
    socket!.send('not json');
    socket!.send(JSON.stringify({ kind: 'mystery' }));
    socket!.send(JSON.stringify({ kind: 'event', event: { type: 'x' } }));
    await vi.waitFor(() => expect(events).toEqual([{ type: 'x' }]));
    expect(errors).toHaveBeenCalledTimes(2);
  });

  it('fails calls in flight when the link drops, reconnects, and carries new calls on the new link', async () => {
    const host = await startServer();
    const port = host.port;
    const bridge = bridgeTo(port);
    const states: string[] = [];
    bridge.onLinkChange((state) => states.push(state));
    const inFlight = bridge.call('getSnapshot', {});
    await vi.waitFor(() => expect(host.requests).toHaveLength(1));
    await host.close();
    await expect(inFlight).rejects.toMatchObject({ code: 'bridge_closed' });
    await vi.waitFor(() => expect(bridge.linkState()).toBe('reconnecting'));

    // A call made while the link is down waits for the next link instead of failing.
    const queued = bridge.call('getSnapshot', {});
    const restarted = await startServer(port);
    cleanups.push(restarted.close);
    await vi.waitFor(() => expect(restarted.requests).toHaveLength(1));
    answer(restarted.requests[0]!, 'fresh');
    await expect(queued).resolves.toBe('fresh');
    expect(states).toEqual(['open', 'reconnecting', 'open']);
  });

  it('times out a call nobody answers', async () => {
    const host = await startServer();
    cleanups.push(host.close);
    const bridge = bridgeTo(host.port, 200);
    await expect(bridge.call('getSnapshot', {})).rejects.toMatchObject({ code: 'timeout' });
  });

  it('through createDeskApi: refuses a result that fails the call schema, naming the field', async () => {
    const host = await startServer();
    cleanups.push(host.close);
    const api = createDeskApi(bridgeTo(host.port));
    const call = api.claim({ conversationId: 'c1' });
    await vi.waitFor(() => expect(host.requests).toHaveLength(1));
    answer(host.requests[0]!, { ok: true, pending: 'maybe' });
    await expect(call).rejects.toMatchObject({
      code: 'bad_response',
      message: expect.stringContaining('pending'),
    });
  });

  it('through createDeskApi: refuses bad arguments before sending anything', async () => {
    const host = await startServer();
    cleanups.push(host.close);
    const api = createDeskApi(bridgeTo(host.port));
    await expect(
      api.signIn({ hubUrl: 'ftp://x', email: 'not-an-email', password: 'p' }),
    ).rejects.toMatchObject({
      code: 'bad_arguments',
    });
    expect(host.requests).toHaveLength(0);
  });
});
