// Environment: Node. The web host's console key: without it, no page may drive the desk core over the bridge.
// A local process can forge the Origin header the bridge also checks, so the bridge requires a cookie as well,
// and the page only gets that cookie by being opened from the address the console prints, which carries the
// key (`/?key=…`, as Jupyter does). The key is kept in the data dir (0600, in a 0700 folder), so other accounts on
// the machine cannot read it, and it outlives restarts: an open tab and a bookmarked address keep working.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';

export const CONSOLE_KEY_FILE_NAME = 'web-console.key';
export const CONSOLE_KEY_PARAMETER = 'key';
const KEY_PATTERN = /^[A-Za-z0-9_-]{43}$/;
/** A browser keeps the cookie this long; the printed address sets it again. */
const COOKIE_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

export interface BridgeSecret {
  /** Per port: cookies ignore ports, and two consoles on 127.0.0.1 must not overwrite each other's. */
  readonly cookieName: string;
  /** The Set-Cookie value for the answer to an address that carried the key. */
  readonly setCookie: string;
  /** The console's address with its key, to print and open. */
  openUrl(baseUrl: string): string;
  /** True when `given` (the `key` query parameter) is this console's key. */
  matches(given: string): boolean;
  /** True when the request's Cookie header carries the key. */
  isPresentIn(request: Pick<IncomingMessage, 'headers'>): boolean;
}

/** The data dir's console key, made on first use. */
export function loadOrCreateBridgeSecret(dataDir: string, port: number): BridgeSecret {
  const path = join(dataDir, CONSOLE_KEY_FILE_NAME);
  const saved = existsSync(path) ? readFileSync(path, 'utf8').trim() : '';
  const value = KEY_PATTERN.test(saved) ? saved : randomBytes(32).toString('base64url');
  if (value !== saved) writeFileSync(path, `${value}\n`, { mode: 0o600 });
  return bridgeSecretOf(value, port);
}

function bridgeSecretOf(value: string, port: number): BridgeSecret {
  const expected = Buffer.from(value);
  const matches = (given: string) => {
    const candidate = Buffer.from(given);
    return candidate.length === expected.length && timingSafeEqual(candidate, expected);
  };
  const cookieName = `handoff-desk-bridge-${port}`;
  return {
    cookieName,
    setCookie: `${cookieName}=${value}; Path=/; Max-Age=${COOKIE_MAX_AGE_SECONDS}; HttpOnly; SameSite=Strict`,
    openUrl: (baseUrl) => `${baseUrl}/?${CONSOLE_KEY_PARAMETER}=${value}`,
    matches,
    isPresentIn: (request) => cookieValues(request.headers.cookie, cookieName).some(matches),
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
