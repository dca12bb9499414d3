import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../shared/settings.js';
import { handoffViewSchema } from '../../shared/handoff-api.js';
import {
  addAccount,
  api,
  connectAs,
  connectChat,
  conversationIdOf,
  eventsOf,
  handoffRequest,
  hubsClosedAfterEach,
  type ChatClient,
} from '../testing/hub-fixture.js';

const hubForTest = hubsClosedAfterEach();

async function teamHub(startAt?: number) {
  // Sessions outlast the days these tests move the clock through.
  const hub = await hubForTest({ startAt, sessionTtlMs: 7 * 24 * 3_600_000 });
  await addAccount(hub, 'alva@example.com', 'Alva Sund');
  await addAccount(hub, 'lena@example.com', 'Lena Lead', 'lead');
  const connectAsAgent = (email: string) => connectAs(hub.url, email);
  const events = (conversationId: string) => eventsOf(hub.url, conversationId);
  const view = async (conversationId: string) =>
    handoffViewSchema.parse(await (await api(hub.url, `/api/v1/handoffs/${conversationId}`)).json());
  const conversationIdOfChat = (chat: ChatClient) => conversationIdOf(hub, chat);
  return { hub, connectAs: connectAsAgent, events, view, conversationIdOf: conversationIdOfChat };
}

/** The web chat shopper asks for a human and says yes. */
async function askForAHuman(chat: ChatClient, text = 'I want to talk to a human') {
  await chat.emit('chat:send', { id: `ask-${chat.messages.size}`, text });
  await expect.poll(() => chat.states.at(-1)?.prompt).toBe('offer_handoff');
  expect(await chat.emit('chat:handoff', { accept: true })).toEqual({ ok: true });
}

describe('handoff rules', () => {
  it('answers a web chat shopper at once when nobody is online, records Handoff Missed, and keeps the conversation queued', async () => {
    const { hub, connectAs, events, view, conversationIdOf } = await teamHub();
    // Alva is connected but away: that is not online.
    const alva = await connectAs('alva@example.com');
    await alva.request('presence:set', { presence: 'away' });

    const chat = await connectChat(hub.url, { shopper: { email: 'klara.ek@example.se', name: 'Klara Ek' } });
    await askForAHuman(chat);
    await expect
      .poll(() => [...chat.messages.values()].at(-1))
      .toMatchObject({ author: 'system', text: DEFAULT_SETTINGS.autoResponseMessage });
    await expect.poll(() => chat.states.at(-1)?.status).toBe('queued');

    const conversationId = conversationIdOf(chat);
    expect(
      (await events(conversationId)).map((event) => [event.metric, event.properties.reason ?? null]),
    ).toEqual([
      ['Started Conversation', null],
      ['Conversation Escalated', null],
      ['Handoff Missed', 'no_agent_online'],
    ]);
    expect(await view(conversationId)).toMatchObject({ status: 'queued', assignee: null });

    // With someone online, the next shopper gets no auto-response.
    await alva.request('presence:set', { presence: 'online' });
    const next = await connectChat(hub.url);
    await askForAHuman(next, 'Can I speak to a person?');
    await expect.poll(() => next.states.at(-1)?.prompt).toBe('ask_email');
    await next.emit('chat:email', { email: 'jonas.falk@example.com' });
    await expect.poll(() => next.states.at(-1)?.status).toBe('queued');
    expect([...next.messages.values()].map((message) => message.text)).not.toContain(
      DEFAULT_SETTINGS.autoResponseMessage,
    );
    expect((await events(conversationIdOf(next))).map((event) => event.metric)).not.toContain(
      'Handoff Missed',
    );
  });

  it('answers outside office hours in the API channel transcript, even with agents online', async () => {
    // Saturday 17 January 2026, 11:00 in Stockholm.
    const { hub, connectAs, events, view } = await teamHub(Date.parse('2026-01-17T10:00:00Z'));
    await connectAs('alva@example.com');
    const lead = await connectAs('lena@example.com');
    await lead.request('settings:update', {
      patch: {
        officeHours: { ...DEFAULT_SETTINGS.officeHours, enabled: true },
        autoResponseMessage: 'We are closed for the weekend and reply on Monday from 08:00.',
      },
    });

    const created = await api(hub.url, '/api/v1/handoffs', { body: handoffRequest('conv-weekend') });
    // The channel integration reads the auto-response in the handoff it created, to deliver it.
    expect(handoffViewSchema.parse(await created.json()).transcript.at(-1)).toMatchObject({
      author: 'system',
      text: 'We are closed for the weekend and reply on Monday from 08:00.',
    });
    expect(await view('conv-weekend')).toMatchObject({ status: 'queued' });
    expect((await events('conv-weekend')).at(-1)).toMatchObject({
      metric: 'Handoff Missed',
      properties: { conversation_id: 'conv-weekend', channel: 'sms', reason: 'outside_office_hours' },
    });

    // Monday 10:00 in Stockholm: open, someone online, no auto-response.
    hub.advance(Date.parse('2026-01-19T09:00:00Z') - hub.now());
    await api(hub.url, '/api/v1/handoffs', { body: handoffRequest('conv-monday') });
    expect((await view('conv-monday')).transcript.map((message) => message.id)).toEqual(['m1', 'm2', 'm3']);
    expect((await events('conv-monday')).map((event) => event.metric)).toEqual(['Conversation Escalated']);
  });
});

