// Environment: any. Segments: sets of shoppers' profiles defined by conditions over the event stream, evaluated on
// the hub as events arrive and as windows expire (the seeds' segments are built in).
import { z } from 'zod';
import { isoDateTimeSchema } from './domain.js';
import { METRICS } from './events.js';

/**
 * The hub's HTTP routes for segments, for leads: `Authorization: Bearer <console session token>` (401 without a
 * valid one, 403 for an agent); errors in the handoff API's shape ({error, message, issues?}), a 400 naming
 * each problem.
 * - POST   /api/v1/segments                  segmentDefinitionSchema → 201 segmentSchema (id made from the name,
 *                                            unique: "Köpt två gånger" → kopt-tva-ganger, then kopt-tva-ganger-2);
 *                                            its members are evaluated over every profile before the answer.
 * - GET    /api/v1/segments                  → {segments: Segment[]}: the built-ins first, with live memberCount.
 * - GET    /api/v1/segments/:id              → segmentSchema; 404 for an unknown id.
 * - GET    /api/v1/segments/:id/profiles     ?page[size]=1..500 (default 50)&page[cursor]=… →
 *                                            segmentMembersPageSchema (oldest membership first; `next` absolute).
 * - DELETE /api/v1/segments/:id              → 204; 403 for a built-in; 404 for an unknown id.
 */
export const SEGMENTS_PATH = '/api/v1/segments';

const metricName = z.string().trim().min(1).max(128);
/** A window counted back from now, in days; null means all time. */
const windowDays = z.number().int().min(1).max(3650).nullable();

/** One condition on a profile's events; a segment's conditions must all hold (AND). */
export const segmentConditionSchema = z.discriminatedUnion('kind', [
  /** The profile has at least / at most `count` events of `metric` within the window. */
  z.strictObject({
    kind: z.literal('metric_count'),
    metric: metricName,
    comparison: z.enum(['at_least', 'at_most']),
    count: z.number().int().min(0).max(1_000_000),
    withinDays: windowDays,
  }),
  /** No event of `metric` after the profile's latest event of `sinceMetric` (true when there is no `sinceMetric`). */
  z.strictObject({ kind: z.literal('none_since'), metric: metricName, sinceMetric: metricName }),
  /** At least one event of `metric` within the window whose property `property` equals `value`. */
  z.strictObject({
    kind: z.literal('property_equals'),
    metric: metricName,
    property: z.string().trim().min(1).max(128),
    value: z.union([z.string().max(500), z.number(), z.boolean()]),
    withinDays: windowDays,
  }),
]);
export type SegmentCondition = z.infer<typeof segmentConditionSchema>;

export const segmentDefinitionSchema = z.strictObject({
  name: z.string().trim().min(1).max(100),
  conditions: z.array(segmentConditionSchema).min(1).max(10),
});
export type SegmentDefinition = z.infer<typeof segmentDefinitionSchema>;

export const segmentIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'a segment id (lowercase, digits, -)');

export const segmentSchema = segmentDefinitionSchema.extend({
  id: segmentIdSchema,
  /** The seeds' segments: always there, not editable. */
  builtIn: z.boolean(),
  createdAt: isoDateTimeSchema,
  memberCount: z.number().int().nonnegative(),
});
export type Segment = z.infer<typeof segmentSchema>;

/** A segment as the shopper panel shows it. */
export const segmentRefSchema = z.object({ id: segmentIdSchema, name: z.string() });
export type SegmentRef = z.infer<typeof segmentRefSchema>;

/** The seeds' segments, with fixed ids (English names; the console shows Swedish ones by id). */
export const BUILT_IN_SEGMENTS: readonly (SegmentDefinition & { id: string })[] = [
  {
    id: 'recommended-no-order',
    name: 'Got a recommendation, no order since',
    conditions: [
      {
        kind: 'metric_count',
        metric: METRICS.receivedProductRecommendation,
        comparison: 'at_least',
        count: 1,
        withinDays: 14,
      },
      { kind: 'none_since', metric: 'Placed Order', sinceMetric: METRICS.receivedProductRecommendation },
    ],
  },
  {
    id: 'recently-escalated',
    name: 'Recently escalated',
    conditions: [
      {
        kind: 'metric_count',
        metric: METRICS.conversationEscalated,
        comparison: 'at_least',
        count: 1,
        withinDays: 7,
      },
    ],
  },
  {
    id: 'resolved-and-ordered',
    name: 'Resolved and ordered',
    conditions: [
      {
        kind: 'metric_count',
        metric: METRICS.conversationResolved,
        comparison: 'at_least',
        count: 1,
        withinDays: 30,
      },
      { kind: 'metric_count', metric: 'Placed Order', comparison: 'at_least', count: 1, withinDays: 30 },
    ],
  },
];

/** GET /api/v1/segments/:id/profiles — one page of members, oldest membership first. */
export const segmentMemberSchema = z.object({
  profileId: z.string(),
  email: z.string().nullable(),
  phoneNumber: z.string().nullable(),
  externalId: z.string().nullable(),
  /** When the profile last joined the segment. */
  since: isoDateTimeSchema,
});
export const segmentMembersPageSchema = z.object({
  members: z.array(segmentMemberSchema),
  /** Absolute URL of the next page, or null on the last one. */
  next: z.string().nullable(),
});
