// Environment: Node (hub). The hub's records as Klaviyo's JSON:API resources (shared/klaviyo-api.ts).
import type { EventResource, MetricResource, ProfileResource } from '../../shared/klaviyo-api.js';
import { EVENTS_PATH, METRICS_PATH, PROFILES_PATH } from '../../shared/klaviyo-api.js';
import type { KlaviyoEventRecord, MetricRecord, ProfileRecord } from '../store/klaviyo-store.js';

/** Klaviyo's date-time: 2024-10-15T12:30:00+00:00 (fractional seconds only when there are some). */
export function klaviyoDateTime(iso: string): string {
  const utc = new Date(iso).toISOString();
  const [seconds, fraction] = utc.slice(0, -1).split('.');
  return `${seconds}${fraction && fraction !== '000' ? `.${fraction}` : ''}+00:00`;
}

export function eventResource(event: KlaviyoEventRecord, base: string): EventResource {
  const properties: Record<string, unknown> = { ...event.properties };
  // As Klaviyo shows them: the value, and a unique_id the client chose, among the properties.
  if (event.value !== null) properties.$value = event.value;
  if (event.uniqueId !== null && event.uniqueId !== event.id) properties.$event_id = event.uniqueId;
  return {
    type: 'event',
    id: event.id,
    attributes: {
      timestamp: Math.floor(Date.parse(event.time) / 1000),
      event_properties: properties,
      datetime: klaviyoDateTime(event.time),
      uuid: event.id,
    },
    relationships: {
      metric: { data: { type: 'metric', id: event.metricId } },
      profile: { data: event.profileRef === null ? null : { type: 'profile', id: event.profileRef } },
    },
    links: { self: `${base}${EVENTS_PATH}/${encodeURIComponent(event.id)}/` },
  };
}

const INTEGRATIONS: Record<MetricRecord['integration'], MetricResource['attributes']['integration']> = {
  api: { object: 'integration', id: 'api', key: 'api', name: 'API', category: 'API' },
  handoff_desk: {
    object: 'integration',
    id: 'handoff-desk',
    key: 'handoff_desk',
    name: 'Handoff Desk',
    category: 'Customer Service',
  },
};

export function metricResource(metric: MetricRecord, base: string): MetricResource {
  return {
    type: 'metric',
    id: metric.id,
    attributes: {
      name: metric.name,
      created: klaviyoDateTime(metric.created),
      updated: klaviyoDateTime(metric.updated),
      integration: INTEGRATIONS[metric.integration],
    },
    links: { self: `${base}${METRICS_PATH}/${encodeURIComponent(metric.id)}/` },
  };
}

export function profileResource(profile: ProfileRecord, base: string): ProfileResource {
  const { attributes } = profile;
  return {
    type: 'profile',
    id: profile.id,
    attributes: {
      email: profile.email,
      phone_number: profile.phoneNumber,
      external_id: profile.externalId,
      first_name: attributes.first_name ?? null,
      last_name: attributes.last_name ?? null,
      organization: attributes.organization ?? null,
      locale: attributes.locale ?? null,
      title: attributes.title ?? null,
      image: attributes.image ?? null,
      created: klaviyoDateTime(profile.created),
      updated: klaviyoDateTime(profile.updated),
      last_event_date: profile.lastEventDate === null ? null : klaviyoDateTime(profile.lastEventDate),
      location: attributes.location ?? null,
      properties: attributes.properties ?? {},
    },
    links: { self: `${base}${PROFILES_PATH}/${encodeURIComponent(profile.id)}/` },
  };
}

/** Sparse fieldsets (`fields[event]=datetime,uuid`): only the attributes asked for. */
export function withFields<R extends { attributes: object }>(resource: R, fields: string[] | undefined): R {
  if (!fields) return resource;
  const attributes = Object.fromEntries(
    Object.entries(resource.attributes).filter(([name]) => fields.includes(name)),
  );
  return { ...resource, attributes } as R;
}
