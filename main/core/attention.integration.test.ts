// Never miss a chat, against a real hub: notifications for live changes (none for what a catch-up replays),
// unread counts that survive a restart, reminders on an injected clock, preferences that survive signing out.
import { describe, expect, it } from 'vitest';
import type { DeskEvent } from '../../shared/desk-api.js';
import { temporaryDir } from './test-support/fixtures.js';
import {
  DEMO_PASSWORD,
  hubsAndAgentsClosedAfterEach,
  nextEvent,
  openCore,
  postHandoff,
  postShopperMessage,
  recordEvents,
  sampleHandoff,
  signedInCore,
  uniqueConversationId,
  untilSnapshot,
  waitForConnection,
} from './test-support/hub-harness.js';

const { closeLater, hubForTest } = hubsAndAgentsClosedAfterEach();
function notifications(events: DeskEvent[]) {
  return events.flatMap((e) => (e.type === 'notification' ? [e.notification] : []));
}
function isNotification(kind: string, conversationId: string) {
  return (e: DeskEvent): e is Extract<DeskEvent, { type: 'notification' }> =>
    e.type === 'notification' &&
    e.notification.kind === kind &&
    e.notification.conversationId === conversationId;
}
function isConversation(conversationId: string) {
  return (e: DeskEvent) => e.type === 'conversation' && e.conversation.id === conversationId;
}

