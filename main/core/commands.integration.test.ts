// Desk → hub: claim, reply and resolve round trips against a real hub, the hub's event stream, and racing claims.
import { describe, expect, it } from 'vitest';
import type { DeskEvent } from '../../shared/desk-api.js';
import type { DeskCore } from './desk-core.js';
import {
  eventsOf,
  getHandoff,
  handoffReceivedBy,
  hubsAndAgentsClosedAfterEach,
  nextEvent,
  testHubForFile,
} from './test-support/hub-harness.js';

const hub = testHubForFile();
const { agent } = hubsAndAgentsClosedAfterEach();

describe('commands against a real hub', () => {
  it('claim, reply and resolve round trip, and the hub records Handoff Accepted and Handoff Resolved', async () => {
    const core = await agent(hub, 'agent1@demo.test');
    const conversationId = await handoffReceivedBy(hub.url, 'round-trip', core);

    expect(await core.claim({ conversationId })).toEqual({ ok: true, pending: false });
    const claimed = (await core.openConversation({ conversationId })).conversation;
    expect(claimed).toMatchObject({ status: 'open', assignee: { email: 'agent1@demo.test' } });

    // A reply is pending at once (shown immediately), then the hub's copy with the same id replaces it.
    const messages: Extract<DeskEvent, { type: 'message' }>['message'][] = [];
    core.onEvent((e) => {
      if (e.type === 'message' && e.message.conversationId === conversationId) messages.push(e.message);
    });
    const stored = nextEvent(
      core,
      (e) => e.type === 'message' && e.message.author === 'agent' && e.message.delivery === 'sent',
      'the stored reply',
    );
    expect(await core.reply({ conversationId, text: 'Hej Maja! Din order skickas i dag.' })).toEqual({
      ok: true,
      pending: true,
    });
    expect(messages[0]).toMatchObject({
      delivery: 'pending',
      author: 'agent',
      text: 'Hej Maja! Din order skickas i dag.',
    });
    await stored;
    expect(messages.at(-1)?.id).toBe(messages[0]?.id);

    const opened = await core.openConversation({ conversationId });
    expect(opened.messages.map((m) => [m.author, m.delivery])).toEqual([
      ['shopper', null],
      ['customer_agent', null],
      ['agent', 'sent'],
    ]);
    expect((await getHandoff(hub.url, conversationId)).transcript.at(-1)).toMatchObject({
      id: messages[0]?.id,
      author: 'agent',
      text: 'Hej Maja! Din order skickas i dag.',
    });

    expect(await core.resolve({ conversationId, tags: ['order', 'shipping'] })).toEqual({
      ok: true,
      pending: false,
    });
    expect((await core.openConversation({ conversationId })).conversation).toMatchObject({
      status: 'resolved',
      resolutionTags: ['order', 'shipping'],
    });

    const events = await eventsOf(hub.url, conversationId);
    expect(events.map((e) => e.metric)).toEqual([
      'Conversation Escalated',
      'Handoff Accepted',
      'Handoff Resolved',
    ]);
    const account = (await core.getSnapshot({})).session?.account;
    expect(events[1]?.properties).toMatchObject({
      conversation_id: conversationId,
      channel: 'sms',
      agent_id: account?.id,
    });
    expect(events[2]?.properties).toMatchObject({ agent_id: account?.id, tags: ['order', 'shipping'] });
  });

  it('two desk cores race to claim: exactly one wins, the other is told who did', async () => {
    const alex = await agent(hub, 'agent1@demo.test');
    const sam = await agent(hub, 'agent2@demo.test');
    const conversationId = await handoffReceivedBy(hub.url, 'race', alex);
    await untilConversationKnown(sam, conversationId);

    const results = await Promise.all([alex.claim({ conversationId }), sam.claim({ conversationId })]);
    const winners = results.filter((r) => r.ok);
    const losers = results.filter((r) => !r.ok);
    expect(winners).toEqual([{ ok: true, pending: false }]);
    expect(losers).toEqual([{ ok: false, error: { code: 'already_claimed', message: expect.any(String) } }]);

    const hubView = await getHandoff(hub.url, conversationId);
    const winnerCore = results[0]?.ok ? alex : sam;
    expect(hubView.assignee?.email).toBe((await winnerCore.getSnapshot({})).session?.account.email);
    expect(
      (await eventsOf(hub.url, conversationId)).filter((e) => e.metric === 'Handoff Accepted'),
    ).toHaveLength(1);
  });

  it('a reply the hub refuses stays visible as failed and is reported', async () => {
    const core = await agent(hub, 'agent1@demo.test');
    const conversationId = await handoffReceivedBy(hub.url, 'refused-reply', core);
    const failed = nextEvent(core, (e) => e.type === 'commandFailed', 'the refusal');
    expect(await core.reply({ conversationId, text: 'Replying without claiming first' })).toEqual({
      ok: true,
      pending: true,
    });
    expect(await failed).toMatchObject({
      conversationId,
      commandType: 'reply',
      error: { code: 'not_assignee' },
    });
    const opened = await core.openConversation({ conversationId });
    expect(opened.messages.at(-1)).toMatchObject({
      text: 'Replying without claiming first',
      delivery: 'failed',
    });
    expect((await getHandoff(hub.url, conversationId)).transcript.map((m) => m.text)).not.toContain(
      'Replying without claiming first',
    );
  });
});

/** Waits until the desk core has the conversation (it may already have it). */
async function untilConversationKnown(core: DeskCore, conversationId: string): Promise<void> {
  const arrived = nextEvent(
    core,
    (e) => e.type === 'conversation' && e.conversation.id === conversationId,
    conversationId,
  );
  if ((await core.openConversation({ conversationId })).conversation) {
    arrived.catch(() => undefined);
    return;
  }
  await arrived;
}
