// When the world changed while the agent was away (the conversation erased on the hub, or transferred by a lead),
// the queued actions the hub refuses are kept as failedActions with the text the agent wrote: nothing is dropped.
import { describe, expect, it } from 'vitest';
import type { DeskEvent, FailedAction } from '../../shared/desk-api.js';
import { API_PREFIX } from '../../shared/handoff-api.js';
import type { DeskCore } from './desk-core.js';
import { cleanupsAfterEach } from './test-support/cleanups.js';
import { temporaryDir } from './test-support/fixtures.js';
import {
  INTEGRATION_TOKEN,
  handoffReceivedBy,
  nextEvent,
  openCore,
  recordEvents,
  signedInCore,
  startTestHub,
  untilSnapshot,
  waitForConnection,
  type TestHub,
} from './test-support/hub-harness.js';

const cleanups = cleanupsAfterEach();
const { closeLater } = cleanups;

/**
 * Agent 1 claimed a conversation; the hub went away, agent 1 queued `work` and closed the console; the hub is back.
 * Returns the restarted hub, the conversation and agent 1's data dir (the console still closed).
 */
async function workQueuedWhileAway(
  work: (core: DeskCore, conversationId: string) => Promise<void>,
): Promise<{ hub: TestHub; conversationId: string; dataDir: string }> {
  const first = await startTestHub();
  const dataDir = temporaryDir();
  const core = await signedInCore(first.url, 'agent1@demo.test', dataDir, { commandWaitMs: 100 });
  const conversationId = await handoffReceivedBy(first.url, 'refused', core);
  expect(await core.claim({ conversationId })).toEqual({ ok: true, pending: false });
  const away = waitForConnection(core, 'reconnecting');
  await first.close();
  await away;
  await work(core, conversationId);
  await core.close();
  const hub = await startTestHub({ dataDir: first.dataDir, port: first.port });
  cleanups.push(() => hub.close());
  return { hub, conversationId, dataDir };
}

function failedActionsEvent(count: number) {
  return (e: DeskEvent): e is Extract<DeskEvent, { type: 'failedActions' }> =>
    e.type === 'failedActions' && e.failedActions.length === count;
}

describe('refused actions', () => {
  it('a reply queued for a conversation erased on the hub meanwhile: the conversation goes, the reply is kept', async () => {
    const { hub, conversationId, dataDir } = await workQueuedWhileAway(async (core, id) => {
      expect(await core.reply({ conversationId: id, text: 'Your refund is on its way.' })).toEqual({
        ok: true,
        pending: true,
      });
    });
    const erased = await fetch(`${hub.url}${API_PREFIX}/handoffs/${encodeURIComponent(conversationId)}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${INTEGRATION_TOKEN}` },
    });
    expect(erased.status).toBe(204);

    const core = closeLater(openCore(dataDir, hub.url));
    const events = recordEvents(core);
    const reported = nextEvent(core, failedActionsEvent(1), 'the refused reply');
    const failed = (await reported).failedActions;
    expect(failed).toEqual<FailedAction[]>([
      {
        commandId: expect.any(String),
        conversationId,
        commandType: 'reply',
        text: 'Your refund is on its way.',
        createdAt: expect.any(String),
        error: { code: 'not_found', message: expect.stringContaining('deleted on the hub') },
      },
    ]);
    // Removed from the cache as the log said, before the outbox learnt why the reply could not go.
    const removedAt = events.findIndex(
      (e) => e.type === 'conversationRemoved' && e.conversationId === conversationId,
    );
    const refusedAt = events.findIndex((e) => e.type === 'failedActions');
    expect(removedAt).toBeGreaterThanOrEqual(0);
    expect(removedAt).toBeLessThan(refusedAt);
    expect(events).toContainEqual(
      expect.objectContaining({ type: 'commandFailed', conversationId, commandType: 'reply' }),
    );

    const snapshot = await core.getSnapshot({});
    expect(snapshot.conversations.map((c) => c.id)).not.toContain(conversationId);
    expect(snapshot.failedActions).toEqual(failed);
    expect(snapshot.unread[conversationId]).toBeUndefined();
    expect(await core.openConversation({ conversationId })).toEqual({ conversation: null, messages: [] });
    // Its messages left the search index with it.
    const hits = await core.search({ query: 'beställning 4412' });
    expect(hits.hits.filter((hit) => hit.conversationId === conversationId)).toEqual([]);

    const dismissed = nextEvent(core, failedActionsEvent(0), 'dismissed');
    expect(await core.dismissFailedAction({ commandId: failed[0]!.commandId })).toEqual({ ok: true });
    await dismissed;
    expect((await core.getSnapshot({})).failedActions).toEqual([]);
  });

  it('a reply and a resolve queued before a lead transferred the conversation: both reported, the text kept', async () => {
    const { hub, conversationId, dataDir } = await workQueuedWhileAway(async (core, id) => {
      expect(
        await core.reply({ conversationId: id, text: 'I have booked the return for you.' }),
      ).toMatchObject({
        ok: true,
        pending: true,
      });
      expect(await core.resolve({ conversationId: id, tags: ['return'] })).toEqual({
        ok: true,
        pending: true,
      });
    });
    // Meanwhile the lead gives it to agent 2.
    const lead = closeLater(await signedInCore(hub.url, 'lead@demo.test'));
    const samId = (await lead.getSnapshot({})).roster.find((a) => a.email === 'agent2@demo.test')?.id;
    expect(samId).toBeDefined();
    expect(await lead.transfer({ conversationId, toAgentId: samId! })).toEqual({ ok: true, pending: false });

    const core = closeLater(openCore(dataDir, hub.url));
    const snapshot = await untilSnapshot(core, (s) => s.failedActions.length === 2, 'both refusals');
    expect(snapshot.failedActions).toMatchObject([
      {
        conversationId,
        commandType: 'reply',
        text: 'I have booked the return for you.',
        error: { code: 'not_assignee', message: expect.stringContaining('Sam Okafor') },
      },
      { conversationId, commandType: 'resolve', text: null, error: { code: 'not_assignee' } },
    ]);
    const conversation = snapshot.conversations.find((c) => c.id === conversationId);
    expect(conversation).toMatchObject({ status: 'open', assignee: { email: 'agent2@demo.test' } });

    // The refused reply stays in the transcript, marked, until dismissed.
    const reply = snapshot.failedActions[0]!;
    const before = await core.openConversation({ conversationId });
    expect(before.messages.filter((m) => m.id === reply.commandId)).toMatchObject([
      { text: 'I have booked the return for you.', delivery: 'failed' },
    ]);
    const dismissed = nextEvent(core, failedActionsEvent(1), 'one left');
    await core.dismissFailedAction({ commandId: reply.commandId });
    expect((await dismissed).failedActions.map((a) => a.commandType)).toEqual(['resolve']);
    const after = await core.openConversation({ conversationId });
    expect(after.messages.map((m) => m.id)).not.toContain(reply.commandId);
    // Dismissing an unknown or already dismissed one is harmless.
    expect(await core.dismissFailedAction({ commandId: reply.commandId })).toEqual({ ok: true });

    // They survive a restart until dismissed.
    await core.close();
    const reopened = closeLater(openCore(dataDir, hub.url));
    expect((await reopened.getSnapshot({})).failedActions.map((a) => a.commandType)).toEqual(['resolve']);
  });
});
