// Environment: Node (hub). The OutboundStore on the hub's SQLite file. It opens its own connection (WAL lets
// several share the file, as the CLI's add-user does while the hub runs): the hub store's connection is private
// to it, and outbound's tables and its read of the stream need nothing inside the hub store's transactions.
// The tables come from migration 006, which the hub store applies when it opens the file first.
import type Database from 'better-sqlite3';
import { openHubConnection, type StorageLimits } from '../store/sqlite/hub-connection.js';
import {
  outboundErrorSchema,
  type DeliveryAttempt,
  type FailedEvent,
  type OutboundError,
} from '../../shared/outbound.js';
import type {
  AttemptRecord,
  Destination,
  NewWebhook,
  OutboundEvent,
  OutboundStore,
} from './outbound-store.js';

/** The delivery log keeps this many attempts per destination; older ones are trimmed as new ones come. */
export const ATTEMPTS_KEPT_PER_DESTINATION = 1000;

interface DestinationRow {
  id: string;
  kind: Destination['kind'];
  url: string;
  metrics_json: string;
  secret: string | null;
  cursor: number;
  created_at: string;
  last_delivered_at: string | null;
  last_error_json: string | null;
  next_attempt_at: string | null;
}

interface EventRow {
  position: number;
  id: string;
  metric: string;
  time: string;
  profile_email: string | null;
  profile_id: string | null;
  properties_json: string;
  value: number | null;
  identified_email: string | null;
  phone_number: string | null;
  external_id: string | null;
}

interface AttemptRow {
  id: number;
  event_id: string;
  position: number;
  attempt: number;
  status: number | null;
  error: string | null;
  outcome: DeliveryAttempt['outcome'];
  at: string;
  duration_ms: number;
}

interface FailureRow {
  event_id: string;
  position: number;
  metric: string;
  status: number | null;
  error: string;
  failed_at: string;
}

function toDestination(row: DestinationRow): Destination {
  return {
    id: row.id,
    kind: row.kind,
    url: row.url,
    metrics: JSON.parse(row.metrics_json) as string[],
    secret: row.secret,
    cursor: row.cursor,
    createdAt: row.created_at,
    lastDeliveredAt: row.last_delivered_at,
    lastError:
      row.last_error_json === null ? null : outboundErrorSchema.parse(JSON.parse(row.last_error_json)),
    nextAttemptAt: row.next_attempt_at,
  };
}

function toEvent(row: EventRow): OutboundEvent {
  return {
    id: row.id,
    position: row.position,
    metric: row.metric,
    time: row.time,
    profile: { email: row.profile_email, profileId: row.profile_id },
    properties: JSON.parse(row.properties_json) as Record<string, unknown>,
    value: row.value,
    identifiers: {
      email: row.identified_email ?? row.profile_email,
      phoneNumber: row.phone_number,
      externalId: row.external_id,
    },
  };
}

/** The statements by name, prepared once (exported for the migration test's query-plan checks). */
export const OUTBOUND_SQL = {
  readEventsAfter: `
    SELECT e.position, e.id, e.metric, e.time, e.profile_email, e.profile_id, e.properties_json, e.value,
      p.email AS identified_email, p.phone_number, p.external_id
    FROM events e LEFT JOIN profiles p ON p.id = e.profile_ref
    WHERE e.metric IN (SELECT value FROM json_each(@metrics)) AND e.position > @cursor
    ORDER BY e.position LIMIT @limit`,
  countEventsAfter: `
    SELECT count(*) AS count FROM events
    WHERE metric IN (SELECT value FROM json_each(@metrics)) AND position > @cursor`,
  attemptsMade: `SELECT count(*) AS count FROM outbound_attempts WHERE destination_id = @destinationId AND event_id = @eventId`,
  listAttempts: `
    SELECT * FROM outbound_attempts WHERE destination_id = @destinationId AND id < @before
    ORDER BY id DESC LIMIT @limit`,
  listFailures: `SELECT * FROM outbound_failures WHERE destination_id = @destinationId ORDER BY position DESC LIMIT @limit`,
} as const;

export class SqliteOutboundStore implements OutboundStore {
  private readonly db: Database.Database;
  private readonly statements: { [name in keyof typeof OUTBOUND_SQL]: Database.Statement };

  /** `file`: the hub's database (already migrated by the hub store). */
  constructor(file: string, limits: StorageLimits = {}) {
    this.db = openHubConnection(file, limits, { fileMustExist: true });
    this.statements = Object.fromEntries(
      Object.entries(OUTBOUND_SQL).map(([name, sql]) => [name, this.db.prepare(sql)]),
    ) as typeof this.statements;
  }

  saveForwarding(config: { url: string; metrics: string[]; at: string }): Destination {
    this.db
      .prepare(
        `INSERT INTO outbound_destinations (id, kind, url, metrics_json, secret, cursor, created_at)
         VALUES ('forwarding', 'forwarding', @url, @metrics, NULL, 0, @at)
         ON CONFLICT (id) DO UPDATE SET url = excluded.url, metrics_json = excluded.metrics_json`,
      )
      .run({ url: config.url, metrics: JSON.stringify(config.metrics), at: config.at });
    return this.getDestination('forwarding')!;
  }

  insertWebhook(webhook: NewWebhook): Destination {
    this.db
      .prepare(
        `INSERT INTO outbound_destinations (id, kind, url, metrics_json, secret, cursor, created_at)
         VALUES (@id, 'webhook', @url, @metrics, @secret, @cursor, @createdAt)`,
      )
      .run({ ...webhook, metrics: JSON.stringify(webhook.metrics) });
    return this.getDestination(webhook.id)!;
  }

  deleteDestination(id: string): boolean {
    return this.db.prepare('DELETE FROM outbound_destinations WHERE id = ?').run(id).changes > 0;
  }

