// The Klaviyo-compatible events API's shapes and every error, against a real hub: JSON:API resources parsed
// with shared/klaviyo-api.ts, Klaviyo's error objects with numeric status and pointers, keys and revisions.
import { describe, expect, it } from 'vitest';
import {
  eventResponseSchema,
  eventsListResponseSchema,
  metricResponseSchema,
  metricsListResponseSchema,
  profileResponseSchema,
} from '../../shared/klaviyo-api.js';
import { testHubForFile } from '../testing/hub-fixture.js';
import { revokeEventsApiKey } from './api-keys.js';
import { errorsOf, eventBody, issueTestKey, klaviyoFetch, parsed } from './events-api-test-kit.js';

const START = Date.parse('2026-05-04T10:00:00.000Z');
const hub = testHubForFile([], { startAt: START });
let key = '';
const kfetch = (path: string, init: Parameters<typeof klaviyoFetch>[3] = {}) =>
  klaviyoFetch(hub.url, path, key, init);

describe('keys and revisions', () => {
  it('answers 401 in Klaviyo’s shape without a key, with another scheme, with a wrong key and with a revoked one', async () => {
    key = issueTestKey(hub.dataDir, 'contract');
    const missing = await errorsOf(await kfetch('/api/events', { key: null }), 401);
    expect(missing).toEqual([
      {
        id: expect.any(String),
        status: 401,
        code: 'not_authenticated',
        title: 'Authentication credentials were not provided.',
        detail: 'Missing or invalid authorization scheme. Please use Klaviyo-API-Key.',
        source: { pointer: '/data/' },
        meta: {},
      },
    ]);
    const bearer = await kfetch('/api/events', { key: null, headers: { authorization: `Bearer ${key}` } });
    expect((await errorsOf(bearer, 401))[0]?.code).toBe('not_authenticated');
    const wrong = await errorsOf(await kfetch('/api/metrics', { key: 'pk_not-a-key' }), 401);
    expect(wrong[0]).toMatchObject({ status: 401, code: 'authentication_failed' });
    // A write without a key writes nothing.
    const refused = await kfetch('/api/events', {
      key: 'pk_not-a-key',
      body: eventBody({ metric: 'Placed Order', profile: { email: 'x@example.com' } }),
    });
    expect(refused.status).toBe(401);

    const revoked = issueTestKey(hub.dataDir, 'to revoke');
    expect((await kfetch('/api/metrics', { key: revoked })).status).toBe(200);
    expect(revokeEventsApiKey(hub.dataDir, 'to revoke')).toBe(true);
    expect((await errorsOf(await kfetch('/api/metrics', { key: revoked }), 401))[0]?.code).toBe(
      'authentication_failed',
    );
    const metrics = await parsed(await kfetch('/api/metrics'), metricsListResponseSchema);
    expect(metrics.data.map((metric) => metric.attributes.name)).not.toContain('Placed Order');
  });

  it('accepts any revision date (or none) and refuses one that is not a date with 400 naming the header', async () => {
    for (const revision of ['2024-10-15', '2025-07-15', '2024-10-15.pre']) {
      expect((await kfetch('/api/metrics', { headers: { revision } })).status).toBe(200);
    }
    const headers = await kfetch('/api/metrics', { headers: { revision: '' } });
    expect(headers.status).toBe(400);
    const invalid = await errorsOf(
      await kfetch('/api/metrics', { headers: { revision: '2024-13-45' } }),
      400,
    );
    expect(invalid[0]).toMatchObject({
      status: 400,
      code: 'invalid',
      source: { header: 'revision' },
      detail: expect.stringContaining('2024-13-45'),
    });
    expect((await kfetch('/api/metrics', { headers: { revision: 'latest' } })).status).toBe(400);
  });
});

