// Environment: Node (hub). One outbound POST: never throws, never follows a redirect, gives up after a timeout,
// and reports what came back (status, Retry-After, the start of an error body) and how long it took. node:http
// rather than fetch: its `lookup` lets the SSRF guard see (and refuse) the address each connection dials.
import http from 'node:http';
import https from 'node:https';
import { performance } from 'node:perf_hooks';
import {
  checkLiteralHost,
  guardedLookup,
  OutboundUrlError,
  type OutboundPolicy,
} from './outbound-address-policy.js';
import type { AttemptResult } from './retry-policy.js';

export const REQUEST_TIMEOUT_MS = 15_000;
const ERROR_BODY_CHARS = 300;
/** What is kept of an answer's body: enough for an error message, bounded whatever the receiver sends. */
const MAX_BODY_BYTES = 64 * 1024;

// Kept-alive connections, one pool per scheme: a busy destination reuses its connection.
const agents = {
  http: new http.Agent({ keepAlive: true }),
  https: new https.Agent({ keepAlive: true }),
};

export async function postJson(
  url: string,
  headers: Record<string, string>,
  body: string,
  signal: AbortSignal,
  policy: OutboundPolicy,
  timeoutMs = REQUEST_TIMEOUT_MS,
): Promise<AttemptResult> {
  const started = performance.now();
  const durationMs = () => Math.round(performance.now() - started);
  const combined = AbortSignal.any([signal, AbortSignal.timeout(timeoutMs)]);
  try {
    const target = new URL(url);
    if (target.protocol !== 'http:' && target.protocol !== 'https:') {
      throw new OutboundUrlError(`${target.protocol} URLs are refused: only http and https.`);
    }
    checkLiteralHost(target.hostname, policy);
    const lookup = guardedLookup(policy);
    const answer = await new Promise<{ status: number; retryAfter: string | null; text: string }>(
      (resolve, reject) => {
        const secure = target.protocol === 'https:';
        const request = (secure ? https : http).request(target, {
          method: 'POST',
          agent: secure ? agents.https : agents.http,
          headers: {
            'content-type': 'application/json',
            'content-length': String(Buffer.byteLength(body)),
            ...headers,
          },
          signal: combined,
          ...(lookup ? { lookup } : {}),
        });
        request.on('error', reject);
        request.on('response', (response) => {
          const chunks: Buffer[] = [];
          let kept = 0;
          // Read the answer whole: the connection can then be reused, and an error body says why.
          response.on('data', (chunk: Buffer) => {
            if (kept < MAX_BODY_BYTES) chunks.push(chunk);
            kept += chunk.length;
          });
          response.on('error', reject);
          response.on('end', () => {
            const retryAfter = response.headers['retry-after'];
            resolve({
              status: response.statusCode ?? 0,
              retryAfter: typeof retryAfter === 'string' ? retryAfter : null,
              text: Buffer.concat(chunks).toString('utf8'),
            });
          });
        });
        request.end(body);
      },
    );
    const ok = answer.status >= 200 && answer.status < 300;
    return {
      status: answer.status,
      retryAfter: answer.retryAfter,
      error: ok
        ? null
        : `HTTP ${answer.status}${answer.text ? `: ${answer.text.slice(0, ERROR_BODY_CHARS)}` : ''}`,
      durationMs: durationMs(),
    };
  } catch (error) {
    return {
      status: null,
      retryAfter: null,
      error: describeNetworkError(error, combined),
      durationMs: durationMs(),
    };
  }
}

/** What went wrong, in words a lead reads in the delivery log: the guard's refusal, a timeout, or the code. */
function describeNetworkError(error: unknown, signal: AbortSignal): string {
  if (error instanceof OutboundUrlError) return `Refused: ${error.message}`;
  if (signal.aborted) {
    const reason = signal.reason as { name?: string } | undefined;
    return reason?.name === 'TimeoutError' ? 'No answer in time (timed out).' : 'Aborted.';
  }
  const code = (error as { code?: string } | undefined)?.code;
  const message = error instanceof Error ? error.message : String(error);
  return code && !message.includes(code) ? `${message} (${code})` : message;
}
