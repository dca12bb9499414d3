import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../migrate.js';
import { migration001Initial } from './001_initial.js';
import { migration002TeamWorkflow } from './002_team_workflow.js';
import { migration003LogIdentityAndCompaction } from './003_log_identity_and_compaction.js';

const UP_TO_2 = [migration001Initial, migration002TeamWorkflow];
const UP_TO_3 = [...UP_TO_2, migration003LogIdentityAndCompaction];

const openDatabases: Database.Database[] = [];
function databaseAtVersion2(): Database.Database {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-migration-'));
  const db = new Database(path.join(dir, 'hub.sqlite'));
  db.pragma('foreign_keys = ON');
  openDatabases.push(db);
  migrate(db, UP_TO_2);
  db.exec(`
    INSERT INTO conversations (id, channel, status, shopper_json, created_at, escalated_at)
      VALUES ('c1', 'sms', 'queued', '{}', 't0', 't1');
    INSERT INTO changes (conversation_id, kind, snapshot_json) VALUES ('c1', 'conversation', '{"id":"c1"}');
    INSERT INTO changes (conversation_id, kind, snapshot_json)
      VALUES ('c1', 'message', '{"id":"m1","conversationId":"c1"}');
    INSERT INTO changes (conversation_id, kind, snapshot_json) VALUES ('c1', 'conversation', '{"id":"c1"}');
    INSERT INTO changes (conversation_id, kind, snapshot_json)
      VALUES ('c1', 'message', '{"id":"m2","conversationId":"c1"}');
  `);
  return db;
}
afterEach(() => openDatabases.splice(0).forEach((db) => db.close()));

describe('migration 003 (log identity and compaction)', () => {
  it('keeps every change, keyed by its entity, stamped with the migration time, conversation snapshots at their own version; user_version 3', () => {
    const db = databaseAtVersion2();
    const before = Date.now();
    expect(migrate(db, UP_TO_3)).toBe(3);
    const after = Date.now();
    const rows = db
      .prepare('SELECT position, conversation_id, kind, entity_id, snapshot_json, recorded_at FROM changes')
      .all() as { recorded_at: number }[];
    expect(rows.map(({ recorded_at: _recordedAt, ...row }) => row)).toEqual([
      {
        position: 1,
        conversation_id: 'c1',
        kind: 'conversation',
        entity_id: 'c1',
        snapshot_json: '{"id":"c1","version":1}',
      },
      {
        position: 2,
        conversation_id: 'c1',
        kind: 'message',
        entity_id: 'm1',
        snapshot_json: '{"id":"m1","conversationId":"c1"}',
      },
      {
        position: 3,
        conversation_id: 'c1',
        kind: 'conversation',
        entity_id: 'c1',
        snapshot_json: '{"id":"c1","version":3}',
      },
      {
        position: 4,
        conversation_id: 'c1',
        kind: 'message',
        entity_id: 'm2',
        snapshot_json: '{"id":"m2","conversationId":"c1"}',
      },
    ]);
    for (const row of rows) {
      expect(row.recorded_at).toBeGreaterThanOrEqual(before);
      expect(row.recorded_at).toBeLessThanOrEqual(after);
    }
    expect(
      db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND name = 'changes_by_entity'").get(),
    ).toEqual({ name: 'changes_by_entity' });
  });

  it('gives the log a random identity: one per database, kept by later opens', () => {
    const first = databaseAtVersion2();
    const second = databaseAtVersion2();
    migrate(first, UP_TO_3);
    migrate(second, UP_TO_3);
    const logIdOf = (db: Database.Database) =>
      (db.prepare("SELECT value FROM hub_meta WHERE key = 'log_id'").get() as { value: string }).value;
    expect(logIdOf(first)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(logIdOf(second)).not.toBe(logIdOf(first));
    const id = logIdOf(first);
    migrate(first, UP_TO_3);
    expect(logIdOf(first)).toBe(id);
  });

  it('continues positions after the last one ever used, even if it was removed before the rebuild', () => {
    const db = databaseAtVersion2();
    db.prepare('DELETE FROM changes WHERE position = 4').run();
    migrate(db, UP_TO_3);
    const { lastInsertRowid } = db
      .prepare(
        "INSERT INTO changes (conversation_id, kind, entity_id, snapshot_json, recorded_at) VALUES ('c1', 'conversation', 'c1', '{}', 0)",
      )
      .run();
    expect(Number(lastInsertRowid)).toBe(5);
  });

  it('accepts a tombstone without a snapshot, and only a tombstone', () => {
    const db = databaseAtVersion2();
    migrate(db, UP_TO_3);
    const insert = db.prepare(
      "INSERT INTO changes (conversation_id, kind, entity_id, snapshot_json, recorded_at) VALUES ('c1', ?, 'c1', ?, 0)",
    );
    expect(() => insert.run('deleted', null)).not.toThrow();
    expect(() => insert.run('deleted', '{}')).toThrow(/CHECK/);
    expect(() => insert.run('conversation', null)).toThrow(/CHECK/);
    expect(() => insert.run('archived', '{}')).toThrow(/CHECK/);
  });
});
