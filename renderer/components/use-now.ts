// Environment: browser. One shared clock for every live duration on screen: a single interval per period,
// however many rows subscribe, so a long queue does not run a timer per row.
import { useSyncExternalStore } from 'react';

interface Ticker {
  now: number;
  listeners: Set<() => void>;
  timer: ReturnType<typeof setInterval> | null;
}

const tickers = new Map<number, Ticker>();

function tickerFor(periodMs: number): Ticker {
  let ticker = tickers.get(periodMs);
  if (!ticker) {
    ticker = { now: Date.now(), listeners: new Set(), timer: null };
    tickers.set(periodMs, ticker);
  }
  return ticker;
}

function subscribe(periodMs: number, listener: () => void): () => void {
  const ticker = tickerFor(periodMs);
  ticker.listeners.add(listener);
  if (!ticker.timer) {
    ticker.now = Date.now();
    ticker.timer = setInterval(() => {
      ticker.now = Date.now();
      for (const notify of ticker.listeners) notify();
    }, periodMs);
  }
  return () => {
    ticker.listeners.delete(listener);
    if (ticker.listeners.size === 0 && ticker.timer) {
      clearInterval(ticker.timer);
      ticker.timer = null;
    }
  };
}

/** The current time in ms, refreshed every `periodMs`. */
export function useNow(periodMs = 1000): number {
  return useSyncExternalStore(
    (listener) => subscribe(periodMs, listener),
    () => tickerFor(periodMs).now,
  );
}
