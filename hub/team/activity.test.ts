import { describe, expect, it } from 'vitest';
import { TYPING_TIMEOUT_MS } from '../../shared/team.js';
import {
  api,
  connectAs,
  connectChat,
  conversationIdOf,
  handoffRequest,
  testHubForFile,
  type DeskClient,
} from '../testing/hub-fixture.js';

const hub = testHubForFile([
  ['alva@example.com', 'Alva Sund'],
  ['ben@example.com', 'Ben Carter'],
]);

/** Who views a conversation and what they type, as one console last heard it. */
const seenBy = (desk: DeskClient, conversationId: string) =>
  desk.activityOf(conversationId)?.viewers.map((viewer) => [viewer.agent.name, viewer.typing]) ?? [];

describe('collision activity', () => {
  it('shows two agents each other viewing and typing, live, and forgets a closed console', async () => {
    await api(hub.url, '/api/v1/handoffs', { body: handoffRequest('conv-collide') });
    const alva = await connectAs(hub.url, 'alva@example.com');
    const ben = await connectAs(hub.url, 'ben@example.com');

    alva.report({ conversationId: 'conv-collide', typing: null });
    await expect.poll(() => seenBy(ben, 'conv-collide')).toEqual([['Alva Sund', null]]);
    ben.report({ conversationId: 'conv-collide', typing: null });
    await expect
      .poll(() => seenBy(alva, 'conv-collide'))
      .toEqual([
        ['Alva Sund', null],
        ['Ben Carter', null],
      ]);

    alva.report({ conversationId: 'conv-collide', typing: 'reply' });
    await expect
      .poll(() => seenBy(ben, 'conv-collide'))
      .toEqual([
        ['Alva Sund', 'reply'],
        ['Ben Carter', null],
      ]);
    ben.report({ conversationId: 'conv-collide', typing: 'note' });
    await expect
      .poll(() => seenBy(alva, 'conv-collide'))
      .toEqual([
        ['Alva Sund', 'reply'],
        ['Ben Carter', 'note'],
      ]);

    // A console that connects now gets what is going on at once.
    const late = await connectAs(hub.url, 'ben@example.com');
    expect(seenBy(late, 'conv-collide')).toEqual([
      ['Alva Sund', 'reply'],
      ['Ben Carter', 'note'],
    ]);
    late.close();

    // Typing is forgotten a while after the last report; viewing is not.
    hub.advance(TYPING_TIMEOUT_MS);
    await expect
      .poll(() => seenBy(alva, 'conv-collide'))
      .toEqual([
        ['Alva Sund', null],
        ['Ben Carter', null],
      ]);

    // Ben's console closes: he stops viewing.
    ben.close();
    await expect.poll(() => seenBy(alva, 'conv-collide')).toEqual([['Alva Sund', null]]);
    // Alva moves on: nobody is there any more.
    alva.report({ conversationId: 'conv-other', typing: null });
    await expect.poll(() => seenBy(alva, 'conv-collide')).toEqual([]);
    expect(alva.activityOf('conv-collide')).toEqual({
      conversationId: 'conv-collide',
      viewers: [],
      shopperTyping: false,
    });
  });

  it('ignores malformed reports', async () => {
    const alva = await connectAs(hub.url, 'alva@example.com');
    const ben = await connectAs(hub.url, 'ben@example.com');
    alva.socket.emit('activity', { conversationId: 'conv-collide', typing: 'shouting' });
    alva.socket.emit('activity', 'nonsense');
    alva.report({ conversationId: 'conv-marker', typing: null });
    // Reports are handled in order: once the valid one shows, the bad ones were dropped before it.
    await expect.poll(() => seenBy(ben, 'conv-marker')).toEqual([['Alva Sund', null]]);
    expect(seenBy(ben, 'conv-collide')).toEqual([]);
  });
});

describe('typing with the web chat shopper', () => {
  it("shows the shopper an agent's reply typing (by first name, never for notes) and agents the shopper's", async () => {
    const alva = await connectAs(hub.url, 'alva@example.com');
    const chat = await connectChat(hub.url, { shopper: { email: 'klara.ek@example.se' } });
    // Before the handoff nobody is told: the AI has the conversation.
    chat.socket.emit('chat:typing', { typing: true });
    await chat.emit('chat:send', { id: 'k1', text: 'Can I talk to a person?' });
    await expect.poll(() => chat.states.at(-1)?.prompt).toBe('offer_handoff');
    await chat.emit('chat:handoff', { accept: true });
    await expect.poll(() => chat.states.at(-1)?.status).toBe('queued');
    const conversationId = conversationIdOf(hub, chat);
    expect(alva.activityOf(conversationId)).toBeUndefined();
    await alva.command({ id: 'ty-claim', type: 'claim', conversationId });
    alva.report({ conversationId, typing: null });

    // Shopper → agents.
    chat.socket.emit('chat:typing', { typing: true });
    await expect.poll(() => alva.activityOf(conversationId)?.shopperTyping).toBe(true);
    chat.socket.emit('chat:typing', { typing: false });
    await expect.poll(() => alva.activityOf(conversationId)?.shopperTyping).toBe(false);
    chat.socket.emit('chat:typing', { typing: true });
    await expect.poll(() => alva.activityOf(conversationId)?.shopperTyping).toBe(true);
    hub.advance(TYPING_TIMEOUT_MS); // the widget went quiet
    await expect.poll(() => alva.activityOf(conversationId)?.shopperTyping).toBe(false);

    // Agent → shopper: a reply shows, by first name.
    alva.report({ conversationId, typing: 'reply' });
    await expect.poll(() => chat.agentTyping.at(-1)).toEqual({ typing: true, name: 'Alva' });
    // Switching to a note: the shopper sees the typing stop.
    alva.report({ conversationId, typing: 'note' });
    await expect.poll(() => chat.agentTyping.at(-1)).toEqual({ typing: false, name: null });
    alva.report({ conversationId, typing: 'reply' });
    await expect.poll(() => chat.agentTyping.at(-1)).toEqual({ typing: true, name: 'Alva' });

    // A shopper who reloads the page while she types sees it at once.
    const reloaded = await connectChat(hub.url, { chatId: chat.chatId, chatToken: chat.chatToken });
    await expect.poll(() => reloaded.agentTyping.at(-1)).toEqual({ typing: true, name: 'Alva' });

    hub.advance(TYPING_TIMEOUT_MS); // Alva stopped without saying so
    await expect.poll(() => chat.agentTyping.at(-1)).toEqual({ typing: false, name: null });
    // Repeated reports while typing keep it alive; one push per change, not per report.
    const pushes = chat.agentTyping.length;
    alva.report({ conversationId, typing: 'reply' });
    await alva.settle();
    hub.advance(TYPING_TIMEOUT_MS / 2);
    alva.report({ conversationId, typing: 'reply' });
    await alva.settle();
    hub.advance(TYPING_TIMEOUT_MS / 2);
    alva.report({ conversationId, typing: null });
    await expect
      .poll(() => chat.agentTyping.slice(pushes))
      .toEqual([
        { typing: true, name: 'Alva' },
        { typing: false, name: null },
      ]);
  });
});
