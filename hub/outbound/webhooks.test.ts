// Webhooks against real receivers on 127.0.0.1 that verify every delivery with verifyWebhook: signed,
// per metric, each event once (by webhook-id) and in order per subscription, retried through 500s, dropped
// connections and 429 + Retry-After, resumed after a restart; the leads' routes and what they refuse.
import { afterEach, describe, expect, it } from 'vitest';
import { METRICS } from '../../shared/events.js';
import {
  createdWebhookSchema,
  MAX_WEBHOOKS,
  verifyWebhook,
  WEBHOOKS_PATH,
  webhookPayloadSchema,
  webhookSchema,
  webhooksResponseSchema,
} from '../../shared/outbound.js';
import { api, eventsOf, hubsClosedAfterEach } from '../testing/hub-fixture.js';
import { errorOf, outboundHub, type OutboundHub } from './outbound-test-kit.js';
import { startReceiver, type TestReceiver } from './test-receiver.js';

const startHub = hubsClosedAfterEach();
const receivers: TestReceiver[] = [];
afterEach(async () => {
  await Promise.all(receivers.splice(0).map((receiver) => receiver.close()));
});

/** A receiver that verifies each delivery with the subscription's secret (once known) and the hub's clock. */
async function verifyingReceiver(hub: OutboundHub['hub']) {
  const subscription = { secret: '' };
  const receiver = await startReceiver({
    now: () => hub.now(),
    fallback: { status: 204 },
    async keyOf(request) {
      const verified = await verifyWebhook(subscription.secret, request.headers, request.body, {
        now: hub.now(),
      });
      return verified.ok ? verified.payload.id : null;
    },
  });
  receivers.push(receiver);
  return Object.assign(receiver, { subscription });
}

async function subscribe(
  outbound: OutboundHub,
  receiver: Awaited<ReturnType<typeof verifyingReceiver>>,
  metrics: string[],
) {
  const created = await outbound.asLead(WEBHOOKS_PATH, {
    method: 'POST',
    body: { url: `${receiver.url}/hooks/handoffs`, metrics },
    status: 201,
    schema: createdWebhookSchema,
  });
  receiver.subscription.secret = created.secret;
  return created;
}

