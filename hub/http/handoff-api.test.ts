import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiErrorSchema,
  handoffViewSchema,
  messageViewSchema,
  eventsResponseSchema,
} from '../../shared/handoff-api.js';
import { MAX_BODY_BYTES } from '../../shared/handoff-api.js';
import {
  addAccount,
  api,
  closeAllSockets,
  connectDesk,
  handoffRequest,
  signIn,
  startTestHub,
  type TestHub,
} from '../testing/hub-fixture.js';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
  await addAccount(hub, 'ida@example.com', 'Ida Strand');
  // Someone is online, so no auto-response joins these transcripts (handoff-rules.test.ts covers that).
  await connectDesk(hub.url, (await signIn(hub.url, 'ida@example.com')).token);
});
afterAll(async () => {
  closeAllSockets();
  await hub.close();
});

describe('POST /api/v1/handoffs', () => {
  it('creates a queued handoff (201) and returns the same one for a repeat (200), never a duplicate', async () => {
    const first = await api(hub.url, '/api/v1/handoffs', { body: handoffRequest('conv-create') });
    expect(first.status).toBe(201);
    const created = handoffViewSchema.parse(await first.json());
    expect(created).toMatchObject({
      conversationId: 'conv-create',
      status: 'queued',
      channel: 'sms',
      assignee: null,
    });
    expect(created.transcript.map((message) => [message.id, message.position, message.author])).toEqual([
      ['m1', 0, 'shopper'],
      ['m2', 1, 'customer_agent'],
      ['m3', 2, 'system'],
    ]);

    const again = await api(hub.url, '/api/v1/handoffs', {
      body: handoffRequest('conv-create', {
        transcript: [{ id: 'other', author: 'shopper', text: 'x', sentAt: '2026-01-10T09:00:00Z' }],
      }),
    });
    expect(again.status).toBe(200);
    const existing = handoffViewSchema.parse(await again.json());
    expect(existing.transcript.map((message) => message.id)).toEqual(['m1', 'm2', 'm3']);

    const events = eventsResponseSchema.parse(
      await (await api(hub.url, '/api/v1/events?conversationId=conv-create')).json(),
    ).events;
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      metric: 'Conversation Escalated',
      profile: { email: 'nora.ek@example.se', profileId: 'PROFILE-1' },
      properties: {
        conversation_id: 'conv-create',
        channel: 'sms',
        escalation_reason: 'knowledge_gap',
        procedure: 'returns',
        tags: ['refund'],
      },
    });
  });

  it('answers 400 naming every bad field', async () => {
    const response = await api(hub.url, '/api/v1/handoffs', {
      body: {
        conversationId: 'conv-bad',
        channel: 'fax',
        shopper: { email: 'not-an-email' },
        escalation: { reason: '' },
        transcript: [{ id: 'm1', author: 'robot', text: 'hi', sentAt: 'yesterday' }],
      },
    });
    expect(response.status).toBe(400);
    const body = apiErrorSchema.parse(await response.json());
    expect(body.error).toBe('invalid_request');
    expect(body.issues?.map((issue) => issue.path).sort()).toEqual(
      ['channel', 'escalation.reason', 'shopper.email', 'transcript.0.author', 'transcript.0.sentAt'].sort(),
    );
    expect((await api(hub.url, '/api/v1/handoffs/conv-bad')).status).toBe(404);
  });

  it('refuses duplicate message ids inside one transcript', async () => {
    const message = { id: 'dup', author: 'shopper' as const, text: 'hi', sentAt: '2026-01-10T09:00:00Z' };
    const response = await api(hub.url, '/api/v1/handoffs', {
      body: handoffRequest('conv-dup', { transcript: [message, message] }),
    });
    expect(response.status).toBe(400);
    expect(apiErrorSchema.parse(await response.json()).issues).toEqual([
      { path: 'transcript.1.id', message: 'duplicate message id dup' },
    ]);
  });

  it('answers 401 for a missing or wrong integration token', async () => {
    for (const token of [null, 'wrong-token']) {
      const response = await api(hub.url, '/api/v1/handoffs', { body: handoffRequest('conv-401'), token });
      expect(response.status).toBe(401);
      expect(apiErrorSchema.parse(await response.json()).error).toBe('unauthorized');
    }
    const session = await signIn(hub.url, 'ida@example.com');
    // A console session is not an integration token.
    expect(
      (await api(hub.url, '/api/v1/handoffs', { body: handoffRequest('conv-401'), token: session.token }))
        .status,
    ).toBe(401);
  });

  it('answers 413 for a body over 1 MiB, 400 for malformed JSON and 415 for another content type', async () => {
    const big = await api(hub.url, '/api/v1/handoffs', {
      body: handoffRequest('conv-big', { escalation: { reason: 'x'.repeat(MAX_BODY_BYTES), tags: [] } }),
    });
    expect(big.status).toBe(413);
    expect(apiErrorSchema.parse(await big.json()).error).toBe('payload_too_large');

    const headers = { authorization: 'Bearer test-integration-token' };
    const malformed = await fetch(`${hub.url}/api/v1/handoffs`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: '{"conversationId": ',
    });
    expect(malformed.status).toBe(400);
    expect(apiErrorSchema.parse(await malformed.json()).error).toBe('invalid_json');

    const text = await fetch(`${hub.url}/api/v1/handoffs`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'text/plain' },
      body: 'hello',
    });
    expect(text.status).toBe(415);
    apiErrorSchema.parse(await text.json());

    const health = await fetch(`${hub.url}/api/v1/health`);
    expect(await health.json()).toEqual({ ok: true });
  });
});

