// Desk → hub, issue 3: transfer, statuses, notes and tags against a real hub — round trips, the hub's events, what
// the receiving agent is told, that notes never reach the shopper, and that an outage loses or doubles nothing.
import { describe, expect, it, vi } from 'vitest';
import type { DeskEvent } from '../../shared/desk-api.js';
import type { DeskCore } from './desk-core.js';
import { temporaryDir } from './test-support/fixtures.js';
import {
  eventsOf,
  getHandoff,
  handoffReceivedBy,
  hubsAndAgentsClosedAfterEach,
  nextEvent,
  openCore,
  signedInCore,
  startTestHub,
  waitForConnection,
} from './test-support/hub-harness.js';

const { cleanups, hubForTest, agent } = hubsAndAgentsClosedAfterEach();
async function accountId(core: DeskCore): Promise<string> {
  const id = (await core.getSnapshot({})).session?.account.id;
  if (!id) throw new Error('not signed in');
  return id;
}

function isNotification(kind: string, conversationId: string) {
  return (e: DeskEvent): e is Extract<DeskEvent, { type: 'notification' }> =>
    e.type === 'notification' &&
    e.notification.kind === kind &&
    e.notification.conversationId === conversationId;
}

describe('issue 3 commands against a real hub', () => {
  it('transfer to another agent: they are notified and own it; the note is internal and never reaches the shopper', async () => {
    const hub = await hubForTest();
    const alex = await agent(hub, 'agent1@demo.test');
    const sam = await agent(hub, 'agent2@demo.test');
    const conversationId = await handoffReceivedBy(hub.url, 'transfer', alex, sam);
    expect(await alex.claim({ conversationId })).toEqual({ ok: true, pending: false });

    const notified = nextEvent(sam, isNotification('transfer', conversationId), 'transfer notification');
    const samId = await accountId(sam);
    expect(
      await alex.transfer({ conversationId, toAgentId: samId, note: 'Sam, this one needs a refund.' }),
    ).toEqual({ ok: true, pending: false });
    expect((await notified).notification).toMatchObject({
      shopper: 'Maja Berg',
      actor: 'Alex Lindqvist',
    });

    await vi.waitFor(
      async () => {
        const seenBySam = await sam.openConversation({ conversationId });
        expect(seenBySam.conversation).toMatchObject({ status: 'open', assignee: { id: samId } });
        expect(seenBySam.messages.filter((m) => m.internal).map((m) => m.text)).toEqual([
          'Sam, this one needs a refund.',
        ]);
      },
      { timeout: 10_000, interval: 50 },
    );
    const shopperView = await getHandoff(hub.url, conversationId);
    expect(shopperView.transcript.map((m) => m.text)).not.toContain('Sam, this one needs a refund.');
    const transferred = (await eventsOf(hub.url, conversationId)).find(
      (e) => e.metric === 'Handoff Transferred',
    );
    expect(transferred?.properties).toMatchObject({
      agent_id: await accountId(alex),
      to_agent_id: samId,
      has_note: true,
    });
  });

  it('a transfer the hub refuses (not the assignee, not a lead) is answered with its reason', async () => {
    const hub = await hubForTest();
    const alex = await agent(hub, 'agent1@demo.test');
    const sam = await agent(hub, 'agent2@demo.test');
    const conversationId = await handoffReceivedBy(hub.url, 'refused-transfer', alex, sam);
    await alex.claim({ conversationId });
    const result = await sam.transfer({ conversationId, toAgentId: null });
    expect(result).toMatchObject({ ok: false, error: { message: expect.any(String) } });
    expect(['forbidden', 'not_assignee']).toContain(!result.ok && result.error.code);
    expect((await getHandoff(hub.url, conversationId)).assignee?.email).toBe('agent1@demo.test');
  });

  it('statuses and tags round trip: pending, snoozed, open again, the team tags apart from the AI tags', async () => {
    const hub = await hubForTest();
    const alex = await agent(hub, 'agent1@demo.test');
    const conversationId = await handoffReceivedBy(hub.url, 'statuses', alex);
    await alex.claim({ conversationId });

    expect(await alex.setStatus({ conversationId, status: 'pending' })).toEqual({ ok: true, pending: false });
    expect((await alex.openConversation({ conversationId })).conversation?.status).toBe('pending');

    const until = new Date(Date.now() + 3_600_000).toISOString();
    expect(await alex.setStatus({ conversationId, status: 'snoozed', snoozedUntil: until })).toEqual({
      ok: true,
      pending: false,
    });
    const snoozed = (await alex.openConversation({ conversationId })).conversation;
    expect(snoozed?.status).toBe('snoozed');
    expect(Date.parse(snoozed?.snoozedUntil ?? '')).toBe(Date.parse(until));

    expect(await alex.setStatus({ conversationId, status: 'open' })).toEqual({ ok: true, pending: false });
    expect(await alex.setTags({ conversationId, tags: ['refund', 'damaged'] })).toEqual({
      ok: true,
      pending: false,
    });
    const opened = (await alex.openConversation({ conversationId })).conversation;
    expect(opened).toMatchObject({ status: 'open', snoozedUntil: null, tags: ['refund', 'damaged'] });
    expect(opened?.escalation?.tags).toEqual(['vip']); // the AI's tags, untouched

    const metrics = (await eventsOf(hub.url, conversationId)).map((e) => e.metric);
    expect(metrics).toEqual(
      expect.arrayContaining(['Handoff Pending', 'Handoff Snoozed', 'Handoff Reopened']),
    );
  });

  it('a snooze time in the past is refused with invalid_transition', async () => {
    const hub = await hubForTest();
    const alex = await agent(hub, 'agent1@demo.test');
    const conversationId = await handoffReceivedBy(hub.url, 'bad-snooze', alex);
    await alex.claim({ conversationId });
    const result = await alex.setStatus({
      conversationId,
      status: 'snoozed',
      snoozedUntil: new Date(Date.now() - 60_000).toISOString(),
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_transition' } });
  });

  it('a note shows at once as pending and internal, then as stored; the mentioned agent is notified and has it unread', async () => {
    const hub = await hubForTest();
    const alex = await agent(hub, 'agent1@demo.test');
    const sam = await agent(hub, 'agent2@demo.test');
    const conversationId = await handoffReceivedBy(hub.url, 'note', alex, sam);
    await alex.claim({ conversationId });
    const samId = await accountId(sam);

    const notes: Extract<DeskEvent, { type: 'message' }>['message'][] = [];
    alex.onEvent((e) => {
      if (e.type === 'message' && e.message.internal) notes.push(e.message);
    });
    const stored = nextEvent(
      alex,
      (e) => e.type === 'message' && e.message.internal && e.message.delivery !== 'pending',
      'the stored note',
    );
    const mentioned = nextEvent(sam, isNotification('mention', conversationId), 'mention notification');
    expect(
      await alex.addNote({
        conversationId,
        text: '@Sam Okafor did we refund this already?',
        mentions: [samId],
      }),
    ).toEqual({ ok: true, pending: true });
    expect(notes[0]).toMatchObject({
      internal: true,
      delivery: 'pending',
      author: 'agent',
      mentions: [samId],
      text: '@Sam Okafor did we refund this already?',
    });
    await stored;
    expect(notes.at(-1)?.id).toBe(notes[0]?.id);
    expect((await mentioned).notification).toMatchObject({
      actor: 'Alex Lindqvist',
      preview: '@Sam Okafor did we refund this already?',
    });
    expect((await sam.getSnapshot({})).unread[conversationId]).toBe(1);
    // Only one copy on screen, and none for the shopper.
    const opened = await alex.openConversation({ conversationId });
    expect(opened.messages.filter((m) => m.internal)).toHaveLength(1);
    expect((await getHandoff(hub.url, conversationId)).transcript.some((m) => m.internal)).toBe(false);
  });

  it('notes, tags and a status written while the hub is down arrive exactly once, also across a desk restart', async () => {
    let hub = await startTestHub();
    cleanups.push(() => hub.close());
    const dataDir = temporaryDir();
    const alex = await signedInCore(hub.url, 'agent1@demo.test', dataDir);
    const conversationId = await handoffReceivedBy(hub.url, 'outage', alex);
    await alex.claim({ conversationId });

    const reconnecting = waitForConnection(alex, 'reconnecting');
    await hub.close();
    await reconnecting;
    const quick = { commandWaitMs: 100 };
    await alex.close();
    const offline = openCore(dataDir, hub.url, quick);
    expect(await offline.addNote({ conversationId, text: 'Called the courier: parcel lost.' })).toEqual({
      ok: true,
      pending: true,
    });
    expect(await offline.setTags({ conversationId, tags: ['lost-parcel'] })).toEqual({
      ok: true,
      pending: true,
    });
    expect(await offline.setStatus({ conversationId, status: 'pending' })).toEqual({
      ok: true,
      pending: true,
    });
    // The note stays visible as pending while offline.
    expect((await offline.openConversation({ conversationId })).messages.at(-1)).toMatchObject({
      internal: true,
      delivery: 'pending',
      text: 'Called the courier: parcel lost.',
    });
    await offline.close();

    const again = openCore(dataDir, hub.url);
    cleanups.push(() => again.close());
    hub = await startTestHub({ dataDir: hub.dataDir, port: hub.port });
    await vi.waitFor(
      async () => {
        const view = await getHandoff(hub.url, conversationId);
        expect(view).toMatchObject({ status: 'pending', tags: ['lost-parcel'] });
        const desk = await again.openConversation({ conversationId });
        expect(desk.conversation?.version).toBe(view.version);
        expect(desk.messages.filter((m) => m.delivery === 'pending' || m.delivery === 'failed')).toEqual([]);
        expect(desk.messages.filter((m) => m.text === 'Called the courier: parcel lost.')).toHaveLength(1);
      },
      { timeout: 15_000, interval: 50 },
    );
    const metrics = (await eventsOf(hub.url, conversationId)).map((e) => e.metric);
    expect(metrics.filter((m) => m === 'Handoff Pending')).toHaveLength(1);
  });
});
