// Environment: Node (Electron main, but free of Electron so it can be tested anywhere). How the Electron host gets
// the agent's attention from desk core events: desktop notifications (clicking one opens its conversation), the
// unread total on the app badge, and a tray icon whose tooltip and menu follow the unread count and language.
import type { DeskEvent, DeskSnapshot, Preferences } from '../../shared/desk-api.js';
import {
  languageFromLocale,
  notificationText,
  type DeskNotification,
  type UiLanguage,
} from '../../shared/notifications.js';

/** The few Electron capabilities this needs, injected (main.ts passes the real ones). */
export interface AttentionHost {
  /** Electron's `app.getLocale()`: used when the preference says `system`. */
  systemLocale(): string;
  /** Shows a desktop notification; `onClick` runs when the agent clicks it. */
  showNotification(content: { title: string; body: string }, onClick: () => void): void;
  /** Brings the window to the front (restoring or showing it). */
  focusWindow(): void;
  /** The agent is looking at this conversation right now (window focused, conversation open, not idle). */
  isOnScreen(conversationId: string): boolean;
  /** Sends an event to the renderer (e.g. `focusConversation`). */
  sendToRenderer(event: DeskEvent): void;
  /** The unread total on the dock/taskbar badge where the platform has one; `description` says it in words. */
  setBadgeCount(count: number, description: string): void;
  /** The tray icon, where the platform has one (null: none). */
  tray: TrayPort | null;
  quit(): void;
}

export interface TrayPort {
  setToolTip(text: string): void;
  /** Replaces the menu; the host builds the native menu from these items. */
  setMenu(items: TrayMenuItem[]): void;
  /** A dot on the icon while something is unread. */
  setUnread(hasUnread: boolean): void;
}

export interface TrayMenuItem {
  label: string;
  click: () => void;
}

const words: Record<UiLanguage, { show: string; quit: string; tooltip: (unread: number) => string }> = {
  en: {
    show: 'Show Handoff Desk',
    quit: 'Quit',
    tooltip: (n) => (n === 0 ? 'Handoff Desk' : `Handoff Desk — ${n} unread`),
  },
  sv: {
    show: 'Visa Handoff Desk',
    quit: 'Avsluta',
    tooltip: (n) => (n === 0 ? 'Handoff Desk' : `Handoff Desk — ${n} olästa`),
  },
};

export interface Attention {
  /** Feed every desk core event here. */
  handle(event: DeskEvent): void;
  /** The current language the host speaks in (for tests and the tray). */
  language(): UiLanguage;
}

/** Starts from the desk core's snapshot, then follows its events. */
export function createAttention(host: AttentionHost, snapshot: DeskSnapshot): Attention {
  let preferences: Preferences = snapshot.preferences;
  let unreadTotal = total(snapshot.unread);
  /** Ids already shown: a host shows each notification once. */
  const shown = new Set<string>();
  const MAX_REMEMBERED_IDS = 1_000;

  const language = (): UiLanguage =>
    preferences.language === 'system' ? languageFromLocale(host.systemLocale()) : preferences.language;

  function refreshUnread(): void {
    const text = words[language()];
    host.setBadgeCount(unreadTotal, text.tooltip(unreadTotal));
    if (!host.tray) return;
    host.tray.setToolTip(text.tooltip(unreadTotal));
    host.tray.setUnread(unreadTotal > 0);
    host.tray.setMenu([
      { label: text.show, click: () => host.focusWindow() },
      { label: text.quit, click: () => host.quit() },
    ]);
  }

  function show(notification: DeskNotification): void {
    if (!preferences.notifications || shown.has(notification.id)) return;
    // A message or mention in the conversation the agent is reading needs no desktop alert (they see it).
    const aboutItsMessages = notification.kind === 'new_message' || notification.kind === 'mention';
    if (aboutItsMessages && host.isOnScreen(notification.conversationId)) return;
    shown.add(notification.id);
    if (shown.size > MAX_REMEMBERED_IDS) shown.delete(shown.values().next().value as string);
    host.showNotification(notificationText(notification, language()), () => {
      host.focusWindow();
      host.sendToRenderer({ type: 'focusConversation', conversationId: notification.conversationId });
    });
  }

  refreshUnread();
  return {
    handle(event) {
      if (event.type === 'notification') show(event.notification);
      else if (event.type === 'unread') {
        unreadTotal = total(event.unread);
        refreshUnread();
      } else if (event.type === 'preferences') {
        preferences = event.preferences;
        refreshUnread(); // the tray's words follow the language
      } else if (event.type === 'session' && event.session === null) {
        unreadTotal = 0; // signed out: nothing of that account's stays on the badge
        refreshUnread();
      }
    },
    language,
  };
}

function total(unread: Record<string, number>): number {
  return Object.values(unread).reduce((sum, count) => sum + count, 0);
}