describe('"do not hand off" mode', () => {
  it('never offers a human: the Customer Agent answers with the configured message instead', async () => {
    const { hub, connectAs, events, conversationIdOf } = await teamHub();
    const lead = await connectAs('lena@example.com');
    const message =
      'Vi kan inte svara på det här. Se https://example.com/hjalp eller https://example.com/kontakt.';
    await lead.request('settings:update', {
      patch: { handoffMode: 'do_not_hand_off', doNotHandOffMessage: message },
    });

    const chat = await connectChat(hub.url);
    const answers: string[] = [];
    for (const [id, text] of [
      ['d1', 'I want to talk to a human'],
      ['d2', 'Jag vill prata med en människa'],
      ['d3', 'Is the blue vase dishwasher safe?'],
    ]) {
      const before = chat.messages.size;
      expect(await chat.emit('chat:send', { id, text })).toEqual({ ok: true });
      await expect.poll(() => chat.messages.size).toBe(before + 2);
      answers.push([...chat.messages.values()].at(-1)!.text);
      expect(chat.states.at(-1)).toEqual({ status: 'with_ai', prompt: null });
    }
    // Sent as configured, in English and Swedish conversations alike.
    expect(answers).toEqual([message, message, message]);
    // What the Customer Agent knows, it still answers in the shopper's language.
    await chat.emit('chat:send', { id: 'd4', text: 'Vad kostar frakten?' });
    await expect.poll(() => [...chat.messages.values()].at(-1)?.text).toMatch(/Standardfrakt/);

    expect(await chat.emit('chat:handoff', { accept: true })).toMatchObject({ ok: false });
    expect((await events(conversationIdOf(chat))).map((event) => event.metric)).toEqual([
      'Started Conversation',
    ]);
  });

  it('keeps the new rule when the mode changes after a handoff was offered', async () => {
    const { hub, connectAs, events, conversationIdOf } = await teamHub();
    const lead = await connectAs('lena@example.com');
    const chat = await connectChat(hub.url, { shopper: { email: 'klara.ek@example.se' } });
    await chat.emit('chat:send', { id: 'm1', text: 'I want to talk to a human' });
    await expect.poll(() => chat.states.at(-1)?.prompt).toBe('offer_handoff');

    await lead.request('settings:update', { patch: { handoffMode: 'do_not_hand_off' } });
    expect(await chat.emit('chat:handoff', { accept: true })).toEqual({ ok: true });
    await expect
      .poll(() => [...chat.messages.values()].at(-1)?.text)
      .toBe(DEFAULT_SETTINGS.doNotHandOffMessage);
    expect(chat.states.at(-1)).toEqual({ status: 'with_ai', prompt: null });
    expect((await events(conversationIdOf(chat))).map((event) => event.metric)).not.toContain(
      'Conversation Escalated',
    );
  });
});
