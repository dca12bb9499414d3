// Ids and typing belong to whoever made them: a shopper message may not take an agent's message id, a console may
// not reuse another account's command id, and the shopper sees only the assignee typing.
import { describe, expect, it } from 'vitest';
import {
  api,
  connectAs,
  connectChat,
  handoffRequest,
  syncAll,
  testHubForFile,
} from '../testing/hub-fixture.js';

const hub = testHubForFile([
  ['alva@example.com', 'Alva Sund'],
  ['ben@example.com', 'Ben Olsson'],
]);

describe('message and command ids', () => {
  it("refuses a shopper message that reuses an agent's message id, and never echoes the agent's message", async () => {
    await api(hub.url, '/api/v1/handoffs', { body: handoffRequest('own-1') });
    const alva = await connectAs(hub.url, 'alva@example.com');
    await syncAll(alva);
    await alva.command({ id: 'own-1-claim', type: 'claim', conversationId: 'own-1' });
    const note = { id: 'own-1-note', type: 'note', conversationId: 'own-1', text: 'VIP, refund approved' };
    expect(await alva.command(note)).toMatchObject({ ok: true });

    const clash = await api(hub.url, '/api/v1/handoffs/own-1/messages', {
      body: { id: 'own-1-note', text: 'Hello?', sentAt: new Date().toISOString() },
    });
    expect(clash.status).toBe(409);
    const body = await clash.text();
    expect(body).toContain('id_taken');
    expect(body).not.toContain('VIP, refund approved');
  });

  it("refuses a command whose id another account already used, without answering with that account's result", async () => {
    await api(hub.url, '/api/v1/handoffs', { body: handoffRequest('own-2') });
    const alva = await connectAs(hub.url, 'alva@example.com');
    const ben = await connectAs(hub.url, 'ben@example.com');
    expect(await alva.command({ id: 'shared-id', type: 'claim', conversationId: 'own-2' })).toMatchObject({
      ok: true,
    });
    expect(await ben.command({ id: 'shared-id', type: 'claim', conversationId: 'own-2' })).toMatchObject({
      ok: false,
      error: { code: 'invalid', message: expect.stringContaining('already used') },
    });
  });
});

describe('typing shown to the shopper', () => {
  it('shows only the assignee typing a reply, not a teammate who merely has the conversation open', async () => {
    const alva = await connectAs(hub.url, 'alva@example.com');
    const ben = await connectAs(hub.url, 'ben@example.com');
    await syncAll(alva);
    const chat = await connectChat(hub.url, {
      shopper: { email: 'mira.holm@example.se', name: 'Mira Holm' },
    });
    expect(await chat.emit('chat:send', { id: 'm1', text: 'Can I talk to a human, please?' })).toEqual({
      ok: true,
    });
    await expect.poll(() => chat.states.at(-1)?.prompt).toBe('offer_handoff');
    expect(await chat.emit('chat:handoff', { accept: true })).toEqual({ ok: true });
    const queued = () =>
      alva.changes.find(
        (change) =>
          change.kind === 'conversation' && change.conversation.shopper.email === 'mira.holm@example.se',
      );
    await expect.poll(queued).toBeDefined();
    const found = queued()!;
    if (found.kind !== 'conversation') throw new Error('expected a conversation change');
    const conversationId = found.conversation.id;
    expect(await alva.command({ id: 'typing-claim', type: 'claim', conversationId })).toMatchObject({
      ok: true,
    });

    // Ben has it open and types a reply he may not send; the hub has handled that before Alva starts typing.
    ben.report({ conversationId, typing: 'reply' });
    await ben.settle();
    alva.report({ conversationId, typing: 'reply' });
    await expect.poll(() => chat.agentTyping.some((typing) => typing.typing)).toBe(true);
    expect(chat.agentTyping.filter((typing) => typing.typing).map((typing) => typing.name)).toEqual(['Alva']);
  });
});
