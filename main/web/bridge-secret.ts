// Environment: Node. The web host's per-launch bridge secret: random at each start, handed to the page it serves
// as an HttpOnly, SameSite=Strict cookie, and required on the bridge's WebSocket upgrade. A browser tab that
// loaded the console sends it with the upgrade on its own; a client that only forges the Origin header (the
// bridge's other check) does not have it, and no page script can read it.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export interface BridgeSecret {
  /** Per port: cookies ignore ports, and two consoles on 127.0.0.1 must not overwrite each other's. */
  readonly cookieName: string;
  /** The Set-Cookie value for the page's response. */
  readonly setCookie: string;
  /** True when the request's Cookie header carries this launch's secret. */
  isPresentIn(request: Pick<IncomingMessage, 'headers'>): boolean;
}

export function createBridgeSecret(port: number): BridgeSecret {
  const value = randomBytes(32).toString('base64url');
  const expected = Buffer.from(value);
  const cookieName = `handoff-desk-bridge-${port}`;
  return {
    cookieName,
    // No Max-Age: a session cookie, gone with the browser session; the next launch sets a new one anyway.
    setCookie: `${cookieName}=${value}; Path=/; HttpOnly; SameSite=Strict`,
    isPresentIn(request) {
      return cookieValues(request.headers.cookie, cookieName).some((candidate) => {
        const given = Buffer.from(candidate);
        return given.length === expected.length && timingSafeEqual(given, expected);
      });
    },
  };
}

/** Every value of `name` in a Cookie header (a browser may send several with one name, e.g. other paths). */
function cookieValues(header: string | undefined, name: string): string[] {
  if (!header) return [];
  return header
    .split(';')
    .map((pair) => pair.trim())
    .filter((pair) => pair.startsWith(`${name}=`))
    .map((pair) => pair.slice(name.length + 1));
}
