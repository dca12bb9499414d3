// Environment: Node (hub). Issue 6: out of the hub. Forwarding and each webhook subscription are destinations
// that read the event stream after their own cursor (the events table is the durable queue); their attempts
// and the events they gave up on are kept for leads to see.
import type { Migration } from '../migrate.js';

export const migration006Outbound: Migration = {
  version: 6,
  name: 'outbound',
  up(db) {
    db.exec(`
      CREATE TABLE outbound_destinations (
        -- 'forwarding', or a webhook subscription's id (wh_…).
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('forwarding', 'webhook')),
        url TEXT NOT NULL,
        metrics_json TEXT NOT NULL,
        -- Webhooks only: the signing secret itself. HMAC needs the key to sign each delivery, so a hash of it
        -- (as for session tokens) would leave the hub unable to sign.
        secret TEXT CHECK ((kind = 'webhook') = (secret IS NOT NULL)),
        -- The last event position handled (delivered, or given up on): the next delivery reads after it.
        cursor INTEGER NOT NULL DEFAULT 0 CHECK (cursor >= 0),
        created_at TEXT NOT NULL,
        last_delivered_at TEXT,
        last_error_json TEXT,
        -- When the event at the cursor may be tried again (after a failure; a 429's Retry-After): kept so that a
        -- restarted hub waits too.
        next_attempt_at TEXT
      );

      -- One row per attempt to deliver one event: the delivery log (trimmed to the latest per destination).
      CREATE TABLE outbound_attempts (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        destination_id TEXT NOT NULL REFERENCES outbound_destinations(id) ON DELETE CASCADE,
        event_id TEXT NOT NULL,
        position INTEGER NOT NULL,
        attempt INTEGER NOT NULL CHECK (attempt >= 1),
        status INTEGER,
        error TEXT,
        outcome TEXT NOT NULL CHECK (outcome IN ('delivered', 'retrying', 'failed')),
        at TEXT NOT NULL,
        duration_ms INTEGER NOT NULL CHECK (duration_ms >= 0)
      );
      CREATE INDEX outbound_attempts_by_destination ON outbound_attempts(destination_id, id);
      CREATE INDEX outbound_attempts_by_event ON outbound_attempts(destination_id, event_id);

      -- Events a destination gave up on (a permanent 4xx): skipped, never retried, visible to leads.
      CREATE TABLE outbound_failures (
        destination_id TEXT NOT NULL REFERENCES outbound_destinations(id) ON DELETE CASCADE,
        event_id TEXT NOT NULL,
        position INTEGER NOT NULL,
        metric TEXT NOT NULL,
        status INTEGER,
        error TEXT NOT NULL,
        failed_at TEXT NOT NULL,
        PRIMARY KEY (destination_id, event_id)
      );
      CREATE INDEX outbound_failures_by_position ON outbound_failures(destination_id, position);

      -- A destination's next events and its lag: its metrics' events after its cursor, in stream order.
      CREATE INDEX events_by_metric_position ON events(metric, position);
    `);
  },
};
