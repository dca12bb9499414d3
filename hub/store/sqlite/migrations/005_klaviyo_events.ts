// Environment: Node (hub). Issue 6: the event stream as a Klaviyo-compatible API. Metrics (Klaviyo-style
// 6-character ids) and profiles (the shopper's Klaviyo profile ID, else a ULID) get tables; every event gets
// a value, a unique_id (the same one for the same profile and metric keeps the first event only) and the
// profile it belongs to. Events API keys are kept as sha256 only. Existing events are backfilled.
import type { Migration } from '../migrate.js';
import { ensureMetric, profileRefForShopper } from '../stream-identities.js';

export const migration005KlaviyoEvents: Migration = {
  version: 5,
  name: 'klaviyo_events',
  up(db) {
    db.exec(`
      CREATE TABLE metrics (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        -- Who created it: a client of POST /api/events, or the hub itself (shown as the metric's integration).
        integration TEXT NOT NULL CHECK (integration IN ('api', 'handoff_desk')),
        created TEXT NOT NULL,
        updated TEXT NOT NULL
      );

      CREATE TABLE profiles (
        id TEXT PRIMARY KEY,
        -- Each identifier belongs to one profile at most (SQLite lets several rows hold NULL).
        email TEXT UNIQUE COLLATE NOCASE,
        phone_number TEXT UNIQUE,
        external_id TEXT UNIQUE,
        -- first_name, last_name, organization, title, image, locale, location, properties.
        attributes_json TEXT NOT NULL DEFAULT '{}',
        created TEXT NOT NULL,
        updated TEXT NOT NULL
      );

      ALTER TABLE events ADD COLUMN value REAL;
      ALTER TABLE events ADD COLUMN unique_id TEXT;
      ALTER TABLE events ADD COLUMN profile_ref TEXT REFERENCES profiles(id);

      -- Only a sha256 of each key is kept; a revoked key stays for the record under its name.
      CREATE TABLE events_api_keys (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        name TEXT NOT NULL,
        key_hash TEXT NOT NULL UNIQUE,
        created_at TEXT NOT NULL,
        revoked_at TEXT
      );
      CREATE UNIQUE INDEX events_api_keys_active_name ON events_api_keys(name) WHERE revoked_at IS NULL;
    `);

    // Backfill in stream order, so that a profile is created at its shopper's first event.
    const metrics = db
      .prepare('SELECT metric, min(time) AS first FROM events GROUP BY metric ORDER BY min(position)')
      .all() as { metric: string; first: string }[];
    for (const { metric, first } of metrics) ensureMetric(db, metric, 'handoff_desk', first);

    const shoppers = db
      .prepare(
        `SELECT profile_email AS email, profile_id AS profileId, min(time) AS first FROM events
         WHERE profile_email IS NOT NULL OR profile_id IS NOT NULL
         GROUP BY profile_id, lower(profile_email) ORDER BY min(position)`,
      )
      .all() as { email: string | null; profileId: string | null; first: string }[];
    const attribute = db.prepare(
      `UPDATE events SET profile_ref = @ref
       WHERE profile_id IS @profileId AND lower(profile_email) IS lower(@email)`,
    );
    for (const shopper of shoppers) {
      attribute.run({ ...shopper, ref: profileRefForShopper(db, shopper, shopper.first) });
    }
    // The hub's own events are unique by their id.
    db.exec('UPDATE events SET unique_id = id');

    db.exec(`
      -- GET /api/events: by time (unfiltered, or a datetime range), by metric (events_by_metric_time, from
      -- migration 004, already orders by metric, time and position), by profile; positions break ties.
      CREATE INDEX events_by_time ON events(time);
      CREATE INDEX events_by_profile_time ON events(profile_ref, time);
      -- A repeated unique_id for the same profile and metric keeps the first event only.
      CREATE UNIQUE INDEX events_unique_per_profile_metric ON events(profile_ref, metric, unique_id)
        WHERE unique_id IS NOT NULL;
    `);
  },
};
