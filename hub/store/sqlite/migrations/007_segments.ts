// Environment: Node (hub). Issue 6: segments. Each segment's members are kept (with when they joined), and so is
// the next time each (segment, profile) may change by the clock alone (a counted event leaving a window), so
// that expiry is a range read of what is due rather than a scan of every profile. The segments engine
// (hub/segments) keeps the built-ins' rows itself; lead-defined segments are added and removed by leads.
import type { Migration } from '../migrate.js';

export const migration007Segments: Migration = {
  version: 7,
  name: 'segments',
  up(db) {
    db.exec(`
      CREATE TABLE segments (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        conditions_json TEXT NOT NULL,
        built_in INTEGER NOT NULL CHECK (built_in IN (0, 1)),
        created_at TEXT NOT NULL,
        -- While the segment is evaluated over every profile (when new, or when a built-in's conditions changed):
        -- the last profile id done ('' before the first). NULL once done; a restarted hub resumes after it.
        backfill_after TEXT
      );

      CREATE TABLE segment_members (
        segment_id TEXT NOT NULL REFERENCES segments(id) ON DELETE CASCADE,
        profile_id TEXT NOT NULL REFERENCES profiles(id),
        -- When the profile last joined the segment (the hub's clock).
        since TEXT NOT NULL,
        PRIMARY KEY (segment_id, profile_id)
      );
      -- Members pages: oldest membership first. The shopper panel: a profile's segments.
      CREATE INDEX segment_members_by_since ON segment_members(segment_id, since, profile_id);
      CREATE INDEX segment_members_by_profile ON segment_members(profile_id);

      -- When a (segment, profile) must be evaluated again though no event arrived: the oldest counted event
      -- leaves a window. Members and candidates alike (an "at most" condition starts holding by the clock).
      CREATE TABLE segment_checks (
        segment_id TEXT NOT NULL REFERENCES segments(id) ON DELETE CASCADE,
        profile_id TEXT NOT NULL REFERENCES profiles(id),
        next_check_at TEXT NOT NULL,
        PRIMARY KEY (segment_id, profile_id)
      );
      CREATE INDEX segment_checks_due ON segment_checks(next_check_at);

      -- The last stream position whose profiles were evaluated: events committed while the hub was down (or by
      -- another process) are caught up from here, so nothing depends on a commit notification.
      CREATE TABLE segment_stream (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        cursor INTEGER NOT NULL CHECK (cursor >= 0)
      );
      -- Existing events are covered by evaluating every profile (the built-ins' backfill).
      INSERT INTO segment_stream (id, cursor) VALUES (1, (SELECT coalesce(max(position), 0) FROM events));

      -- A condition reads one profile's events of one metric within a time range.
      CREATE INDEX events_by_profile_metric_time ON events(profile_ref, metric, time);
    `);
  },
};
