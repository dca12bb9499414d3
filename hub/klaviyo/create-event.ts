// Environment: Node (hub). POST /api/events: one event for a profile, created or matched by identifier, and
// a metric, created by name. A repeated unique_id for the same profile and metric keeps the first event only.
import { randomUUID } from 'node:crypto';
import { metricPropertiesSchemas, type MetricName } from '../../shared/events.js';
import { createEventRequestSchema, type KlaviyoError } from '../../shared/klaviyo-api.js';
import { isoAt } from '../core/clock.js';
import type { HubStore } from '../store/hub-store.js';
import type { StreamEvent } from '../../shared/events.js';
import { bodyErrors, klaviyoError } from './klaviyo-errors.js';

export type CreateEventOutcome =
  | { kind: 'created'; event: StreamEvent }
  /** The same unique_id for the same profile and metric was seen before: nothing was written. */
  | { kind: 'duplicate' }
  | { kind: 'invalid'; errors: KlaviyoError[] };

const YEAR_MS = 366 * 24 * 60 * 60 * 1000;
const EARLIEST = Date.parse('2000-01-01T00:00:00Z');
const ATTRIBUTES = '/data/attributes';

function isHubMetric(name: string): name is MetricName {
  return Object.hasOwn(metricPropertiesSchemas, name);
}

/** The event's time in the hub's form, truncated to the second as Klaviyo does; null if out of range. */
function eventTime(time: string | null | undefined, nowMs: number): string | null {
  // A time without an offset is UTC (Date.parse would read it as local time).
  const ms = time ? Date.parse(/(Z|[+-]\d{2}(:?\d{2})?)$/i.test(time) ? time : `${time}Z`) : nowMs;
  if (Number.isNaN(ms) || ms < EARLIEST || ms > nowMs + YEAR_MS) return null;
  return isoAt(Math.floor(ms / 1000) * 1000);
}

export function createEvent(store: HubStore, body: unknown, nowMs: number): CreateEventOutcome {
  const parsed = createEventRequestSchema.safeParse(body);
  if (!parsed.success) return { kind: 'invalid', errors: bodyErrors(parsed.error) };
  const { attributes } = parsed.data.data;
  const metricName = attributes.metric.data.attributes.name;
  const profileData = attributes.profile.data;

  const errors: KlaviyoError[] = [];
  const time = eventTime(attributes.time, nowMs);
  if (time === null) {
    errors.push(
      klaviyoError(400, 'invalid', "'time' must be after the year 2000 and at most a year in the future.", {
        pointer: `${ATTRIBUTES}/time`,
      }),
    );
  }
  // The hub's own metrics keep their properties' shape, whoever sends them (the monitor and segments read them).
  if (isHubMetric(metricName)) {
    const checked = metricPropertiesSchemas[metricName].safeParse(attributes.properties);
    if (!checked.success) {
      for (const issue of checked.error.issues) {
        errors.push(
          klaviyoError(
            400,
            'invalid',
            `'${metricName}' events carry the hub's properties: ${issue.path.map(String).join('.') || 'properties'}: ${issue.message}.`,
            { pointer: `${ATTRIBUTES}/properties/${issue.path.map(String).join('/')}`.replace(/\/$/, '') },
          ),
        );
      }
    }
  }
  if (errors.length > 0 || time === null) return { kind: 'invalid', errors };

  const properties: Record<string, unknown> = { ...attributes.properties };
  if (attributes.value_currency) properties.$value_currency = attributes.value_currency;
  const profileAttributes = profileData.attributes;
  const now = isoAt(nowMs);
  const id = randomUUID();
  return store.transaction((): CreateEventOutcome => {
    store.klaviyo.ensureMetric(metricName, 'api', now);
    const profile = store.klaviyo.upsertProfile(
      {
        id: profileData.id,
        email: profileAttributes.email,
        phoneNumber: profileAttributes.phone_number,
        externalId: profileAttributes.external_id,
      },
      {
        first_name: profileAttributes.first_name ?? undefined,
        last_name: profileAttributes.last_name ?? undefined,
        organization: profileAttributes.organization ?? undefined,
        title: profileAttributes.title ?? undefined,
        image: profileAttributes.image ?? undefined,
        locale: profileAttributes.locale ?? undefined,
        location: profileAttributes.location ?? undefined,
        properties: profileAttributes.properties ?? undefined,
      },
      now,
    );
    const event = store.appendEventOnce({
      id,
      metric: metricName,
      time,
      profile: { email: profile.email, profileId: profile.id },
      conversationId: null,
      properties,
      value: attributes.value ?? null,
      uniqueId: attributes.unique_id ?? id,
      profileRef: profile.id,
    });
    return event ? { kind: 'created', event } : { kind: 'duplicate' };
  });
}
