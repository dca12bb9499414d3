// Environment: any. The hub's Klaviyo-compatible events API (issue 6): the same JSON:API request and response
// shapes as Klaviyo's public API (revision 2024-10-15 and later), so that Klaviyo clients work against the hub
// by changing only their base URL.
//
// Every request: `Authorization: Klaviyo-API-Key <key>` (keys issued by the hub: `npm run hub --
// add-events-key --name NAME`; the demo hub accepts `demo-events-key`), optionally `revision: YYYY-MM-DD`.
// Routes (each also with a trailing slash, as Klaviyo's links have it):
//   POST /api/events          createEventRequestSchema → 202, no body
//   GET  /api/events          ?filter=…&sort=datetime|-datetime|timestamp|-timestamp&page[cursor]=…&page[size]=1..200
//                             &include=metric,profile&fields[event|metric|profile]=… → eventsListResponseSchema
//   GET  /api/events/:id      → eventResponseSchema
//   GET  /api/metrics         ?filter=equals(integration.name|integration.category,"…")&page[cursor]=…
//                             → metricsListResponseSchema
//   GET  /api/metrics/:id     → metricResponseSchema
//   GET  /api/profiles/:id    → profileResponseSchema
// Errors: klaviyoErrorResponseSchema with the HTTP status (400 invalid input or revision, 401 missing or wrong
// key, 404 unknown id, 413 body over 1 MiB, 415 not JSON).
import { z } from 'zod';

export const EVENTS_PATH = '/api/events';
export const METRICS_PATH = '/api/metrics';
export const PROFILES_PATH = '/api/profiles';
export const KLAVIYO_AUTH_SCHEME = 'Klaviyo-API-Key';
export const DEMO_EVENTS_API_KEY = 'demo-events-key';
/** The revision the hub's responses follow; any YYYY-MM-DD (optionally with a suffix like `.pre`) is accepted. */
export const KLAVIYO_REVISION = '2024-10-15';
export const JSON_API_CONTENT_TYPE = 'application/vnd.api+json';
/** At most this many events (or metrics) a page, and the default. */
export const MAX_PAGE_SIZE = 200;
/** Bodies larger than this are refused with 413. */
export const MAX_EVENT_BODY_BYTES = 1024 * 1024;
/** Klaviyo's limit on an event's properties. */
export const MAX_EVENT_PROPERTIES = 400;

export const revisionSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(\.[a-z]+)?$/, 'expected a revision date such as 2024-10-15')
  .refine((revision) => !Number.isNaN(Date.parse(revision.slice(0, 10))), 'not a calendar date');

/** E.164: a plus, a country code and at most 15 digits in all. */
export const e164Schema = z.string().regex(/^\+[1-9]\d{1,14}$/, 'expected a phone number in E.164 format');

const nullableString = (max: number) => z.string().max(max).nullish();

export const profileLocationSchema = z.strictObject({
  address1: nullableString(500),
  address2: nullableString(500),
  city: nullableString(200),
  country: nullableString(200),
  latitude: z.union([z.number(), z.string().max(50)]).nullish(),
  longitude: z.union([z.number(), z.string().max(50)]).nullish(),
  region: nullableString(200),
  zip: nullableString(50),
  timezone: nullableString(100),
  ip: nullableString(100),
});

/** A profile as POST /api/events names it: at least one of id, email, phone_number, external_id. */
export const eventProfileAttributesSchema = z.strictObject({
  email: z.email().max(320).nullish(),
  phone_number: e164Schema.nullish(),
  external_id: z.string().min(1).max(255).nullish(),
  /** Accepted for compatibility; the hub does not identify profiles by these. */
  anonymous_id: nullableString(255),
  _kx: nullableString(500),
  first_name: nullableString(255),
  last_name: nullableString(255),
  organization: nullableString(255),
  locale: nullableString(50),
  title: nullableString(255),
  image: nullableString(2000),
  location: profileLocationSchema.nullish(),
  properties: z.record(z.string(), z.unknown()).nullish(),
  meta: z.record(z.string(), z.unknown()).nullish(),
});

export const createEventRequestSchema = z.object({
  data: z.strictObject({
    type: z.literal('event'),
    attributes: z.strictObject({
      properties: z
        .record(z.string(), z.unknown())
        .refine((properties) => Object.keys(properties).length <= MAX_EVENT_PROPERTIES, {
          message: `at most ${MAX_EVENT_PROPERTIES} properties`,
        }),
      /** Default: when the hub received it. Truncated to the second, as Klaviyo does. */
      time: z.iso.datetime({ offset: true, local: true }).nullish(),
      value: z.number().finite().nullish(),
      value_currency: z
        .string()
        .regex(/^[A-Z]{3}$/, 'expected an ISO 4217 currency code')
        .nullish(),
      /** Default: a new one. */
      unique_id: z.string().min(1).max(255).nullish(),
      metric: z.strictObject({
        data: z.strictObject({
          type: z.literal('metric'),
          attributes: z.strictObject({
            name: z.string().trim().min(1).max(127),
            service: z.string().max(100).nullish(),
          }),
        }),
      }),
      profile: z.strictObject({
        data: z
          .strictObject({
            type: z.literal('profile'),
            id: z.string().min(1).max(64).nullish(),
            attributes: eventProfileAttributesSchema,
            meta: z.record(z.string(), z.unknown()).nullish(),
          })
          .refine(
            (profile) =>
              Boolean(
                profile.id ||
                profile.attributes.email ||
                profile.attributes.phone_number ||
                profile.attributes.external_id,
              ),
            { message: 'a profile needs at least one identifier: id, email, phone_number or external_id' },
          ),
      }),
    }),
  }),
});
export type CreateEventRequest = z.infer<typeof createEventRequestSchema>;

