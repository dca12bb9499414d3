// Environment: Node (hub). What forwarding and webhooks keep: destinations with their cursors, the delivery
// log and the events given up on; and their read of the event stream (the durable queue). SQLite implements
// it (./sqlite-outbound-store.ts).
import type { StreamEvent } from '../../shared/events.js';
import type { DeliveryAttempt, FailedEvent, OutboundError } from '../../shared/outbound.js';

export type DestinationKind = 'forwarding' | 'webhook';
export const FORWARDING_DESTINATION_ID = 'forwarding';

export interface Destination {
  /** 'forwarding', or a webhook's id. */
  id: string;
  kind: DestinationKind;
  url: string;
  metrics: string[];
  /** Webhooks' signing secret; null for forwarding. */
  secret: string | null;
  /** The last event position handled (delivered or given up on). */
  cursor: number;
  createdAt: string;
  lastDeliveredAt: string | null;
  lastError: OutboundError | null;
  /** When the event at the cursor may be tried again; null when nothing waits on a retry. */
  nextAttemptAt: string | null;
}

/** A stream event as a destination sends it: with its value and its profile's identifiers. */
export interface OutboundEvent extends StreamEvent {
  value: number | null;
  /** From the profile the event belongs to (migration 005's profiles), else the event's own email. */
  identifiers: { email: string | null; phoneNumber: string | null; externalId: string | null };
}

/** One attempt, recorded with what it means for the destination's cursor. */
export interface AttemptRecord extends DeliveryAttempt {
  destinationId: string;
  metric: string;
}

export interface NewWebhook {
  id: string;
  url: string;
  metrics: string[];
  secret: string;
  createdAt: string;
  cursor: number;
}

export interface OutboundStore {
  /** Creates forwarding's destination at cursor 0, or updates its URL and metrics keeping its cursor. */
  saveForwarding(config: { url: string; metrics: string[]; at: string }): Destination;
  insertWebhook(webhook: NewWebhook): Destination;
  /** Removes a destination with its log and failures; false if unknown. */
  deleteDestination(id: string): boolean;
  getDestination(id: string): Destination | null;
  /** Oldest first. */
  listWebhooks(): Destination[];

  /** The stream's last position (0 when empty). */
  headPosition(): number;
  /** Events of `metrics` after `cursor`, in stream order. */
  readEventsAfter(cursor: number, metrics: readonly string[], limit: number): OutboundEvent[];
  countEventsAfter(cursor: number, metrics: readonly string[]): number;
  /** Moves the cursor forward only (past events none of its metrics match); never back. */
  advanceCursor(destinationId: string, position: number): void;

  /** Attempts already made to deliver this event to this destination (across restarts). */
  attemptsMade(destinationId: string, eventId: string): number;
  /**
   * Records an attempt atomically with its effect: delivered → cursor and lastDeliveredAt; failed → cursor
   * and a failed event; retrying → nextAttemptAt. Failed and retrying attempts also set lastError.
   */
  recordAttempt(record: AttemptRecord & { nextAttemptAt: string | null }): void;
  /** Newest first; `before` is an attempt's sequence number from a previous page. */
  listAttempts(
    destinationId: string,
    page: { limit: number; before?: number },
  ): { attempts: DeliveryAttempt[]; nextBefore: number | null };
  /** Newest first. */
  listFailures(destinationId: string, limit: number): FailedEvent[];
  countFailures(destinationId: string): number;
  close(): void;
}
