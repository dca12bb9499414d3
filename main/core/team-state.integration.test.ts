// Hub → desk, issue 3: the roster, settings, canned replies and activity pushes reach the snapshot and the events
// (and the cache, for offline); the live calls (presence, settings, audit, canned replies, shopper history) work
// live and fail fast with `offline` when the hub is down.
import { describe, expect, it } from 'vitest';
import type { DeskSnapshot } from '../../shared/desk-api.js';
import { temporaryDir } from './test-support/fixtures.js';
import {
  handoffReceivedBy,
  hubsAndAgentsClosedAfterEach,
  nextEvent,
  openCore,
  signedInCore,
  startTestHub,
  untilSnapshot,
  waitForConnection,
} from './test-support/hub-harness.js';

const { cleanups, hubForTest, agent } = hubsAndAgentsClosedAfterEach();
function presenceOf(snapshot: DeskSnapshot, email: string) {
  return snapshot.roster.find((member) => member.email === email)?.presence;
}

describe('the team, as the hub pushes it', () => {
  it('roster, settings and canned replies arrive on connect and stay in the cache for offline', async () => {
    const hub = await hubForTest();
    const dataDir = temporaryDir();
    const alex = await signedInCore(hub.url, 'agent1@demo.test', dataDir);
    cleanups.push(() => alex.close());
    // One of Alex's own, so there is at least one whatever the demo seed holds.
    const saved = await alex.saveCannedReply({
      id: `cr-own-${Date.now()}`,
      scope: 'personal',
      shortcut: 'hej',
      title: 'Hej',
      body: 'Hej {{shopper.first_name}}, {{agent.first_name}} här.',
    });
    expect(saved.ok).toBe(true);
    const online = await untilSnapshot(
      alex,
      (s) => s.roster.length >= 3 && s.settings !== null && presenceOf(s, 'agent1@demo.test') === 'online',
      'roster and settings',
    );
    expect(online.roster.map((m) => m.email)).toEqual(
      expect.arrayContaining(['agent1@demo.test', 'agent2@demo.test', 'lead@demo.test']),
    );
    expect(online.roster.find((m) => m.email === 'agent1@demo.test')).toMatchObject({
      openCount: 0,
      capacity: online.settings?.defaultCapacity,
    });
    expect(online.settings?.reminderAfterMinutes).toBeGreaterThan(0);
    expect(online.cannedReplies.length).toBeGreaterThan(0);

    // The hub goes away and the console restarts: what it knew of the team is still there.
    const reconnecting = waitForConnection(alex, 'reconnecting');
    await hub.close();
    await reconnecting;
    await alex.close();
    const offline = openCore(dataDir, hub.url);
    cleanups.push(() => offline.close());
    const snapshot = await offline.getSnapshot({});
    expect(snapshot.connection.status).not.toBe('online');
    expect(snapshot.roster).toHaveLength(online.roster.length);
    expect(snapshot.settings).toEqual(online.settings);
    expect(snapshot.cannedReplies).toEqual(online.cannedReplies);
  });

  it("a chosen away shows on the others' roster, and survives the console reconnecting", async () => {
    let hub = await startTestHub();
    cleanups.push(() => hub.close());
    const alex = await agent(hub, 'agent1@demo.test');
    const sam = await agent(hub, 'agent2@demo.test');
    await untilSnapshot(sam, (s) => presenceOf(s, 'agent1@demo.test') === 'online', 'Alex online');

    expect(await alex.setPresence({ presence: 'away' })).toEqual({ ok: true, value: {} });
    await untilSnapshot(sam, (s) => presenceOf(s, 'agent1@demo.test') === 'away', 'Alex away');

    const back = waitForConnection(alex, 'online');
    await hub.close();
    hub = await startTestHub({ dataDir: hub.dataDir, port: hub.port });
    await back;
    await untilSnapshot(sam, (s) => presenceOf(s, 'agent1@demo.test') === 'away', 'still away');
  });

  it('idle turns an online agent away for the others, is told again after a reconnect, and input brings them back', async () => {
    let hub = await startTestHub();
    cleanups.push(() => hub.close());
    const alex = await agent(hub, 'agent1@demo.test');
    const sam = await agent(hub, 'agent2@demo.test');
    await untilSnapshot(sam, (s) => presenceOf(s, 'agent1@demo.test') === 'online', 'Alex online');
    await alex.reportActivity({ conversationId: 'on-screen', typing: null });
    expect(await alex.setIdle({ idle: true })).toEqual({ ok: true });
    expect(alex.viewingConversation()).toBeNull(); // idle: not looking at anything
    await untilSnapshot(sam, (s) => presenceOf(s, 'agent1@demo.test') === 'away', 'Alex idle');

    // The hub restarts and forgets who was idle (it is per connection): Alex's console says so again.
    const samReconnecting = waitForConnection(sam, 'reconnecting');
    const alexBack = nextEvent(
      alex,
      (e) => e.type === 'connection' && e.connection.status === 'online',
      'Alex back online',
    );
    await hub.close();
    await samReconnecting;
    const awayAgain = nextEvent(
      sam,
      (e) =>
        e.type === 'roster' && e.roster.some((m) => m.email === 'agent1@demo.test' && m.presence === 'away'),
      'Alex away after the restart',
    );
    hub = await startTestHub({ dataDir: hub.dataDir, port: hub.port });
    await alexBack;
    await awayAgain;

    await alex.setIdle({ idle: false });
    await untilSnapshot(sam, (s) => presenceOf(s, 'agent1@demo.test') === 'online', 'Alex back');
  });

  it('who views and types reaches the other console, is sent again after a reconnect, and goes when the console closes', async () => {
    let hub = await startTestHub();
    cleanups.push(() => hub.close());
    const alex = await signedInCore(hub.url, 'agent1@demo.test');
    cleanups.push(() => alex.close());
    const sam = await agent(hub, 'agent2@demo.test');
    const conversationId = await handoffReceivedBy(hub.url, 'activity', alex, sam);
    const alexTyping = (s: DeskSnapshot) =>
      s.activity.some(
        (a) =>
          a.conversationId === conversationId &&
          a.viewers.some((v) => v.agent.name === 'Alex Lindqvist' && v.typing === 'reply'),
      );

    const seen = nextEvent(
      sam,
      (e) => e.type === 'activity' && e.activity.conversationId === conversationId,
      'activity',
    );
    expect(await alex.reportActivity({ conversationId, typing: 'reply' })).toEqual({ ok: true });
    expect(alex.viewingConversation()).toBe(conversationId); // what the Electron host asks before an alert
    await seen;
    await untilSnapshot(sam, alexTyping, 'Alex typing');

    // The hub restarts: it has forgotten who looks at what; Alex's console tells it again.
    const back = waitForConnection(alex, 'online');
    await hub.close();
    hub = await startTestHub({ dataDir: hub.dataDir, port: hub.port });
    await back;
    await untilSnapshot(sam, alexTyping, 'Alex typing again after the reconnect');

    await alex.close();
    await untilSnapshot(
      sam,
      (s) => !s.activity.some((a) => a.viewers.some((v) => v.agent.name === 'Alex Lindqvist')),
      'Alex gone',
    );
  });

  it("a lead's settings change reaches every console at once and is audited; an agent's is refused", async () => {
    const hub = await hubForTest();
    const lead = await agent(hub, 'lead@demo.test');
    const alex = await agent(hub, 'agent1@demo.test');
    const pushed = nextEvent(
      alex,
      (e) => e.type === 'settings' && e.settings.reminderAfterMinutes === 7,
      'new settings',
    );
    const updated = await lead.updateSettings({ patch: { reminderAfterMinutes: 7, autoAssign: true } });
    expect(updated).toMatchObject({ ok: true, value: { reminderAfterMinutes: 7, autoAssign: true } });
    await pushed;
    expect((await alex.getSnapshot({})).settings).toMatchObject({
      reminderAfterMinutes: 7,
      autoAssign: true,
    });

    expect(await alex.updateSettings({ patch: { autoAssign: false } })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await alex.listAudit({})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const audit = await lead.listAudit({});
    expect(audit.ok).toBe(true);
    const entry = audit.ok ? audit.value[0] : undefined;
    expect(entry?.actor.email).toBe('lead@demo.test');
    expect(entry?.changes).toEqual(
      expect.arrayContaining([{ field: 'reminderAfterMinutes', from: expect.anything(), to: 7 }]),
    );
  });

  it('a personal canned reply saved and deleted comes back in the cannedReplies push', async () => {
    const hub = await hubForTest();
    const alex = await agent(hub, 'agent1@demo.test');
    const id = `cr-${Date.now()}`;
    const added = nextEvent(
      alex,
      (e) => e.type === 'cannedReplies' && e.cannedReplies.some((r) => r.id === id),
      'saved reply',
    );
    const saved = await alex.saveCannedReply({
      id,
      scope: 'personal',
      shortcut: 'tack',
      title: 'Tack',
      body: 'Tack {{shopper.first_name}}! /{{agent.first_name}}',
    });
    expect(saved).toMatchObject({ ok: true, value: { id, scope: 'personal', shortcut: 'tack' } });
    await added;
    const removed = nextEvent(
      alex,
      (e) => e.type === 'cannedReplies' && !e.cannedReplies.some((r) => r.id === id),
      'deleted reply',
    );
    expect(await alex.deleteCannedReply({ id })).toEqual({ ok: true, value: {} });
    await removed;
    expect((await alex.getSnapshot({})).cannedReplies.some((r) => r.id === id)).toBe(false);
  });

  it('live calls fail fast with offline when the hub is down; shopper history falls back to the cached copy', async () => {
    const hub = await hubForTest();
    const alex = await agent(hub, 'agent1@demo.test');
    const conversationId = await handoffReceivedBy(hub.url, 'history', alex);
    const live = await alex.shopperHistory({ conversationId });
    expect(live).toMatchObject({ ok: true, value: { cached: false } });
    const liveValue = live.ok ? live.value : null;
    expect(liveValue?.events.map((e) => e.metric)).toContain('Conversation Escalated');

    const reconnecting = waitForConnection(alex, 'reconnecting');
    await hub.close();
    await reconnecting;
    const offline = { ok: false, error: { code: 'offline', message: expect.any(String) } };
    expect(await alex.setPresence({ presence: 'away' })).toEqual(offline);
    expect(await alex.updateSettings({ patch: { autoAssign: true } })).toEqual(offline);
    expect(await alex.listAudit({})).toEqual(offline);
    expect(
      await alex.saveCannedReply({
        id: 'cr-offline',
        scope: 'personal',
        shortcut: 'x',
        title: 'x',
        body: 'x',
      }),
    ).toEqual(offline);
    expect(await alex.deleteCannedReply({ id: 'cr-offline' })).toEqual(offline);
    expect(await alex.shopperHistory({ conversationId })).toEqual({
      ok: true,
      value: { ...liveValue, cached: true },
    });
    expect(await alex.shopperHistory({ conversationId: 'never-looked-at' })).toEqual(offline);
    // Live state is dropped, not queued: these just answer.
    expect(await alex.reportActivity({ conversationId, typing: null })).toEqual({ ok: true });
    await alex.reportActivity({ conversationId: 'on-screen', typing: null });
    expect(await alex.setIdle({ idle: true })).toEqual({ ok: true });
    expect(alex.viewingConversation()).toBeNull(); // idle: not looking at anything
  });
});
