// Environment: Node (hub). The monitor's reads on SQLite. Each one is a range over an index (migration 004:
// events by metric and time, conversations by first response, awaiting a first response, by escalation) or
// over the queue (conversations by status), so a recomputation costs what today's activity costs; a test
// checks every statement's query plan.
import type Database from 'better-sqlite3';
import type { Channel, Conversation } from '../../../shared/domain.js';
import { METRICS, type MetricName } from '../../../shared/events.js';
import {
  QUEUE_METRICS,
  type EscalationCount,
  type FirstResponseRow,
  type HandoffResolutionRow,
  type MonitorQueries,
  type QueuedCount,
  type QueueMovement,
} from '../monitor-queries.js';
import { CONVERSATION_SELECT, toConversation, type ConversationRow } from './conversation-rows.js';

const QUEUE_METRIC_LIST = QUEUE_METRICS.map((metric) => `'${metric}'`).join(', ');

/** The conversation's latest queue-relevant event before `e` (by the events_by_conversation index). */
const previousQueueEvent = (column: string) => `(SELECT p.${column} FROM events p
  WHERE p.conversation_id = e.conversation_id AND p.position < e.position AND p.metric IN (${QUEUE_METRIC_LIST})
  ORDER BY p.position DESC LIMIT 1)`;

/** Every statement the monitor runs, by name (exported for the query-plan test). */
export const MONITOR_SQL = {
  queuedByChannel: `SELECT channel, count(*) AS n, min(escalated_at) AS oldest FROM conversations
    WHERE status = 'queued' GROUP BY channel`,
  // Only the partial index's rows (the same terms as its WHERE): never every handed-off conversation.
  awaitingFirstResponse: `SELECT c.*, a.name AS assignee_name, a.email AS assignee_email
    FROM conversations c INDEXED BY conversations_awaiting_first_response
    LEFT JOIN accounts a ON a.id = c.assignee_id
    WHERE c.escalated_at IS NOT NULL AND c.first_response_at IS NULL AND c.status NOT IN ('with_ai', 'resolved')
    ORDER BY c.escalated_at, c.id`,
  escalationsBetween: `SELECT json_extract(properties_json, '$.channel') AS channel,
      json_extract(properties_json, '$.escalation_reason') AS reason, count(*) AS n
    FROM events WHERE metric = @metric AND time >= @from AND time < @to GROUP BY 1, 2`,
  countEventsBetween:
    'SELECT count(*) AS n FROM events WHERE metric = @metric AND time >= @from AND time < @to',
  // strftime('%s') truncates to whole seconds, and hours start on whole seconds: a bucket is exact.
  countEventsPerHour: `SELECT (CAST(strftime('%s', time) AS INTEGER) - CAST(@startSeconds AS INTEGER)) / 3600 AS hour, count(*) AS n
    FROM events WHERE metric = @metric AND time >= @from AND time < @to GROUP BY 1`,
  firstResponsesBetween: `SELECT c.id, c.escalated_at, c.first_response_at,
      (SELECT m.agent_id FROM messages m
       WHERE m.conversation_id = c.id AND m.author = 'agent' AND m.internal = 0
       ORDER BY m.position LIMIT 1) AS responder_id
    FROM conversations c
    WHERE c.first_response_at >= @from AND c.first_response_at < @to AND c.escalated_at IS NOT NULL
    ORDER BY c.first_response_at, c.id`,
  handoffResolutionsBetween: `SELECT conversation_id, time, json_extract(properties_json, '$.agent_id') AS agent_id,
      json_extract(properties_json, '$.resolution_seconds') AS seconds
    FROM events WHERE metric = @metric AND time >= @from AND time < @to ORDER BY position`,
  queueMovementsSince: `SELECT e.time, e.metric, e.properties_json,
      CASE WHEN e.metric = @resolved THEN ${previousQueueEvent('metric')} END AS previous_metric,
      CASE WHEN e.metric = @resolved THEN ${previousQueueEvent('properties_json')} END AS previous_properties
    FROM events e WHERE e.metric IN (${QUEUE_METRIC_LIST}) AND e.time >= @from ORDER BY e.position`,
  conversationsEscalatedBetween: `${CONVERSATION_SELECT}
    WHERE c.escalated_at >= @from AND c.escalated_at < @to ORDER BY c.escalated_at, c.id`,
} as const;

