import Database from 'better-sqlite3-multiple-ciphers';
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
    expect(migrateCache(db, 2)).toBe(2);
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

  it('003 rebuilds the outbox for the new command types, keeping queued commands, their order and their seq', () => {
    const db = openDb();
    migrateCache(db, 2);
    const insertV2 = db.prepare(
      "INSERT INTO outbox (command_id, conversation_id, type, command_json, created_at, status, error_json) VALUES (?, 'c1', ?, ?, 'then', ?, ?)",
    );
    insertV2.run('claim-1', 'claim', '{"a":1}', 'pending', null);
    insertV2.run('reply-1', 'reply', '{"b":2}', 'failed', '{"code":"not_assignee","message":"no"}');
    expect(() => insertV2.run('note-0', 'note', '{}', 'pending', null)).toThrow(/CHECK/);

    expect(migrateCache(db, 3)).toBe(3);
    expect(tables(db)).toEqual(
      expect.arrayContaining(['device_preferences', 'hub_state', 'outbox', 'shopper_history', 'unread']),
    );
    expect(
      db
        .prepare('SELECT seq, command_id, type, command_json, status, error_json FROM outbox ORDER BY seq')
        .all(),
    ).toEqual([
      {
        seq: 1,
        command_id: 'claim-1',
        type: 'claim',
        command_json: '{"a":1}',
        status: 'pending',
        error_json: null,
      },
      {
        seq: 2,
        command_id: 'reply-1',
        type: 'reply',
        command_json: '{"b":2}',
        status: 'failed',
        error_json: '{"code":"not_assignee","message":"no"}',
      },
    ]);
    const insert = db.prepare(
      "INSERT INTO outbox (command_id, conversation_id, type, command_json, created_at) VALUES (?, 'c1', ?, '{}', 'now')",
    );
    for (const type of ['transfer', 'set_status', 'note', 'set_tags']) insert.run(`cmd-${type}`, type);
    // New commands queue after the old ones (AUTOINCREMENT carried over), and unknown types are still refused.
    expect(db.prepare("SELECT seq FROM outbox WHERE command_id = 'cmd-transfer'").pluck().get()).toBe(3);
    expect(() => insert.run('cmd-x', 'dance')).toThrow(/CHECK/);
    expect(() => insert.run('claim-1', 'claim')).toThrow(/UNIQUE/);
    expect(() => db.prepare("INSERT INTO unread (conversation_id, count) VALUES ('c1', 0)").run()).toThrow(
      /CHECK/,
    );
  });

  it('004 indexes messages cached before it for full-text search, and triggers keep the index in step', () => {
    const db = openDb();
    migrateCache(db, 3);
    const insertV3 = db.prepare(
      'INSERT INTO messages (conversation_id, id, position, json) VALUES (?, ?, ?, ?)',
    );
    insertV3.run('c1', 'm1', 1, JSON.stringify({ text: 'Var är min beställning?' }));
    insertV3.run('c1', 'm2', 2, JSON.stringify({ text: 'Den kom aldrig' }));

    expect(migrateCache(db, 4)).toBe(4);
    const found = (query: string) =>
      db
        .prepare<[string], { id: string }>(
          `SELECT m.id FROM message_search JOIN messages m ON m.seq = message_search.rowid
           WHERE message_search MATCH ? ORDER BY m.id`,
        )
        .all(query)
        .map((row) => row.id);
    // Already cached messages are found at once, without their diacritics too.
    expect(found('bestallning')).toEqual(['m1']);
    expect(found('kom')).toEqual(['m2']);
    // The rows and their order survived the rebuild; (conversation, id) is still unique.
    expect(db.prepare('SELECT id FROM messages ORDER BY conversation_id, position').pluck().all()).toEqual([
      'm1',
      'm2',
    ]);
    const insert = db.prepare(
      'INSERT INTO messages (conversation_id, id, position, json) VALUES (?, ?, ?, ?)',
    );
    expect(() => insert.run('c1', 'm1', 3, '{}')).toThrow(/UNIQUE/);

    insert.run('c2', 'm1', 1, JSON.stringify({ text: 'Ny fråga om leverans' }));
    expect(found('leverans')).toEqual(['m1']);
    db.prepare("UPDATE messages SET json = ? WHERE conversation_id = 'c1' AND id = 'm2'").run(
      JSON.stringify({ text: 'Paketet har kommit' }),
    );
    expect(found('kom')).toEqual([]);
    expect(found('paketet')).toEqual(['m2']);
    db.prepare("DELETE FROM messages WHERE conversation_id = 'c1' AND id = 'm1'").run();
    expect(found('bestallning')).toEqual([]);
    // The external-content index agrees with the messages table after all that.
    expect(() =>
      db.prepare("INSERT INTO message_search (message_search, rank) VALUES ('integrity-check', 1)").run(),
    ).not.toThrow();
  });

  it('005 indexes what retention, cache info and the refused-actions list look up, keeping the data', () => {
    const db = openDb();
    migrateCache(db, 4);
    db.prepare(
      "INSERT INTO conversations (id, status, last_message_at, version, json) VALUES ('c1', 'resolved', '2026-01-01T10:00:00.000Z', 3, '{}')",
    ).run();
    db.prepare('INSERT INTO messages (conversation_id, id, position, json) VALUES (?, ?, ?, ?)').run(
      'c1',
      'm1',
      1,
      JSON.stringify({ text: 'Hej', sentAt: '2026-01-01T09:59:00.000Z' }),
    );
    db.prepare(
      "INSERT INTO outbox (command_id, conversation_id, type, command_json, created_at, status) VALUES ('k1', 'c1', 'claim', '{}', 'then', 'failed')",
    ).run();

    expect(migrateCache(db, 5)).toBe(5);
    const plan = (sql: string) =>
      db
        .prepare<[], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)
        .all()
        .map((row) => row.detail)
        .join('\n');
    expect(
      plan("SELECT id FROM conversations WHERE status = 'resolved' AND last_message_at < '2026-02-01'"),
    ).toContain('conversations_by_last_message');
    expect(plan('SELECT MIN(sent_at) FROM messages')).toContain('messages_by_sent_at');
    expect(plan("SELECT * FROM outbox WHERE status = 'failed' ORDER BY seq")).toContain('outbox_by_status');
    // The rows are untouched, and the oldest message is read from the index.
    expect(db.prepare('SELECT MIN(sent_at) FROM messages').pluck().get()).toBe('2026-01-01T09:59:00.000Z');
    expect(db.prepare("SELECT status FROM outbox WHERE command_id = 'k1'").pluck().get()).toBe('failed');
    expect(db.prepare("SELECT version FROM conversations WHERE id = 'c1'").pluck().get()).toBe(3);
  });

  it('running them again on an up-to-date cache changes nothing', () => {
    const db = openDb();
    migrateCache(db);
    expect(migrateCache(db)).toBe(cacheMigrations.length);
  });
});
