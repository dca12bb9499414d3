import { describe, expect, it } from 'vitest';
import { handoffViewSchema } from '../../shared/handoff-api.js';
import {
  api,
  connectAs,
  connectChat,
  connectDesk,
  conversationIdOf,
  eventsOf,
  signIn,
  syncAll,
  testHubForFile,
  type ChatClient,
} from '../testing/hub-fixture.js';

const hub = testHubForFile([['alva@example.com', 'Alva Sund']]);

/** Sends a shopper message and waits until the Customer Agent's answer has arrived. */
async function say(chat: ChatClient, id: string, text: string) {
  const before = chat.messages.size;
  expect(await chat.emit('chat:send', { id, text })).toEqual({ ok: true });
  await expect.poll(() => chat.messages.size).toBeGreaterThanOrEqual(before + 2);
  return [...chat.messages.values()].at(-1)!;
}

describe('the demo Customer Agent on web chat', () => {
  it('greets, answers from the knowledge base in Swedish, recommends products and records events', async () => {
    const chat = await connectChat(hub.url, { shopper: { email: 'klara.ek@example.se' } });
    expect(chat.transcript).toHaveLength(1);
    expect(chat.transcript[0]).toMatchObject({ author: 'customer_agent', authorName: 'Customer Agent' });

    const answer = await say(chat, 'k1', 'Is the blue vase dishwasher safe?');
    expect(answer.text).toMatch(/connect you/);
    const conversationId = conversationIdOf(hub, chat);
    expect(chat.states.at(-1)).toEqual({ status: 'with_ai', prompt: 'offer_handoff' });

    const frakt = await say(chat, 'k2', 'Hej! Vad kostar frakten?');
    expect(frakt.text).toMatch(/Standardfrakt/);
    expect(chat.states.at(-1)).toEqual({ status: 'with_ai', prompt: null });

    const tips = await say(chat, 'k3', 'Kan du rekommendera en present?');
    expect(tips.products.length).toBeGreaterThanOrEqual(2);

    const thanks = await say(chat, 'k4', 'Tack, det var allt!');
    expect(thanks.text).toBe('Varsågod! Ha en fin dag.');
    await expect.poll(() => chat.states.at(-1)?.status).toBe('resolved');

    const events = await eventsOf(hub.url, conversationId);
    expect(events.map((event) => event.metric)).toEqual([
      'Started Conversation',
      'Received Product Recommendation',
      'Conversation Resolved',
    ]);
    expect(events[0]!.properties).toMatchObject({
      channel: 'web_chat',
      first_message: 'Is the blue vase dishwasher safe?',
      initial_skill: 'general',
    });
    expect(events[0]!.profile.email).toBe('klara.ek@example.se');
    expect(events[1]!.properties.products).toEqual(tips.products.map((product) => product.sku));
    expect(events[2]!.properties).toMatchObject({
      procedure: 'product_recommendation',
      tags: ['product_recommendation'],
    });
    expect(typeof events[2]!.properties.resolution_seconds).toBe('number');

    // Handled by the AI alone: never in a console.
    const view = handoffViewSchema.parse(
      await (await api(hub.url, `/api/v1/handoffs/${conversationId}`)).json(),
    );
    expect(view.escalatedAt).toBeNull();
  });

  it('asks before handing off, asks for an email, then escalates; a decline keeps the AI', async () => {
    // Someone is online, so the handoff gets no auto-response (handoff-rules.test.ts covers that).
    await connectAs(hub.url, 'alva@example.com');
    const chat = await connectChat(hub.url);
    await say(chat, 'h1', 'Can I pay by invoice?');
    const conversationId = conversationIdOf(hub, chat);

    expect(await chat.emit('chat:handoff', { accept: false })).toEqual({ ok: true });
    await expect.poll(() => chat.states.at(-1)).toEqual({ status: 'with_ai', prompt: null });
    expect(await chat.emit('chat:handoff', { accept: true })).toMatchObject({ ok: false });

    const offer = await say(chat, 'h2', 'I want to talk to a human please');
    expect(offer.text).toMatch(/connect you/);
    expect(chat.states.at(-1)).toEqual({ status: 'with_ai', prompt: 'offer_handoff' });
    // Nothing is handed off before the shopper says yes.
    expect((await eventsOf(hub.url, conversationId)).map((event) => event.metric)).toEqual([
      'Started Conversation',
    ]);

    expect(await chat.emit('chat:handoff', { accept: true })).toEqual({ ok: true });
    await expect.poll(() => chat.states.at(-1)).toEqual({ status: 'with_ai', prompt: 'ask_email' });
    expect(await chat.emit('chat:email', { email: 'not an email' })).toMatchObject({
      ok: false,
      error: expect.stringContaining('email'),
    });
    expect(await chat.emit('chat:email', { email: 'jonas.falk@example.com' })).toEqual({ ok: true });
    await expect.poll(() => chat.states.at(-1)).toEqual({ status: 'queued', prompt: null });
    const last = [...chat.messages.values()].at(-1)!;
    expect(last).toMatchObject({ author: 'system', text: expect.stringMatching(/support team/) });

    const events = await eventsOf(hub.url, conversationId);
    expect(events.map((event) => event.metric)).toEqual(['Started Conversation', 'Conversation Escalated']);
    expect(events[1]).toMatchObject({
      profile: { email: 'jonas.falk@example.com' },
      properties: {
        conversation_id: conversationId,
        channel: 'web_chat',
        escalation_reason: 'shopper_requested',
        procedure: 'general',
      },
    });
  });

  it("greets in the widget's language", async () => {
    const swedish = await connectChat(hub.url, { language: 'sv' });
    expect(swedish.transcript[0]).toMatchObject({
      author: 'customer_agent',
      text: expect.stringMatching(/^Hej!/),
    });
    const english = await connectChat(hub.url, {});
    expect(english.transcript[0]).toMatchObject({
      author: 'customer_agent',
      text: expect.stringMatching(/^Hi!/),
    });
  });

  it('resumes a chat only with its token', async () => {
    const chat = await connectChat(hub.url);
    const resumed = await connectChat(hub.url, { chatId: chat.chatId, chatToken: chat.chatToken });
    expect(resumed.transcript).toEqual(chat.transcript);
    await expect(connectChat(hub.url, { chatId: chat.chatId, chatToken: 'stolen' })).rejects.toThrow(
      /unknown_chat/,
    );
    await expect(connectChat(hub.url, { chatId: chat.chatId })).rejects.toThrow(/unknown_chat/);
    expect(await chat.emit('chat:send', { id: 'bad id!', text: '' })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/id.*text|text.*id/s),
    });
  });
});

