// Environment: Node (hub). Whether one condition holds for one profile now, and the next time it may change by
// the clock alone. Each read is one indexed range: events by (profile_ref, metric, time), newest first.
import type Database from 'better-sqlite3';
import type { SegmentCondition } from '../../shared/segments.js';
import { isoAt } from '../core/clock.js';

export const DAY_MS = 24 * 60 * 60 * 1000;

export interface ConditionOutcome {
  holds: boolean;
  /** When the outcome may flip with no new event (a counted event leaves the window); null if it cannot. */
  changesAt: number | null;
}

/** The condition reads (exported so that tests can check their query plans). */
export const CONDITION_SQL = {
  // OFFSET n on the index walked newest first: the (n+1)-th newest event, without reading them into memory.
  nthNewest: `SELECT time FROM events WHERE profile_ref = ? AND metric = ? AND time > ?
    ORDER BY time DESC LIMIT 1 OFFSET ?`,
  nthNewestEver: `SELECT time FROM events WHERE profile_ref = ? AND metric = ?
    ORDER BY time DESC LIMIT 1 OFFSET ?`,
  // "Since" is in stream order: events of the same second (the API truncates times to seconds) are ordered
  // by position, so that an order placed in the recommendation's second but after it counts as since.
  latest: `SELECT time, position FROM events WHERE profile_ref = ? AND metric = ?
    ORDER BY time DESC, position DESC LIMIT 1`,
  anyAfter: `SELECT 1 FROM events WHERE profile_ref = ? AND metric = ? AND (time, position) > (?, ?) LIMIT 1`,
  // json_each compares a top-level property by its exact name (any characters) and by JSON type, so that
  // "1" (text) and 1 (number), or true and 1, are different values.
  latestWithProperty: `SELECT e.time FROM events e
    WHERE e.profile_ref = @profile AND e.metric = @metric AND e.time > @after
      AND EXISTS (
        SELECT 1 FROM json_each(e.properties_json) p
        WHERE p.key = @key AND (
          (@type = 'boolean' AND p.type = CASE WHEN @value THEN 'true' ELSE 'false' END)
          OR (@type = 'number' AND p.type IN ('integer', 'real') AND p.value = @value)
          OR (@type = 'string' AND p.type = 'text' AND p.value = @value)))
    ORDER BY e.time DESC LIMIT 1`,
} as const;

/**
 * Reads one profile's events. An event at time t is "within the last D days" while now < t + D days, so the
 * window's lower bound is exclusive and the event leaves it exactly at t + D days.
 */
export class ConditionEvaluator {
  private readonly nthNewest: Database.Statement<[string, string, string, number], { time: string }>;
  private readonly nthNewestEver: Database.Statement<[string, string, number], { time: string }>;
  private readonly latest: Database.Statement<[string, string], { time: string; position: number }>;
  private readonly anyAfter: Database.Statement<[string, string, string, number], unknown>;
  private readonly latestWithProperty: Database.Statement<
    { profile: string; metric: string; after: string; key: string; type: string; value: unknown },
    { time: string }
  >;

  constructor(db: Database.Database) {
    this.nthNewest = db.prepare(CONDITION_SQL.nthNewest);
    this.nthNewestEver = db.prepare(CONDITION_SQL.nthNewestEver);
    this.latest = db.prepare(CONDITION_SQL.latest);
    this.anyAfter = db.prepare(CONDITION_SQL.anyAfter);
    this.latestWithProperty = db.prepare(CONDITION_SQL.latestWithProperty);
  }

  evaluate(condition: SegmentCondition, profileId: string, now: number): ConditionOutcome {
    switch (condition.kind) {
      case 'metric_count':
        return this.metricCount(condition, profileId, now);
      case 'none_since': {
        const since = this.latest.get(profileId, condition.sinceMetric);
        if (!since) return { holds: true, changesAt: null };
        const after = this.anyAfter.get(profileId, condition.metric, since.time, since.position);
        return { holds: after === undefined, changesAt: null };
      }
      case 'property_equals': {
        const windowMs = condition.withinDays === null ? null : condition.withinDays * DAY_MS;
        const row = this.latestWithProperty.get({
          profile: profileId,
          metric: condition.metric,
          after: windowMs === null ? '' : isoAt(now - windowMs),
          key: condition.property,
          type: typeof condition.value,
          value: typeof condition.value === 'boolean' ? Number(condition.value) : condition.value,
        });
        if (!row) return { holds: false, changesAt: null };
        return { holds: true, changesAt: windowMs === null ? null : Date.parse(row.time) + windowMs };
      }
    }
  }

  private metricCount(
    condition: Extract<SegmentCondition, { kind: 'metric_count' }>,
    profileId: string,
    now: number,
  ): ConditionOutcome {
    const windowMs = condition.withinDays === null ? null : condition.withinDays * DAY_MS;
    const nth = (offset: number) =>
      windowMs === null
        ? this.nthNewestEver.get(profileId, condition.metric, offset)
        : this.nthNewest.get(profileId, condition.metric, isoAt(now - windowMs), offset);
    const leaves = (row: { time: string } | undefined) =>
      row && windowMs !== null ? Date.parse(row.time) + windowMs : null;
    if (condition.comparison === 'at_least') {
      if (condition.count === 0) return { holds: true, changesAt: null };
      // Holds while the count-th newest event is in the window; stops holding when it leaves.
      const row = nth(condition.count - 1);
      return { holds: row !== undefined, changesAt: leaves(row) };
    }
    // At most `count`: broken while a (count+1)-th newest event is in the window; holds again once it leaves.
    const row = nth(condition.count);
    return { holds: row === undefined, changesAt: leaves(row) };
  }
}

/** Every condition must hold; the segment's outcome may change when the first of its conditions may. */
export function evaluateConditions(
  evaluator: ConditionEvaluator,
  conditions: readonly SegmentCondition[],
  profileId: string,
  now: number,
): ConditionOutcome {
  let holds = true;
  let changesAt: number | null = null;
  for (const condition of conditions) {
    const outcome = evaluator.evaluate(condition, profileId, now);
    holds &&= outcome.holds;
    if (outcome.changesAt !== null) changesAt = Math.min(changesAt ?? Infinity, outcome.changesAt);
  }
  return { holds, changesAt };
}
