// Environment: Node (hub). The lead's monitor figures (shared/monitor.ts defines each), computed from the event
// stream and the current state: the queue, the roster with presence, the settings. Today is the team's day in
// the office-hours time zone; the hourly points are the last 24 local hours, the last one still running.
import { METRICS } from '../../shared/events.js';
import {
  ALL_CHANNELS,
  type HourlyPoint,
  type MonitorAgent,
  type MonitorSnapshot,
} from '../../shared/monitor.js';
import type { HubSettings } from '../../shared/settings.js';
import type { Roster } from '../../shared/team.js';
import { isoAt, secondsBetween } from '../core/clock.js';
import type { HandoffResolutionRow, MonitorQueries } from '../store/monitor-queries.js';
import { durationStats, medianOf } from './duration-stats.js';
import { slaSection } from './sla-standings.js';
import { dayStartOf, hourStartOf, HOUR_MS } from './team-day.js';
import { waitingAtHourEnds } from './waiting-history.js';

export interface MonitorInputs {
  queries: MonitorQueries;
  roster: Roster;
  settings: HubSettings;
  nowMs: number;
}

export interface ComputedMonitor {
  snapshot: MonitorSnapshot;
  /** When a conversation next turns near or breached: the figures move then without any event. */
  nextSlaCrossingMs: number | null;
}

const HOURS = 24;

/** A conversation resolved more than once in a period counts once, with its latest resolution. */
function latestPerConversation(rows: readonly HandoffResolutionRow[]): HandoffResolutionRow[] {
  const latest = new Map<string, HandoffResolutionRow>();
  for (const row of rows) latest.set(row.conversationId, row);
  return [...latest.values()];
}

const within = (atMs: number, fromMs: number, toMs: number) => atMs >= fromMs && atMs < toMs;

export function computeMonitor({ queries, roster, settings, nowMs }: MonitorInputs): ComputedMonitor {
  const timeZone = settings.officeHours.timeZone;
  const dayStartMs = dayStartOf(nowMs, timeZone);
  const dayStart = isoAt(dayStartMs);
  const currentHourStart = hourStartOf(nowMs, timeZone);
  const hourStarts = Array.from(
    { length: HOURS },
    (_, index) => currentHourStart - (HOURS - 1 - index) * HOUR_MS,
  );
  // Everything up to and including this millisecond.
  const endMs = nowMs + 1;
  const end = isoAt(endMs);
  const windowStartMs = Math.min(dayStartMs, hourStarts[0]!);
  const windowStart = isoAt(windowStartMs);

  const queued = queries.queuedByChannel();
  const waiting = queued.reduce((sum, entry) => sum + entry.count, 0);
  const oldestWaitingSince =
    queued.map((entry) => entry.oldestEscalatedAt).sort((a, b) => Date.parse(a) - Date.parse(b))[0] ?? null;

  const escalations = queries.escalationsBetween(dayStart, end);
  const handoffsToday = escalations.reduce((sum, entry) => sum + entry.count, 0);
  const resolvedByAiToday = queries.countEventsBetween(METRICS.conversationResolved, dayStart, end);
  const endedToday = handoffsToday + resolvedByAiToday;

  const reasons = new Map<string, number>();
  for (const entry of escalations) reasons.set(entry.reason, (reasons.get(entry.reason) ?? 0) + entry.count);
  const byReason = [...reasons]
    .map(([reason, count]) => ({ reason, handoffsToday: count }))
    .sort((a, b) => b.handoffsToday - a.handoffsToday || a.reason.localeCompare(b.reason));
  const byChannel = ALL_CHANNELS.map((channel) => ({
    channel,
    handoffsToday: escalations
      .filter((entry) => entry.channel === channel)
      .reduce((sum, entry) => sum + entry.count, 0),
    waiting: queued.find((entry) => entry.channel === channel)?.count ?? 0,
  }));

  const firstResponses = queries.firstResponsesBetween(windowStart, end).map((row) => ({
    responderId: row.responderId,
    atMs: Date.parse(row.firstResponseAt),
    seconds: secondsBetween(row.escalatedAt, row.firstResponseAt),
  }));
  const firstResponsesToday = firstResponses.filter((row) => row.atMs >= dayStartMs);
  const resolutions = queries.handoffResolutionsBetween(windowStart, end);
  const resolutionsToday = resolutions.filter((row) => Date.parse(row.time) >= dayStartMs);

  const agents: MonitorAgent[] = roster.map((member) => ({
    id: member.id,
    name: member.name,
    email: member.email,
    role: member.role,
    presence: member.presence,
    openCount: member.openCount,
    capacity: member.capacity,
    handledToday: new Set(
      resolutionsToday.filter((row) => row.agentId === member.id).map((row) => row.conversationId),
    ).size,
    firstResponseToday: durationStats(
      firstResponsesToday.filter((row) => row.responderId === member.id).map((row) => row.seconds),
    ),
  }));

  const handoffsPerHour = queries.countEventsPerHour(METRICS.conversationEscalated, hourStarts[0]!, HOURS);
  const waitingPerHour = waitingAtHourEnds(
    waiting,
    queries.queueMovementsSince(isoAt(hourStarts[0]! + HOUR_MS)),
    hourStarts,
    nowMs,
  );
  const hourly: HourlyPoint[] = hourStarts.map((hourStart, index) => ({
    hourStart: isoAt(hourStart),
    handoffs: handoffsPerHour[index] ?? 0,
    waiting: waitingPerHour[index] ?? 0,
    firstResponseMedianSeconds: medianOf(
      firstResponses
        .filter((row) => within(row.atMs, hourStart, hourStart + HOUR_MS))
        .map((row) => row.seconds),
    ),
    resolutionMedianSeconds: medianOf(
      latestPerConversation(
        resolutions.filter((row) => within(Date.parse(row.time), hourStart, hourStart + HOUR_MS)),
      ).map((row) => row.resolutionSeconds),
    ),
  }));

  const { sla, nextCrossingMs } = slaSection(queries.awaitingFirstResponse(), settings, nowMs);
  return {
    snapshot: {
      computedAt: isoAt(nowMs),
      timeZone,
      dayStart,
      waiting,
      oldestWaitingSince,
      agentsOnline: roster.filter((member) => member.presence === 'online').length,
      agents,
      handoffsToday,
      resolvedByAiToday,
      resolutionRate: endedToday === 0 ? null : resolvedByAiToday / endedToday,
      routedToTeam: endedToday === 0 ? null : handoffsToday / endedToday,
      firstResponse: durationStats(firstResponsesToday.map((row) => row.seconds)),
      resolution: durationStats(latestPerConversation(resolutionsToday).map((row) => row.resolutionSeconds)),
      byChannel,
      byReason,
      sla,
      hourly,
    },
    nextSlaCrossingMs: nextCrossingMs,
  };
}
