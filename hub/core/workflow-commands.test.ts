import { describe, expect, it } from 'vitest';
import { handoffViewSchema } from '../../shared/handoff-api.js';
import {
  api,
  closeAllSockets,
  connectChat,
  conversationIdOf,
  eventsOf,
  handoffRequest,
  syncAll,
  connectorRecordingIds,
  testHubForFile,
  type DeskClient,
} from '../testing/hub-fixture.js';

const hub = testHubForFile([
  ['alva@example.com', 'Alva Sund'],
  ['ben@example.com', 'Ben Carter'],
  ['lena@example.com', 'Lena Lead', 'lead'],
]);
const { ids, connectAs } = connectorRecordingIds(hub);

const lastEvent = async (conversationId: string) => (await eventsOf(hub.url, conversationId)).at(-1);
const viewOf = async (conversationId: string) =>
  handoffViewSchema.parse(await (await api(hub.url, `/api/v1/handoffs/${conversationId}`)).json());

async function claimed(desk: DeskClient, conversationId: string) {
  await api(hub.url, '/api/v1/handoffs', { body: handoffRequest(conversationId) });
  const claim = await desk.command({ id: `claim-${conversationId}`, type: 'claim', conversationId });
  expect(claim.ok).toBe(true);
}

describe('transfer', () => {
  it('moves a conversation to another agent with an internal note, or back to the queue; roles decide who may', async () => {
    const alva = await connectAs('alva@example.com');
    const ben = await connectAs('ben@example.com');
    const lead = await connectAs('lena@example.com');
    await claimed(alva, 'conv-transfer');

    expect(
      await ben.command({
        id: 't-ben',
        type: 'transfer',
        conversationId: 'conv-transfer',
        toAgentId: ids['ben@example.com'],
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'not_assignee', message: expect.stringContaining('Alva Sund') },
    });
    expect(
      await alva.command({
        id: 't-nobody',
        type: 'transfer',
        conversationId: 'conv-transfer',
        toAgentId: 'nobody',
      }),
    ).toMatchObject({ ok: false, error: { code: 'invalid', message: expect.stringContaining('nobody') } });

    const toBen = await alva.command({
      id: 't-1',
      type: 'transfer',
      conversationId: 'conv-transfer',
      toAgentId: ids['ben@example.com'],
      note: 'Refund approved by finance; please confirm the amount with her.',
    });
    expect(toBen).toMatchObject({
      ok: true,
      conversation: { status: 'open', assignee: { email: 'ben@example.com' } },
    });
    // Ben's console gets the note as an internal message (the transfer itself is what notifies him).
    expect(
      (await syncAll(ben)).find((change) => change.kind === 'message' && change.message.id === 't-1:note'),
    ).toMatchObject({
      message: {
        internal: true,
        author: 'agent',
        agent: { email: 'alva@example.com' },
        mentions: [],
        text: 'Refund approved by finance; please confirm the amount with her.',
      },
    });
    expect(await lastEvent('conv-transfer')).toMatchObject({
      metric: 'Handoff Transferred',
      properties: {
        agent_id: ids['alva@example.com'],
        from_agent_id: ids['alva@example.com'],
        to_agent_id: ids['ben@example.com'],
        has_note: true,
      },
    });
    // Now Alva is no longer the assignee: she may not reply.
    expect(
      await alva.command({ id: 't-late-reply', type: 'reply', conversationId: 'conv-transfer', text: 'Hi' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'not_assignee', message: expect.stringContaining('Ben Carter') },
    });
    expect(
      await ben.command({
        id: 't-self',
        type: 'transfer',
        conversationId: 'conv-transfer',
        toAgentId: ids['ben@example.com'],
      }),
    ).toMatchObject({ ok: false, error: { code: 'invalid_transition' } });

    // Back to the queue, without a note.
    expect(
      await ben.command({ id: 't-2', type: 'transfer', conversationId: 'conv-transfer', toAgentId: null }),
    ).toMatchObject({ ok: true, conversation: { status: 'queued', assignee: null, claimedAt: null } });
    expect((await lastEvent('conv-transfer'))?.properties).toMatchObject({
      from_agent_id: ids['ben@example.com'],
      to_agent_id: null,
      has_note: false,
    });

    // A queued conversation is handed out by a lead only.
    expect(
      await alva.command({
        id: 't-3',
        type: 'transfer',
        conversationId: 'conv-transfer',
        toAgentId: ids['alva@example.com'],
      }),
    ).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(
      await lead.command({
        id: 't-4',
        type: 'transfer',
        conversationId: 'conv-transfer',
        toAgentId: ids['alva@example.com'],
      }),
    ).toMatchObject({ ok: true, conversation: { status: 'open', assignee: { email: 'alva@example.com' } } });
    expect((await lastEvent('conv-transfer'))?.properties).toMatchObject({
      agent_id: ids['lena@example.com'],
      from_agent_id: null,
      to_agent_id: ids['alva@example.com'],
    });

    // A retry gets the same answer and changes nothing.
    const eventsBefore = await eventsOf(hub.url, 'conv-transfer');
    expect(
      await lead.command({
        id: 't-4',
        type: 'transfer',
        conversationId: 'conv-transfer',
        toAgentId: ids['alva@example.com'],
      }),
    ).toMatchObject({ ok: true });
    expect(await eventsOf(hub.url, 'conv-transfer')).toEqual(eventsBefore);

    await alva.command({ id: 't-resolve', type: 'resolve', conversationId: 'conv-transfer' });
    expect(
      await alva.command({ id: 't-5', type: 'transfer', conversationId: 'conv-transfer', toAgentId: null }),
    ).toMatchObject({ ok: false, error: { code: 'invalid_transition' } });
  });
});