// Errors

export const klaviyoErrorSchema = z.object({
  id: z.string(),
  status: z.number().int(),
  code: z.string(),
  title: z.string(),
  detail: z.string(),
  source: z
    .object({
      pointer: z.string().optional(),
      parameter: z.string().optional(),
      header: z.string().optional(),
    })
    .optional(),
  meta: z.record(z.string(), z.unknown()).optional(),
});
export type KlaviyoError = z.infer<typeof klaviyoErrorSchema>;
export const klaviyoErrorResponseSchema = z.object({ errors: z.array(klaviyoErrorSchema).min(1) });

// Resources

const resourceLinksSchema = z.object({ self: z.url() });
const relationshipSchema = <T extends string>(type: T) =>
  z.object({ data: z.object({ type: z.literal(type), id: z.string() }).nullable() });

/** `datetime`, `created`, `updated`: ISO 8601 with an offset, e.g. 2024-10-15T12:30:00+00:00. */
const klaviyoDateTimeSchema = z.iso.datetime({ offset: true });

export const eventResourceSchema = z.object({
  type: z.literal('event'),
  id: z.string(),
  attributes: z.object({
    /** Epoch seconds. */
    timestamp: z.number().int(),
    /** The event's properties, plus `$value` (when it has a value) and `$event_id` (a unique_id it was given). */
    event_properties: z.record(z.string(), z.unknown()),
    datetime: klaviyoDateTimeSchema,
    uuid: z.string(),
  }),
  relationships: z.object({
    metric: relationshipSchema('metric'),
    /** null for an anonymous shopper's event (the hub records those too). */
    profile: relationshipSchema('profile'),
  }),
  links: resourceLinksSchema,
});
export type EventResource = z.infer<typeof eventResourceSchema>;

export const metricIntegrationSchema = z.object({
  object: z.literal('integration'),
  id: z.string(),
  key: z.string(),
  name: z.string(),
  category: z.string(),
});

export const metricResourceSchema = z.object({
  type: z.literal('metric'),
  id: z.string(),
  attributes: z.object({
    name: z.string(),
    created: klaviyoDateTimeSchema,
    updated: klaviyoDateTimeSchema,
    integration: metricIntegrationSchema,
  }),
  links: resourceLinksSchema,
});
export type MetricResource = z.infer<typeof metricResourceSchema>;

export const profileResourceSchema = z.object({
  type: z.literal('profile'),
  id: z.string(),
  attributes: z.object({
    email: z.string().nullable(),
    phone_number: z.string().nullable(),
    external_id: z.string().nullable(),
    first_name: z.string().nullable(),
    last_name: z.string().nullable(),
    organization: z.string().nullable(),
    locale: z.string().nullable(),
    title: z.string().nullable(),
    image: z.string().nullable(),
    created: klaviyoDateTimeSchema,
    updated: klaviyoDateTimeSchema,
    last_event_date: klaviyoDateTimeSchema.nullable(),
    location: profileLocationSchema.nullable(),
    properties: z.record(z.string(), z.unknown()),
  }),
  links: resourceLinksSchema,
});
export type ProfileResource = z.infer<typeof profileResourceSchema>;

/**
 * `include=metric,profile`: the related resources, once each. With `fields[metric]` / `fields[profile]` their
 * attributes hold only the fields asked for, so they are parsed loosely here (metricResourceSchema and
 * profileResourceSchema describe them in full).
 */
export const includedResourceSchema = z.object({
  type: z.enum(['metric', 'profile']),
  id: z.string(),
  attributes: z.record(z.string(), z.unknown()),
  links: resourceLinksSchema,
});
const includedSchema = z.array(includedResourceSchema);
const listLinksSchema = z.object({ self: z.url(), next: z.url().nullable(), prev: z.url().nullable() });

export const eventResponseSchema = z.object({
  data: eventResourceSchema,
  included: includedSchema.optional(),
  links: z.object({ self: z.url() }),
});
export const eventsListResponseSchema = z.object({
  data: z.array(eventResourceSchema),
  included: includedSchema.optional(),
  links: listLinksSchema,
});
export const metricResponseSchema = z.object({
  data: metricResourceSchema,
  links: z.object({ self: z.url() }),
});
export const metricsListResponseSchema = z.object({
  data: z.array(metricResourceSchema),
  links: listLinksSchema,
});
export const profileResponseSchema = z.object({
  data: profileResourceSchema,
  links: z.object({ self: z.url() }),
});
