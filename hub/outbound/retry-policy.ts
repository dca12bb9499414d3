// Environment: Node (hub). What an attempt's answer means, and when to try again: exponential backoff with
// jitter, bounded; a 429's (or 503's) Retry-After is honoured, in seconds or as an HTTP date.
import type { DeliveryAttempt } from '../../shared/outbound.js';

export const FIRST_RETRY_DELAY_MS = 1_000;
/** Backoff grows to this and stays: a receiver that is down for long is still tried every 10 minutes. */
export const MAX_RETRY_DELAY_MS = 10 * 60_000;
/** A Retry-After further away than a day is taken as a day. */
export const MAX_RETRY_AFTER_MS = 24 * 60 * 60_000;

/** What one attempt got back. */
export interface AttemptResult {
  /** The HTTP status; null when no answer came. */
  status: number | null;
  /** The Retry-After header, as sent. */
  retryAfter: string | null;
  /** Why it failed (a network error, or the start of the receiver's error body); null when delivered. */
  error: string | null;
  durationMs: number;
  /** The event can never be delivered as it is (found before sending): give up at once. */
  permanent?: boolean;
}

/**
 * 2xx delivered. 408, 429, 5xx, 3xx (redirects are not followed) and no answer: try again. Any other 4xx is
 * permanent for this event: the receiver refused it and would refuse it again.
 */
export function outcomeOf(result: Pick<AttemptResult, 'status' | 'permanent'>): DeliveryAttempt['outcome'] {
  if (result.permanent) return 'failed';
  const { status } = result;
  if (status === null) return 'retrying';
  if (status >= 200 && status < 300) return 'delivered';
  if (status === 408 || status === 429) return 'retrying';
  if (status >= 400 && status < 500) return 'failed';
  return 'retrying';
}

/** Retry-After in ms from `nowMs`: delay-seconds or an HTTP date; null when absent or unreadable. */
export function retryAfterMs(header: string | null, nowMs: number): number | null {
  if (header === null) return null;
  const text = header.trim();
  // delay-seconds is digits only; an HTTP date names its day and month ("Sat, 10 Jan 2026 09:02:00 GMT").
  const milliseconds = /^\d+$/.test(text)
    ? Number(text) * 1000
    : /[A-Za-z]/.test(text)
      ? Date.parse(text) - nowMs
      : Number.NaN;
  if (!Number.isFinite(milliseconds)) return null;
  return Math.min(MAX_RETRY_AFTER_MS, Math.max(0, milliseconds));
}

/** Exponential backoff for the nth failed attempt (1-based), with "equal jitter": between half and all of it. */
export function backoffMs(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(MAX_RETRY_DELAY_MS, FIRST_RETRY_DELAY_MS * 2 ** Math.min(30, attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/** How long to wait after the nth failed attempt: the receiver's Retry-After when it sent one, else backoff. */
export function retryDelayMs(
  attempt: number,
  result: Pick<AttemptResult, 'status' | 'retryAfter'>,
  nowMs: number,
  random: () => number = Math.random,
): number {
  const asked =
    result.status === 429 || result.status === 503 ? retryAfterMs(result.retryAfter, nowMs) : null;
  // Retry-After: 0 gets the backoff instead, so that a receiver cannot make the hub spin.
  return asked !== null && asked > 0 ? asked : backoffMs(attempt, random);
}