describe('statuses', () => {
  it('moves open ⇄ pending, snoozes until a future time, reopens; each change is an event', async () => {
    const alva = await connectAs('alva@example.com');
    const ben = await connectAs('ben@example.com');
    await api(hub.url, '/api/v1/handoffs', { body: handoffRequest('conv-status') });
    const set = (desk: DeskClient, id: string, status: string, snoozedUntil?: string) =>
      desk.command({ id, type: 'set_status', conversationId: 'conv-status', status, snoozedUntil });

    expect(await set(alva, 's-queued', 'pending')).toMatchObject({
      ok: false,
      error: { code: 'not_assignee' },
    });
    await alva.command({ id: 's-claim', type: 'claim', conversationId: 'conv-status' });
    expect(await set(ben, 's-ben', 'pending')).toMatchObject({ ok: false, error: { code: 'not_assignee' } });

    expect(await set(alva, 's-1', 'pending')).toMatchObject({
      ok: true,
      conversation: { status: 'pending' },
    });
    expect(await set(alva, 's-2', 'pending')).toMatchObject({
      ok: false,
      error: { code: 'invalid_transition' },
    });
    expect(await set(alva, 's-3', 'open')).toMatchObject({ ok: true, conversation: { status: 'open' } });
    expect(await set(alva, 's-4', 'open')).toMatchObject({
      ok: false,
      error: { code: 'invalid_transition' },
    });

    expect(await set(alva, 's-5', 'snoozed')).toMatchObject({ ok: false, error: { code: 'invalid' } });
    const past = new Date(hub.now() - 60_000).toISOString();
    expect(await set(alva, 's-6', 'snoozed', past)).toMatchObject({
      ok: false,
      error: { code: 'invalid_transition', message: expect.stringContaining('future') },
    });
    expect(await set(alva, 's-7', 'open', past)).toMatchObject({ ok: false, error: { code: 'invalid' } });
    const later = await set(alva, 's-8', 'snoozed', '2099-01-01T09:00:00+01:00');
    expect(later).toMatchObject({
      ok: true,
      conversation: { status: 'snoozed', snoozedUntil: '2099-01-01T08:00:00.000Z' },
    });
    expect(await set(alva, 's-9', 'open')).toMatchObject({
      ok: true,
      conversation: { status: 'open', snoozedUntil: null },
    });
    await alva.command({ id: 's-resolve', type: 'resolve', conversationId: 'conv-status' });
    expect(await set(alva, 's-10', 'pending')).toMatchObject({
      ok: false,
      error: { code: 'invalid_transition' },
    });
    expect(await set(alva, 's-11', 'open')).toMatchObject({
      ok: true,
      conversation: { status: 'open', resolvedAt: null, assignee: { email: 'alva@example.com' } },
    });

    const events = (await eventsOf(hub.url, 'conv-status')).slice(2); // after Escalated, Accepted
    expect(events.map((event) => [event.metric, event.properties.from_status ?? null])).toEqual([
      ['Handoff Pending', null],
      ['Handoff Reopened', 'pending'],
      ['Handoff Snoozed', null],
      ['Handoff Reopened', 'snoozed'],
      ['Handoff Resolved', null],
      ['Handoff Reopened', 'resolved'],
    ]);
    expect(events[2]!.properties).toMatchObject({
      agent_id: ids['alva@example.com'],
      snoozed_until: '2099-01-01T08:00:00.000Z',
    });
    expect(events[5]!.properties).toMatchObject({ agent_id: ids['alva@example.com'], trigger: 'agent' });
  });

  it("puts a pending, snoozed or resolved conversation back in front of its agent on the shopper's message", async () => {
    const alva = await connectAs('alva@example.com');
    const lead = await connectAs('lena@example.com');
    await claimed(alva, 'conv-back');
    const shopperWrites = (id: string) =>
      api(hub.url, '/api/v1/handoffs/conv-back/messages', {
        body: { id, text: 'Hello again?', sentAt: '2026-01-10T11:00:00Z' },
      });

    await alva.command({ id: 'b-1', type: 'set_status', conversationId: 'conv-back', status: 'pending' });
    await shopperWrites('sms-b1');
    expect(await viewOf('conv-back')).toMatchObject({
      status: 'open',
      assignee: { email: 'alva@example.com' },
    });
    expect((await lastEvent('conv-back'))?.properties).toMatchObject({
      agent_id: ids['alva@example.com'],
      from_status: 'pending',
      trigger: 'shopper_message',
    });

    await alva.command({
      id: 'b-2',
      type: 'set_status',
      conversationId: 'conv-back',
      status: 'snoozed',
      snoozedUntil: '2099-01-01T00:00:00Z',
    });
    await shopperWrites('sms-b2');
    expect(await viewOf('conv-back')).toMatchObject({ status: 'open', snoozedUntil: null });
    expect((await lastEvent('conv-back'))?.properties).toMatchObject({ from_status: 'snoozed' });
    // A repeated message id changes nothing.
    const before = await eventsOf(hub.url, 'conv-back');
    await shopperWrites('sms-b2');
    expect(await eventsOf(hub.url, 'conv-back')).toEqual(before);

    // Resolved by a lead while nobody had it: it goes back to the queue.
    await api(hub.url, '/api/v1/handoffs', { body: handoffRequest('conv-unowned') });
    await lead.command({ id: 'b-3', type: 'resolve', conversationId: 'conv-unowned' });
    await api(hub.url, '/api/v1/handoffs/conv-unowned/messages', {
      body: { id: 'sms-b3', text: 'Still there?', sentAt: '2026-01-10T11:00:00Z' },
    });
    expect(await viewOf('conv-unowned')).toMatchObject({
      status: 'queued',
      assignee: null,
      resolvedAt: null,
    });
    expect((await lastEvent('conv-unowned'))?.properties).toMatchObject({
      agent_id: null,
      from_status: 'resolved',
      trigger: 'shopper_message',
    });
  });

  it('ends a snooze by itself at snoozedUntil, also after a hub restart', async () => {
    const alva = await connectAs('alva@example.com');
    await claimed(alva, 'conv-nap');
    await claimed(alva, 'conv-long-nap');
    const snooze = (conversationId: string, minutes: number) =>
      alva.command({
        id: `nap-${conversationId}`,
        type: 'set_status',
        conversationId,
        status: 'snoozed',
        snoozedUntil: new Date(hub.now() + minutes * 60_000).toISOString(),
      });
    expect(await snooze('conv-nap', 10)).toMatchObject({ ok: true });
    expect(await snooze('conv-long-nap', 60)).toMatchObject({ ok: true });
    await syncAll(alva);

    hub.advance(9 * 60_000);
    expect(await viewOf('conv-nap')).toMatchObject({ status: 'snoozed' });
    hub.advance(2 * 60_000);
    await expect.poll(async () => (await viewOf('conv-nap')).status).toBe('open');
    expect(await lastEvent('conv-nap')).toMatchObject({
      metric: 'Handoff Reopened',
      properties: { from_status: 'snoozed', trigger: 'snooze_ended', agent_id: ids['alva@example.com'] },
    });
    // The console hears it live.
    await expect
      .poll(() =>
        alva.changes.some(
          (change) =>
            change.kind === 'conversation' &&
            change.conversation.id === 'conv-nap' &&
            change.conversation.status === 'open',
        ),
      )
      .toBe(true);
    expect(await viewOf('conv-long-nap')).toMatchObject({ status: 'snoozed' });

    // Time passes while the hub is down: it wakes what is due when it starts.
    closeAllSockets();
    await hub.hub.close();
    hub.advance(60 * 60_000);
    await hub.restart();
    await expect.poll(async () => (await viewOf('conv-long-nap')).status).toBe('open');
  });
});

