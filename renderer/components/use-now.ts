// Environment: browser. One shared clock for every live duration on screen: a single timer per period,
// however many rows subscribe, so a long queue does not run a timer per row.
// The time is quantised to the period, so every read within one period returns the same value (which
// useSyncExternalStore requires) and all rows tick together on the period's boundary.
import { useSyncExternalStore } from 'react';

interface Ticker {
  listeners: Set<() => void>;
  stop: (() => void) | null;
  subscribe(listener: () => void): () => void;
  read(): number;
}

const tickers = new Map<number, Ticker>();

/** Small margin so the timer fires just after the boundary, when the quantised time has moved on. */
const BOUNDARY_MARGIN_MS = 5;

function startTimer(periodMs: number, tick: () => void): () => void {
  let interval: ReturnType<typeof setInterval> | null = null;
  const firstDelay = periodMs - (Date.now() % periodMs) + BOUNDARY_MARGIN_MS;
  const timeout = setTimeout(() => {
    tick();
    interval = setInterval(tick, periodMs);
  }, firstDelay);
  return () => {
    clearTimeout(timeout);
    if (interval) clearInterval(interval);
  };
}

function tickerFor(periodMs: number): Ticker {
  const known = tickers.get(periodMs);
  if (known) return known;
  const ticker: Ticker = {
    listeners: new Set(),
    stop: null,
    subscribe(listener) {
      ticker.listeners.add(listener);
      ticker.stop ??= startTimer(periodMs, () => ticker.listeners.forEach((notify) => notify()));
      return () => {
        ticker.listeners.delete(listener);
        if (ticker.listeners.size === 0) {
          ticker.stop?.();
          ticker.stop = null;
        }
      };
    },
    read: () => Math.floor(Date.now() / periodMs) * periodMs,
  };
  tickers.set(periodMs, ticker);
  return ticker;
}

/** The current time in ms, quantised to and refreshed every `periodMs`. */
export function useNow(periodMs = 1000): number {
  const ticker = tickerFor(periodMs);
  return useSyncExternalStore(ticker.subscribe, ticker.read);
}
