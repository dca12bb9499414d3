// Environment: Node (hub). Issue 4: the log's identity (a UUID fixed when the log is created, sent with every
// sync page), and what compaction and erasure need in the change log: when each change was recorded, the
// entity it is a snapshot of, the `deleted` kind (a conversation erased on the hub), and an index by entity.
import { randomUUID } from 'node:crypto';
import type { Migration } from '../migrate.js';

export const migration003LogIdentityAndCompaction: Migration = {
  version: 3,
  name: 'log_identity_and_compaction',
  up(db) {
    // The kind lives in a CHECK constraint, which SQLite can only change by rebuilding the table. Nothing
    // references `changes`, so foreign keys need no special care.
    const sequence = db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'changes'").get() as
      { seq: number } | undefined;
    db.exec(`
      CREATE TABLE hub_meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );

      CREATE TABLE changes_new (
        position INTEGER PRIMARY KEY AUTOINCREMENT,
        conversation_id TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('conversation', 'message', 'deleted')),
        -- What the change is a snapshot of: the conversation id, or the message id (unique within its
        -- conversation). Compaction keeps the latest change per (conversation_id, kind, entity_id).
        entity_id TEXT NOT NULL,
        -- A tombstone (deleted) carries nothing but its conversation id.
        snapshot_json TEXT,
        -- Epoch milliseconds on the hub's clock: compaction never touches a change younger than the retention.
        recorded_at INTEGER NOT NULL,
        CHECK ((kind = 'deleted') = (snapshot_json IS NULL))
      );
    `);
    db.prepare(
      `INSERT INTO changes_new (position, conversation_id, kind, entity_id, snapshot_json, recorded_at)
       SELECT position, conversation_id, kind,
              CASE kind WHEN 'message' THEN json_extract(snapshot_json, '$.id') ELSE conversation_id END,
              -- A conversation snapshot was logged with its previous version: it gets its own position,
              -- as the live push had it.
              CASE kind WHEN 'conversation' THEN json_set(snapshot_json, '$.version', position)
                        ELSE snapshot_json END,
              ?
       FROM changes ORDER BY position`,
    ).run(Date.now());
    db.exec(`
      DROP TABLE changes;
      ALTER TABLE changes_new RENAME TO changes;
      -- Serves compaction (is there a later change of this entity?), erasure (every change of a
      -- conversation) and "was this conversation erased?" (its tombstone).
      CREATE INDEX changes_by_entity ON changes(conversation_id, kind, entity_id, position);
    `);
    // Positions never go back, even if the log's last changes were removed before this rebuild.
    if (sequence) {
      db.prepare("UPDATE sqlite_sequence SET seq = max(seq, ?) WHERE name = 'changes'").run(sequence.seq);
      db.prepare(
        "INSERT INTO sqlite_sequence (name, seq) SELECT 'changes', ? WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'changes')",
      ).run(sequence.seq);
    }
    db.prepare("INSERT INTO hub_meta (key, value) VALUES ('log_id', ?)").run(randomUUID());
  },
};
