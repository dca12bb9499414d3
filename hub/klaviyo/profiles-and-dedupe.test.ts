// Profiles are created or matched by identifier (id, email in any case, phone number, external id) with their
// attributes merged; a repeated unique_id for the same profile and metric keeps the first event only.
import { describe, expect, it } from 'vitest';
import {
  eventsListResponseSchema,
  metricsListResponseSchema,
  profileResponseSchema,
} from '../../shared/klaviyo-api.js';
import { testHubForFile } from '../testing/hub-fixture.js';
import { eventBody, issueTestKey, klaviyoFetch, parsed } from './events-api-test-kit.js';

const hub = testHubForFile([], { startAt: Date.parse('2026-06-01T08:00:00Z') });
let key = '';
const post = async (body: unknown) => {
  key ||= issueTestKey(hub.dataDir, 'profiles');
  const response = await klaviyoFetch(hub.url, '/api/events', key, { body });
  expect(response.status, await response.clone().text()).toBe(202);
};
const get = (path: string) => klaviyoFetch(hub.url, path, key);

async function eventsOfMetric(name: string) {
  const metrics = await parsed(await get('/api/metrics'), metricsListResponseSchema);
  const metric = metrics.data.find((candidate) => candidate.attributes.name === name);
  if (!metric) return [];
  const filter = encodeURIComponent(`equals(metric_id,"${metric.id}")`);
  return (await parsed(await get(`/api/events?filter=${filter}`), eventsListResponseSchema)).data;
}
const profileOf = (event: { relationships: { profile: { data: { id: string } | null } } }) =>
  event.relationships.profile.data?.id ?? 'none';

describe('profile matching', () => {
  it('matches by email in any case, by phone number and by external id, merging identifiers and attributes', async () => {
    await post(eventBody({ metric: 'Signed Up', profile: { email: 'Lina@Example.se', first_name: 'Lina' } }));
    await post(
      eventBody({
        metric: 'Signed Up',
        profile: { email: 'lina@example.se', phone_number: '+46701234567', properties: { plan: 'gold' } },
      }),
    );
    await post(
      eventBody({
        metric: 'Signed Up',
        profile: {
          phone_number: '+46701234567',
          external_id: 'shop-42',
          last_name: 'Berg',
          properties: { vip: true },
        },
      }),
    );
    await post(
      eventBody({ metric: 'Signed Up', profile: { external_id: 'shop-42', first_name: 'Lina M.' } }),
    );
    const events = await eventsOfMetric('Signed Up');
    expect(events).toHaveLength(4);
    const ids = new Set(events.map(profileOf));
    expect(ids.size).toBe(1);
    const [profileId] = ids;
    const profile = await parsed(await get(`/api/profiles/${profileId}`), profileResponseSchema);
    expect(profile.data.attributes).toMatchObject({
      email: 'Lina@Example.se',
      phone_number: '+46701234567',
      external_id: 'shop-42',
      first_name: 'Lina M.',
      last_name: 'Berg',
      properties: { plan: 'gold', vip: true },
      created: '2026-06-01T08:00:00+00:00',
    });
  });

  it('matches by profile id first, creates a profile with a given id, and never moves an identifier another profile holds', async () => {
    await post(
      eventBody({
        metric: 'Viewed Page',
        profileId: 'PROFILE-FROM-KLAVIYO',
        profile: { email: 'ove@example.se' },
      }),
    );
    await post(eventBody({ metric: 'Viewed Page', profile: { email: 'kim@example.se' } }));
    // The id wins; kim's email stays kim's.
    await post(
      eventBody({
        metric: 'Viewed Page',
        profileId: 'PROFILE-FROM-KLAVIYO',
        profile: { email: 'kim@example.se' },
      }),
    );
    const events = await eventsOfMetric('Viewed Page');
    expect(events.map(profileOf)).toEqual([
      'PROFILE-FROM-KLAVIYO',
      expect.any(String),
      'PROFILE-FROM-KLAVIYO',
    ]);
    const ove = await parsed(await get('/api/profiles/PROFILE-FROM-KLAVIYO'), profileResponseSchema);
    expect(ove.data.attributes.email).toBe('ove@example.se');
    const kim = await parsed(await get(`/api/profiles/${profileOf(events[1]!)}`), profileResponseSchema);
    expect(kim.data.attributes.email).toBe('kim@example.se');
  });
});

describe('unique_id', () => {
  it('keeps the first event for the same unique_id, profile and metric; another profile or metric is another event', async () => {
    const order = (email: string, uniqueId: string, total: number, metric = 'Placed Order') =>
      eventBody({ metric, profile: { email }, uniqueId, value: total, properties: { total } });
    await post(order('asa@example.se', 'order-1', 100));
    await post(order('ASA@example.se', 'order-1', 999));
    await post(order('asa@example.se', 'order-2', 200));
    await post(order('bo@example.se', 'order-1', 300));
    await post(order('asa@example.se', 'order-1', 400, 'Refunded Order'));
    const placed = await eventsOfMetric('Placed Order');
    expect(
      placed.map((event) => [
        event.attributes.event_properties.total,
        event.attributes.event_properties.$event_id,
      ]),
    ).toEqual([
      [100, 'order-1'],
      [200, 'order-2'],
      [300, 'order-1'],
    ]);
    expect(await eventsOfMetric('Refunded Order')).toHaveLength(1);
    // The stream the integration API reads holds no duplicate either.
    const stream = await fetch(`${hub.url}/api/v1/events?after=0&limit=500`, {
      headers: { authorization: 'Bearer test-integration-token' },
    });
    const { events } = (await stream.json()) as {
      events: { metric: string; properties: { total?: number } }[];
    };
    expect(
      events.filter((event) => event.metric === 'Placed Order').map((event) => event.properties.total),
    ).toEqual([100, 200, 300]);
  });
});
