// Environment: any. The team lead's live queue monitor: figures computed on the hub from its event stream and
// current state, pushed to leads' consoles (never to agents), and the SLA rule both hub and console apply.
import { z } from 'zod';
import {
  agentRefSchema,
  channelSchema,
  isoDateTimeSchema,
  type Channel,
  type Conversation,
} from './domain.js';
import { presenceSchema } from './team.js';
import type { HubSettings } from './settings.js';

/** Median and 90th percentile (nearest-rank) of durations in seconds; null when there is none. */
export const durationStatsSchema = z.object({
  count: z.number().int().nonnegative(),
  medianSeconds: z.number().nonnegative().nullable(),
  p90Seconds: z.number().nonnegative().nullable(),
});
export type DurationStats = z.infer<typeof durationStatsSchema>;

/**
 * Where a conversation stands against its first-response target. The clock runs from `escalatedAt` until
 * `firstResponseAt` (an agent's first reply) while the conversation is with the team (not with_ai, not resolved).
 */
export const slaStateSchema = z.enum(['none', 'ok', 'near', 'breached']);
export type SlaState = z.infer<typeof slaStateSchema>;

export interface SlaStanding {
  state: SlaState;
  /** When the target is reached (null for `none`). */
  dueAtMs: number | null;
  /** When it turns `near` (null for `none`). */
  nearAtMs: number | null;
}

type SlaSettings = Pick<HubSettings, 'firstResponseTargetMinutes' | 'slaWarningPercent'>;

export function slaStandingOf(
  conversation: Pick<Conversation, 'channel' | 'status' | 'escalatedAt' | 'firstResponseAt'>,
  settings: SlaSettings,
  nowMs: number,
): SlaStanding {
  if (
    conversation.escalatedAt === null ||
    conversation.firstResponseAt !== null ||
    conversation.status === 'with_ai' ||
    conversation.status === 'resolved'
  ) {
    return { state: 'none', dueAtMs: null, nearAtMs: null };
  }
  const targetMs = settings.firstResponseTargetMinutes[conversation.channel] * 60_000;
  const startMs = Date.parse(conversation.escalatedAt);
  const dueAtMs = startMs + targetMs;
  const nearAtMs = startMs + Math.round((targetMs * settings.slaWarningPercent) / 100);
  const state = nowMs >= dueAtMs ? 'breached' : nowMs >= nearAtMs ? 'near' : 'ok';
  return { state, dueAtMs, nearAtMs };
}

export const slaConversationSchema = z.object({
  conversationId: z.string(),
  channel: channelSchema,
  /** Name, else email, else phone. */
  shopper: z.string(),
  escalatedAt: isoDateTimeSchema,
  dueAt: isoDateTimeSchema,
  state: z.enum(['near', 'breached']),
  assignee: agentRefSchema.nullable(),
});
export type SlaConversation = z.infer<typeof slaConversationSchema>;

export const monitorAgentSchema = agentRefSchema.extend({
  role: z.enum(['agent', 'lead']),
  presence: presenceSchema,
  /** Open + pending conversations assigned now, against capacity. */
  openCount: z.number().int().nonnegative(),
  capacity: z.number().int().positive(),
  /** Conversations this agent resolved today. */
  handledToday: z.number().int().nonnegative(),
  /** First responses this agent gave today (handoff → their first reply). */
  firstResponseToday: durationStatsSchema,
});
export type MonitorAgent = z.infer<typeof monitorAgentSchema>;

export const hourlyPointSchema = z.object({
  /** The start of the hour (the last point is the current, unfinished hour). */
  hourStart: isoDateTimeSchema,
  /** Handoffs (Conversation Escalated) in the hour. */
  handoffs: z.number().int().nonnegative(),
  /** Conversations waiting unclaimed at the end of the hour (now, for the current one). */
  waiting: z.number().int().nonnegative(),
  /** Median first response of the first responses given in the hour. */
  firstResponseMedianSeconds: z.number().nonnegative().nullable(),
  /** Median resolution time of the handoffs resolved in the hour. */
  resolutionMedianSeconds: z.number().nonnegative().nullable(),
});
export type HourlyPoint = z.infer<typeof hourlyPointSchema>;

