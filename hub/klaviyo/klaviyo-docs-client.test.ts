// A real HTTP client (fetch) driving the hub exactly as Klaviyo's documentation shows: its Create Event
// example body and headers (revision 2024-10-15), then Get Events with a metric filter, `include=profile` and
// sparse fields as Klaviyo's guides write the URL, Get Metrics and Get Profile. Only the base URL differs.
import { describe, expect, it } from 'vitest';
import {
  eventsListResponseSchema,
  metricsListResponseSchema,
  profileResponseSchema,
} from '../../shared/klaviyo-api.js';
import { testHubForFile } from '../testing/hub-fixture.js';
import { issueTestKey, parsed } from './events-api-test-kit.js';

const hub = testHubForFile([], { startAt: Date.parse('2026-05-04T10:00:00Z') });

/** Klaviyo's Create Event example request body. */
const DOCUMENTED_BODY = {
  data: {
    type: 'event',
    attributes: {
      properties: { newKey: 'New Value' },
      time: '2022-11-08T00:00:00',
      value: 9.99,
      value_currency: 'USD',
      unique_id: 'ad7a5d4a-3c8a-4a4e-9b0e-6f4c2b1e8d11',
      metric: { data: { type: 'metric', attributes: { name: 'Viewed Product' } } },
      profile: {
        data: {
          type: 'profile',
          attributes: {
            email: 'sarah.mason@klaviyo-demo.com',
            phone_number: '+15005550006',
            external_id: 'ext-sarah-1',
            first_name: 'Sarah',
            last_name: 'Mason',
            organization: 'Example Corporation',
            locale: 'en-US',
            title: 'Regional Manager',
            image: 'https://images.pexels.com/photos/3760854/pexels-photo-3760854.jpeg',
            location: {
              address1: '89 E 42nd St',
              address2: '1st floor',
              city: 'New York',
              country: 'United States',
              latitude: 'string',
              longitude: 'string',
              region: 'NY',
              zip: '10017',
              timezone: 'America/New_York',
              ip: '127.0.0.1',
            },
            properties: { newKey: 'New Value' },
            meta: { patch_properties: { append: { newKey: 'New Value' } } },
          },
        },
      },
    },
  },
};

describe('a Klaviyo client pointed at the hub', () => {
  it('creates an event with the documented request, then reads it back as the guides do', async () => {
    const key = issueTestKey(hub.dataDir, 'docs client');
    const headers = {
      Authorization: `Klaviyo-API-Key ${key}`,
      accept: 'application/vnd.api+json',
      'content-type': 'application/vnd.api+json',
      revision: '2024-10-15',
    };
    const created = await fetch(`${hub.url}/api/events`, {
      method: 'POST',
      headers,
      body: JSON.stringify(DOCUMENTED_BODY),
    });
    expect(created.status).toBe(202);
    // The same unique_id again (a client retrying): accepted, and the first event is kept alone.
    const retried = await fetch(`${hub.url}/api/events/`, {
      method: 'POST',
      headers,
      body: JSON.stringify(DOCUMENTED_BODY),
    });
    expect(retried.status).toBe(202);

    // Get Metrics, then Get Events for that metric with the profile's email included.
    const readHeaders = {
      Authorization: headers.Authorization,
      accept: 'application/json',
      revision: '2024-10-15',
    };
    const metrics = await parsed(
      await fetch(`${hub.url}/api/metrics/`, { headers: readHeaders }),
      metricsListResponseSchema,
    );
    const viewedProduct = metrics.data.find((metric) => metric.attributes.name === 'Viewed Product');
    expect(viewedProduct?.attributes.integration.name).toBe('API');
    const events = await parsed(
      await fetch(
        `${hub.url}/api/events/?filter=equals(metric_id,"${viewedProduct?.id}")&fields[profile]=email&include=profile`,
        { headers: readHeaders },
      ),
      eventsListResponseSchema,
    );
    expect(events.data).toHaveLength(1);
    const [event] = events.data;
    expect(event?.attributes).toEqual({
      timestamp: Date.parse('2022-11-08T00:00:00Z') / 1000,
      datetime: '2022-11-08T00:00:00+00:00',
      uuid: event?.id,
      event_properties: {
        newKey: 'New Value',
        $value: 9.99,
        $value_currency: 'USD',
        $event_id: 'ad7a5d4a-3c8a-4a4e-9b0e-6f4c2b1e8d11',
      },
    });
    const profileId = event?.relationships.profile.data?.id;
    expect(events.included).toEqual([
      {
        type: 'profile',
        id: profileId,
        attributes: { email: 'sarah.mason@klaviyo-demo.com' },
        links: { self: `${hub.url}/api/profiles/${profileId}/` },
      },
    ]);

    // Sorting as Klaviyo's sorting guide shows it.
    const sorted = await parsed(
      await fetch(`${hub.url}/api/events/?sort=datetime`, { headers: readHeaders }),
      eventsListResponseSchema,
    );
    expect(sorted.data.map((item) => item.id)).toEqual([event?.id]);

    const profile = await parsed(
      await fetch(`${hub.url}/api/profiles/${profileId}/`, { headers: readHeaders }),
      profileResponseSchema,
    );
    expect(profile.data.attributes).toMatchObject({
      email: 'sarah.mason@klaviyo-demo.com',
      phone_number: '+15005550006',
      external_id: 'ext-sarah-1',
      first_name: 'Sarah',
      last_name: 'Mason',
      organization: 'Example Corporation',
      locale: 'en-US',
      title: 'Regional Manager',
      location: { city: 'New York', zip: '10017', timezone: 'America/New_York' },
      properties: { newKey: 'New Value' },
      last_event_date: '2022-11-08T00:00:00+00:00',
    });
  });
});