describe('webhooks', () => {
  it('delivers the subscribed metrics signed; the receiver verifies them, and refuses a tampered body or an old timestamp', async () => {
    const outbound = await outboundHub(startHub);
    const { hub, asLead, handOff, attemptsRecorded } = outbound;
    const receiver = await verifyingReceiver(hub);
    const created = await subscribe(outbound, receiver, [METRICS.handoffMissed]);
    // Standard Webhooks: whsec_ and 32 random bytes in base64.
    expect(Buffer.from(created.secret.slice('whsec_'.length), 'base64')).toHaveLength(32);
    expect(created).toMatchObject({
      url: `${receiver.url}/hooks/handoffs`,
      metrics: ['Handoff Missed'],
      lagEvents: 0,
    });

    const missed = await handOff('conv-1');
    await expect.poll(() => [...receiver.accepted.keys()]).toEqual([missed]);
    // Conversation Escalated came first in the stream but is not subscribed to.
    expect(receiver.requests).toHaveLength(1);
    const request = receiver.requests[0]!;
    const [event] = (await eventsOf(hub.url, 'conv-1')).filter((entry) => entry.id === missed);
    expect(webhookPayloadSchema.parse(JSON.parse(request.body))).toEqual({
      id: missed,
      type: 'Handoff Missed',
      createdAt: event!.time,
      data: event,
    });
    expect(request.headers['webhook-id']).toBe(missed);
    expect(request.headers['webhook-timestamp']).toBe(String(Math.floor(hub.now() / 1000)));
    expect(request.headers['content-type']).toContain('application/json');

    const verify = (body: string, now = hub.now(), secret = created.secret) =>
      verifyWebhook(secret, request.headers, body, { now });
    expect(await verify(request.body)).toMatchObject({ ok: true, payload: { id: missed } });
    expect(await verify(request.body.replace('Handoff Missed', 'Handoff Resolved'))).toMatchObject({
      ok: false,
      reason: 'bad_signature',
    });
    expect(await verify(request.body, hub.now() + 5 * 60_000 + 1000)).toMatchObject({
      ok: false,
      reason: 'too_old',
    });
    expect(await verify(request.body, hub.now() - 5 * 60_000 - 1000)).toMatchObject({
      ok: false,
      reason: 'too_new',
    });
    const otherSecret = `whsec_${Buffer.alloc(32, 7).toString('base64')}`;
    expect(await verify(request.body, hub.now(), otherSecret)).toMatchObject({
      ok: false,
      reason: 'bad_signature',
    });

    // Listed without its secret; the log shows the delivery.
    const listed = await asLead(WEBHOOKS_PATH);
    expect(JSON.stringify(listed)).not.toContain(created.secret);
    expect(webhooksResponseSchema.parse(listed).webhooks).toEqual([
      { ...webhookSchema.parse(created), lastDeliveredAt: new Date(hub.now()).toISOString() },
    ]);
    expect(await asLead(`${WEBHOOKS_PATH}/${created.id}`, { schema: webhookSchema })).toMatchObject({
      id: created.id,
      lagEvents: 0,
      lastError: null,
      failedEventCount: 0,
    });
    const [delivery] = await attemptsRecorded(1, created.id);
    expect(delivery).toEqual({
      eventId: missed,
      position: event!.position,
      attempt: 1,
      status: 204,
      error: null,
      outcome: 'delivered',
      at: new Date(hub.now()).toISOString(),
      durationMs: expect.any(Number),
    });
  });

  it('keeps a cursor per subscription: a failing receiver gets every event once and in order after 500, a dropped connection and 429, while another gets them at once', async () => {
    const outbound = await outboundHub(startHub);
    const { hub, handOff, attemptsRecorded, advanceToRetry, asLead } = outbound;
    const failing = await verifyingReceiver(hub);
    const healthy = await verifyingReceiver(hub);
    const slow = await subscribe(outbound, failing, [METRICS.handoffMissed]);
    await subscribe(outbound, healthy, [METRICS.handoffMissed, METRICS.handoffAccepted]);
    failing.answerNext(
      { status: 500 },
      { drop: 'after-processing' },
      { status: 429, headers: { 'retry-after': '10' } },
    );
    const ids = [await handOff('conv-1'), await handOff('conv-2'), await handOff('conv-3')];
    await expect.poll(() => [...healthy.accepted.keys()]).toEqual(ids);

    await attemptsRecorded(1, slow.id);
    await advanceToRetry(slow.id);
    await attemptsRecorded(2, slow.id);
    await advanceToRetry(slow.id);
    await attemptsRecorded(3, slow.id);
    const limited = webhookSchema.parse(await asLead(`${WEBHOOKS_PATH}/${slow.id}`));
    expect(limited).toMatchObject({ lagEvents: 3, lastError: { eventId: ids[0], status: 429 } });
    expect(Date.parse(limited.nextAttemptAt!) - hub.now()).toBe(10_000);
    await advanceToRetry(slow.id);
    await expect.poll(() => [...failing.accepted.keys()]).toEqual(ids);
    expect(failing.duplicates).toEqual([ids[0]]);
    expect(healthy.duplicates).toEqual([]);

    const attempts = await attemptsRecorded(6, slow.id);
    expect(
      attempts.map(({ eventId, attempt, status, outcome }) => [eventId, attempt, status, outcome]),
    ).toEqual([
      [ids[0], 1, 500, 'retrying'],
      [ids[0], 2, null, 'retrying'],
      [ids[0], 3, 429, 'retrying'],
      [ids[0], 4, 204, 'delivered'],
      [ids[1], 1, 204, 'delivered'],
      [ids[2], 1, 204, 'delivered'],
    ]);
    expect(Date.parse(attempts[3]!.at) - Date.parse(attempts[2]!.at)).toBe(10_000);
    // Each attempt is signed afresh: the retry's timestamp is its own.
    const retried = failing.requests.filter((request) => request.headers['webhook-id'] === ids[0]);
    expect(retried.map((request) => request.headers['webhook-timestamp'])).toEqual(
      attempts.slice(0, 4).map((attempt) => String(Math.floor(Date.parse(attempt.at) / 1000))),
    );
    expect(webhookSchema.parse(await asLead(`${WEBHOOKS_PATH}/${slow.id}`))).toMatchObject({
      lagEvents: 0,
      nextAttemptAt: null,
    });
  });

  it('resumes each subscription from its cursor after a hub restart', async () => {
    const outbound = await outboundHub(startHub);
    const { hub, handOff, attemptsRecorded, advanceToRetry } = outbound;
    const receiver = await verifyingReceiver(hub);
    const created = await subscribe(outbound, receiver, [METRICS.handoffMissed]);
    const sent = [await handOff('conv-1'), await handOff('conv-2')];
    await expect.poll(() => receiver.accepted.size).toBe(2);
    receiver.fallback = { status: 502 };
    const backlog = [await handOff('conv-3'), await handOff('conv-4')];
    await attemptsRecorded(3, created.id);

    await hub.restart();
    receiver.fallback = { status: 204 };
    await advanceToRetry(created.id);
    await expect.poll(() => [...receiver.accepted.keys()]).toEqual([...sent, ...backlog]);
    expect(receiver.duplicates).toEqual([]);
    expect(receiver.requests).toHaveLength(5);
  });

  it('sends a new subscription only the events after it; a deleted one gets nothing more and its log goes', async () => {
    const outbound = await outboundHub(startHub);
    const { hub, handOff, asLead } = outbound;
    const receiver = await verifyingReceiver(hub);
    await handOff('conv-before');
    const created = await subscribe(outbound, receiver, [METRICS.handoffMissed]);
    const after = await handOff('conv-after');
    await expect.poll(() => [...receiver.accepted.keys()]).toEqual([after]);

    expect(
      (await api(hub.url, `${WEBHOOKS_PATH}/${created.id}`, { method: 'DELETE', token: outbound.leadToken }))
        .status,
    ).toBe(204);
    for (const path of [`${WEBHOOKS_PATH}/${created.id}`, `${WEBHOOKS_PATH}/${created.id}/deliveries`]) {
      const response = await api(hub.url, path, { token: outbound.leadToken });
      expect(response.status).toBe(404);
      expect((await errorOf(response)).message).toContain(created.id);
    }
    expect(
      (await api(hub.url, `${WEBHOOKS_PATH}/${created.id}`, { method: 'DELETE', token: outbound.leadToken }))
        .status,
    ).toBe(404);
    expect(await asLead(WEBHOOKS_PATH)).toEqual({ webhooks: [] });

    // Another subscription to the same metric gets the next event; the deleted one does not.
    const witness = await verifyingReceiver(hub);
    await subscribe(outbound, witness, [METRICS.handoffMissed]);
    const later = await handOff('conv-later');
    await expect.poll(() => [...witness.accepted.keys()]).toEqual([later]);
    expect(receiver.requests).toHaveLength(1);
  });

  it('refuses bad input with a 400 naming the problem, and more than the maximum of subscriptions', async () => {
    const outbound = await outboundHub(startHub);
    const { hub, leadToken } = outbound;
    const post = (body: unknown) => api(hub.url, WEBHOOKS_PATH, { body, token: leadToken });
    const problems = async (response: Response) => {
      expect(response.status).toBe(400);
      return (await errorOf(response)).issues?.map((issue) => issue.path);
    };
    const url = 'https://hooks.example.com/handoffs';
    expect(
      await problems(await post({ url: 'ftp://hooks.example.com/x', metrics: ['Handoff Missed'] })),
    ).toEqual(['url']);
    expect(await problems(await post({ url: 'javascript:alert(1)', metrics: ['Handoff Missed'] }))).toEqual([
      'url',
    ]);
    expect(await problems(await post({ url, metrics: [] }))).toEqual(['metrics']);
    expect(await problems(await post({ url, metrics: ['Handoff Missed', 'Handoff Missed'] }))).toEqual([
      'metrics',
    ]);
    expect(await problems(await post({ url, metrics: ['  '] }))).toEqual(['metrics.0']);
    expect(
      await problems(await post({ url, metrics: Array.from({ length: 51 }, (_, i) => `Metric ${i}`) })),
    ).toEqual(['metrics']);
    expect(await problems(await post({ url, metrics: ['Handoff Missed'], secret: 'mine' }))).toEqual([
      '(body)',
    ]);
    expect(await problems(await post({ metrics: ['Handoff Missed'] }))).toEqual(['url']);
    const notJson = await fetch(`${hub.url}${WEBHOOKS_PATH}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${leadToken}`, 'content-type': 'application/json' },
      body: '{"url":',
    });
    expect(notJson.status).toBe(400);
    expect(
      await problems(await api(hub.url, `${WEBHOOKS_PATH}/not-a-webhook`, { token: leadToken })),
    ).toEqual(['id']);
    const created = createdWebhookSchema.parse(
      await (await post({ url, metrics: ['Handoff Missed'] })).json(),
    );
    expect(
      await problems(
        await api(hub.url, `${WEBHOOKS_PATH}/${created.id}/deliveries?limit=501`, { token: leadToken }),
      ),
    ).toEqual(['limit']);

    for (let count = 1; count < MAX_WEBHOOKS; count++) {
      expect((await post({ url: `${url}/${count}`, metrics: ['Handoff Missed'] })).status).toBe(201);
    }
    const tooMany = await post({ url, metrics: ['Handoff Missed'] });
    expect(tooMany.status).toBe(400);
    expect((await errorOf(tooMany)).message).toContain(`At most ${MAX_WEBHOOKS}`);
  });

  it('refuses agents (403) and requests without a session (401)', async () => {
    const outbound = await outboundHub(startHub);
    const { hub, agentToken, leadToken } = outbound;
    const created = createdWebhookSchema.parse(
      await (
        await api(hub.url, WEBHOOKS_PATH, {
          body: { url: 'http://127.0.0.1:9/hooks', metrics: ['Handoff Missed'] },
          token: leadToken,
        })
      ).json(),
    );
    const requests: [string, string, unknown?][] = [
      ['POST', WEBHOOKS_PATH, { url: 'http://127.0.0.1:9/x', metrics: ['Handoff Missed'] }],
      ['GET', WEBHOOKS_PATH],
      ['GET', `${WEBHOOKS_PATH}/${created.id}`],
      ['GET', `${WEBHOOKS_PATH}/${created.id}/deliveries`],
      ['DELETE', `${WEBHOOKS_PATH}/${created.id}`],
    ];
    for (const [method, path, body] of requests) {
      const asAgent = await api(hub.url, path, { method, body, token: agentToken });
      expect(asAgent.status, `${method} ${path}`).toBe(403);
      expect((await errorOf(asAgent)).message).toContain('Only a lead');
      expect((await api(hub.url, path, { method, body, token: null })).status, `${method} ${path}`).toBe(401);
    }
    // Nothing an agent tried changed anything.
    expect(
      webhooksResponseSchema.parse(await outbound.asLead(WEBHOOKS_PATH)).webhooks.map((hook) => hook.id),
    ).toEqual([created.id]);
  });
});
