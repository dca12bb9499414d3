// Environment: Node (hub). One outbound POST: never throws, never follows a redirect, gives up after a timeout,
// and reports what came back (status, Retry-After, the start of an error body) and how long it took.
import { performance } from 'node:perf_hooks';
import type { AttemptResult } from './retry-policy.js';

export const REQUEST_TIMEOUT_MS = 15_000;
const ERROR_BODY_CHARS = 300;

export async function postJson(
  url: string,
  headers: Record<string, string>,
  body: string,
  signal: AbortSignal,
  timeoutMs = REQUEST_TIMEOUT_MS,
): Promise<AttemptResult> {
  const started = performance.now();
  const durationMs = () => Math.round(performance.now() - started);
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
      redirect: 'manual',
      signal: AbortSignal.any([signal, AbortSignal.timeout(timeoutMs)]),
    });
    // Read the answer whole: the connection can then be reused, and an error body says why.
    const text = await response.text();
    const ok = response.status >= 200 && response.status < 300;
    return {
      status: response.status,
      retryAfter: response.headers.get('retry-after'),
      error: ok ? null : `HTTP ${response.status}${text ? `: ${text.slice(0, ERROR_BODY_CHARS)}` : ''}`,
      durationMs: durationMs(),
    };
  } catch (error) {
    return { status: null, retryAfter: null, error: describeNetworkError(error), durationMs: durationMs() };
  }
}

/** fetch's TypeError says only "fetch failed"; the cause names what happened (ECONNREFUSED, a reset, …). */
function describeNetworkError(error: unknown): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return error.name === 'TimeoutError' ? 'No answer in time (timed out).' : 'Aborted.';
  }
  const cause =
    error instanceof Error ? (error.cause as { code?: string; message?: string } | undefined) : undefined;
  const detail = cause?.code ?? cause?.message;
  const message = error instanceof Error ? error.message : String(error);
  return detail ? `${message} (${detail})` : message;
}
