import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../migrate.js';
import { migration001Initial } from './001_initial.js';
import { migration002TeamWorkflow } from './002_team_workflow.js';

const openDatabases: Database.Database[] = [];
function databaseAtVersion1(): Database.Database {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-migration-'));
  const db = new Database(path.join(dir, 'hub.sqlite'));
  db.pragma('foreign_keys = ON');
  openDatabases.push(db);
  migrate(db, [migration001Initial]);
  db.exec(`
    INSERT INTO accounts (id, email, name, role, password_hash, password_salt, created_at)
      VALUES ('a1', 'alva@example.com', 'Alva', 'agent', x'00', x'00', 'now');
    INSERT INTO conversations (id, channel, status, shopper_json, assignee_id, created_at, escalated_at, version)
      VALUES ('c1', 'web_chat', 'open', '{"email":"Nora@Example.se"}', 'a1', 't0', 't1', 7);
    INSERT INTO messages (conversation_id, id, position, author, text, sent_at) VALUES ('c1', 'm1', 0, 'shopper', 'hej', 't0');
    INSERT INTO chat_sessions (chat_id, conversation_id, token_hash, created_at) VALUES ('chat1', 'c1', 'h', 't0');
  `);
  return db;
}
afterEach(() => openDatabases.splice(0).forEach((db) => db.close()));

describe('migration 002 (team workflow)', () => {
  it('keeps every conversation, message and chat session, and sets user_version to 2', () => {
    const db = databaseAtVersion1();
    expect(migrate(db, [migration001Initial, migration002TeamWorkflow])).toBe(2);
    expect(db.prepare('SELECT * FROM conversations').all()).toEqual([
      expect.objectContaining({
        id: 'c1',
        status: 'open',
        assignee_id: 'a1',
        version: 7,
        snoozed_until: null,
        tags_json: '[]',
      }),
    ]);
    expect(db.prepare('SELECT id, internal, mentions_json FROM messages').all()).toEqual([
      { id: 'm1', internal: 0, mentions_json: '[]' },
    ]);
    expect(db.prepare('SELECT chat_id FROM chat_sessions').all()).toEqual([{ chat_id: 'chat1' }]);
    // Foreign keys are back on, and the rebuilt table is still the one messages point at.
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(() =>
      db
        .prepare(
          "INSERT INTO messages (conversation_id, id, position, author, text, sent_at) VALUES ('nope', 'x', 0, 'shopper', 'hi', 't')",
        )
        .run(),
    ).toThrow(/FOREIGN KEY/);
  });

  it('accepts pending and snoozed, and a wake time only while snoozed', () => {
    const db = databaseAtVersion1();
    migrate(db, [migration001Initial, migration002TeamWorkflow]);
    const setStatus = db.prepare("UPDATE conversations SET status = ?, snoozed_until = ? WHERE id = 'c1'");
    expect(() => setStatus.run('pending', null)).not.toThrow();
    expect(() => setStatus.run('snoozed', '2030-01-01T00:00:00.000Z')).not.toThrow();
    expect(() => setStatus.run('snoozed', null)).toThrow(/CHECK/);
    expect(() => setStatus.run('open', '2030-01-01T00:00:00.000Z')).toThrow(/CHECK/);
    expect(() => setStatus.run('archived', null)).toThrow(/CHECK/);
  });

  it('creates the team tables with their constraints', () => {
    const db = databaseAtVersion1();
    migrate(db, [migration001Initial, migration002TeamWorkflow]);
    const insertReply = db.prepare(
      "INSERT INTO canned_replies (id, scope, owner_id, shortcut, title, body, updated_at) VALUES (?, ?, ?, 's', 't', 'b', 'now')",
    );
    expect(() => insertReply.run('r1', 'shared', null)).not.toThrow();
    expect(() => insertReply.run('r2', 'personal', 'a1')).not.toThrow();
    expect(() => insertReply.run('r3', 'personal', null)).toThrow(/CHECK/);
    expect(() => insertReply.run('r4', 'personal', 'nobody')).toThrow(/FOREIGN KEY/);
    const insertState = db.prepare('INSERT INTO agent_states (account_id, chosen_presence) VALUES (?, ?)');
    expect(() => insertState.run('a1', 'busy')).toThrow(/CHECK/);
    insertState.run('a1', 'away');
    db.prepare("INSERT INTO settings (field, value_json) VALUES ('autoAssign', 'true')").run();
    expect(() =>
      db
        .prepare(
          "INSERT INTO settings_audit (id, at, actor_id, actor_name, actor_email, changes_json) VALUES ('x', 'now', 'a1', 'A', 'a@b', '[]')",
        )
        .run(),
    ).not.toThrow();
  });

  it('rolls back and keeps foreign keys on if the rebuild fails', () => {
    const db = databaseAtVersion1();
    const failing = {
      ...migration002TeamWorkflow,
      up(target: Database.Database) {
        migration002TeamWorkflow.up(target);
        throw new Error('disk full');
      },
    };
    expect(() => migrate(db, [migration001Initial, failing])).toThrow('disk full');
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'agent_states'").all()).toEqual([]);
    expect(db.prepare('SELECT count(*) AS n FROM messages').get()).toEqual({ n: 1 });
  });
});
