import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cacheMigrations, migrateCache } from './cache-migrations.js';
import { temporaryDir } from './test-support/fixtures.js';

function tables(db: Database.Database): string[] {
  return db
    .prepare<[], { name: string }>(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
    )
    .all()
    .map((row) => row.name)
    .sort();
}

function openDb() {
  return new Database(join(temporaryDir(), 'cache.sqlite'));
}

describe('cache migrations', () => {
  it('are numbered 1, 2, … without gaps', () => {
    expect(cacheMigrations.map((m) => m.version)).toEqual(cacheMigrations.map((_, index) => index + 1));
  });

  it('001 creates meta, conversations and messages, with messages keyed by conversation and id', () => {
    const db = openDb();
    expect(migrateCache(db, 1)).toBe(1);
    expect(tables(db)).toEqual(['conversations', 'messages', 'meta']);
    const insert = db.prepare(
      "INSERT INTO messages (conversation_id, id, position, json) VALUES (?, 'm1', 1, '{}')",
    );
    insert.run('c1');
    insert.run('c2'); // the same message id in another conversation is a different message
    expect(() => insert.run('c1')).toThrow(/UNIQUE/);
  });

  it('002 adds the outbox to a version 1 cache, keeping its data', () => {
    const db = openDb();
    migrateCache(db, 1);
    db.prepare("INSERT INTO meta (key, value) VALUES ('last_position', '42')").run();
    expect(migrateCache(db)).toBe(2);
    expect(tables(db)).toContain('outbox');
    expect(db.prepare("SELECT value FROM meta WHERE key = 'last_position'").pluck().get()).toBe('42');
    const insert = db.prepare(
      "INSERT INTO outbox (command_id, conversation_id, type, command_json, created_at) VALUES (?, 'c1', ?, '{}', 'now')",
    );
    insert.run('cmd-1', 'reply');
    expect(() => insert.run('cmd-1', 'reply')).toThrow(/UNIQUE/); // a command id is queued once
    expect(() => insert.run('cmd-2', 'dance')).toThrow(/CHECK/);
    expect(db.prepare("SELECT status FROM outbox WHERE command_id = 'cmd-1'").pluck().get()).toBe('pending');
  });

  it('running them again on an up-to-date cache changes nothing', () => {
    const db = openDb();
    migrateCache(db);
    expect(migrateCache(db)).toBe(cacheMigrations.length);
  });
});
