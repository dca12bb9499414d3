// Segments and the outbound state through the desk core, against a real hub: the shopper's segments come with
// the shopper's history (and stay as the last known copy offline), follow events posted through the
// Klaviyo-compatible API, every account lists the segments, a lead defines and deletes one, an agent is refused.
import { describe, expect, it, vi } from 'vitest';
import { DEMO_EVENTS_API_KEY, EVENTS_PATH } from '../../shared/klaviyo-api.js';
import { eventBody, klaviyoFetch } from '../../hub/klaviyo/events-api-test-kit.js';
import { METRICS } from '../../shared/events.js';
import type { DeskCore } from './desk-core.js';
import {
  handoffReceivedBy,
  hubsAndAgentsClosedAfterEach,
  sampleHandoff,
  waitForConnection,
} from './test-support/hub-harness.js';

const { hubForTest, agent } = hubsAndAgentsClosedAfterEach();

/** Posts one event for the shopper with `email`, exactly as a Klaviyo client would. */
async function postEvent(hubUrl: string, email: string, metric: string, properties: Record<string, unknown>) {
  const response = await klaviyoFetch(hubUrl, EVENTS_PATH, DEMO_EVENTS_API_KEY, {
    body: eventBody({ metric, profile: { email }, properties }),
  });
  expect(response.status, await response.clone().text()).toBe(202);
}

async function segmentIdsOf(core: DeskCore, conversationId: string): Promise<string[]> {
  const history = await core.shopperHistory({ conversationId });
  if (!history.ok) throw new Error(`shopperHistory failed: ${history.error.message}`);
  return history.value.segments.map((segment) => segment.id).sort();
}

describe('segments in the desk core', () => {
  it('the shopper’s segments follow the events posted for them, and stay as the last copy offline', async () => {
    const hub = await hubForTest();
    const alex = await agent(hub, 'agent1@demo.test');
    const conversationId = await handoffReceivedBy(hub.url, 'segments', alex);
    const email = sampleHandoff(conversationId).shopper.email;
    // The handoff itself is a Conversation Escalated event.
    await vi.waitFor(async () =>
      expect(await segmentIdsOf(alex, conversationId)).toEqual(['recently-escalated']),
    );

    const base = { conversation_id: conversationId, channel: 'sms' };
    // Posted without a time (the current second), as is the order below: often the same second, and the order
    // still counts as after the recommendation (the hub orders by the stream).
    await postEvent(hub.url, email, METRICS.receivedProductRecommendation, { ...base, products: ['SKU-1'] });
    await vi.waitFor(async () =>
      expect(await segmentIdsOf(alex, conversationId)).toEqual([
        'recently-escalated',
        'recommended-no-order',
      ]),
    );
    const withNames = await alex.shopperHistory({ conversationId });
    expect(withNames.ok && withNames.value.segments).toContainEqual({
      id: 'recommended-no-order',
      name: 'Got a recommendation, no order since',
    });

    await postEvent(hub.url, email, 'Placed Order', { order_id: '4412', total: 499 });
    await vi.waitFor(async () =>
      expect(await segmentIdsOf(alex, conversationId)).toEqual(['recently-escalated']),
    );

    const reconnecting = waitForConnection(alex, 'reconnecting');
    await hub.close();
    await reconnecting;
    expect(await alex.shopperHistory({ conversationId })).toMatchObject({
      ok: true,
      value: { cached: true, segments: [{ id: 'recently-escalated' }] },
    });
    const offline = { ok: false, error: { code: 'offline', message: expect.any(String) } };
    expect(await alex.listSegments({})).toEqual(offline);
    expect(await alex.outboundState({})).toEqual(offline);
  });

  it('every account lists the segments; a lead creates and deletes one; an agent is refused', async () => {
    const hub = await hubForTest();
    const alex = await agent(hub, 'agent1@demo.test');
    const maria = await agent(hub, 'lead@demo.test');
    await handoffReceivedBy(hub.url, 'segments-lead', alex, maria);

    const listed = await alex.listSegments({});
    expect(listed.ok && listed.value.map((segment) => [segment.id, segment.builtIn])).toEqual(
      expect.arrayContaining([
        ['recommended-no-order', true],
        ['recently-escalated', true],
        ['resolved-and-ordered', true],
      ]),
    );

    const definition = {
      name: 'Escalated ever',
      conditions: [
        {
          kind: 'metric_count' as const,
          metric: METRICS.conversationEscalated,
          comparison: 'at_least' as const,
          count: 1,
          withinDays: null,
        },
      ],
    };
    expect(await alex.createSegment(definition)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const created = await maria.createSegment(definition);
    expect(created).toMatchObject({ ok: true, value: { name: 'Escalated ever', builtIn: false } });
    if (!created.ok) return;
    // Evaluated over the stream at once, and as events arrive: the next shopper handed off joins it.
    const countOf = async (id: string) => {
      const listing = await maria.listSegments({});
      return listing.ok ? listing.value.find((segment) => segment.id === id)?.memberCount : undefined;
    };
    const before = created.value.memberCount;
    expect(before).toBeGreaterThanOrEqual(1);
    expect(await countOf(created.value.id)).toBe(before);
    await handoffReceivedBy(hub.url, 'segments-next', maria);
    await vi.waitFor(async () => expect(await countOf(created.value.id)).toBe(before + 1));

    expect(await alex.deleteSegment({ id: created.value.id })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await maria.deleteSegment({ id: 'recently-escalated' })).toMatchObject({ ok: false });
    expect(await maria.deleteSegment({ id: created.value.id })).toEqual({ ok: true, value: {} });
    const after = await maria.listSegments({});
    expect(after.ok && after.value.map((segment) => segment.id)).not.toContain(created.value.id);

    expect(await alex.outboundState({})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await maria.outboundState({})).toMatchObject({
      ok: true,
      value: { forwarding: { enabled: false, url: null }, webhooks: [] },
    });
  });
});
