// Environment: Node (hub). The monitor's reads on SQLite. Each one is a range over an index (migration 004:
// events by metric and time, conversations by first response, awaiting a first response, by escalation) or
// over the queue (conversations by status), so a recomputation costs what today's activity costs.
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

export class SqliteMonitorQueries implements MonitorQueries {
  constructor(private readonly db: Database.Database) {}

  queuedByChannel(): QueuedCount[] {
    const rows = this.db
      .prepare(
        `SELECT channel, count(*) AS n, min(escalated_at) AS oldest FROM conversations
         WHERE status = 'queued' GROUP BY channel`,
      )
      .all() as { channel: Channel; n: number; oldest: string }[];
    return rows.map((row) => ({ channel: row.channel, count: row.n, oldestEscalatedAt: row.oldest }));
  }

  awaitingFirstResponse(): Conversation[] {
    // The same terms as the partial index conversations_awaiting_first_response, so SQLite uses it.
    const rows = this.db
      .prepare(
        `${CONVERSATION_SELECT}
         WHERE c.escalated_at IS NOT NULL AND c.first_response_at IS NULL AND c.status NOT IN ('with_ai', 'resolved')
         ORDER BY c.escalated_at, c.id`,
      )
      .all() as ConversationRow[];
    return rows.map(toConversation);
  }

  escalationsBetween(from: string, to: string): EscalationCount[] {
    const rows = this.db
      .prepare(
        `SELECT json_extract(properties_json, '$.channel') AS channel,
                json_extract(properties_json, '$.escalation_reason') AS reason, count(*) AS n
         FROM events WHERE metric = ? AND time >= ? AND time < ?
         GROUP BY 1, 2`,
      )
      .all(METRICS.conversationEscalated, from, to) as { channel: Channel; reason: string; n: number }[];
    return rows.map((row) => ({ channel: row.channel, reason: row.reason, count: row.n }));
  }

  countEventsBetween(metric: MetricName, from: string, to: string): number {
    const row = this.db
      .prepare('SELECT count(*) AS n FROM events WHERE metric = ? AND time >= ? AND time < ?')
      .get(metric, from, to) as { n: number };
    return row.n;
  }

  countEventsPerHour(metric: MetricName, firstHourStartMs: number, hours: number): number[] {
    const startSeconds = Math.floor(firstHourStartMs / 1000);
    // strftime('%s') truncates to whole seconds, and hours start on whole seconds: a bucket is exact.
    const rows = this.db
      .prepare(
        `SELECT (CAST(strftime('%s', time) AS INTEGER) - @startSeconds) / 3600 AS hour, count(*) AS n
         FROM events WHERE metric = @metric AND time >= @from AND time < @to GROUP BY 1`,
      )
      .all({
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
    const rows = this.db
      .prepare(
        `SELECT c.id, c.escalated_at, c.first_response_at,
           (SELECT m.agent_id FROM messages m
            WHERE m.conversation_id = c.id AND m.author = 'agent' AND m.internal = 0
            ORDER BY m.position LIMIT 1) AS responder_id
         FROM conversations c
         WHERE c.first_response_at >= ? AND c.first_response_at < ? AND c.escalated_at IS NOT NULL
         ORDER BY c.first_response_at, c.id`,
      )
      .all(from, to) as {
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
    const rows = this.db
      .prepare(
        `SELECT conversation_id, time, json_extract(properties_json, '$.agent_id') AS agent_id,
                json_extract(properties_json, '$.resolution_seconds') AS seconds
         FROM events WHERE metric = ? AND time >= ? AND time < ? ORDER BY position`,
      )
      .all(METRICS.handoffResolved, from, to) as {
      conversation_id: string;
      time: string;
      agent_id: string;
      seconds: number;
    }[];
    return rows.map((row) => ({
      conversationId: row.conversation_id,
      agentId: row.agent_id,
      time: row.time,
      resolutionSeconds: row.seconds,
    }));
  }

  queueMovementsSince(from: string): QueueMovement[] {
    const previous = (column: string) => `(SELECT p.${column} FROM events p
      WHERE p.conversation_id = e.conversation_id AND p.position < e.position AND p.metric IN (${QUEUE_METRIC_LIST})
      ORDER BY p.position DESC LIMIT 1)`;
    const rows = this.db
      .prepare(
        `SELECT e.time, e.metric, e.properties_json,
           CASE WHEN e.metric = @resolved THEN ${previous('metric')} END AS previous_metric,
           CASE WHEN e.metric = @resolved THEN ${previous('properties_json')} END AS previous_properties
         FROM events e WHERE e.metric IN (${QUEUE_METRIC_LIST}) AND e.time >= @from ORDER BY e.position`,
      )
      .all({ resolved: METRICS.handoffResolved, from }) as {
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
    const rows = this.db
      .prepare(
        `${CONVERSATION_SELECT} WHERE c.escalated_at >= ? AND c.escalated_at < ? ORDER BY c.escalated_at, c.id`,
      )
      .all(from, to) as ConversationRow[];
    return rows.map(toConversation);
  }
}
