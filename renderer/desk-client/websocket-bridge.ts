// Environment: browser. The web host's DeskBridge: request/response frames over a local WebSocket
// (bridgeRequestSchema / bridgeResponseSchema), a pending-promise map keyed by request id, and reconnection
// with capped exponential backoff when the local socket drops.
import { bridgeResponseSchema } from '../../shared/desk-api.js';
import { DeskClientError } from './desk-client-error.js';
import type { BridgeLinkState, LinkedDeskBridge } from './linked-bridge.js';

export interface WebSocketBridgeOptions {
  url: string;
  /** The WebSocket constructor; the browser's by default (tests pass the `ws` package's). */
  WebSocketImpl?: new (url: string) => WebSocket;
  /** How long a call may wait for its answer, including time spent waiting for the link. */
  callTimeoutMs?: number;
  initialBackoffMs?: number;
  maxBackoffMs?: number;
}

/** WebSocket.OPEN, spelled out so any WebSocket implementation works. */
const OPEN = 1;

interface PendingCall {
  frame: string;
  sent: boolean;
  method: string;
  resolve(result: unknown): void;
  reject(error: Error): void;
  timer: ReturnType<typeof setTimeout>;
}

export function createWebSocketBridge(options: WebSocketBridgeOptions): LinkedDeskBridge {
  const WebSocketImpl = options.WebSocketImpl ?? WebSocket;
  const callTimeoutMs = options.callTimeoutMs ?? 30_000;
  const initialBackoffMs = options.initialBackoffMs ?? 250;
  const maxBackoffMs = options.maxBackoffMs ?? 5_000;

  const pending = new Map<number, PendingCall>();
  const eventListeners = new Set<(event: unknown) => void>();
  const linkListeners = new Set<(state: BridgeLinkState) => void>();
  let nextId = 1;
  let state: BridgeLinkState = 'connecting';
  let socket: WebSocket | null = null;
  let failedAttempts = 0;
  let reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  let closedByUs = false;

  const setState = (next: BridgeLinkState) => {
    if (next === state) return;
    state = next;
    for (const listener of linkListeners) listener(next);
  };

  const flushUnsent = () => {
    for (const call of pending.values()) {
      if (!call.sent && socket && socket.readyState === OPEN) {
        socket.send(call.frame);
        call.sent = true;
      }
    }
  };

  const handleFrame = (data: unknown) => {
    let json: unknown;
    try {
      json = JSON.parse(typeof data === 'string' ? data : String(data));
    } catch {
      console.error('Desk bridge: dropped a frame that is not JSON');
      return;
    }
    const parsed = bridgeResponseSchema.safeParse(json);
    if (!parsed.success) {
      console.error('Desk bridge: dropped a frame that fails bridgeResponseSchema', parsed.error.issues);
      return;
    }
    const frame = parsed.data;
    if (frame.kind === 'event') {
      for (const listener of eventListeners) listener(frame.event);
      return;
    }
    const call = pending.get(frame.id);
    if (!call) return; // answer to a call that already timed out
    pending.delete(frame.id);
    clearTimeout(call.timer);
    if (frame.ok) call.resolve(frame.result);
    else call.reject(new DeskClientError(frame.error.code, frame.error.message));
  };

  const scheduleReconnect = () => {
    if (closedByUs || reconnectTimer) return;
    const ceiling = Math.min(maxBackoffMs, initialBackoffMs * 2 ** failedAttempts);
    // Jitter so that several tabs do not hammer the host in lockstep.
    const delay = ceiling / 2 + Math.random() * (ceiling / 2);
    failedAttempts += 1;
    reconnectTimer = setTimeout(() => {
      reconnectTimer = null;
      connect();
    }, delay);
  };

  function connect() {
    const ws = new WebSocketImpl(options.url);
    socket = ws;
    ws.addEventListener('open', () => {
      failedAttempts = 0;
      setState('open');
      flushUnsent();
    });
    ws.addEventListener('message', (event: MessageEvent) => handleFrame(event.data));
    ws.addEventListener('close', () => {
      if (socket !== ws) return;
      socket = null;
      // Calls already sent may or may not have run; say so instead of waiting forever. Unsent calls wait
      // for the next link (within their timeout).
      for (const [id, call] of pending) {
        if (!call.sent) continue;
        pending.delete(id);
        clearTimeout(call.timer);
        call.reject(
          new DeskClientError(
            'bridge_closed',
            `The console service connection dropped during ${call.method}.`,
          ),
        );
      }
      if (closedByUs) return;
      if (state === 'open') setState('reconnecting');
      scheduleReconnect();
    });
    // 'error' is always followed by 'close', which does the work.
    ws.addEventListener('error', () => undefined);
  }

  connect();

  return {
    call(method: string, args: unknown): Promise<unknown> {
      if (closedByUs)
        return Promise.reject(new DeskClientError('bridge_closed', 'The desk bridge is closed.'));
      const id = nextId++;
      const frame = JSON.stringify({ kind: 'call', id, method, args });
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          pending.delete(id);
          reject(new DeskClientError('timeout', `The console service did not answer ${method} in time.`));
        }, callTimeoutMs);
        pending.set(id, { frame, sent: false, method, resolve, reject, timer });
        flushUnsent();
      });
    },
    onEvent(listener) {
      eventListeners.add(listener);
      return () => eventListeners.delete(listener);
    },
    linkState: () => state,
    onLinkChange(listener) {
      linkListeners.add(listener);
      return () => linkListeners.delete(listener);
    },
    close() {
      closedByUs = true;
      if (reconnectTimer) clearTimeout(reconnectTimer);
      for (const call of pending.values()) {
        clearTimeout(call.timer);
        call.reject(new DeskClientError('bridge_closed', 'The desk bridge was closed.'));
      }
      pending.clear();
      socket?.close();
      socket = null;
    },
  };
}