  getDestination(id: string): Destination | null {
    const row = this.db.prepare('SELECT * FROM outbound_destinations WHERE id = ?').get(id) as
      DestinationRow | undefined;
    return row ? toDestination(row) : null;
  }

  listWebhooks(): Destination[] {
    const rows = this.db
      .prepare("SELECT * FROM outbound_destinations WHERE kind = 'webhook' ORDER BY created_at, id")
      .all() as DestinationRow[];
    return rows.map(toDestination);
  }

  headPosition(): number {
    const row = this.db.prepare('SELECT max(position) AS head FROM events').get() as { head: number | null };
    return row.head ?? 0;
  }

  readEventsAfter(cursor: number, metrics: readonly string[], limit: number): OutboundEvent[] {
    const rows = this.statements.readEventsAfter.all({
      metrics: JSON.stringify(metrics),
      cursor,
      limit,
    }) as EventRow[];
    return rows.map(toEvent);
  }

  countEventsAfter(cursor: number, metrics: readonly string[]): number {
    const row = this.statements.countEventsAfter.get({ metrics: JSON.stringify(metrics), cursor }) as {
      count: number;
    };
    return row.count;
  }

  advanceCursor(destinationId: string, position: number): void {
    this.db
      .prepare('UPDATE outbound_destinations SET cursor = max(cursor, @position) WHERE id = @destinationId')
      .run({ destinationId, position });
  }

  attemptsMade(destinationId: string, eventId: string): number {
    return (this.statements.attemptsMade.get({ destinationId, eventId }) as { count: number }).count;
  }

  recordAttempt(record: AttemptRecord & { nextAttemptAt: string | null }): void {
    this.db.transaction(() => {
      // A destination deleted while its attempt was in flight keeps nothing.
      if (!this.getDestination(record.destinationId)) return;
      this.db
        .prepare(
          `INSERT INTO outbound_attempts
             (destination_id, event_id, position, attempt, status, error, outcome, at, duration_ms)
           VALUES (@destinationId, @eventId, @position, @attempt, @status, @error, @outcome, @at, @durationMs)`,
        )
        .run({
          destinationId: record.destinationId,
          eventId: record.eventId,
          position: record.position,
          attempt: record.attempt,
          status: record.status,
          error: record.error,
          outcome: record.outcome,
          at: record.at,
          durationMs: record.durationMs,
        });
      if (record.outcome === 'delivered') {
        this.db
          .prepare(
            `UPDATE outbound_destinations
             SET cursor = max(cursor, @position), last_delivered_at = @at, next_attempt_at = NULL
             WHERE id = @destinationId`,
          )
          .run({ destinationId: record.destinationId, position: record.position, at: record.at });
      } else {
        const lastError: OutboundError = {
          at: record.at,
          eventId: record.eventId,
          status: record.status,
          message: record.error ?? `HTTP ${record.status}`,
        };
        this.db
          .prepare(
            `UPDATE outbound_destinations SET last_error_json = @lastError, next_attempt_at = @nextAttemptAt,
               cursor = CASE WHEN @failed THEN max(cursor, @position) ELSE cursor END
             WHERE id = @destinationId`,
          )
          .run({
            destinationId: record.destinationId,
            position: record.position,
            lastError: JSON.stringify(lastError),
            nextAttemptAt: record.outcome === 'retrying' ? record.nextAttemptAt : null,
            failed: record.outcome === 'failed' ? 1 : 0,
          });
      }
      if (record.outcome === 'failed') {
        this.db
          .prepare(
            `INSERT OR REPLACE INTO outbound_failures
               (destination_id, event_id, position, metric, status, error, failed_at)
             VALUES (@destinationId, @eventId, @position, @metric, @status, @error, @at)`,
          )
          .run({
            destinationId: record.destinationId,
            eventId: record.eventId,
            position: record.position,
            metric: record.metric,
            status: record.status,
            error: record.error ?? `HTTP ${record.status}`,
            at: record.at,
          });
      }
      this.db
        .prepare(
          `DELETE FROM outbound_attempts WHERE destination_id = @destinationId AND id <= (
             SELECT id FROM outbound_attempts WHERE destination_id = @destinationId
             ORDER BY id DESC LIMIT 1 OFFSET @kept)`,
        )
        .run({ destinationId: record.destinationId, kept: ATTEMPTS_KEPT_PER_DESTINATION });
    })();
  }

  listAttempts(
    destinationId: string,
    page: { limit: number; before?: number },
  ): { attempts: DeliveryAttempt[]; nextBefore: number | null } {
    const rows = this.statements.listAttempts.all({
      destinationId,
      before: page.before ?? Number.MAX_SAFE_INTEGER,
      limit: page.limit + 1,
    }) as AttemptRow[];
    const shown = rows.slice(0, page.limit);
    return {
      attempts: shown.map((row) => ({
        eventId: row.event_id,
        position: row.position,
        attempt: row.attempt,
        status: row.status,
        error: row.error,
        outcome: row.outcome,
        at: row.at,
        durationMs: row.duration_ms,
      })),
      nextBefore: rows.length > page.limit ? (shown.at(-1)?.id ?? null) : null,
    };
  }

  listFailures(destinationId: string, limit: number): FailedEvent[] {
    const rows = this.statements.listFailures.all({ destinationId, limit }) as FailureRow[];
    return rows.map((row) => ({
      eventId: row.event_id,
      position: row.position,
      metric: row.metric,
      status: row.status,
      error: row.error,
      failedAt: row.failed_at,
    }));
  }

  countFailures(destinationId: string): number {
    const row = this.db
      .prepare('SELECT count(*) AS count FROM outbound_failures WHERE destination_id = ?')
      .get(destinationId) as { count: number };
    return row.count;
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