export class SqliteMonitorQueries implements MonitorQueries {
  private readonly statements = new Map<keyof typeof MONITOR_SQL, Database.Statement>();

  constructor(private readonly db: Database.Database) {}

  /** Prepared once, on first use. */
  private statement(name: keyof typeof MONITOR_SQL): Database.Statement {
    let statement = this.statements.get(name);
    if (!statement) {
      statement = this.db.prepare(MONITOR_SQL[name]);
      this.statements.set(name, statement);
    }
    return statement;
  }

  queuedByChannel(): QueuedCount[] {
    const rows = this.statement('queuedByChannel').all() as { channel: Channel; n: number; oldest: string }[];
    return rows.map((row) => ({ channel: row.channel, count: row.n, oldestEscalatedAt: row.oldest }));
  }

  awaitingFirstResponse(): Conversation[] {
    return (this.statement('awaitingFirstResponse').all() as ConversationRow[]).map(toConversation);
  }

  escalationsBetween(from: string, to: string): EscalationCount[] {
    const rows = this.statement('escalationsBetween').all({
      metric: METRICS.conversationEscalated,
      from,
      to,
    }) as { channel: Channel; reason: string; n: number }[];
    return rows.map((row) => ({ channel: row.channel, reason: row.reason, count: row.n }));
  }

  countEventsBetween(metric: MetricName, from: string, to: string): number {
    return (this.statement('countEventsBetween').get({ metric, from, to }) as { n: number }).n;
  }

  countEventsPerHour(metric: MetricName, firstHourStartMs: number, hours: number): number[] {
    const startSeconds = Math.floor(firstHourStartMs / 1000);
    const rows = this.statement('countEventsPerHour').all({
      metric,
      startSeconds,
      from: new Date(startSeconds * 1000).toISOString(),
      to: new Date((startSeconds + hours * 3600) * 1000).toISOString(),
    }) as { hour: number; n: number }[];
    const counts = new Array<number>(hours).fill(0);
    for (const row of rows) if (row.hour >= 0 && row.hour < hours) counts[row.hour] = row.n;
    return counts;
  }

  firstResponsesBetween(from: string, to: string): FirstResponseRow[] {
    const rows = this.statement('firstResponsesBetween').all({ from, to }) as {
      id: string;
      escalated_at: string;
      first_response_at: string;
      responder_id: string | null;
    }[];
    return rows.map((row) => ({
      conversationId: row.id,
      escalatedAt: row.escalated_at,
      firstResponseAt: row.first_response_at,
      responderId: row.responder_id,
    }));
  }

  handoffResolutionsBetween(from: string, to: string): HandoffResolutionRow[] {
    const rows = this.statement('handoffResolutionsBetween').all({
      metric: METRICS.handoffResolved,
      from,
      to,
    }) as { conversation_id: string; time: string; agent_id: string; seconds: number }[];
    return rows.map((row) => ({
      conversationId: row.conversation_id,
      agentId: row.agent_id,
      time: row.time,
      resolutionSeconds: row.seconds,
    }));
  }

  queueMovementsSince(from: string): QueueMovement[] {
    const rows = this.statement('queueMovementsSince').all({ resolved: METRICS.handoffResolved, from }) as {
      time: string;
      metric: MetricName;
      properties_json: string;
      previous_metric: MetricName | null;
      previous_properties: string | null;
    }[];
    return rows.map((row) => ({
      time: row.time,
      metric: row.metric,
      properties: JSON.parse(row.properties_json) as Record<string, unknown>,
      previous:
        row.previous_metric === null
          ? null
          : {
              metric: row.previous_metric,
              properties: JSON.parse(row.previous_properties ?? '{}') as Record<string, unknown>,
            },
    }));
  }

  conversationsEscalatedBetween(from: string, to: string): Conversation[] {
    return (this.statement('conversationsEscalatedBetween').all({ from, to }) as ConversationRow[]).map(
      toConversation,
    );
  }
}
