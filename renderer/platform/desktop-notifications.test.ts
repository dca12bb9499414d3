// Web host notifications: shown once per id, in the UI language, only when wanted and permitted, and a click
// opens the conversation. The browser's Notification is the one thing replaced (it needs an OS behind it).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DeskNotification } from '../../shared/notifications.js';
import { setUiLanguage } from '../i18n/i18n.js';
import { conversation, me, ready, scriptedDesk, snapshot } from '../store/test-support/scripted-desk.js';
import { showDeskNotifications } from './desktop-notifications.js';

class RecordingNotification {
  static permission: NotificationPermission = 'granted';
  static shown: RecordingNotification[] = [];
  onclick: (() => void) | null = null;
  constructor(
    readonly title: string,
    readonly options: NotificationOptions,
  ) {
    RecordingNotification.shown.push(this);
  }
  close() {}
}

const mention: DeskNotification = {
  id: 'n1',
  kind: 'mention',
  conversationId: 'c1',
  shopper: 'Maja Berg',
  actor: 'Sam Okafor',
  preview: 'can you check the refund?',
};

beforeEach(() => {
  RecordingNotification.shown = [];
  RecordingNotification.permission = 'granted';
  vi.stubGlobal('Notification', RecordingNotification);
});
afterEach(() => {
  vi.unstubAllGlobals();
  setUiLanguage('en');
});

async function setup(electron = false) {
  const desk = scriptedDesk(snapshot([conversation('c1', { status: 'open', assignee: me })]));
  await ready(desk);
  const focusWindow = vi.fn();
  showDeskNotifications(desk.store, desk.api, { electron, focusWindow });
  return { desk, focusWindow };
}

describe('desktop notifications in the web host', () => {
  it('shows each notification once, in the UI language, and a click opens its conversation', async () => {
    const { desk, focusWindow } = await setup();
    setUiLanguage('sv');
    desk.emit({ type: 'notification', notification: mention });
    desk.emit({ type: 'notification', notification: mention });
    expect(RecordingNotification.shown.map((n) => n.title)).toEqual(['Sam Okafor nämnde dig']);
    expect(RecordingNotification.shown[0]?.options.body).toBe('can you check the refund?');
    RecordingNotification.shown[0]?.onclick?.();
    expect(focusWindow).toHaveBeenCalled();
    expect(desk.store.getState().selectedConversationId).toBe('c1');
    expect(desk.store.getState().queueTab).toBe('mine');
  });

  it("shows a lead's past-the-target alert like the others, in English and Swedish", async () => {
    const { desk } = await setup();
    const breached: DeskNotification = {
      id: 'sla-1',
      kind: 'sla_breached',
      conversationId: 'c1',
      shopper: 'Maja Berg',
      actor: null,
      preview: '3',
    };
    desk.emit({ type: 'notification', notification: breached });
    setUiLanguage('sv');
    desk.emit({ type: 'notification', notification: { ...breached, id: 'sla-2' } });
    expect(RecordingNotification.shown.map((n) => [n.title, n.options.body])).toEqual([
      ['Past the response target: Maja Berg', 'No reply for 3 min'],
      ['Över svarsmålet: Maja Berg', 'Inget svar på 3 min'],
    ]);
    RecordingNotification.shown[1]?.onclick?.();
    expect(desk.store.getState().selectedConversationId).toBe('c1');
  });

  it('shows nothing when the agent turned them off, the browser refused, or Electron shows them', async () => {
    const off = await setup();
    off.desk.emit({
      type: 'preferences',
      preferences: { language: 'en', notifications: false, sound: false, retentionDays: null },
    });
    off.desk.emit({ type: 'notification', notification: { ...mention, id: 'n2' } });
    RecordingNotification.permission = 'denied';
    const denied = await setup();
    denied.desk.emit({ type: 'notification', notification: { ...mention, id: 'n3' } });
    RecordingNotification.permission = 'granted';
    const electron = await setup(true);
    electron.desk.emit({ type: 'notification', notification: { ...mention, id: 'n4' } });
    expect(RecordingNotification.shown).toEqual([]);
  });
});
