// Forwarding against a real Klaviyo-compatible receiver on 127.0.0.1: Klaviyo's Create Event body and headers,
// each event once (by unique_id) and in order, through 500s, dropped connections, 429 + Retry-After, permanent
// 4xx and a hub restart; the state leads see.
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { METRICS } from '../../shared/events.js';
import { DEFAULT_FORWARDED_METRICS, FORWARDING_PATH, KLAVIYO_REVISION } from '../../shared/outbound.js';
import { api, connectAs, eventsOf, handoffRequest, hubsClosedAfterEach } from '../testing/hub-fixture.js';
import { eventBody, issueTestKey, klaviyoFetch } from '../klaviyo/events-api-test-kit.js';
import { AGENT_EMAIL, errorOf, outboundHub } from './outbound-test-kit.js';
import { startReceiver, type ReceivedRequest, type TestReceiver } from './test-receiver.js';

const FORWARD_KEY = 'pk_test_forwarding_key';

/** Klaviyo's Create Event request body (JSON:API), strictly: nothing Klaviyo would not expect. */
const klaviyoCreateEventSchema = z.strictObject({
  data: z.strictObject({
    type: z.literal('event'),
    attributes: z.strictObject({
      properties: z.record(z.string(), z.unknown()),
      time: z.iso.datetime({ offset: true }),
      value: z.number().optional(),
      unique_id: z.string().min(1),
      metric: z.strictObject({
        data: z.strictObject({
          type: z.literal('metric'),
          attributes: z.strictObject({ name: z.string().min(1) }),
        }),
      }),
      profile: z.strictObject({
        data: z.strictObject({
          type: z.literal('profile'),
          id: z.string().optional(),
          attributes: z.strictObject({
            email: z.email().optional(),
            phone_number: z.string().optional(),
            external_id: z.string().optional(),
          }),
        }),
      }),
    }),
  }),
});

/** What a Klaviyo-compatible receiver accepts: the right path, key, revision and body; keyed by unique_id. */
function klaviyoKey(request: ReceivedRequest): string | null {
  if (request.path !== '/api/events') return null;
  if (request.headers.authorization !== `Klaviyo-API-Key ${FORWARD_KEY}`) return null;
  if (request.headers.revision !== KLAVIYO_REVISION) return null;
  if (!request.headers['content-type']?.startsWith('application/json')) return null;
  const body = klaviyoCreateEventSchema.safeParse(JSON.parse(request.body));
  return body.success ? body.data.data.attributes.unique_id : null;
}

const startHub = hubsClosedAfterEach();
const receivers: TestReceiver[] = [];
afterEach(async () => {
  await Promise.all(receivers.splice(0).map((receiver) => receiver.close()));
});

async function forwardingHub(options: { metrics?: string[]; urlSuffix?: string } = {}) {
  // The receiver stamps arrivals with the hub clock, once the hub is there.
  const hubClock = { now: (): number => 0 };
  const receiver = await startReceiver({ now: () => hubClock.now(), keyOf: klaviyoKey });
  receivers.push(receiver);
  const outbound = await outboundHub(startHub, {
    forwarding: {
      url: receiver.url + (options.urlSuffix ?? ''),
      key: FORWARD_KEY,
      metrics: options.metrics ?? [...DEFAULT_FORWARDED_METRICS],
    },
  });
  hubClock.now = () => outbound.hub.now();
  return { ...outbound, receiver };
}