describe('internal notes', () => {
  it('reach every console but never the shopper: not live, not in the chat transcript, not in GET /handoffs', async () => {
    const alva = await connectAs('alva@example.com');
    const ben = await connectAs('ben@example.com');
    await syncAll(ben);
    const chat = await connectChat(hub.url, { shopper: { email: 'klara.ek@example.se', name: 'Klara Ek' } });
    await chat.emit('chat:send', { id: 'k1', text: 'I want to talk to a human' });
    await expect.poll(() => chat.states.at(-1)?.prompt).toBe('offer_handoff');
    await chat.emit('chat:handoff', { accept: true });
    await expect.poll(() => chat.states.at(-1)?.status).toBe('queued');
    const conversationId = conversationIdOf(hub, chat);
    await alva.command({ id: 'n-claim', type: 'claim', conversationId });

    expect(
      await alva.command({
        id: 'n-bad',
        type: 'note',
        conversationId,
        text: 'x',
        mentions: ['not-an-agent'],
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid', message: expect.stringContaining('not-an-agent') },
    });
    const note = await alva.command({
      id: 'n-1',
      type: 'note',
      conversationId,
      text: '@Ben she is a VIP: offer free express shipping',
      mentions: [ids['ben@example.com']!, ids['ben@example.com']!],
    });
    expect(note).toMatchObject({
      ok: true,
      message: { id: 'n-1', internal: true, mentions: [ids['ben@example.com']], delivery: null },
    });
    // Any agent may add a note, not only the assignee.
    expect(
      await ben.command({ id: 'n-2', type: 'note', conversationId, text: 'Noted, thanks!' }),
    ).toMatchObject({
      ok: true,
    });
    await alva.command({ id: 'n-reply', type: 'reply', conversationId, text: 'Hi Klara, I am on it!' });

    // The reply was pushed after the notes on the same socket: once it is here, a note would be too.
    await expect.poll(() => chat.messages.has('n-reply')).toBe(true);
    expect([...chat.messages.keys()]).not.toContain('n-1');
    expect([...chat.messages.keys()]).not.toContain('n-2');
    const again = await connectChat(hub.url, { chatId: chat.chatId, chatToken: chat.chatToken });
    expect(again.transcript.map((message) => message.id)).toContain('n-reply');
    expect(again.transcript.map((message) => message.text).join('\n')).not.toMatch(/VIP|Noted/);

    const view = await viewOf(conversationId);
    expect(view.transcript.map((message) => message.id)).toContain('n-reply');
    expect(view.transcript.some((message) => message.internal)).toBe(false);
    expect(JSON.stringify(view)).not.toMatch(/VIP|Noted/);

    // Consoles get them, in order, marked internal.
    await expect
      .poll(() =>
        ben.changes
          .filter((c) => c.kind === 'message' && c.message.internal)
          .map((c) => c.kind === 'message' && c.message.id),
      )
      .toEqual(['n-1', 'n-2']);
  });
});

describe('tags', () => {
  it("replace the team's tags (any agent may), keeping the AI's tags apart", async () => {
    const alva = await connectAs('alva@example.com');
    const ben = await connectAs('ben@example.com');
    await claimed(alva, 'conv-tags');
    expect(
      await ben.command({
        id: 'tag-1',
        type: 'set_tags',
        conversationId: 'conv-tags',
        tags: ['vip', ' Refund ', 'VIP'],
      }),
    ).toMatchObject({
      ok: true,
      conversation: { tags: ['vip', 'Refund'], escalation: { tags: ['refund'] } },
    });
    expect(
      await alva.command({ id: 'tag-2', type: 'set_tags', conversationId: 'conv-tags', tags: [''] }),
    ).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(
      await alva.command({ id: 'tag-3', type: 'set_tags', conversationId: 'conv-tags', tags: [] }),
    ).toMatchObject({
      ok: true,
      conversation: { tags: [], escalation: { tags: ['refund'] } },
    });
    expect(await viewOf('conv-tags')).toMatchObject({ tags: [] });
  });
});
