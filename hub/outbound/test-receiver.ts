// Environment: Node (hub tests). A real HTTP receiver on 127.0.0.1 (node:http) for forwarding and webhook
// tests: it answers as scripted (a status with headers, or a dropped connection), records every request with the
// hub clock's time of arrival, and keeps what it accepted deduplicated by a key, counting the duplicates.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
  /** The hub clock when the request arrived. */
  arrivedAt: number;
}

export type Answer =
  | { status: number; headers?: Record<string, string>; body?: string }
  /** Reads the request, keeps it (the receiver did the work) and drops the connection without answering. */
  | { drop: 'after-processing' }
  /** Drops the connection without keeping the request. */
  | { drop: 'before-processing' };

export interface TestReceiver {
  url: string;
  requests: ReceivedRequest[];
  /** Accepted requests (a 2xx, or processed before a drop) by dedupe key, first arrival only, in order. */
  accepted: Map<string, ReceivedRequest>;
  /** Accepted requests whose key had been accepted before: what the receiver ignored as duplicates. */
  duplicates: string[];
  /** Answers for the next requests, in order; after them, `fallback`. */
  answerNext(...answers: Answer[]): void;
  fallback: Answer;
  /** Resolves once `count` requests have arrived in all. */
  requestsReceived(count: number): Promise<void>;
  close(): Promise<void>;
}

export async function startReceiver(options: {
  /** The hub clock, read at each arrival. */
  now: () => number;
  /** The request's identity for deduplication (unique_id, webhook-id); null: reject it with 400. */
  keyOf: (request: ReceivedRequest) => string | null | Promise<string | null>;
  fallback?: Answer;
}): Promise<TestReceiver> {
  const scripted: Answer[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  const receiver: Omit<TestReceiver, 'url' | 'close'> = {
    requests: [],
    accepted: new Map(),
    duplicates: [],
    answerNext: (...answers) => scripted.push(...answers),
    fallback: options.fallback ?? { status: 202 },
    requestsReceived(count) {
      if (this.requests.length >= count) return Promise.resolve();
      return new Promise((resolve) => waiters.push({ count, resolve }));
    },
  };

  const keep = (request: ReceivedRequest, key: string) => {
    if (receiver.accepted.has(key)) receiver.duplicates.push(key);
    else receiver.accepted.set(key, request);
  };

  const server = http.createServer((incoming, response) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', async () => {
      const request: ReceivedRequest = {
        path: incoming.url ?? '',
        headers: incoming.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        arrivedAt: options.now(),
      };
      receiver.requests.push(request);
      for (const waiter of waiters.filter((entry) => receiver.requests.length >= entry.count)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
      const answer = scripted.shift() ?? receiver.fallback;
      const key = await options.keyOf(request);
      if ('drop' in answer) {
        if (answer.drop === 'after-processing' && key !== null) keep(request, key);
        incoming.socket.destroy();
        return;
      }
      if (key === null) {
        response.writeHead(400, { 'content-type': 'application/json' }).end('{"error":"unreadable"}');
        return;
      }
      if (answer.status >= 200 && answer.status < 300) keep(request, key);
      response.writeHead(answer.status, answer.headers ?? {}).end(answer.body ?? '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(receiver, {
    url: `http://127.0.0.1:${port}`,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  });
}