describe('chat to console to chat', () => {
  it('carries a handoff to the console, the reply to the shopper, and the answer back, live', async () => {
    const session = await signIn(hub.url, 'alva@example.com');
    const desk = await connectDesk(hub.url, session.token);
    await syncAll(desk);

    const chat = await connectChat(hub.url, {
      shopper: { email: 'mira.holm@example.se', name: 'Mira Holm' },
    });
    await say(chat, 's1', 'Mitt paket kom trasigt, kan jag prata med en människa?');
    const conversationId = conversationIdOf(hub, chat);
    expect(await chat.emit('chat:handoff', { accept: true })).toEqual({ ok: true });

    // The console gets the queued conversation and its whole transcript, live.
    await expect
      .poll(() =>
        desk.changes.some(
          (change) =>
            change.kind === 'conversation' &&
            change.conversation.id === conversationId &&
            change.conversation.status === 'queued',
        ),
      )
      .toBe(true);
    const transcriptIds = [...chat.messages.keys()];
    await expect
      .poll(() =>
        desk.changes
          .filter((change) => change.kind === 'message' && change.message.conversationId === conversationId)
          .map((change) => change.kind === 'message' && change.message.id),
      )
      .toEqual(expect.arrayContaining(transcriptIds));

    expect(await desk.command({ id: 'loop-claim', type: 'claim', conversationId })).toMatchObject({
      ok: true,
    });
    await expect.poll(() => chat.states.at(-1)?.status).toBe('open');
    expect(
      await desk.command({
        id: 'loop-reply',
        type: 'reply',
        conversationId,
        text: 'Hej Mira! Jag hjälper dig.',
      }),
    ).toMatchObject({ ok: true });
    await expect
      .poll(() => chat.messages.get('loop-reply'))
      .toMatchObject({ author: 'agent', authorName: 'Alva', text: 'Hej Mira! Jag hjälper dig.' });

    chat.socket.emit('chat:delivered', { messageIds: ['loop-reply'] });
    await expect
      .poll(() =>
        desk.changes.some(
          (change) =>
            change.kind === 'message' &&
            change.message.id === 'loop-reply' &&
            change.message.delivery === 'delivered',
        ),
      )
      .toBe(true);

    expect(await chat.emit('chat:send', { id: 's2', text: 'Tack! Paketet är skadat.' })).toEqual({
      ok: true,
    });
    await expect
      .poll(() => desk.changes.some((change) => change.kind === 'message' && change.message.id === 's2'))
      .toBe(true);
    // Once handed off, the Customer Agent stays quiet.
    expect([...chat.messages.values()].at(-1)?.id).toBe('s2');

    expect(
      await desk.command({ id: 'loop-resolve', type: 'resolve', conversationId, tags: ['damaged'] }),
    ).toMatchObject({ ok: true });
    await expect.poll(() => chat.states.at(-1)?.status).toBe('resolved');
    expect((await eventsOf(hub.url, conversationId)).map((event) => event.metric)).toEqual([
      'Started Conversation',
      'Conversation Escalated',
      'Handoff Accepted',
      'Handoff Resolved',
    ]);

    // No change reached the console twice.
    const positions = desk.changes.map((change) => change.position);
    expect(new Set(positions).size).toBe(positions.length);
    // The widget was told its state when it changed, not again with every message.
    expect(chat.states.map((state) => `${state.status}/${state.prompt}`)).toEqual([
      'with_ai/null',
      'with_ai/offer_handoff',
      'queued/null',
      'open/null',
      'resolved/null',
    ]);
  });
});
