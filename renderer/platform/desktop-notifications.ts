// Environment: browser. Desktop notifications in the web host: the desk core decides what to notify; here the
// browser's Notification shows it in the UI language, and a click focuses the window and opens the
// conversation. In Electron the main process shows them, so only the sound plays here.
import type { DeskApi } from '../../shared/desk-api.js';
import { notificationText, type DeskNotification } from '../../shared/notifications.js';
import { uiLanguage } from '../i18n/i18n.js';
import type { DeskStore } from '../store/create-desk-store.js';
import { playChime } from './notification-sound.js';

/** Ids shown already: a host shows each notification once, even if the event is delivered twice. */
const MAX_REMEMBERED = 500;

export function browserNotificationsSupported(): boolean {
  return typeof Notification !== 'undefined';
}

export function showDeskNotifications(
  store: DeskStore,
  api: Pick<DeskApi, 'onEvent'>,
  options: { electron: boolean; focusWindow(): void },
): () => void {
  const seen = new Set<string>();
  const show = (notification: DeskNotification) => {
    if (seen.has(notification.id)) return;
    seen.add(notification.id);
    if (seen.size > MAX_REMEMBERED) seen.delete(seen.values().next().value as string);
    const { preferences } = store.getState();
    if (preferences.sound) playChime();
    if (options.electron || !preferences.notifications || !browserNotificationsSupported()) return;
    if (Notification.permission !== 'granted') return;
    const { title, body } = notificationText(notification, uiLanguage());
    const shown = new Notification(title, { body, tag: notification.id });
    shown.onclick = () => {
      options.focusWindow();
      store.getState().revealConversation(notification.conversationId);
      shown.close();
    };
  };
  return api.onEvent((event) => {
    if (event.type === 'notification') show(event.notification);
  });
}
