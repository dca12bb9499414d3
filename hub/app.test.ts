import { describe, expect, it } from 'vitest';
import { eventsResponseSchema, handoffViewSchema } from '../shared/handoff-api.js';
import { DEMO_INTEGRATION_TOKEN, DEMO_PASSWORD } from './app.js';
import {
  addAccount,
  api,
  connectDesk,
  handoffRequest,
  hubsClosedAfterEach,
  signIn,
  syncAll,
} from './testing/hub-fixture.js';

const hubForTest = hubsClosedAfterEach();

describe('a hub restart', () => {
  it('keeps everything it acknowledged: conversations, replies, events, the log, sessions and command results', async () => {
    const hub = await hubForTest();
    await addAccount(hub, 'alva@example.com', 'Alva Sund');
    const session = await signIn(hub.url, 'alva@example.com');
    const desk = await connectDesk(hub.url, session.token);
    expect((await api(hub.url, '/api/v1/handoffs', { body: handoffRequest('conv-durable') })).status).toBe(
      201,
    );
    const claim = await desk.command({ id: 'durable-claim', type: 'claim', conversationId: 'conv-durable' });
    const reply = await desk.command({
      id: 'durable-reply',
      type: 'reply',
      conversationId: 'conv-durable',
      text: 'Hej!',
    });
    await api(hub.url, '/api/v1/handoffs/conv-durable/messages', {
      body: { id: 'sms-1', text: 'Tack', sentAt: '2026-01-10T10:00:00Z' },
    });
    const before = {
      view: await (await api(hub.url, '/api/v1/handoffs/conv-durable')).json(),
      events: await (await api(hub.url, '/api/v1/events?conversationId=conv-durable')).json(),
      log: await syncAll(desk),
    };

    await hub.restart();

    expect(await (await api(hub.url, '/api/v1/handoffs/conv-durable')).json()).toEqual(before.view);
    expect(await (await api(hub.url, '/api/v1/events?conversationId=conv-durable')).json()).toEqual(
      before.events,
    );
    const again = await connectDesk(hub.url, session.token);
    expect(await syncAll(again)).toEqual(before.log);
    // Retried commands get their stored answers; nothing is applied twice.
    expect(
      await again.command({ id: 'durable-claim', type: 'claim', conversationId: 'conv-durable' }),
    ).toEqual(claim);
    expect(
      await again.command({
        id: 'durable-reply',
        type: 'reply',
        conversationId: 'conv-durable',
        text: 'Hej!',
      }),
    ).toEqual(reply);
    const view = handoffViewSchema.parse(await (await api(hub.url, '/api/v1/handoffs/conv-durable')).json());
    expect(view.transcript.map((message) => message.id)).toEqual([
      'm1',
      'm2',
      'm3',
      'durable-reply',
      'sms-1',
    ]);
    // Log positions continue after the restart instead of starting over.
    expect((await api(hub.url, '/api/v1/handoffs', { body: handoffRequest('conv-after') })).status).toBe(201);
    await expect.poll(() => again.changes.at(0)?.position).toBe(before.log.at(-1)!.position + 1);
  });
});

describe('demo mode', () => {
  it('seeds accounts, the integration token and queued conversations once, however often it starts', async () => {
    const hub = await hubForTest({ demo: true, integrationTokens: [] });
    const lead = await signIn(hub.url, 'lead@demo.test', DEMO_PASSWORD);
    expect(lead.account).toMatchObject({ role: 'lead' });
    for (const email of ['agent1@demo.test', 'agent2@demo.test']) {
      expect((await signIn(hub.url, email, DEMO_PASSWORD)).account.role).toBe('agent');
    }
    const events = async () =>
      eventsResponseSchema.parse(
        await (await api(hub.url, '/api/v1/events?limit=1000', { token: DEMO_INTEGRATION_TOKEN })).json(),
      ).events;
    const seeded = await events();
    const escalated = seeded.filter((event) => event.metric === 'Conversation Escalated');
    expect(escalated.length).toBeGreaterThanOrEqual(5);
    expect(new Set(escalated.map((event) => event.properties.channel))).toEqual(
      new Set(['web_chat', 'sms', 'email', 'whatsapp']),
    );
    expect(seeded.filter((event) => event.metric === 'Conversation Resolved').length).toBeGreaterThanOrEqual(
      2,
    );

    const desk = await connectDesk(hub.url, lead.token);
    const log = await syncAll(desk);
    const queued = log.filter(
      (change) => change.kind === 'conversation' && change.conversation.status === 'queued',
    );
    expect(queued.length).toBe(escalated.length);
    const longest = Math.max(
      ...queued.map(
        (change) =>
          log.filter(
            (m) =>
              m.kind === 'message' &&
              change.kind === 'conversation' &&
              m.message.conversationId === change.conversation.id,
          ).length,
      ),
    );
    expect(longest).toBeGreaterThanOrEqual(40);

    // Canned replies: the shared ones for everyone, English and Swedish, and each demo agent's own.
    const shortcuts = (client: typeof desk) =>
      client.cannedReplies
        .at(-1)
        ?.map((reply) => reply.shortcut)
        .sort();
    const shared = ['aterbetalning', 'damaged', 'hej', 'hello', 'refund'];
    expect(shortcuts(desk)).toEqual(shared);
    const alex = await connectDesk(hub.url, (await signIn(hub.url, 'agent1@demo.test', DEMO_PASSWORD)).token);
    expect(shortcuts(alex)).toEqual([...shared, 'bye'].sort());
    expect(alex.cannedReplies.at(-1)?.find((reply) => reply.shortcut === 'hello')?.body).toContain(
      '{{shopper.first_name}}',
    );

    await hub.restart();
    expect(await events()).toEqual(seeded);
    const again = await connectDesk(hub.url, (await signIn(hub.url, 'lead@demo.test', DEMO_PASSWORD)).token);
    expect(await syncAll(again)).toEqual(log);
    expect(shortcuts(again)).toEqual(shared);
    expect((await api(hub.url, '/')).url).toMatch(/\/chat\/$/);
  });
});

describe('stopping', () => {
  it('is not held up by a client that never finishes its request', async () => {
    const hub = await hubForTest();
    const { port } = new URL(hub.url);
    const { connect } = await import('node:net');
    const stalled = connect(Number(port), '127.0.0.1');
    await new Promise((resolve) => stalled.once('connect', resolve));
    // Headers begun, never ended: Node would keep this connection for its whole header timeout.
    stalled.write('GET /api/v1/handoffs HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    const cut = new Promise((resolve) => stalled.once('close', resolve));
    await hub.close();
    await cut;
  });
});
