// Environment: Node (hub). Segments, their members and their scheduled checks on the hub's SQLite file (tables
// from migration 007, applied by the hub store when it opens the file first). Like outbound, it opens its own
// connection: WAL lets it read what the hub store committed and write its own tables without entering the hub
// store's transactions.
import Database from 'better-sqlite3';
import { z } from 'zod';
import { openHubConnection, type StorageLimits } from '../store/sqlite/hub-connection.js';
import { segmentConditionSchema, type SegmentCondition, type SegmentRef } from '../../shared/segments.js';

export interface StoredSegment {
  id: string;
  name: string;
  conditions: SegmentCondition[];
  builtIn: boolean;
  createdAt: string;
  /** Set while the segment is being evaluated over every profile: the last profile id done. */
  backfillAfter: string | null;
}

export interface MemberRow {
  profileId: string;
  email: string | null;
  phoneNumber: string | null;
  externalId: string | null;
  since: string;
}

/** A place in a segment's members, oldest membership first. */
export interface MembersKey {
  since: string;
  profileId: string;
}

interface SegmentRow {
  id: string;
  name: string;
  conditions_json: string;
  built_in: number;
  created_at: string;
  backfill_after: string | null;
}

const conditionsSchema = z.array(segmentConditionSchema);

function toSegment(row: SegmentRow): StoredSegment {
  return {
    id: row.id,
    name: row.name,
    // Parsed: a row another version of the hub wrote must still be a valid definition.
    conditions: conditionsSchema.parse(JSON.parse(row.conditions_json)),
    builtIn: row.built_in === 1,
    createdAt: row.created_at,
    backfillAfter: row.backfill_after,
  };
}

export class SqliteSegmentStore {
  private readonly db: Database.Database;

  constructor(file: string, limits: StorageLimits = {}) {
    this.db = openHubConnection(file, limits);
  }

  /** The connection, for the condition evaluator's reads of the stream. */
  get database(): Database.Database {
    return this.db;
  }

