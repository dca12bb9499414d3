// Environment: Node. Numbered migrations of the desk core's cache (cache.sqlite), tracked with PRAGMA user_version.
// Append new migrations at the end; never edit one that has shipped.
import type Database from 'better-sqlite3';

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