describe('POST /api/events', () => {
  it('answers 202 with no body, and the event, its metric and its profile read back in Klaviyo’s shapes', async () => {
    const created = await kfetch('/api/events', {
      body: eventBody({
        metric: 'Viewed Product',
        profile: { email: 'Sarah.Mason@klaviyo-demo.com', first_name: 'Sarah', properties: { tier: 'gold' } },
        properties: { ProductName: 'Winnie the Pooh', Price: 9.99 },
        time: '2026-05-04T09:30:00.750Z',
        value: 9.99,
        uniqueId: 'view-1',
      }),
    });
    expect(created.status).toBe(202);
    expect(await created.text()).toBe('');

    const list = await parsed(await kfetch('/api/events'), eventsListResponseSchema);
    expect(list.data).toHaveLength(1);
    const [event] = list.data;
    expect(event).toEqual({
      type: 'event',
      id: expect.any(String),
      attributes: {
        // Truncated to the second, as Klaviyo does.
        timestamp: Date.parse('2026-05-04T09:30:00Z') / 1000,
        datetime: '2026-05-04T09:30:00+00:00',
        uuid: event?.id,
        event_properties: { ProductName: 'Winnie the Pooh', Price: 9.99, $value: 9.99, $event_id: 'view-1' },
      },
      relationships: {
        metric: { data: { type: 'metric', id: expect.stringMatching(/^[A-Za-z0-9]{6}$/) } },
        profile: { data: { type: 'profile', id: expect.stringMatching(/^[0-9A-HJKMNP-TV-Z]{26}$/) } },
      },
      links: { self: `${hub.url}/api/events/${event?.id}/` },
    });
    expect(list.links).toEqual({ self: `${hub.url}/api/events`, next: null, prev: null });

    const single = await parsed(await kfetch(`/api/events/${event?.id}`), eventResponseSchema);
    expect(single.data).toEqual(event);
    const metricId = event?.relationships.metric.data?.id ?? '';
    const metric = await parsed(await kfetch(`/api/metrics/${metricId}/`), metricResponseSchema);
    expect(metric.data).toEqual({
      type: 'metric',
      id: metricId,
      attributes: {
        name: 'Viewed Product',
        created: '2026-05-04T10:00:00+00:00',
        updated: '2026-05-04T10:00:00+00:00',
        integration: { object: 'integration', id: 'api', key: 'api', name: 'API', category: 'API' },
      },
      links: { self: `${hub.url}/api/metrics/${metricId}/` },
    });
    const profileId = event?.relationships.profile.data?.id ?? '';
    const profile = await parsed(await kfetch(`/api/profiles/${profileId}`), profileResponseSchema);
    expect(profile.data).toEqual({
      type: 'profile',
      id: profileId,
      attributes: {
        email: 'Sarah.Mason@klaviyo-demo.com',
        phone_number: null,
        external_id: null,
        first_name: 'Sarah',
        last_name: null,
        organization: null,
        locale: null,
        title: null,
        image: null,
        created: '2026-05-04T10:00:00+00:00',
        updated: '2026-05-04T10:00:00+00:00',
        last_event_date: '2026-05-04T09:30:00+00:00',
        location: null,
        properties: { tier: 'gold' },
      },
      links: { self: `${hub.url}/api/profiles/${profileId}/` },
    });
  });

  it('defaults time to the hub’s now and unique_id to a new one (two identical bodies make two events)', async () => {
    const body = eventBody({ metric: 'Clicked Link', profile: { external_id: 'crm-7' } });
    expect((await kfetch('/api/events', { body })).status).toBe(202);
    expect((await kfetch('/api/events', { body })).status).toBe(202);
    const metrics = await parsed(await kfetch('/api/metrics'), metricsListResponseSchema);
    const clicked = metrics.data.find((metric) => metric.attributes.name === 'Clicked Link');
    const list = await parsed(
      await kfetch(`/api/events?filter=${encodeURIComponent(`equals(metric_id,"${clicked?.id}")`)}`),
      eventsListResponseSchema,
    );
    expect(list.data.map((event) => event.attributes.datetime)).toEqual([
      '2026-05-04T10:00:00+00:00',
      '2026-05-04T10:00:00+00:00',
    ]);
    expect(list.data.every((event) => !('$event_id' in event.attributes.event_properties))).toBe(true);
  });

  it('refuses invalid bodies with 400: one error per problem, each with a JSON pointer', async () => {
    const errors = await errorsOf(
      await kfetch('/api/events', {
        body: {
          data: {
            type: 'event',
            attributes: {
              properties: {},
              value: 'ten',
              unqiue_id: 'typo',
              metric: { data: { type: 'metric', attributes: {} } },
              profile: { data: { type: 'profile', attributes: { phone_number: '0701234567' } } },
            },
          },
        },
      }),
      400,
    );
    expect(errors.map((error) => [error.source?.pointer, error.code, error.status])).toEqual(
      expect.arrayContaining([
        ['/data/attributes/value', 'invalid', 400],
        ['/data/attributes/unqiue_id', 'invalid', 400],
        ['/data/attributes/metric/data/attributes/name', 'invalid', 400],
        ['/data/attributes/profile/data/attributes/phone_number', 'invalid', 400],
      ]),
    );
    expect(errors.find((error) => error.source?.pointer?.endsWith('/name'))?.detail).toBe(
      "'name' is a required field.",
    );
    expect(errors.every((error) => error.title === 'Invalid input.')).toBe(true);

    const noIdentifier = await errorsOf(
      await kfetch('/api/events', {
        body: eventBody({ metric: 'Viewed Product', profile: { first_name: 'Anon' } }),
      }),
      400,
    );
    expect(noIdentifier[0]).toMatchObject({
      source: { pointer: '/data/attributes/profile/data' },
      detail: expect.stringContaining('at least one identifier'),
    });
    const tooOld = await errorsOf(
      await kfetch('/api/events', {
        body: eventBody({
          metric: 'Viewed Product',
          profile: { email: 'a@example.com' },
          time: '1999-12-31T23:00:00Z',
        }),
      }),
      400,
    );
    expect(tooOld[0]?.source?.pointer).toBe('/data/attributes/time');
    const wrongType = await errorsOf(
      await kfetch('/api/events', { body: { data: { type: 'profile' } } }),
      400,
    );
    expect(wrongType.map((error) => error.source?.pointer)).toContain('/data/type');
    // The hub's own metrics keep their properties' shape.
    const hubMetric = await errorsOf(
      await kfetch('/api/events', {
        body: eventBody({
          metric: 'Conversation Escalated',
          profile: { email: 'a@example.com' },
          properties: { conversation_id: 'c1', channel: 'fax' },
        }),
      }),
      400,
    );
    expect(hubMetric.map((error) => error.source?.pointer)).toEqual(
      expect.arrayContaining([
        '/data/attributes/properties/channel',
        '/data/attributes/properties/escalation_reason',
      ]),
    );
  });

  it('refuses malformed JSON (400 parse_error), bodies over 1 MiB (413) and bodies that are not JSON (415)', async () => {
    const malformed = await errorsOf(await kfetch('/api/events', { body: '{"data": ' }), 400);
    expect(malformed[0]).toMatchObject({ status: 400, code: 'parse_error' });
    const huge = eventBody({
      metric: 'Viewed Product',
      profile: { email: 'big@example.com' },
      properties: { blob: 'x'.repeat(1024 * 1024) },
    });
    const tooLarge = await errorsOf(await kfetch('/api/events', { body: huge }), 413);
    expect(tooLarge[0]).toMatchObject({ status: 413, code: 'request_too_large' });
    const plain = await kfetch('/api/events', { body: 'hello', headers: { 'content-type': 'text/plain' } });
    expect((await errorsOf(plain, 415))[0]?.status).toBe(415);
    // application/json works as well as JSON:API's media type.
    const json = await kfetch('/api/events', {
      body: eventBody({ metric: 'Viewed Product', profile: { email: 'json@example.com' } }),
      headers: { 'content-type': 'application/json; charset=utf-8' },
    });
    expect(json.status).toBe(202);
  });
});

