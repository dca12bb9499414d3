// Environment: Node (fuzz tests). Sending one fuzzed request to a real hub and checking the answer: never a 5xx,
// never a hang, and every 4xx body names the problem (our `message`, or a Klaviyo error's `detail`).
import { expect } from 'vitest';

export const REQUEST_TIMEOUT_MS = 5000;

export interface FuzzedRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
}

export function describeRequest(request: FuzzedRequest): string {
  const body =
    request.body === undefined ? '' : ` body(${request.body.length})=${request.body.slice(0, 200)}`;
  return `${request.method} ${request.path.slice(0, 300)} ${JSON.stringify(request.headers)}${body}`;
}

/** The problem a 4xx body names, or undefined when it names none. */
export function problemNamed(text: string): string | undefined {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (json === null || typeof json !== 'object') return undefined;
  const { message, errors } = json as { message?: unknown; errors?: unknown };
  if (typeof message === 'string' && message.trim() !== '') return message;
  if (Array.isArray(errors)) {
    const detail = (errors[0] as { detail?: unknown } | undefined)?.detail;
    if (typeof detail === 'string' && detail.trim() !== '') return detail;
  }
  return undefined;
}

/** Sends the request (bounded by a timeout) and asserts the hub's answer is a client-facing one. */
export async function expectClientFacingAnswer(baseUrl: string, request: FuzzedRequest): Promise<number> {
  const what = describeRequest(request);
  let response: Response;
  try {
    response = await fetch(`${baseUrl}${request.path}`, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
  } catch (error) {
    throw new Error(`no answer (${String(error)}) to ${what}`, { cause: error });
  }
  const text = await response.text();
  expect(response.status, `${what} → ${text.slice(0, 500)}`).toBeLessThan(500);
  if (response.status >= 400) {
    expect(
      problemNamed(text),
      `${what} → ${response.status} names no problem: ${text.slice(0, 500)}`,
    ).toBeTruthy();
  }
  return response.status;
}

export async function expectHealthy(baseUrl: string): Promise<void> {
  const response = await fetch(`${baseUrl}/api/v1/health`, {
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  expect(response.status).toBe(200);
}

/** A path segment from a string: percent-encoded, or left raw when it can't be (a lone surrogate). */
export function pathSegment(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return '%ED%A0%80';
  }
}