  transaction<T>(work: () => T): T {
    return this.db.transaction(work)();
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  // Segments

  /** Keeps a built-in's row in step with its definition; a changed definition is evaluated afresh. */
  saveBuiltIn(segment: { id: string; name: string; conditions: SegmentCondition[] }, at: string): void {
    this.db
      .prepare(
        `INSERT INTO segments (id, name, conditions_json, built_in, created_at, backfill_after)
         VALUES (@id, @name, @conditions, 1, @at, '')
         ON CONFLICT (id) DO UPDATE SET
           name = excluded.name,
           conditions_json = excluded.conditions_json,
           built_in = 1,
           backfill_after = CASE WHEN segments.conditions_json = excluded.conditions_json
             THEN segments.backfill_after ELSE '' END`,
      )
      .run({ id: segment.id, name: segment.name, conditions: JSON.stringify(segment.conditions), at });
  }

  insertSegment(segment: {
    id: string;
    name: string;
    conditions: SegmentCondition[];
    createdAt: string;
  }): void {
    this.db
      .prepare(
        `INSERT INTO segments (id, name, conditions_json, built_in, created_at, backfill_after)
         VALUES (?, ?, ?, 0, ?, '')`,
      )
      .run(segment.id, segment.name, JSON.stringify(segment.conditions), segment.createdAt);
  }

  /** Removes the segment with its members and checks; false if there is no such segment. */
  deleteSegment(id: string): boolean {
    return this.db.prepare('DELETE FROM segments WHERE id = ?').run(id).changes > 0;
  }

  getSegment(id: string): StoredSegment | null {
    const row = this.db.prepare('SELECT * FROM segments WHERE id = ?').get(id) as SegmentRow | undefined;
    return row ? toSegment(row) : null;
  }

  /** Built-ins first, then by creation. */
  listSegments(): StoredSegment[] {
    return (
      this.db.prepare('SELECT * FROM segments ORDER BY built_in DESC, created_at, id').all() as SegmentRow[]
    ).map(toSegment);
  }

  countLeadSegments(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM segments WHERE built_in = 0').get() as { n: number })
      .n;
  }

  memberCount(segmentId: string): number {
    return (
      this.db.prepare('SELECT count(*) AS n FROM segment_members WHERE segment_id = ?').get(segmentId) as {
        n: number;
      }
    ).n;
  }

  setBackfillAfter(segmentId: string, after: string | null): void {
    this.db.prepare('UPDATE segments SET backfill_after = ? WHERE id = ?').run(after, segmentId);
  }

  /** Profiles by id after `after` (a backfill's next batch). */
  profilesAfter(after: string, limit: number): string[] {
    return (
      this.db.prepare('SELECT id FROM profiles WHERE id > ? ORDER BY id LIMIT ?').all(after, limit) as {
        id: string;
      }[]
    ).map((row) => row.id);
  }

  // Membership

  /** Records one evaluation: joins (since = at) or leaves, and the next check by the clock, if any. */
  applyOutcome(
    segmentId: string,
    profileId: string,
    member: boolean,
    nextCheckAt: string | null,
    at: string,
  ) {
    if (member) {
      this.db
        .prepare(
          `INSERT INTO segment_members (segment_id, profile_id, since) VALUES (?, ?, ?)
           ON CONFLICT DO NOTHING`,
        )
        .run(segmentId, profileId, at);
    } else {
      this.db
        .prepare('DELETE FROM segment_members WHERE segment_id = ? AND profile_id = ?')
        .run(segmentId, profileId);
    }
    if (nextCheckAt === null) {
      this.db
        .prepare('DELETE FROM segment_checks WHERE segment_id = ? AND profile_id = ?')
        .run(segmentId, profileId);
    } else {
      this.db
        .prepare(
          `INSERT INTO segment_checks (segment_id, profile_id, next_check_at) VALUES (?, ?, ?)
           ON CONFLICT (segment_id, profile_id) DO UPDATE SET next_check_at = excluded.next_check_at`,
        )
        .run(segmentId, profileId, nextCheckAt);
    }
  }

  /** Checks due by `now`, earliest first. */
  dueChecks(now: string, limit: number): { segmentId: string; profileId: string }[] {
    return this.db
      .prepare(
        `SELECT segment_id AS segmentId, profile_id AS profileId FROM segment_checks
         WHERE next_check_at <= ? ORDER BY next_check_at LIMIT ?`,
      )
      .all(now, limit) as { segmentId: string; profileId: string }[];
  }

  earliestCheck(): string | null {
    return (
      this.db.prepare('SELECT min(next_check_at) AS at FROM segment_checks').get() as { at: string | null }
    ).at;
  }

  membersPage(segmentId: string, after: MembersKey | null, limit: number): MemberRow[] {
    return this.db
      .prepare(
        `SELECT m.profile_id AS profileId, p.email, p.phone_number AS phoneNumber, p.external_id AS externalId,
                m.since
         FROM segment_members m JOIN profiles p ON p.id = m.profile_id
         WHERE m.segment_id = @segmentId AND (m.since, m.profile_id) > (@since, @profileId)
         ORDER BY m.since, m.profile_id LIMIT @limit`,
      )
      .all({ segmentId, since: after?.since ?? '', profileId: after?.profileId ?? '', limit }) as MemberRow[];
  }

  /** The segments a profile is in now. */
  segmentsOf(profileId: string): SegmentRef[] {
    return this.db
      .prepare(
        `SELECT s.id, s.name FROM segment_members m JOIN segments s ON s.id = m.segment_id
         WHERE m.profile_id = ? ORDER BY s.built_in DESC, s.created_at, s.id`,
      )
      .all(profileId) as SegmentRef[];
  }

  /** The profile of a conversation's shopper (by Klaviyo profile ID, else email), without creating one. */
  findShopperProfile(shopper: { email: string | null; profileId: string | null }): string | null {
    const byId = shopper.profileId
      ? (this.db.prepare('SELECT id FROM profiles WHERE id = ?').get(shopper.profileId) as
          { id: string } | undefined)
      : undefined;
    if (byId) return byId.id;
    const byEmail = shopper.email
      ? (this.db.prepare('SELECT id FROM profiles WHERE email = ?').get(shopper.email) as
          { id: string } | undefined)
      : undefined;
    return byEmail?.id ?? null;
  }

  // The stream

  streamCursor(): number {
    return (this.db.prepare('SELECT cursor FROM segment_stream WHERE id = 1').get() as { cursor: number })
      .cursor;
  }

  /** The events after `position`, in order: their positions and the profiles they belong to. */
  readStreamAfter(position: number, limit: number): { position: number; profileRef: string | null }[] {
    return this.db
      .prepare(
        'SELECT position, profile_ref AS profileRef FROM events WHERE position > ? ORDER BY position LIMIT ?',
      )
      .all(position, limit) as { position: number; profileRef: string | null }[];
  }

  setStreamCursor(position: number): void {
    this.db
      .prepare('UPDATE segment_stream SET cursor = ? WHERE id = 1 AND cursor < ?')
      .run(position, position);
  }
}
