// Environment: Node (hub). What the lead's monitor reads from storage: aggregates over index ranges (the queue,
// today, the last 24 hours), never a scan of the whole event stream. Times are the hub's ISO strings (UTC);
// ranges are [from, to).
import type { Channel, Conversation } from '../../shared/domain.js';
import type { MetricName } from '../../shared/events.js';

export interface QueuedCount {
  channel: Channel;
  count: number;
  oldestEscalatedAt: string;
}

export interface EscalationCount {
  channel: Channel;
  reason: string;
  count: number;
}

/** A first reply: who gave it is the author of the conversation's first public agent message. */
export interface FirstResponseRow {
  conversationId: string;
  escalatedAt: string;
  firstResponseAt: string;
  responderId: string | null;
}

/** One `Handoff Resolved` event. */
export interface HandoffResolutionRow {
  conversationId: string;
  agentId: string;
  time: string;
  resolutionSeconds: number;
}

/**
 * An event that may move a conversation into or out of the queue. For `Handoff Resolved`, `previous` is the
 * conversation's latest queue-relevant event before it (to tell whether it was resolved straight from the queue).
 */
export interface QueueMovement {
  time: string;
  metric: MetricName;
  properties: Record<string, unknown>;
  previous: { metric: MetricName; properties: Record<string, unknown> } | null;
}

export interface MonitorQueries {
  /** Queued conversations per channel (channels with none are left out). */
  queuedByChannel(): QueuedCount[];
  /** Handed off, with the team, no agent reply yet: the conversations the SLA clock runs for. */
  awaitingFirstResponse(): Conversation[];
  /** `Conversation Escalated` in [from, to) per channel and reason. */
  escalationsBetween(from: string, to: string): EscalationCount[];
  countEventsBetween(metric: MetricName, from: string, to: string): number;
  /** The metric's events in each of `hours` consecutive hours from `firstHourStartMs` (whole seconds). */
  countEventsPerHour(metric: MetricName, firstHourStartMs: number, hours: number): number[];
  /** Conversations whose first agent reply came in [from, to). */
  firstResponsesBetween(from: string, to: string): FirstResponseRow[];
  /** `Handoff Resolved` in [from, to), in stream order. */
  handoffResolutionsBetween(from: string, to: string): HandoffResolutionRow[];
  /** Queue-relevant events at or after `from`, in stream order. */
  queueMovementsSince(from: string): QueueMovement[];
  /** Conversations handed off in [from, to), by escalatedAt then id (the CSV export). */
  conversationsEscalatedBetween(from: string, to: string): Conversation[];
}

/** The events that can put a conversation into the queue or take it out. */
export const QUEUE_METRICS = [
  'Conversation Escalated',
  'Handoff Accepted',
  'Handoff Transferred',
  'Handoff Reopened',
  'Handoff Resolved',
] as const satisfies readonly MetricName[];