export const monitorSnapshotSchema = z.object({
  computedAt: isoDateTimeSchema,
  /** "Today" is the team's day in the office-hours time zone. */
  timeZone: z.string(),
  dayStart: isoDateTimeSchema,
  /** "Waiting": handed off, nobody has claimed it (status queued). */
  waiting: z.number().int().nonnegative(),
  /** "Oldest wait": the earliest escalatedAt among those waiting (the console counts up from it live). */
  oldestWaitingSince: isoDateTimeSchema.nullable(),
  /** "Agents online": presence online (not away). */
  agentsOnline: z.number().int().nonnegative(),
  agents: z.array(monitorAgentSchema),
  /** Conversation Escalated today. */
  handoffsToday: z.number().int().nonnegative(),
  /** Conversation Resolved today (the Customer Agent resolved it without a handoff). */
  resolvedByAiToday: z.number().int().nonnegative(),
  /**
   * "Resolution rate" and "Routed to team", as in the seed's Customer Agent dashboard: of the Customer Agent's
   * conversations that ended today, the share it resolved and the share it handed off (null when none ended).
   */
  resolutionRate: z.number().min(0).max(1).nullable(),
  routedToTeam: z.number().min(0).max(1).nullable(),
  /** First responses given today: handoff → the first agent reply. */
  firstResponse: durationStatsSchema,
  /** Handoffs resolved today: handoff → resolved. */
  resolution: durationStatsSchema,
  byChannel: z.array(
    z.object({
      channel: channelSchema,
      handoffsToday: z.number().int().nonnegative(),
      waiting: z.number().int().nonnegative(),
    }),
  ),
  /** Handoffs today per escalation reason, most first: the knowledge gaps that send shoppers to people. */
  byReason: z.array(z.object({ reason: z.string(), handoffsToday: z.number().int().nonnegative() })),
  sla: z.object({
    near: z.number().int().nonnegative(),
    breached: z.number().int().nonnegative(),
    /** Conversations near or past their target, most urgent first. */
    conversations: z.array(slaConversationSchema),
  }),
  /** The last 24 hours, oldest first (24 points; the last is the current hour). */
  hourly: z.array(hourlyPointSchema),
});
export type MonitorSnapshot = z.infer<typeof monitorSnapshotSchema>;

/** Both ends are dates (else their own issues say so, and the period checks stay quiet). */
const periodEnds = (period: { from: string; to: string }) => {
  const from = Date.parse(period.from);
  const to = Date.parse(period.to);
  return Number.isNaN(from) || Number.isNaN(to) ? null : { from, to };
};

/** A period of conversations to export as CSV (by escalatedAt, from inclusive, to exclusive; at most 366 days). */
export const monitorExportArgsSchema = z
  .strictObject({ from: isoDateTimeSchema, to: isoDateTimeSchema })
  .refine((period) => (periodEnds(period)?.to ?? Infinity) > (periodEnds(period)?.from ?? 0), {
    message: 'to must be after from',
    path: ['to'],
  })
  .refine(
    (period) => {
      const ends = periodEnds(period);
      return !ends || ends.to - ends.from <= 366 * 86_400_000;
    },
    {
      message: 'a period of at most 366 days',
      path: ['to'],
    },
  );
export const monitorExportSchema = z.object({ fileName: z.string(), csv: z.string() });

/** The CSV's columns, in order (one row per conversation). */
export const MONITOR_CSV_COLUMNS = [
  'conversation_id',
  'channel',
  'shopper_name',
  'shopper_email',
  'shopper_profile_id',
  'escalated_at',
  'escalation_reason',
  'procedure',
  'ai_tags',
  'status',
  'assignee_email',
  'claimed_at',
  'first_response_at',
  'resolved_at',
  'first_response_seconds',
  'resolution_seconds',
  'team_tags',
  'resolution_tags',
] as const;

export const ALL_CHANNELS: readonly Channel[] = channelSchema.options;
