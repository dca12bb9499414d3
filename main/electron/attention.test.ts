import { describe, expect, it } from 'vitest';
import { DEFAULT_PREFERENCES, deskSnapshotSchema, type DeskEvent } from '../../shared/desk-api.js';
import type { DeskNotification } from '../../shared/notifications.js';
import { createAttention, type AttentionHost, type TrayMenuItem } from './attention.js';

/** Electron's side, recorded (the runtime is not available here; these are its calls as main.ts makes them). */
function recordingHost(locale = 'en-US', withTray = true, onScreen: string | null = null) {
  const shown: { title: string; body: string; click: () => void }[] = [];
  const sent: DeskEvent[] = [];
  const record = {
    shown,
    sent,
    badge: [] as number[],
    badgeText: '',
    tooltip: '',
    menu: [] as TrayMenuItem[],
    unreadDot: false,
    focused: 0,
    quit: 0,
  };
  const host: AttentionHost = {
    systemLocale: () => locale,
    showNotification: (content, click) => shown.push({ ...content, click }),
    focusWindow: () => void record.focused++,
    isOnScreen: (conversationId) => conversationId === onScreen,
    sendToRenderer: (event) => sent.push(event),
    setBadgeCount: (count, description) => {
      record.badge.push(count);
      record.badgeText = description;
    },
    tray: withTray
      ? {
          setToolTip: (text) => void (record.tooltip = text),
          setMenu: (items) => void (record.menu = items),
          setUnread: (unread) => void (record.unreadDot = unread),
        }
      : null,
    quit: () => void record.quit++,
  };
  return { host, record };
}

const snapshot = (overrides: object = {}) =>
  deskSnapshotSchema.parse({
    session: null,
    connection: { status: 'signed_out', hubUrl: null, lastError: null },
    conversations: [],
    defaultHubUrl: 'http://127.0.0.1:4710',
    ...overrides,
  });

const mention: DeskNotification = {
  id: 'n1',
  kind: 'mention',
  conversationId: 'c7',
  shopper: 'Maja Berg',
  actor: 'Sam Okafor',
  preview: '@Alex can you check the refund?',
};

describe('Electron attention: notifications, badge and tray', () => {
  it('shows a notification once, in the system language, and a click focuses the window and opens the conversation', () => {
    const { host, record } = recordingHost('sv-SE');
    const attention = createAttention(host, snapshot());
    attention.handle({ type: 'notification', notification: mention });
    attention.handle({ type: 'notification', notification: mention }); // the same id again
    expect(record.shown.map(({ title, body }) => ({ title, body }))).toEqual([
      { title: 'Sam Okafor nämnde dig', body: '@Alex can you check the refund?' },
    ]);
    record.shown[0]?.click();
    expect(record.focused).toBe(1);
    expect(record.sent).toEqual([{ type: 'focusConversation', conversationId: 'c7' }]);
  });

  it('follows the language preference over the system locale, and stays quiet when notifications are off', () => {
    const { host, record } = recordingHost('sv-SE');
    const attention = createAttention(
      host,
      snapshot({ preferences: { ...DEFAULT_PREFERENCES, language: 'en' } }),
    );
    attention.handle({ type: 'notification', notification: { ...mention, kind: 'transfer', id: 'n2' } });
    expect(record.shown.map((n) => n.title)).toEqual(['Sam Okafor transferred Maja Berg to you']);

    attention.handle({
      type: 'preferences',
      preferences: { language: 'system', notifications: false, sound: false, retentionDays: null },
    });
    expect(attention.language()).toBe('sv');
    attention.handle({ type: 'notification', notification: { ...mention, id: 'n3' } });
    expect(record.shown).toHaveLength(1);
  });

  it('puts the unread total on the badge and the tray, in the UI language, and clears it on sign-out', () => {
    const { host, record } = recordingHost('en-GB');
    const attention = createAttention(host, snapshot({ unread: { c1: 2 } }));
    expect(record.badge.at(-1)).toBe(2);
    expect(record.tooltip).toBe('Handoff Desk — 2 unread');
    expect(record.unreadDot).toBe(true);

    attention.handle({ type: 'unread', unread: { c1: 2, c2: 3 } });
    expect(record.badge.at(-1)).toBe(5);
    expect(record.badgeText).toBe('Handoff Desk — 5 unread');
    attention.handle({ type: 'preferences', preferences: { ...DEFAULT_PREFERENCES, language: 'sv' } });
    expect(record.tooltip).toBe('Handoff Desk — 5 olästa');
    expect(record.menu.map((item) => item.label)).toEqual(['Visa Handoff Desk', 'Avsluta']);
    record.menu[0]?.click();
    record.menu[1]?.click();
    expect([record.focused, record.quit]).toEqual([1, 1]);

    attention.handle({ type: 'session', session: null });
    expect(record.badge.at(-1)).toBe(0);
    expect(record.tooltip).toBe('Handoff Desk');
    expect(record.unreadDot).toBe(false);
  });

  it('works without a tray (desktops that have none): the badge still follows', () => {
    const { host, record } = recordingHost('en-US', false);
    const attention = createAttention(host, snapshot());
    attention.handle({ type: 'unread', unread: { c1: 1 } });
    expect(record.badge).toEqual([0, 1]);
  });

  it('no desktop alert for a message or mention in the conversation the agent is reading; other kinds still show', () => {
    const { host, record } = recordingHost('en-US', true, 'c7');
    const attention = createAttention(host, snapshot());
    attention.handle({ type: 'notification', notification: mention });
    attention.handle({ type: 'notification', notification: { ...mention, id: 'n2', kind: 'new_message' } });
    attention.handle({ type: 'notification', notification: { ...mention, id: 'n3', conversationId: 'c8' } });
    attention.handle({ type: 'notification', notification: { ...mention, id: 'n4', kind: 'transfer' } });
    expect(record.shown.map((n) => n.title)).toEqual([
      'Sam Okafor mentioned you',
      'Sam Okafor transferred Maja Berg to you',
    ]);
  });

  it("a lead's past-target alert shows like the others, in the UI language, and a click opens the conversation", () => {
    const { host, record } = recordingHost('en-US', true, 'c9');
    const attention = createAttention(host, snapshot());
    const breached: DeskNotification = {
      id: 'n5',
      kind: 'sla_breached',
      conversationId: 'c9',
      shopper: 'Maja Berg',
      actor: null,
      preview: '3',
    };
    // Even while the lead has it on screen: watching is not answering.
    attention.handle({ type: 'notification', notification: breached });
    attention.handle({ type: 'preferences', preferences: { ...DEFAULT_PREFERENCES, language: 'sv' } });
    attention.handle({
      type: 'notification',
      notification: { ...breached, id: 'n6', conversationId: 'c10' },
    });
    expect(record.shown.map(({ title, body }) => ({ title, body }))).toEqual([
      { title: 'Past the response target: Maja Berg', body: 'No reply for 3 min' },
      { title: 'Över svarsmålet: Maja Berg', body: 'Inget svar på 3 min' },
    ]);
    record.shown[1]?.click();
    expect(record.sent).toEqual([{ type: 'focusConversation', conversationId: 'c10' }]);
  });
});
