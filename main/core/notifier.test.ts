// The notification rules on a real cache, with the clock in the test's hands (no waiting minutes).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_PREFERENCES, type Preferences } from '../../shared/desk-api.js';
import type { Account, Conversation, Message } from '../../shared/domain.js';
import type { HubChange } from '../../shared/desk-protocol.js';
import type { DeskNotification } from '../../shared/notifications.js';
import { DEFAULT_SETTINGS, type HubSettings } from '../../shared/settings.js';
import { DeskCache } from './cache.js';
import { Notifier } from './notifier.js';
import { conversationAt, messageAt, temporaryDir } from './test-support/fixtures.js';

const alex: Account = { id: 'a1', name: 'Alex Lindqvist', email: 'agent1@demo.test', role: 'agent' };
const sam: Account = { id: 'a2', name: 'Sam Okafor', email: 'agent2@demo.test', role: 'lead' };
const ref = ({ id, name, email }: Account) => ({ id, name, email });
const ESCALATED_AT = Date.parse('2026-01-01T10:01:00.000Z');
const MINUTE = 60_000;

const caches: DeskCache[] = [];
const notifiers: Notifier[] = [];
afterEach(() => {
  notifiers.splice(0).forEach((notifier) => notifier.stop());
  caches.splice(0).forEach((cache) => cache.close());
});

function setUp(settleMs = 0) {
  const cache = new DeskCache({ dataDir: temporaryDir() });
  caches.push(cache);
  const notifications: DeskNotification[] = [];
  const state = {
    now: ESCALATED_AT,
    online: true,
    preferences: DEFAULT_PREFERENCES as Preferences,
    settings: { ...DEFAULT_SETTINGS, reminderAfterMinutes: 5 } as HubSettings | null,
  };
  const notifier = new Notifier({
    cache,
    me: () => alex.id,
    preferences: () => state.preferences,
    settings: () => state.settings,
    isOnline: () => state.online,
    emit: (n) => notifications.push(n),
    now: () => state.now,
    reminderCheckMs: 60_000, // the test calls checkReminders itself
    newHandoffSettleMs: settleMs,
  });
  notifiers.push(notifier);
  let position = 0;
  const apply = (items: (Conversation | Message)[], live = true) => {
    const changes: HubChange[] = items.map((item) =>
      'channel' in item
        ? { position: ++position, kind: 'conversation', conversation: item }
        : { position: ++position, kind: 'message', message: item },
    );
    notifier.applied(cache.applyChanges(changes, { fromSync: !live }), live);
  };
  return { cache, notifier, notifications, state, apply };
}

const maja = { name: 'Maja Berg', email: 'maja@example.se' };

