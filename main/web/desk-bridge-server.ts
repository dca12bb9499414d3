// Environment: Node. The web host's DeskApi transport: a WebSocket (path /desk-bridge) that carries bridge frames
// (shared/desk-api.ts) between the renderer in a browser tab and the desk core.
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import { bridgeRequestSchema, WEB_BRIDGE_PATH } from '../../shared/desk-api.js';
import type { DeskEvent } from '../../shared/desk-api.js';
import { dispatchDeskCall, type DeskCore } from '../core/desk-core.js';
import { describeIssues } from '../core/describe-error.js';

/** Frames above this size are refused by ws (the largest call, a reply, is ~10 000 characters). */
const MAX_FRAME_BYTES = 1024 * 1024;
/** Answers to frames whose id cannot be read. */
const UNKNOWN_REQUEST_ID = -1;

export interface DeskBridgeServer {
  /**
   * Handles an HTTP upgrade: only our path, from one of our own origins, with this launch's secret (the page's
   * cookie, bridge-secret.ts) becomes a bridge socket.
   */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void;
  close(): Promise<void>;
}

export function createDeskBridgeServer(
  core: DeskCore,
  isAllowedOrigin: (origin: string) => boolean,
  /** Whether the upgrade carries the launch's secret (the web host's page cookie). */
  hasLaunchSecret: (request: IncomingMessage) => boolean,
): DeskBridgeServer {
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });

  const unsubscribe = core.onEvent((event: DeskEvent) => {
    const frame = JSON.stringify({ kind: 'event', event });
    for (const client of wss.clients) if (client.readyState === WebSocket.OPEN) client.send(frame);
  });

  wss.on('connection', (socket: WebSocket) => {
    socket.on('message', (data, isBinary) => {
      void answer(socket, isBinary ? null : data.toString());
    });
    socket.on('error', () => socket.terminate());
  });

  async function answer(socket: WebSocket, text: string | null): Promise<void> {
    const reply = (frame: object) => {
      if (socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(frame));
    };
    const refuse = (id: number, message: string) =>
      reply({ kind: 'result', id, ok: false, error: { code: 'invalid_frame', message } });

    if (text === null) return refuse(UNKNOWN_REQUEST_ID, 'Frames are JSON text, not binary.');
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return refuse(UNKNOWN_REQUEST_ID, 'The frame is not valid JSON.');
    }
    const request = bridgeRequestSchema.safeParse(json);
    if (!request.success) {
      const id = readableId(json);
      return refuse(id, `The frame is not a desk call: ${describeIssues(request.error.issues)}`);
    }
    const outcome = await dispatchDeskCall(core, request.data.method, request.data.args);
    reply(
      outcome.ok
        ? { kind: 'result', id: request.data.id, ok: true, result: outcome.result }
        : { kind: 'result', id: request.data.id, ok: false, error: outcome.error },
    );
  }

  return {
    handleUpgrade(request, socket, head) {
      const path = new URL(request.url ?? '/', 'http://localhost').pathname;
      const origin = request.headers.origin;
      if (path !== WEB_BRIDGE_PATH || !origin || !isAllowedOrigin(origin) || !hasLaunchSecret(request)) {
        socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
        return;
      }
      wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
    },
    async close() {
      unsubscribe();
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}

function readableId(json: unknown): number {
  if (typeof json === 'object' && json !== null && 'id' in json) {
    const id = (json as { id: unknown }).id;
    if (typeof id === 'number' && Number.isInteger(id) && id >= 0) return id;
  }
  return UNKNOWN_REQUEST_ID;
}
