// Environment: browser. The one timer behind every queue row's SLA standing: it refreshes the store each
// second, and at once when conversations or the hub's targets change (a reply stops the clock now, not a
// second later). The store only changes when some standing does.
import type { DeskStore } from './create-desk-store.js';

export interface SlaClockOptions {
  now(): number;
  setInterval(tick: () => void, ms: number): () => void;
}

const browserClock: SlaClockOptions = {
  now: () => Date.now(),
  setInterval(tick, ms) {
    const id = setInterval(tick, ms);
    return () => clearInterval(id);
  },
};

export const SLA_TICK_MS = 1000;

export function startSlaClock(store: DeskStore, clock: SlaClockOptions = browserClock): () => void {
  const refresh = () => store.getState().refreshSla(clock.now());
  refresh();
  const stopTimer = clock.setInterval(refresh, SLA_TICK_MS);
  const stopWatching = store.subscribe((state, previous) => {
    if (state.conversationsById !== previous.conversationsById || state.settings !== previous.settings)
      refresh();
  });
  return () => {
    stopTimer();
    stopWatching();
  };
}
