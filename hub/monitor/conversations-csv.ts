// Environment: Node (hub). A period's handed-off conversations with their outcomes as CSV (MONITOR_CSV_COLUMNS,
// one row per conversation escalated in [from, to)). Cells a spreadsheet would run as a formula (= + - @, tab,
// carriage return first) get a leading apostrophe: shopper names and tags are text anyone can type.
import { stringify } from 'csv-stringify/sync';
import type { Conversation } from '../../shared/domain.js';
import { MONITOR_CSV_COLUMNS } from '../../shared/monitor.js';
import { isoAt, secondsBetween } from '../core/clock.js';
import type { MonitorQueries } from '../store/monitor-queries.js';
import { localTimeAt } from './team-day.js';

type CsvRow = Record<(typeof MONITOR_CSV_COLUMNS)[number], string | number | null>;

const list = (values: readonly string[]) => values.join('; ');

export function csvRowOf(conversation: Conversation): CsvRow {
  const { shopper, escalation, escalatedAt } = conversation;
  const resolvedAt = conversation.status === 'resolved' ? conversation.resolvedAt : null;
  return {
    conversation_id: conversation.id,
    channel: conversation.channel,
    shopper_name: shopper.name ?? null,
    shopper_email: shopper.email ?? null,
    shopper_profile_id: shopper.profileId ?? null,
    escalated_at: escalatedAt,
    escalation_reason: escalation?.reason ?? null,
    procedure: escalation?.procedure ?? null,
    ai_tags: list(escalation?.tags ?? []),
    status: conversation.status,
    assignee_email: conversation.assignee?.email ?? null,
    claimed_at: conversation.claimedAt,
    first_response_at: conversation.firstResponseAt,
    resolved_at: resolvedAt,
    first_response_seconds:
      escalatedAt && conversation.firstResponseAt
        ? secondsBetween(escalatedAt, conversation.firstResponseAt)
        : null,
    resolution_seconds: escalatedAt && resolvedAt ? secondsBetween(escalatedAt, resolvedAt) : null,
    team_tags: list(conversation.tags),
    resolution_tags: list(conversation.resolutionTags),
  };
}

export function toCsv(conversations: readonly Conversation[]): string {
  return stringify(conversations.map(csvRowOf), {
    header: true,
    columns: [...MONITOR_CSV_COLUMNS],
    escape_formulas: true,
    // RFC 4180 line ends, which every spreadsheet reads.
    record_delimiter: 'windows',
  });
}

const localDate = (atMs: number, timeZone: string) => {
  const { year, month, day } = localTimeAt(atMs, timeZone);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
};

/**
 * `conversations-<first day>-to-<last day>.csv`, the days the period covers in the office-hours time zone (`to`
 * is exclusive: the last day is that of the millisecond before it).
 */
export function csvFileName(fromMs: number, toMs: number, timeZone: string): string {
  return `conversations-${localDate(fromMs, timeZone)}-to-${localDate(toMs - 1, timeZone)}.csv`;
}

/** `from` and `to` as parsed by monitorExportArgsSchema (any offset; compared in UTC like the stored times). */
export function conversationsCsv(
  queries: MonitorQueries,
  period: { from: string; to: string },
  timeZone: string,
): { fileName: string; csv: string } {
  const fromMs = Date.parse(period.from);
  const toMs = Date.parse(period.to);
  return {
    fileName: csvFileName(fromMs, toMs, timeZone),
    csv: toCsv(queries.conversationsEscalatedBetween(isoAt(fromMs), isoAt(toMs))),
  };
}
