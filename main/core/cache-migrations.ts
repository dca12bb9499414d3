// Environment: Node. Numbered migrations of the desk core's cache (cache.sqlite), tracked with PRAGMA user_version.
// Append new migrations at the end; never edit one that has shipped.
import type Database from 'better-sqlite3-multiple-ciphers';

export interface CacheMigration {
  version: number;
  name: string;
  up(db: Database.Database): void;
}

export const cacheMigrations: readonly CacheMigration[] = [
  {
    version: 1,
    name: 'meta, conversations and messages',
    up(db) {
      db.exec(`
        CREATE TABLE meta (
          key TEXT PRIMARY KEY,
          value TEXT NOT NULL
        );
        CREATE TABLE conversations (
          id TEXT PRIMARY KEY,
          status TEXT NOT NULL,
          assignee_id TEXT,
          escalated_at TEXT,
          last_message_at TEXT,
          version INTEGER NOT NULL,
          json TEXT NOT NULL
        );
        CREATE INDEX conversations_by_status ON conversations (status, escalated_at);
        CREATE TABLE messages (
          conversation_id TEXT NOT NULL,
          id TEXT NOT NULL,
          position INTEGER NOT NULL,
          json TEXT NOT NULL,
          PRIMARY KEY (conversation_id, id)
        );
        CREATE INDEX messages_by_position ON messages (conversation_id, position);
      `);
    },
  },
  {
    version: 2,
    name: 'outbox',
    up(db) {
      // seq keeps send order; a reply the hub refused stays as status 'failed' so its text remains visible.
      db.exec(`
        CREATE TABLE outbox (
          seq INTEGER PRIMARY KEY AUTOINCREMENT,
          command_id TEXT NOT NULL UNIQUE,
          conversation_id TEXT NOT NULL,
          type TEXT NOT NULL CHECK (type IN ('claim', 'reply', 'resolve')),
          command_json TEXT NOT NULL,
          created_at TEXT NOT NULL,
          status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'failed')),
          error_json TEXT
        );
        CREATE INDEX outbox_by_conversation ON outbox (conversation_id, seq);
      `);
    },
  },
  {
    version: 3,
    name: 'issue 3: new commands in the outbox, hub state, shopper history, unread counts, preferences',
    up(db) {
      // SQLite cannot change a CHECK constraint: rebuild the outbox with the new command types, keeping its rows
      // (and their seq, so send order survives).
      db.exec(`
        CREATE TABLE outbox_v3 (
          seq INTEGER PRIMARY KEY AUTOINCREMENT,
          command_id TEXT NOT NULL UNIQUE,
          conversation_id TEXT NOT NULL,
          type TEXT NOT NULL
            CHECK (type IN ('claim', 'reply', 'resolve', 'transfer', 'set_status', 'note', 'set_tags')),
          command_json TEXT NOT NULL,
          created_at TEXT NOT NULL,
          status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'failed')),
          error_json TEXT
        );
        INSERT INTO outbox_v3 (seq, command_id, conversation_id, type, command_json, created_at, status, error_json)
          SELECT seq, command_id, conversation_id, type, command_json, created_at, status, error_json FROM outbox;
        DROP TABLE outbox;
        ALTER TABLE outbox_v3 RENAME TO outbox;
        CREATE INDEX outbox_by_conversation ON outbox (conversation_id, seq);

        -- The hub's last pushes (roster, settings, canned replies), shown while offline. Belongs to the account.
        CREATE TABLE hub_state (
          key TEXT PRIMARY KEY,
          json TEXT NOT NULL
        );
        -- The last shopper:history answer per conversation, for offline review. Belongs to the account.
        CREATE TABLE shopper_history (
          conversation_id TEXT PRIMARY KEY,
          json TEXT NOT NULL,
          fetched_at TEXT NOT NULL
        );
        -- Unread shopper messages and mentions per conversation. Belongs to the account.
        CREATE TABLE unread (
          conversation_id TEXT PRIMARY KEY,
          count INTEGER NOT NULL CHECK (count > 0)
        );
        -- This machine's choices (language, notifications, sound): never wiped by another account signing in.
        CREATE TABLE device_preferences (
          key TEXT PRIMARY KEY,
          json TEXT NOT NULL
        );
      `);
    },
  },
  {
    version: 4,
    name: 'issue 4: full-text search over cached messages',
    up(db) {
      // messages gets an INTEGER PRIMARY KEY (`seq`): the search index points at rows by rowid, and VACUUM may
      // renumber an implicit rowid. `text` and `sent_at` are virtual columns read from the stored JSON, so the
      // index keeps no second copy of the text (external content) and filters need no JSON parsing per row.
      db.exec(`
        CREATE TABLE messages_v4 (
          seq INTEGER PRIMARY KEY,
          conversation_id TEXT NOT NULL,
          id TEXT NOT NULL,
          position INTEGER NOT NULL,
          json TEXT NOT NULL,
          text TEXT GENERATED ALWAYS AS (json_extract(json, '$.text')) VIRTUAL,
          sent_at TEXT GENERATED ALWAYS AS (json_extract(json, '$.sentAt')) VIRTUAL,
          UNIQUE (conversation_id, id)
        );
        INSERT INTO messages_v4 (conversation_id, id, position, json)
          SELECT conversation_id, id, position, json FROM messages ORDER BY conversation_id, position, id;
        DROP TABLE messages;
        ALTER TABLE messages_v4 RENAME TO messages;
        CREATE INDEX messages_by_position ON messages (conversation_id, position);

        -- remove_diacritics 2: "bestallning" finds "beställning" (and "å", "ä", "ö" typed without dots).
        CREATE VIRTUAL TABLE message_search USING fts5(
          text,
          content = 'messages',
          content_rowid = 'seq',
          tokenize = 'unicode61 remove_diacritics 2'
        );
        -- The index follows every change to messages; an external-content delete must name the old text.
        CREATE TRIGGER messages_search_insert AFTER INSERT ON messages BEGIN
          INSERT INTO message_search (rowid, text) VALUES (new.seq, new.text);
        END;
        CREATE TRIGGER messages_search_delete AFTER DELETE ON messages BEGIN
          INSERT INTO message_search (message_search, rowid, text) VALUES ('delete', old.seq, old.text);
        END;
        CREATE TRIGGER messages_search_update AFTER UPDATE OF json ON messages BEGIN
          INSERT INTO message_search (message_search, rowid, text) VALUES ('delete', old.seq, old.text);
          INSERT INTO message_search (rowid, text) VALUES (new.seq, new.text);
        END;
        -- Messages cached before this migration become searchable at once.
        INSERT INTO message_search (message_search) VALUES ('rebuild');
      `);
    },
  },
  {
    version: 5,
    name: 'issue 4: indexes for retention, cache info and refused actions',
    up(db) {
      // Retention looks for resolved conversations by the time of their last message; cacheInfo asks for the
      // oldest message (sent_at is the virtual column of 004: the index stores its values, the table does not);
      // the failed-actions list and the unsent count read the outbox by status.
      db.exec(`
        CREATE INDEX conversations_by_last_message ON conversations (status, last_message_at);
        CREATE INDEX messages_by_sent_at ON messages (sent_at);
        CREATE INDEX outbox_by_status ON outbox (status, seq);
      `);
    },
  },
  {
    version: 6,
    name: 'issue 8: messages by the instant they were sent, for search newest first',
    up(db) {
      // Search lists matches newest first by julianday(sent_at) (times may carry different offsets). On a big
      // cache a common word matches tens of thousands of messages; walking this index from the newest down and
      // keeping the matching ones stops after a page instead of sorting them all (see search.ts). The rowid
      // (seq) that every index entry ends with is the tie-break search uses.
      db.exec('CREATE INDEX messages_by_sent_instant ON messages (julianday(sent_at))');
    },
  },
];

/** Brings the database up to `target` (default: the latest), each migration in its own transaction. */
export function migrateCache(
  db: Database.Database,
  target: number = cacheMigrations[cacheMigrations.length - 1]?.version ?? 0,
): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (const migration of cacheMigrations) {
    if (migration.version <= current || migration.version > target) continue;
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
  return db.pragma('user_version', { simple: true }) as number;
}