describe('shopper messages, replies and the transcript', () => {
  it('appends a shopper message once per id, 404 for an unknown conversation', async () => {
    await api(hub.url, '/api/v1/handoffs', { body: handoffRequest('conv-msg') });
    const message = { id: 'sms-7', text: 'Are you there?', sentAt: '2026-01-10T09:05:00+01:00' };
    const first = await api(hub.url, '/api/v1/handoffs/conv-msg/messages', { body: message });
    expect(first.status).toBe(201);
    const stored = messageViewSchema.parse(await first.json());
    expect(stored).toMatchObject({ id: 'sms-7', author: 'shopper', position: 3 });

    const repeat = await api(hub.url, '/api/v1/handoffs/conv-msg/messages', {
      body: { ...message, text: 'changed' },
    });
    expect(repeat.status).toBe(200);
    expect(messageViewSchema.parse(await repeat.json())).toEqual(stored);

    const unknown = await api(hub.url, '/api/v1/handoffs/nope/messages', { body: message });
    expect(unknown.status).toBe(404);
    expect(apiErrorSchema.parse(await unknown.json()).error).toBe('not_found');

    const bad = await api(hub.url, '/api/v1/handoffs/conv-msg/messages', { body: { id: 'x y', text: '' } });
    expect(bad.status).toBe(400);
    expect(
      apiErrorSchema
        .parse(await bad.json())
        .issues?.map((issue) => issue.path)
        .sort(),
    ).toEqual(['id', 'sentAt', 'text']);

    const view = handoffViewSchema.parse(await (await api(hub.url, '/api/v1/handoffs/conv-msg')).json());
    expect(view.transcript.map((entry) => entry.id)).toEqual(['m1', 'm2', 'm3', 'sms-7']);
  });

  it('shows agent replies in order in GET /handoffs/:id and marks them delivered on receipt', async () => {
    await api(hub.url, '/api/v1/handoffs', { body: handoffRequest('conv-reply') });
    const session = await signIn(hub.url, 'ida@example.com');
    const desk = await connectDesk(hub.url, session.token);
    expect((await desk.command({ id: 'claim-reply', type: 'claim', conversationId: 'conv-reply' })).ok).toBe(
      true,
    );
    expect(
      (
        await desk.command({
          id: 'reply-1',
          type: 'reply',
          conversationId: 'conv-reply',
          text: 'Hej Nora! Jag kollar.',
        })
      ).ok,
    ).toBe(true);
    await api(hub.url, '/api/v1/handoffs/conv-reply/messages', {
      body: { id: 'sms-8', text: 'Tack!', sentAt: '2026-01-10T09:06:00+01:00' },
    });
    expect(
      (await desk.command({ id: 'reply-2', type: 'reply', conversationId: 'conv-reply', text: 'Varsågod.' }))
        .ok,
    ).toBe(true);

    const view = handoffViewSchema.parse(await (await api(hub.url, '/api/v1/handoffs/conv-reply')).json());
    expect(view.status).toBe('open');
    expect(view.assignee?.email).toBe('ida@example.com');
    expect(view.transcript.map((entry) => [entry.id, entry.author, entry.delivery])).toEqual([
      ['m1', 'shopper', null],
      ['m2', 'customer_agent', null],
      ['m3', 'system', null],
      ['reply-1', 'agent', 'sent'],
      ['sms-8', 'shopper', null],
      ['reply-2', 'agent', 'sent'],
    ]);
    expect(view.transcript.map((entry) => entry.position)).toEqual([0, 1, 2, 3, 4, 5]);

    await desk.sync(0);
    const receipt = await api(hub.url, '/api/v1/handoffs/conv-reply/deliveries', {
      body: { messageIds: ['reply-1'] },
    });
    expect(receipt.status).toBe(200);
    expect(await receipt.json()).toEqual({ delivered: ['reply-1'] });
    const after = handoffViewSchema.parse(await (await api(hub.url, '/api/v1/handoffs/conv-reply')).json());
    expect(after.transcript.find((entry) => entry.id === 'reply-1')?.delivery).toBe('delivered');
    // The console hears about the delivery as a change.
    await expect
      .poll(() =>
        desk.changes.some(
          (change) =>
            change.kind === 'message' &&
            change.message.id === 'reply-1' &&
            change.message.delivery === 'delivered',
        ),
      )
      .toBe(true);
    expect(
      (await api(hub.url, '/api/v1/handoffs/nope/deliveries', { body: { messageIds: ['x'] } })).status,
    ).toBe(404);
  });

  it('reopens a resolved conversation for the same assignee when the shopper writes again', async () => {
    await api(hub.url, '/api/v1/handoffs', { body: handoffRequest('conv-reopen') });
    const session = await signIn(hub.url, 'ida@example.com');
    const desk = await connectDesk(hub.url, session.token);
    await desk.command({ id: 'claim-reopen', type: 'claim', conversationId: 'conv-reopen' });
    await desk.command({ id: 'resolve-reopen', type: 'resolve', conversationId: 'conv-reopen', tags: [] });
    await api(hub.url, '/api/v1/handoffs/conv-reopen/messages', {
      body: { id: 'later', text: 'One more thing', sentAt: '2026-01-11T09:00:00Z' },
    });
    const view = handoffViewSchema.parse(await (await api(hub.url, '/api/v1/handoffs/conv-reopen')).json());
    expect(view).toMatchObject({ status: 'open', resolvedAt: null, assignee: { email: 'ida@example.com' } });
  });

  it('answers 400 for bad event queries and unknown routes with the error shape', async () => {
    const bad = await api(hub.url, '/api/v1/events?limit=0&foo=1');
    expect(bad.status).toBe(400);
    expect(
      apiErrorSchema
        .parse(await bad.json())
        .issues?.map((issue) => issue.path)
        .sort(),
    ).toEqual(['(body)', 'limit'].sort());
    const missing = await api(hub.url, '/api/v1/nothing');
    expect(missing.status).toBe(404);
    apiErrorSchema.parse(await missing.json());
    expect((await api(hub.url, '/chat')).status).toBe(503);
  });
});