describe('notifications the desk core raises', () => {
  it('a new handoff in the queue, live only (not what a catch-up replays)', () => {
    const { notifications, apply } = setUp();
    apply([conversationAt(1, { id: 'old', shopper: maja })], false);
    expect(notifications).toEqual([]);
    apply([conversationAt(2, { shopper: maja, lastMessagePreview: 'Var är min order?' })]);
    expect(notifications).toEqual([
      {
        id: expect.any(String),
        kind: 'new_handoff',
        conversationId: 'c1',
        shopper: 'Maja Berg',
        actor: null,
        preview: 'Var är min order?',
      },
    ]);
    // An update of a conversation already queued is not a new handoff.
    apply([conversationAt(3, { shopper: maja, tags: ['vip'] })]);
    expect(notifications).toHaveLength(1);
  });

  it("a shopper message in my conversation (not in others', not a re-push), shortened", () => {
    const { notifications, apply } = setUp();
    apply(
      [conversationAt(1, { status: 'open', assignee: ref(alex), shopper: { email: 'maja@example.se' } })],
      false,
    );
    apply([conversationAt(2, { id: 'c2', status: 'open', assignee: ref(sam) })], false);
    const long = `Hej! ${'Jag väntar fortfarande på paketet. '.repeat(10)}`;
    apply([messageAt(1, { text: long })]);
    apply([messageAt(2, { conversationId: 'c2', text: 'to Sam' })]);
    apply([messageAt(1, { text: long })]); // the same message again
    apply([messageAt(3, { author: 'agent', agent: ref(alex), delivery: 'sent', text: 'mine' })]);
    expect(notifications.map((n) => [n.kind, n.conversationId, n.shopper])).toEqual([
      ['new_message', 'c1', 'maja@example.se'],
    ]);
    expect(notifications[0]?.preview).toHaveLength(140);
    expect(notifications[0]?.preview?.endsWith('…')).toBe(true);
  });

  it('a note that mentions me, by someone else, in any conversation', () => {
    const { notifications, apply } = setUp();
    apply([conversationAt(1, { status: 'open', assignee: ref(sam), shopper: maja })], false);
    const note = (position: number, author: Account, mentions: string[]) =>
      messageAt(position, {
        author: 'agent',
        agent: ref(author),
        internal: true,
        mentions,
        text: `note ${position}`,
      });
    apply([note(1, sam, [alex.id])]);
    apply([note(2, sam, [sam.id])]);
    apply([note(3, alex, [alex.id])]);
    expect(notifications.map((n) => [n.kind, n.actor, n.preview])).toEqual([
      ['mention', 'Sam Okafor', 'note 1'],
    ]);
  });

  it('a conversation transferred to me (from Sam) or assigned from the queue, but not my own claim', () => {
    const { cache, notifications, apply } = setUp();
    apply([conversationAt(1, { status: 'open', assignee: ref(sam), shopper: maja })], false);
    apply([conversationAt(2, { status: 'open', assignee: ref(alex), shopper: maja })]);
    apply([conversationAt(3, { id: 'c2', shopper: maja })], false);
    apply([conversationAt(4, { id: 'c2', status: 'open', assignee: ref(alex), shopper: maja })]);
    apply([conversationAt(5, { id: 'c3', shopper: maja })], false);
    cache.addCommand({ id: 'claim-c3', type: 'claim', conversationId: 'c3' }, new Date().toISOString());
    apply([conversationAt(6, { id: 'c3', status: 'open', assignee: ref(alex), shopper: maja })]);
    expect(notifications.map((n) => [n.kind, n.conversationId, n.actor])).toEqual([
      ['transfer', 'c1', 'Sam Okafor'],
      ['assigned', 'c2', null],
    ]);
  });

  it('nothing at all when the agent turned notifications off', () => {
    const { notifications, apply, state } = setUp();
    state.preferences = { ...DEFAULT_PREFERENCES, notifications: false };
    apply([conversationAt(1, { shopper: maja })]);
    expect(notifications).toEqual([]);
  });

  it('reminds every reminderAfterMinutes while a handoff waits unclaimed, and stops when it is claimed', () => {
    const { notifier, notifications, apply, state } = setUp();
    apply([conversationAt(1, { shopper: maja })]);
    notifications.length = 0;
    const remindersAt = (minutes: number) => {
      state.now = ESCALATED_AT + minutes * MINUTE;
      notifier.checkReminders();
      return notifications.filter((n) => n.kind === 'reminder').map((n) => n.preview);
    };
    expect(remindersAt(4)).toEqual([]);
    expect(remindersAt(5)).toEqual(['5']);
    expect(remindersAt(7)).toEqual(['5']); // once per period
    expect(remindersAt(10)).toEqual(['5', '10']);
    // Offline, the queue we know may be stale: no reminders; back online, one for the missed periods.
    state.online = false;
    expect(remindersAt(16)).toEqual(['5', '10']);
    state.online = true;
    expect(remindersAt(21)).toEqual(['5', '10', '21']);
    apply([conversationAt(2, { status: 'open', assignee: ref(sam), shopper: maja })]);
    expect(remindersAt(40)).toEqual(['5', '10', '21']);
  });

  it('a conversation put back in the queue waits from then, and the threshold follows the settings', () => {
    const { notifier, notifications, apply, state } = setUp();
    apply(
      [conversationAt(1, { status: 'open', assignee: ref(sam), claimedAt: '2026-01-01T10:02:00.000Z' })],
      false,
    );
    state.now = ESCALATED_AT + 60 * MINUTE;
    apply([conversationAt(2, { status: 'queued', assignee: null, claimedAt: '2026-01-01T10:02:00.000Z' })]);
    notifications.length = 0;
    state.settings = { ...DEFAULT_SETTINGS, reminderAfterMinutes: 2 };
    state.now += 1 * MINUTE;
    notifier.checkReminders();
    expect(notifications).toEqual([]);
    state.now += 1 * MINUTE;
    notifier.checkReminders();
    expect(notifications.map((n) => [n.kind, n.preview])).toEqual([['reminder', '2']]);
  });

  it('a handoff already waiting when the console starts is not reminded at once, but at its next period', () => {
    const { notifier, notifications, apply, state } = setUp();
    apply([conversationAt(1, { shopper: maja })], false); // from the catch-up, 12 minutes after the handoff
    state.now = ESCALATED_AT + 12 * MINUTE;
    notifier.checkReminders();
    expect(notifications).toEqual([]);
    state.now = ESCALATED_AT + 15 * MINUTE;
    notifier.checkReminders();
    expect(notifications.map((n) => [n.kind, n.preview])).toEqual([['reminder', '15']]);
  });

  it('a new handoff that auto-assign gives to someone at once alerts only them, not the whole team', () => {
    vi.useFakeTimers();
    try {
      const { notifications, apply } = setUp(300);
      apply([conversationAt(1, { id: 'taken', shopper: maja })]);
      apply([conversationAt(2, { id: 'taken', status: 'open', assignee: ref(sam), shopper: maja })]);
      apply([conversationAt(3, { id: 'waiting', shopper: maja })]);
      expect(notifications).toEqual([]);
      vi.advanceTimersByTime(300);
      expect(notifications.map((n) => [n.kind, n.conversationId])).toEqual([['new_handoff', 'waiting']]);
    } finally {
      vi.useRealTimers();
    }
  });
});
