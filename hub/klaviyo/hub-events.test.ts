// Every event the hub itself records (the Customer Agent's escalation, the humans' outcomes) is readable
// through GET /api/events with the same names, times and properties as the walking skeleton's stream, on its
// shopper's profile (their Klaviyo profile ID when the handoff gave one, else one found by email); the
// integration API's GET /api/v1/events is unchanged.
import { describe, expect, it } from 'vitest';
import { eventsResponseSchema } from '../../shared/handoff-api.js';
import {
  eventsListResponseSchema,
  metricResponseSchema,
  profileResponseSchema,
} from '../../shared/klaviyo-api.js';
import { api, connectAs, handoffRequest, testHubForFile } from '../testing/hub-fixture.js';
import { allPages, issueTestKey, klaviyoFetch, parsed } from './events-api-test-kit.js';

const hub = testHubForFile([['ida@example.com', 'Ida Agent']], {
  startAt: Date.parse('2026-02-02T09:00:00Z'),
});

describe('the hub’s own events', () => {
  it('are the same events through both APIs, attributed to profiles and metrics', async () => {
    const key = issueTestKey(hub.dataDir, 'hub events');
    expect((await api(hub.url, '/api/v1/handoffs', { body: handoffRequest('conv-1') })).status).toBe(201);
    const ida = await connectAs(hub.url, 'ida@example.com');
    hub.advance(90_000);
    expect((await ida.command({ id: 'claim-1', type: 'claim', conversationId: 'conv-1' })).ok).toBe(true);
    hub.advance(60_000);
    expect(
      (await ida.command({ id: 'resolve-1', type: 'resolve', conversationId: 'conv-1', tags: ['refund'] }))
        .ok,
    ).toBe(true);
    // The same shopper by email only, and a shopper nobody knows.
    await api(hub.url, '/api/v1/handoffs', {
      body: handoffRequest('conv-2', { shopper: { email: 'NORA.EK@example.se' } }),
    });
    await api(hub.url, '/api/v1/handoffs', {
      body: handoffRequest('conv-3', { shopper: { name: 'Anonymous' } }),
    });

    const v1 = eventsResponseSchema.parse(
      await (await api(hub.url, '/api/v1/events?after=0&limit=100')).json(),
    );
    // Unchanged: the integration API shows exactly the stream's fields.
    for (const event of v1.events) {
      expect(Object.keys(event).sort()).toEqual([
        'id',
        'metric',
        'position',
        'profile',
        'properties',
        'time',
      ]);
    }
    expect(v1.events.map((event) => event.metric)).toEqual([
      'Conversation Escalated',
      // Nobody was online when it came in.
      'Handoff Missed',
      'Handoff Accepted',
      'Handoff Resolved',
      'Conversation Escalated',
      'Conversation Escalated',
    ]);

    const pages = await allPages(hub.url, '/api/events?include=metric', key);
    const events = pages.flatMap((page) => page.data);
    const metricNames = new Map(
      pages.flatMap((page) => page.included ?? []).map((metric) => [metric.id, metric.attributes.name]),
    );
    expect(
      events.map((event) => ({
        id: event.id,
        metric: metricNames.get(event.relationships.metric.data?.id ?? ''),
        time: new Date(event.attributes.datetime).toISOString(),
        properties: event.attributes.event_properties,
      })),
    ).toEqual(
      v1.events.map((event) => ({
        id: event.id,
        metric: event.metric,
        time: event.time,
        properties: event.properties,
      })),
    );
    expect(events.map((event) => event.relationships.profile.data?.id ?? null)).toEqual([
      'PROFILE-1',
      'PROFILE-1',
      'PROFILE-1',
      'PROFILE-1',
      'PROFILE-1',
      null,
    ]);

    const profile = await parsed(
      await klaviyoFetch(hub.url, '/api/profiles/PROFILE-1', key),
      profileResponseSchema,
    );
    expect(profile.data.attributes).toMatchObject({
      email: 'nora.ek@example.se',
      created: '2026-02-02T09:00:00+00:00',
    });
    const accepted = events[2]!;
    const metric = await parsed(
      await klaviyoFetch(hub.url, `/api/metrics/${accepted.relationships.metric.data?.id}`, key),
      metricResponseSchema,
    );
    expect(metric.data.attributes).toMatchObject({
      name: 'Handoff Accepted',
      integration: { key: 'handoff_desk', name: 'Handoff Desk' },
    });
    expect(accepted.attributes.event_properties).toMatchObject({
      agent_id: expect.any(String),
      wait_seconds: 90,
    });
  });

  it('appear at once: an outcome recorded by the hub is on the next GET', async () => {
    const key = issueTestKey(hub.dataDir, 'at once');
    await api(hub.url, '/api/v1/handoffs', {
      body: handoffRequest('conv-4', { shopper: { email: 'new@example.se' } }),
    });
    const list = await parsed(
      await klaviyoFetch(hub.url, '/api/events?sort=-datetime&page[size]=1', key),
      eventsListResponseSchema,
    );
    expect(list.data[0]?.attributes.event_properties).toMatchObject({ conversation_id: 'conv-4' });
  });
});