describe('notifications and unread counts', () => {
  it('a new handoff and a shopper message in my conversation notify; unread counts, markRead clears, a restart keeps it', async () => {
    const hub = await hubForTest();
    const dataDir = temporaryDir();
    const alex = closeLater(await signedInCore(hub.url, 'agent1@demo.test', dataDir));
    const conversationId = uniqueConversationId('notify');

    const newHandoff = nextEvent(alex, isNotification('new_handoff', conversationId), 'new handoff');
    await postHandoff(hub.url, sampleHandoff(conversationId));
    expect((await newHandoff).notification).toMatchObject({ shopper: 'Maja Berg', actor: null });

    await alex.claim({ conversationId });
    const wrote = nextEvent(alex, isNotification('new_message', conversationId), 'shopper message');
    const counted = nextEvent(alex, (e) => e.type === 'unread' && e.unread[conversationId] === 2, 'unread 2');
    await postShopperMessage(hub.url, conversationId, 's-1', 'Hallå? Är ni kvar?');
    expect((await wrote).notification).toMatchObject({ preview: 'Hallå? Är ni kvar?' });
    await postShopperMessage(hub.url, conversationId, 's-2', 'Ordernumret är 4412.');
    await counted;

    await alex.close();
    const restarted = closeLater(openCore(dataDir, hub.url));
    expect((await restarted.getSnapshot({})).unread).toEqual({ [conversationId]: 2 });
    const cleared = nextEvent(restarted, (e) => e.type === 'unread' && !(conversationId in e.unread), 'read');
    expect(await restarted.markRead({ conversationId })).toEqual({ ok: true });
    await cleared;
    expect((await restarted.getSnapshot({})).unread).toEqual({});
  });

  it('what happened while the console was closed is counted unread but not notified', async () => {
    const hub = await hubForTest();
    const dataDir = temporaryDir();
    const alex = await signedInCore(hub.url, 'agent1@demo.test', dataDir);
    const mine = uniqueConversationId('mine');
    const arrived = nextEvent(alex, isConversation(mine), 'handoff');
    await postHandoff(hub.url, sampleHandoff(mine));
    await arrived;
    await alex.claim({ conversationId: mine });
    await alex.close();

    // While Alex's console is closed: a message in their conversation and a new handoff.
    await postShopperMessage(hub.url, mine, 's-offline', 'Skrivet medan du var borta');
    const queued = uniqueConversationId('queued-while-away');
    await postHandoff(hub.url, sampleHandoff(queued));

    const restarted = closeLater(openCore(dataDir, hub.url));
    const events = recordEvents(restarted);
    await waitForConnection(restarted, 'online');
    const snapshot = await untilSnapshot(restarted, (s) => s.unread[mine] === 1, 'unread after catch-up');
    expect(snapshot.conversations.map((c) => c.id)).toContain(queued);
    expect(notifications(events)).toEqual([]);
  });

  it('no notifications when the agent turned them off; the preference survives signing out and in', async () => {
    const hub = await hubForTest();
    const dataDir = temporaryDir();
    const alex = closeLater(await signedInCore(hub.url, 'agent1@demo.test', dataDir));
    const preferencesEvent = nextEvent(alex, (e) => e.type === 'preferences', 'preferences');
    expect(await alex.setPreferences({ notifications: false, language: 'sv' })).toEqual({
      language: 'sv',
      notifications: false,
      sound: false,
      retentionDays: null,
    });
    await preferencesEvent;

    await alex.signOut({});
    expect((await alex.getSnapshot({})).preferences).toMatchObject({ notifications: false, language: 'sv' });
    const online = waitForConnection(alex, 'online');
    await alex.signIn({ hubUrl: hub.url, email: 'agent2@demo.test', password: DEMO_PASSWORD });
    await online;
    expect((await alex.getSnapshot({})).preferences).toMatchObject({ notifications: false, language: 'sv' });

    const events = recordEvents(alex);
    const conversationId = uniqueConversationId('quiet');
    const arrived = nextEvent(alex, isConversation(conversationId), 'handoff');
    await postHandoff(hub.url, sampleHandoff(conversationId));
    await arrived; // a notification would have been raised in the same step as this event
    expect(notifications(events)).toEqual([]);
  });

  it('reminds while a handoff waits unclaimed, every reminderAfterMinutes on the injected clock, until claimed', async () => {
    const hub = await hubForTest();
    // A minute ahead of the hub's clock: the handoff has surely waited less than a period at the start.
    let now = Date.now() + 60_000;
    const alex = closeLater(
      await signedInCore(hub.url, 'agent1@demo.test', temporaryDir(), {
        now: () => now,
        reminderCheckMs: 20,
      }),
    );
    const snapshot = await untilSnapshot(alex, (s) => s.settings !== null, 'settings');
    const periodMs = (snapshot.settings?.reminderAfterMinutes ?? 5) * 60_000;
    const waiting = uniqueConversationId('waiting');
    const arrived = nextEvent(alex, isConversation(waiting), 'handoff');
    await postHandoff(hub.url, sampleHandoff(waiting));
    await arrived;
    const events = recordEvents(alex);

    now += periodMs;
    await nextEvent(alex, isNotification('reminder', waiting), 'first reminder');
    now += periodMs;
    await nextEvent(alex, isNotification('reminder', waiting), 'second reminder');
    const reminders = notifications(events).filter(
      (n) => n.kind === 'reminder' && n.conversationId === waiting,
    );
    expect(reminders).toHaveLength(2);
    expect(new Set(reminders.map((n) => n.id)).size).toBe(2);
    expect(Number(reminders[1]?.preview)).toBeGreaterThanOrEqual(Number(reminders[0]?.preview));

    // Claimed: its reminders stop. Another handoff's reminder proves the clock kept checking.
    await alex.claim({ conversationId: waiting });
    const other = uniqueConversationId('other');
    const otherArrived = nextEvent(alex, isConversation(other), 'other handoff');
    await postHandoff(hub.url, sampleHandoff(other));
    await otherArrived;
    now += periodMs * 3;
    await nextEvent(alex, isNotification('reminder', other), 'reminder for the other');
    expect(
      notifications(events).filter((n) => n.kind === 'reminder' && n.conversationId === waiting),
    ).toHaveLength(2);
  });

  it('auto-assign: the agent it picks is told; the rest of the team is not alerted about a handoff already taken', async () => {
    const hub = await hubForTest();
    const lead = closeLater(await signedInCore(hub.url, 'lead@demo.test'));
    const alex = closeLater(await signedInCore(hub.url, 'agent1@demo.test'));
    const sam = closeLater(await signedInCore(hub.url, 'agent2@demo.test'));
    // Only Alex can be picked: Sam and the lead are away.
    expect(await sam.setPresence({ presence: 'away' })).toMatchObject({ ok: true });
    expect(await lead.setPresence({ presence: 'away' })).toMatchObject({ ok: true });
    // Room for the demo's waiting handoffs (the oldest go first) and ours.
    expect(await lead.updateSettings({ patch: { autoAssign: true, defaultCapacity: 100 } })).toMatchObject({
      ok: true,
    });
    const samEvents = recordEvents(sam);

    const taken = uniqueConversationId('auto-assigned');
    const assigned = nextEvent(alex, isNotification('assigned', taken), 'assigned to Alex');
    await postHandoff(hub.url, sampleHandoff(taken));
    expect((await assigned).notification).toMatchObject({ shopper: 'Maja Berg', actor: null });

    // A handoff that stays queued: Sam's alert for it comes after any alert for the first would have.
    expect(await lead.updateSettings({ patch: { autoAssign: false } })).toMatchObject({ ok: true });
    const waiting = uniqueConversationId('stays-queued');
    const samAlerted = nextEvent(sam, isNotification('new_handoff', waiting), 'Sam alerted');
    await postHandoff(hub.url, sampleHandoff(waiting));
    await samAlerted;
    expect(notifications(samEvents).map((n) => n.conversationId)).not.toContain(taken);
  });
});
