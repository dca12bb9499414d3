import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../migrate.js';
import { migration001Initial } from './001_initial.js';
import { migrations } from './index.js';

const openDatabases: Database.Database[] = [];
function freshDatabase(): Database.Database {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-migration-'));
  const db = new Database(path.join(dir, 'hub.sqlite'));
  openDatabases.push(db);
  return db;
}
afterEach(() => openDatabases.splice(0).forEach((db) => db.close()));

describe('migration 001 (initial schema)', () => {
  it('creates every table and sets user_version to 1', () => {
    const db = freshDatabase();
    expect(migrate(db, [migration001Initial])).toBe(1);
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    const tables = (
      db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]
    )
      .map((row) => row.name)
      .filter((name) => !name.startsWith('sqlite_'));
    expect(tables.sort()).toEqual(
      [
        'accounts',
        'changes',
        'chat_sessions',
        'commands',
        'conversations',
        'events',
        'integration_tokens',
        'messages',
        'sessions',
      ].sort(),
    );
  });

  it('keeps message ids unique per conversation and orders the change log and events', () => {
    const db = freshDatabase();
    migrate(db, [migration001Initial]);
    db.prepare(
      `INSERT INTO conversations (id, channel, status, shopper_json, created_at) VALUES ('c1', 'sms', 'queued', '{}', 'now')`,
    ).run();
    const insertMessage = db.prepare(
      `INSERT INTO messages (conversation_id, id, position, author, text, sent_at) VALUES ('c1', ?, ?, 'shopper', 'hi', 'now')`,
    );
    insertMessage.run('m1', 0);
    expect(() => insertMessage.run('m1', 1)).toThrow(/UNIQUE/);
    expect(() => insertMessage.run('m2', 0)).toThrow(/UNIQUE/);

    const insertChange = db.prepare(
      "INSERT INTO changes (conversation_id, kind, snapshot_json) VALUES ('c1', 'conversation', '{}')",
    );
    const positions = [1, 2, 3].map(() => Number(insertChange.run().lastInsertRowid));
    expect(positions).toEqual([1, 2, 3]);

    const insertEvent = db.prepare(
      "INSERT INTO events (id, metric, time, properties_json) VALUES (?, 'Handoff Accepted', 'now', '{}')",
    );
    insertEvent.run('e1');
    expect(() => insertEvent.run('e1')).toThrow(/UNIQUE/);
  });

  it('rejects unknown roles, channels and statuses', () => {
    const db = freshDatabase();
    migrate(db, [migration001Initial]);
    expect(() =>
      db
        .prepare(
          `INSERT INTO accounts (id, email, name, role, password_hash, password_salt, created_at)
           VALUES ('a', 'a@b.c', 'A', 'admin', x'00', x'00', 'now')`,
        )
        .run(),
    ).toThrow(/CHECK/);
    expect(() =>
      db
        .prepare(
          `INSERT INTO conversations (id, channel, status, shopper_json, created_at) VALUES ('c', 'fax', 'queued', '{}', 'now')`,
        )
        .run(),
    ).toThrow(/CHECK/);
  });
});

describe('migrate', () => {
  it('is a no-op on an up-to-date database and refuses a newer one', () => {
    const db = freshDatabase();
    migrate(db, migrations);
    expect(migrate(db, migrations)).toBe(migrations.length);
    db.pragma(`user_version = ${migrations.length + 1}`);
    expect(() => migrate(db, migrations)).toThrow(/newer than this hub/);
  });
});
