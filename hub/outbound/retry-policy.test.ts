// What each answer means for a delivery, and when the next attempt comes.
import { describe, expect, it } from 'vitest';
import {
  backoffMs,
  MAX_RETRY_AFTER_MS,
  MAX_RETRY_DELAY_MS,
  outcomeOf,
  retryAfterMs,
  retryDelayMs,
} from './retry-policy.js';

describe('retry policy', () => {
  it('delivers on 2xx, gives up on 4xx except 408 and 429, and retries everything else', () => {
    const outcomes = [200, 202, 204, 301, 400, 401, 404, 408, 410, 422, 429, 500, 502, 503, null].map(
      (status) => [status, outcomeOf({ status })],
    );
    expect(outcomes).toEqual([
      [200, 'delivered'],
      [202, 'delivered'],
      [204, 'delivered'],
      [301, 'retrying'],
      [400, 'failed'],
      [401, 'failed'],
      [404, 'failed'],
      [408, 'retrying'],
      [410, 'failed'],
      [422, 'failed'],
      [429, 'retrying'],
      [500, 'retrying'],
      [502, 'retrying'],
      [503, 'retrying'],
      [null, 'retrying'],
    ]);
    expect(outcomeOf({ status: null, permanent: true })).toBe('failed');
  });

  it('reads Retry-After as seconds or an HTTP date, never negative and at most a day', () => {
    const now = Date.parse('2026-01-10T09:00:00Z');
    expect(retryAfterMs('30', now)).toBe(30_000);
    expect(retryAfterMs(' 0 ', now)).toBe(0);
    expect(retryAfterMs('Sat, 10 Jan 2026 09:02:00 GMT', now)).toBe(120_000);
    expect(retryAfterMs('Sat, 10 Jan 2026 08:00:00 GMT', now)).toBe(0);
    expect(retryAfterMs('999999999', now)).toBe(MAX_RETRY_AFTER_MS);
    expect(retryAfterMs('soon', now)).toBeNull();
    expect(retryAfterMs('-5', now)).toBeNull();
    expect(retryAfterMs(null, now)).toBeNull();
  });

  it('backs off exponentially with jitter between half and all of each step, up to the ceiling', () => {
    const low = () => 0;
    const high = () => 1;
    expect([1, 2, 3, 4].map((attempt) => backoffMs(attempt, low))).toEqual([500, 1000, 2000, 4000]);
    expect([1, 2, 3, 4].map((attempt) => backoffMs(attempt, high))).toEqual([1000, 2000, 4000, 8000]);
    expect(backoffMs(40, high)).toBe(MAX_RETRY_DELAY_MS);
    expect(backoffMs(40, low)).toBe(MAX_RETRY_DELAY_MS / 2);
  });

  it("waits a 429's or 503's Retry-After, and backs off otherwise (also for Retry-After: 0)", () => {
    const now = 0;
    const half = () => 0.5;
    expect(retryDelayMs(1, { status: 429, retryAfter: '30' }, now, half)).toBe(30_000);
    expect(retryDelayMs(1, { status: 503, retryAfter: '7' }, now, half)).toBe(7_000);
    expect(retryDelayMs(3, { status: 429, retryAfter: null }, now, half)).toBe(backoffMs(3, half));
    expect(retryDelayMs(3, { status: 429, retryAfter: '0' }, now, half)).toBe(backoffMs(3, half));
    expect(retryDelayMs(2, { status: 500, retryAfter: '30' }, now, half)).toBe(backoffMs(2, half));
  });
});