describe('forwarding to a Klaviyo-compatible endpoint', () => {
  it("sends the humans' outcome events as Klaviyo's Create Event, each once and in order, and nothing else", async () => {
    const { hub, receiver, forwardingState, handOff } = await forwardingHub({ urlSuffix: '/' });
    // Nobody online: Handoff Missed. Then an agent online claims and resolves one: Accepted, Resolved.
    const missed = await handOff('conv-missed');
    const agent = await connectAs(hub.url, AGENT_EMAIL);
    expect((await api(hub.url, '/api/v1/handoffs', { body: handoffRequest('conv-done') })).status).toBe(201);
    expect(await agent.command({ id: 'claim-1', type: 'claim', conversationId: 'conv-done' })).toMatchObject({
      ok: true,
    });
    expect(
      await agent.command({
        id: 'resolve-1',
        type: 'resolve',
        conversationId: 'conv-done',
        tags: ['refund'],
      }),
    ).toMatchObject({ ok: true });

    const done = await eventsOf(hub.url, 'conv-done');
    const outcomes = done.filter((event) => event.metric.startsWith('Handoff '));
    expect(outcomes.map((event) => event.metric)).toEqual([METRICS.handoffAccepted, METRICS.handoffResolved]);
    await expect.poll(() => receiver.accepted.size).toBe(3);

    expect([...receiver.accepted.keys()]).toEqual([missed, ...outcomes.map((event) => event.id)]);
    expect(receiver.duplicates).toEqual([]);
    // Conversation Escalated (the AI's) is not among the forwarded metrics.
    expect(receiver.requests).toHaveLength(3);
    const resolved = klaviyoCreateEventSchema.parse(JSON.parse(receiver.accepted.get(outcomes[1]!.id)!.body));
    expect(resolved.data.attributes).toEqual({
      properties: outcomes[1]!.properties,
      time: outcomes[1]!.time,
      unique_id: outcomes[1]!.id,
      metric: { data: { type: 'metric', attributes: { name: 'Handoff Resolved' } } },
      profile: { data: { type: 'profile', id: 'PROFILE-1', attributes: { email: 'nora.ek@example.se' } } },
    });

    const state = await forwardingState();
    expect(state).toMatchObject({
      enabled: true,
      url: `${receiver.url}/`,
      metrics: [...DEFAULT_FORWARDED_METRICS],
      lagEvents: 0,
      lastError: null,
      nextAttemptAt: null,
      failedEvents: [],
      failedEventCount: 0,
    });
    expect(state.lastDeliveredAt).not.toBeNull();
  });

  it('loses nothing and doubles nothing through a 500, a dropped connection and a 429, and sends nothing before Retry-After', async () => {
    const { hub, receiver, handOff, forwardingState, attemptsRecorded, advanceToRetry } =
      await forwardingHub();
    receiver.answerNext(
      { status: 500, body: 'upstream broke' },
      { drop: 'after-processing' },
      { status: 429, headers: { 'retry-after': '30' } },
    );
    const first = await handOff('conv-1');
    await attemptsRecorded(1);
    // The backlog waits behind the first event: order is kept.
    const rest = [await handOff('conv-2'), await handOff('conv-3'), await handOff('conv-4')];
    expect((await forwardingState()).lagEvents).toBe(4);

    await advanceToRetry();
    await attemptsRecorded(2);
    await advanceToRetry();
    const afterRateLimit = await attemptsRecorded(3);
    const limited = await forwardingState();
    expect(limited.lastError).toMatchObject({ eventId: first, status: 429 });
    expect(Date.parse(limited.nextAttemptAt!) - hub.now()).toBe(30_000);

    // A new event meanwhile does not jump the wait.
    const late = await handOff('conv-5');
    hub.advance(29_999);
    expect(await forwardingState()).toMatchObject({ nextAttemptAt: limited.nextAttemptAt, lagEvents: 5 });
    hub.advance(1);
    await expect.poll(() => receiver.accepted.size).toBe(5);

    expect([...receiver.accepted.keys()]).toEqual([first, ...rest, late]);
    // The receiver did the work before the connection dropped: the resend is the one duplicate it ignored.
    expect(receiver.duplicates).toEqual([first]);
    const attempts = await attemptsRecorded(8);
    expect(
      attempts.map(({ eventId, attempt, status, outcome }) => [eventId, attempt, status, outcome]),
    ).toEqual([
      [first, 1, 500, 'retrying'],
      [first, 2, null, 'retrying'],
      [first, 3, 429, 'retrying'],
      [first, 4, 202, 'delivered'],
      ...[...rest, late].map((id) => [id, 1, 202, 'delivered']),
    ]);
    expect(attempts[0]!.error).toContain('upstream broke');
    expect(attempts[1]!.error).toMatch(/fetch failed|socket|closed|reset/i);
    // No request before Retry-After: the 4th attempt started 30 s (hub clock) after the 429.
    expect(Date.parse(attempts[3]!.at) - Date.parse(afterRateLimit[2]!.at)).toBe(30_000);
    expect(await forwardingState()).toMatchObject({ lagEvents: 0, nextAttemptAt: null });
  });

  it('honours Retry-After given as an HTTP date', async () => {
    const { hub, receiver, handOff, attemptsRecorded, forwardingState } = await forwardingHub();
    receiver.answerNext({
      status: 429,
      headers: { 'retry-after': new Date(hub.now() + 120_000).toUTCString() },
    });
    const id = await handOff('conv-1');
    await attemptsRecorded(1);
    const state = await forwardingState();
    // HTTP dates have whole seconds: the wait ends within the second before 120 s.
    const wait = Date.parse(state.nextAttemptAt!) - hub.now();
    expect(wait).toBeGreaterThan(119_000);
    expect(wait).toBeLessThanOrEqual(120_000);
    hub.advance(wait - 1);
    expect((await forwardingState()).nextAttemptAt).toBe(state.nextAttemptAt);
    hub.advance(1);
    await expect.poll(() => [...receiver.accepted.keys()]).toEqual([id]);
  });

  it('records a permanent 4xx, skips that event and goes on at once; 408 is retried', async () => {
    const { hub, receiver, handOff, forwardingState, attemptsRecorded, advanceToRetry } =
      await forwardingHub();
    const klaviyoError = JSON.stringify({
      errors: [{ status: 400, code: 'invalid', title: 'Invalid input.', detail: 'The profile is invalid.' }],
    });
    receiver.answerNext({ status: 202 }, { status: 400, body: klaviyoError }, { status: 408 });
    const delivered = await handOff('conv-1');
    await expect.poll(() => receiver.accepted.size).toBe(1);
    const refused = await handOff('conv-2');
    await attemptsRecorded(2);
    const refusedAt = new Date(hub.now()).toISOString();
    const timedOut = await handOff('conv-3');
    await attemptsRecorded(3);
    expect((await forwardingState()).nextAttemptAt).not.toBeNull();
    await advanceToRetry();
    await expect.poll(() => [...receiver.accepted.keys()]).toEqual([delivered, timedOut]);

    const state = await forwardingState();
    expect(state.failedEventCount).toBe(1);
    expect(state.failedEvents).toEqual([
      {
        eventId: refused,
        position: expect.any(Number),
        metric: METRICS.handoffMissed,
        status: 400,
        error: expect.stringContaining('The profile is invalid.'),
        failedAt: refusedAt,
      },
    ]);
    expect(state.lastError).toMatchObject({ eventId: timedOut, status: 408 });
    expect(state).toMatchObject({ lagEvents: 0, nextAttemptAt: null });
    const attempts = await attemptsRecorded(4);
    expect(attempts.map((attempt) => [attempt.eventId, attempt.status, attempt.outcome])).toEqual([
      [delivered, 202, 'delivered'],
      [refused, 400, 'failed'],
      [timedOut, 408, 'retrying'],
      [timedOut, 202, 'delivered'],
    ]);
    // The refused event is never tried again.
    expect(receiver.requests.filter((request) => request.body.includes(refused))).toHaveLength(1);
  });

  it('resumes from its cursor after a hub restart mid-backlog, still waiting out the retry', async () => {
    const { hub, receiver, handOff, attemptsRecorded, forwardingState, advanceToRetry } =
      await forwardingHub();
    const sent = [await handOff('conv-1'), await handOff('conv-2')];
    await expect.poll(() => receiver.accepted.size).toBe(2);
    receiver.fallback = { status: 503 };
    const backlog = [await handOff('conv-3'), await handOff('conv-4'), await handOff('conv-5')];
    await attemptsRecorded(3);
    const waiting = await forwardingState();
    expect(waiting).toMatchObject({ lagEvents: 3 });

    await hub.restart();
    receiver.fallback = { status: 202 };
    // Restarted, it still waits for the retry it had scheduled.
    expect(await forwardingState()).toMatchObject({ nextAttemptAt: waiting.nextAttemptAt, lagEvents: 3 });
    expect(receiver.requests).toHaveLength(3);
    await advanceToRetry();
    await expect.poll(() => receiver.accepted.size).toBe(5);

    expect([...receiver.accepted.keys()]).toEqual([...sent, ...backlog]);
    expect(receiver.duplicates).toEqual([]);
    expect(receiver.requests).toHaveLength(6);
    const attempts = await attemptsRecorded(6);
    expect(attempts[3]).toMatchObject({ eventId: backlog[0], attempt: 2, outcome: 'delivered' });
    expect(attempts[3]!.at).toBe(waiting.nextAttemptAt);
  });

  it('only forwards the configured metrics', async () => {
    const { hub, receiver } = await forwardingHub({ metrics: [METRICS.conversationEscalated] });
    expect((await api(hub.url, '/api/v1/handoffs', { body: handoffRequest('conv-1') })).status).toBe(201);
    await expect.poll(() => receiver.accepted.size).toBe(1);
    const [escalated] = (await eventsOf(hub.url, 'conv-1')).filter(
      (event) => event.metric === METRICS.conversationEscalated,
    );
    expect([...receiver.accepted.keys()]).toEqual([escalated!.id]);
    expect(receiver.requests).toHaveLength(1);
  });

  it("forwards an event a client created through POST /api/events with its profile's identifiers and value", async () => {
    const { hub, receiver } = await forwardingHub({ metrics: ['Placed Order'] });
    const key = issueTestKey(hub.dataDir);
    const created = await klaviyoFetch(hub.url, '/api/events', key, {
      body: eventBody({
        metric: 'Placed Order',
        profile: { external_id: 'shop-42', phone_number: '+46701234567' },
        properties: { OrderId: 'A-1' },
        value: 499,
        time: '2026-01-10T10:00:00+00:00',
      }),
    });
    expect(created.status).toBe(202);
    await expect.poll(() => receiver.accepted.size).toBe(1);
    const response = await api(hub.url, '/api/v1/events?limit=1000');
    const { events } = (await response.json()) as { events: { id: string; metric: string }[] };
    const order = events.find((event) => event.metric === 'Placed Order')!;
    const [request] = [...receiver.accepted.values()];
    expect(klaviyoCreateEventSchema.parse(JSON.parse(request!.body)).data.attributes).toMatchObject({
      properties: { OrderId: 'A-1' },
      value: 499,
      unique_id: order.id,
      metric: { data: { type: 'metric', attributes: { name: 'Placed Order' } } },
      profile: {
        data: { type: 'profile', attributes: { external_id: 'shop-42', phone_number: '+46701234567' } },
      },
    });
  });

  it('shows leads its state (disabled when not configured), refuses agents and requests without a session', async () => {
    const { hub, agentToken, leadToken, forwardingState } = await outboundHub(startHub);
    expect(await forwardingState()).toEqual({
      enabled: false,
      url: null,
      metrics: [...DEFAULT_FORWARDED_METRICS],
      lagEvents: 0,
      lastDeliveredAt: null,
      lastError: null,
      nextAttemptAt: null,
      failedEvents: [],
      failedEventCount: 0,
    });
    const asAgent = await api(hub.url, FORWARDING_PATH, { token: agentToken });
    expect(asAgent.status).toBe(403);
    expect((await errorOf(asAgent)).error).toBe('forbidden');
    expect((await api(hub.url, FORWARDING_PATH, { token: null })).status).toBe(401);
    expect((await api(hub.url, `${FORWARDING_PATH}/deliveries`, { token: agentToken })).status).toBe(403);
    const badQuery = await api(hub.url, `${FORWARDING_PATH}/deliveries?limit=0`, {
      token: leadToken,
    });
    expect(badQuery.status).toBe(400);
    expect((await errorOf(badQuery)).issues?.[0]?.path).toBe('limit');
  });
});
