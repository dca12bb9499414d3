// Environment: any. The event taxonomy: metric names, property schemas, display names.
import { z } from 'zod';
import { channelSchema, isoDateTimeSchema, productSchema } from './domain.js';

export const METRICS = {
  startedConversation: 'Started Conversation',
  receivedProductRecommendation: 'Received Product Recommendation',
  conversationEscalated: 'Conversation Escalated',
  conversationResolved: 'Conversation Resolved',
  handoffAccepted: 'Handoff Accepted',
  handoffResolved: 'Handoff Resolved',
  handoffTransferred: 'Handoff Transferred',
  handoffPending: 'Handoff Pending',
  handoffSnoozed: 'Handoff Snoozed',
  handoffReopened: 'Handoff Reopened',
  handoffMissed: 'Handoff Missed',
} as const;
export type MetricName = (typeof METRICS)[keyof typeof METRICS];

const base = { conversation_id: z.string(), channel: channelSchema };

/** Property schemas per metric: the hub validates every event it appends against these. */
export const metricPropertiesSchemas = {
  [METRICS.startedConversation]: z.object({
    ...base,
    first_message: z.string(),
    initial_skill: z.string(),
  }),
  [METRICS.receivedProductRecommendation]: z.object({
    ...base,
    products: z.array(productSchema.shape.sku),
  }),
  [METRICS.conversationEscalated]: z.object({
    ...base,
    escalation_reason: z.string(),
    procedure: z.string().nullable(),
    tags: z.array(z.string()),
  }),
  [METRICS.conversationResolved]: z.object({
    ...base,
    procedure: z.string().nullable(),
    tags: z.array(z.string()),
    resolution_seconds: z.number().nonnegative(),
  }),
  [METRICS.handoffAccepted]: z.object({
    ...base,
    agent_id: z.string(),
    wait_seconds: z.number().nonnegative(),
    /** claim: the agent took it; auto_assign: the hub's routing gave it to them. */
    assignment: z.enum(['claim', 'auto_assign']).default('claim'),
  }),
  [METRICS.handoffResolved]: z.object({
    ...base,
    agent_id: z.string(),
    tags: z.array(z.string()),
    first_response_seconds: z.number().nonnegative().nullable(),
    resolution_seconds: z.number().nonnegative(),
  }),
  [METRICS.handoffTransferred]: z.object({
    ...base,
    /** Who did it (the assignee or a lead). */
    agent_id: z.string(),
    from_agent_id: z.string().nullable(),
    /** null: back to the queue. */
    to_agent_id: z.string().nullable(),
    has_note: z.boolean(),
  }),
  [METRICS.handoffPending]: z.object({ ...base, agent_id: z.string() }),
  [METRICS.handoffSnoozed]: z.object({ ...base, agent_id: z.string(), snoozed_until: isoDateTimeSchema }),
  [METRICS.handoffReopened]: z.object({
    ...base,
    /** The agent it is back in front of, or null when it went back to the queue. */
    agent_id: z.string().nullable(),
    from_status: z.enum(['pending', 'snoozed', 'resolved']),
    trigger: z.enum(['shopper_message', 'snooze_ended', 'agent']),
  }),
  [METRICS.handoffMissed]: z.object({
    ...base,
    reason: z.enum(['outside_office_hours', 'no_agent_online']),
  }),
} satisfies Record<MetricName, z.ZodType>;

export type MetricProperties<M extends MetricName> = z.infer<(typeof metricPropertiesSchemas)[M]>;

/** Names shown in the UI. Swedish names are the seed's (Klaviyo's Swedish help centre). */
export const metricDisplayNames: Record<MetricName, { en: string; sv: string }> = {
  'Started Conversation': {
    en: 'Started Conversation with Customer Agent',
    sv: 'Startade konversation med Customer Agent',
  },
  'Received Product Recommendation': {
    en: 'Received Product Recommendation from Customer Agent',
    sv: 'Fick produktrekommendation från Customer Agent',
  },
  'Conversation Escalated': {
    en: 'Customer Agent Conversation Escalated',
    sv: 'Konversation med Customer Agent Upptrappad',
  },
  'Conversation Resolved': {
    en: 'Customer Agent Conversation Resolved',
    sv: 'Konversation med Customer Agent Löst',
  },
  'Handoff Accepted': { en: 'Handoff Accepted', sv: 'Överlämning accepterad' },
  'Handoff Resolved': { en: 'Handoff Resolved', sv: 'Överlämning löst' },
  'Handoff Transferred': { en: 'Handoff Transferred', sv: 'Överlämning flyttad' },
  'Handoff Pending': { en: 'Handoff Pending', sv: 'Överlämning väntar på kunden' },
  'Handoff Snoozed': { en: 'Handoff Snoozed', sv: 'Överlämning pausad' },
  'Handoff Reopened': { en: 'Handoff Reopened', sv: 'Överlämning återöppnad' },
  'Handoff Missed': { en: 'Handoff Missed', sv: 'Överlämning missad' },
};

export const eventProfileSchema = z.object({
  email: z.string().nullable(),
  profileId: z.string().nullable(),
});

/** One entry of the hub's event stream. */
export const streamEventSchema = z.object({
  id: z.string(),
  /** Position in the stream: strictly increasing, gap-free order of appending. */
  position: z.number().int().positive(),
  metric: z.string(),
  time: isoDateTimeSchema,
  profile: eventProfileSchema,
  properties: z.record(z.string(), z.unknown()),
});
export type StreamEvent = z.infer<typeof streamEventSchema>;
