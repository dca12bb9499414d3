// Environment: browser. Everything the console does beside rendering: language, window title, desktop
// notifications and sound, idle presence, activity reports and read marks, and the queue's SLA clock.
import type { DeskApi } from '../../shared/desk-api.js';
import type { DeskStore } from '../store/create-desk-store.js';
import { startSlaClock } from '../store/sla-clock.js';
import { reportActivityChanges } from './activity-reporter.js';
import { showDeskNotifications } from './desktop-notifications.js';
import { showUnreadInTitle } from './document-title.js';
import { reportIdleness } from './idle-presence.js';
import { followLanguagePreference } from './language.js';
import { markReadWhileVisible } from './read-tracker.js';

export function startPlatformEffects(
  store: DeskStore,
  api: DeskApi,
  options: { electron: boolean },
): () => void {
  const stops = [
    followLanguagePreference(store, () => navigator.language),
    showUnreadInTitle(store, document),
    showDeskNotifications(store, api, { electron: options.electron, focusWindow: () => window.focus() }),
    reportIdleness(store, api, window),
    reportActivityChanges(store, api, document),
    markReadWhileVisible(store, document),
    startSlaClock(store),
  ];
  return () => stops.forEach((stop) => stop());
}
