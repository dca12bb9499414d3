// Environment: Node (hub). Which browser pages may open a socket to the hub. WebSockets are not covered by
// CORS, so socket.io checks the Origin itself: the hub's own pages (the chat widget), the configured CORS
// origins, and clients that send no Origin at all (the console's desk core and integrations run in Node).
import type { IncomingMessage } from 'node:http';

export function socketOriginCheck(corsOrigins: readonly string[]) {
  const allowed = new Set(corsOrigins);
  return (
    request: IncomingMessage,
    callback: (error: string | null | undefined, success: boolean) => void,
  ) => {
    const origin = request.headers.origin;
    if (origin === undefined || allowed.has(origin)) return callback(null, true);
    let host: string;
    try {
      host = new URL(origin).host;
    } catch {
      return callback('origin not allowed', false);
    }
    // Same origin: the page was served by this hub (the Host it was asked for).
    if (host === request.headers.host) return callback(null, true);
    callback('origin not allowed', false);
  };
}
