// Environment: browser. Connects the idle tracker to the hub's setting (awayAfterIdleMinutes) and to the desk
// core's setIdle, so an agent who walks away shows as away to the team.
import type { DeskApi } from '../../shared/desk-api.js';
import { DEFAULT_SETTINGS } from '../../shared/settings.js';
import type { DeskStore } from '../store/create-desk-store.js';
import { trackIdle } from './idle-tracker.js';

const MINUTE_MS = 60_000;

export function reportIdleness(
  store: DeskStore,
  api: Pick<DeskApi, 'setIdle'>,
  target: EventTarget,
): () => void {
  const minutes = () =>
    store.getState().settings?.awayAfterIdleMinutes ?? DEFAULT_SETTINGS.awayAfterIdleMinutes;
  const tracker = trackIdle({
    target,
    timeoutMs: minutes() * MINUTE_MS,
    onChange(idle) {
      if (!store.getState().session) return;
      api.setIdle({ idle }).catch((error: unknown) => console.error('setIdle failed', error));
    },
  });
  const stopStore = store.subscribe((state, previous) => {
    if (state.settings?.awayAfterIdleMinutes !== previous.settings?.awayAfterIdleMinutes) {
      tracker.setTimeoutMs(minutes() * MINUTE_MS);
    }
  });
  return () => {
    stopStore();
    tracker.stop();
  };
}