describe('GET errors', () => {
  it('answers 404 in Klaviyo’s shape for an unknown event, metric or profile', async () => {
    for (const [path, kind] of [
      ['/api/events/nope', 'event'],
      ['/api/metrics/XXXXXX/', 'metric'],
      ['/api/profiles/01ZZZZZZZZZZZZZZZZZZZZZZZZ', 'profile'],
    ] as const) {
      const [error] = await errorsOf(await kfetch(path), 404);
      expect(error).toMatchObject({ status: 404, code: 'not_found', title: 'Not found.' });
      expect(error?.detail).toContain(kind);
    }
  });

  it('answers 400 naming the parameter for unsupported filters, sorts, sizes, cursors, includes and fields', async () => {
    const cases: [string, string, RegExp][] = [
      ['filter=equals(datetime,2026-01-01T00:00:00Z)', 'filter', /Unsupported filter: equals\(datetime/],
      ['filter=has(profile)', 'filter', /Unsupported filter: has\(profile\)/],
      ['filter=equals(metric_id,"a"', 'filter', /expected/],
      ['filter=greater-than(datetime,yesterday)', 'filter', /ISO 8601/],
      ['sort=-created', 'sort', /not a valid sort/],
      ['page[size]=201', 'page[size]', /1 to 200/],
      ['page[cursor]=garbage', 'page[cursor]', /not a cursor/],
      ['include=attributions', 'include', /attributions/],
      ['fields[event]=datetime,colour', 'fields[event]', /colour/],
      ['page[number]=2', 'page[number]', /not a valid parameter/],
    ];
    for (const [query, parameter, detail] of cases) {
      const [error] = await errorsOf(await kfetch(`/api/events?${query}`), 400);
      expect(error, query).toMatchObject({ status: 400, code: 'invalid', source: { parameter } });
      expect(error?.detail, query).toMatch(detail);
    }
    const [metricsFilter] = await errorsOf(await kfetch('/api/metrics?filter=equals(name,"x")'), 400);
    expect(metricsFilter?.detail).toMatch(/Unsupported filter: equals\(name/);
  });
});
