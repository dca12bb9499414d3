import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { CONDITION_SQL } from '../../../segments/condition-evaluation.js';
import { migrate } from '../migrate.js';
import { migrations } from './index.js';

const openDatabases: Database.Database[] = [];
afterEach(() => openDatabases.splice(0).forEach((db) => db.close()));

function databaseAtVersion6(): Database.Database {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-migration-'));
  const db = new Database(path.join(dir, 'hub.sqlite'));
  db.pragma('foreign_keys = ON');
  openDatabases.push(db);
  migrate(db, migrations.slice(0, 6));
  db.prepare(
    "INSERT INTO profiles (id, email, created, updated) VALUES ('p1', 'nora@example.se', 't0', 't0')",
  ).run();
  const insert = db.prepare(
    `INSERT INTO events (id, metric, time, profile_email, profile_id, conversation_id, properties_json, unique_id,
       profile_ref)
     VALUES (?, ?, ?, 'nora@example.se', NULL, 'c1', '{}', ?, 'p1')`,
  );
  ['Conversation Escalated', 'Handoff Accepted', 'Conversation Resolved'].forEach((metric, index) =>
    insert.run(`e${index + 1}`, metric, `2026-01-10T09:0${index}:00.000Z`, `e${index + 1}`),
  );
  return db;
}

describe('migration 007 (segments)', () => {
  it('adds the segments tables, leaves the stream as it was and starts the stream cursor at its head; user_version 7', () => {
    const db = databaseAtVersion6();
    const eventsBefore = db.prepare('SELECT * FROM events ORDER BY position').all();
    expect(migrate(db, migrations.slice(0, 7))).toBe(7);
    expect(db.prepare('SELECT * FROM events ORDER BY position').all()).toEqual(eventsBefore);
    for (const table of ['segments', 'segment_members', 'segment_checks']) {
      expect(db.prepare(`SELECT count(*) AS count FROM ${table}`).get(), table).toEqual({ count: 0 });
    }
    // Existing events are covered by the built-ins' evaluation over every profile, not replayed.
    expect(db.prepare('SELECT cursor FROM segment_stream').all()).toEqual([{ cursor: 3 }]);
  });

  it('checks its rows, and a deleted segment takes its members and checks with it', () => {
    const db = databaseAtVersion6();
    migrate(db, migrations.slice(0, 7));
    const insertSegment = db.prepare(
      `INSERT INTO segments (id, name, conditions_json, built_in, created_at) VALUES (?, 'S', '[]', ?, 't0')`,
    );
    expect(() => insertSegment.run('bad', 2)).toThrow(/CHECK/);
    insertSegment.run('a', 0);
    insertSegment.run('b', 1);
    for (const segment of ['a', 'b']) {
      db.prepare("INSERT INTO segment_members (segment_id, profile_id, since) VALUES (?, 'p1', 't1')").run(
        segment,
      );
      db.prepare(
        "INSERT INTO segment_checks (segment_id, profile_id, next_check_at) VALUES (?, 'p1', 't2')",
      ).run(segment);
    }
    expect(() =>
      db
        .prepare("INSERT INTO segment_members (segment_id, profile_id, since) VALUES ('a', 'nobody', 't1')")
        .run(),
    ).toThrow(/FOREIGN KEY/);
    expect(() =>
      db
        .prepare("INSERT INTO segment_members (segment_id, profile_id, since) VALUES ('gone', 'p1', 't1')")
        .run(),
    ).toThrow(/FOREIGN KEY/);
    db.prepare("DELETE FROM segments WHERE id = 'a'").run();
    expect(db.prepare('SELECT segment_id FROM segment_members').all()).toEqual([{ segment_id: 'b' }]);
    expect(db.prepare('SELECT segment_id FROM segment_checks').all()).toEqual([{ segment_id: 'b' }]);
    expect(() => db.prepare('UPDATE segment_stream SET cursor = -1').run()).toThrow(/CHECK/);
    expect(() => db.prepare('INSERT INTO segment_stream (id, cursor) VALUES (2, 0)').run()).toThrow(/CHECK/);
  });

  it("lets every condition read search one profile's events of one metric by time: the stream is never scanned", () => {
    const db = databaseAtVersion6();
    migrate(db, migrations.slice(0, 7));
    for (const [name, sql] of Object.entries(CONDITION_SQL)) {
      const named = [...sql.matchAll(/@(\w+)/g)].map((match) => match[1]!);
      const parameters =
        named.length > 0
          ? [Object.fromEntries(named.map((parameter) => [parameter, 'x']))]
          : Array.from(sql.matchAll(/\?/g), () => 'x');
      const plan = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...parameters) as { detail: string }[]).map(
        (row) => row.detail,
      );
      const reads = plan.filter((detail) => /^(SCAN|SEARCH) /.test(detail) && !detail.includes('json_each'));
      expect(reads[0], `${name}: ${plan.join(' | ')}`).toMatch(
        /^SEARCH e(vents)? USING .*events_by_profile_metric_time/,
      );
      // Newest first straight off the index: no sort step.
      expect(plan.join(' | '), name).not.toMatch(/TEMP B-TREE/);
    }
  });
});
