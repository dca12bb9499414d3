import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { OUTBOUND_SQL } from '../../../outbound/sqlite-outbound-store.js';
import { migrate } from '../migrate.js';
import { migrations } from './index.js';

const UP_TO_5 = migrations.slice(0, 5);
const openDatabases: Database.Database[] = [];
afterEach(() => openDatabases.splice(0).forEach((db) => db.close()));

function databaseAtVersion5(): Database.Database {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-migration-'));
  const db = new Database(path.join(dir, 'hub.sqlite'));
  db.pragma('foreign_keys = ON');
  openDatabases.push(db);
  migrate(db, UP_TO_5);
  const insert = db.prepare(
    `INSERT INTO events (id, metric, time, profile_email, profile_id, conversation_id, properties_json, unique_id)
     VALUES (?, ?, ?, 'nora@example.se', NULL, 'c1', '{}', ?)`,
  );
  ['Conversation Escalated', 'Handoff Missed', 'Handoff Accepted'].forEach((metric, index) =>
    insert.run(`e${index + 1}`, metric, `2026-01-10T09:0${index}:00.000Z`, `e${index + 1}`),
  );
  return db;
}

/** A value for each named parameter of a statement. */
function parametersOf(sql: string): Record<string, string | number> {
  const names = [...sql.matchAll(/@(\w+)/g)].map((match) => match[1]!);
  return Object.fromEntries(names.map((name) => [name, name === 'metrics' ? '["Handoff Missed"]' : 1]));
}

describe('migration 006 (outbound)', () => {
  it('adds the destinations, attempts and failures tables and leaves the stream as it was; user_version 6', () => {
    const db = databaseAtVersion5();
    const eventsBefore = db.prepare('SELECT * FROM events ORDER BY position').all();
    expect(migrate(db, migrations.slice(0, 6))).toBe(6);
    expect(db.prepare('SELECT * FROM events ORDER BY position').all()).toEqual(eventsBefore);
    for (const table of ['outbound_destinations', 'outbound_attempts', 'outbound_failures']) {
      expect(db.prepare(`SELECT count(*) AS count FROM ${table}`).get(), table).toEqual({ count: 0 });
    }
  });

  it('keeps a secret for webhooks only, cursors non-negative, and a deleted destination takes its log and failures', () => {
    const db = databaseAtVersion5();
    migrate(db, migrations.slice(0, 6));
    const insert = db.prepare(
      `INSERT INTO outbound_destinations (id, kind, url, metrics_json, secret, cursor, created_at)
       VALUES (@id, @kind, 'https://x.example', '[]', @secret, @cursor, 't0')`,
    );
    expect(() => insert.run({ id: 'wh_a', kind: 'webhook', secret: null, cursor: 0 })).toThrow(/CHECK/);
    expect(() => insert.run({ id: 'forwarding', kind: 'forwarding', secret: 'whsec_x', cursor: 0 })).toThrow(
      /CHECK/,
    );
    expect(() => insert.run({ id: 'wh_a', kind: 'webhook', secret: 'whsec_x', cursor: -1 })).toThrow(/CHECK/);
    expect(() => insert.run({ id: 'wh_a', kind: 'other', secret: 'whsec_x', cursor: 0 })).toThrow(/CHECK/);
    insert.run({ id: 'wh_a', kind: 'webhook', secret: 'whsec_x', cursor: 0 });
    insert.run({ id: 'forwarding', kind: 'forwarding', secret: null, cursor: 0 });
    for (const destination of ['wh_a', 'forwarding']) {
      db.prepare(
        `INSERT INTO outbound_attempts (destination_id, event_id, position, attempt, status, error, outcome, at, duration_ms)
         VALUES (?, 'e2', 2, 1, 400, 'no', 'failed', 't1', 5)`,
      ).run(destination);
      db.prepare(
        `INSERT INTO outbound_failures (destination_id, event_id, position, metric, status, error, failed_at)
         VALUES (?, 'e2', 2, 'Handoff Missed', 400, 'no', 't1')`,
      ).run(destination);
    }
    db.prepare("DELETE FROM outbound_destinations WHERE id = 'wh_a'").run();
    expect(db.prepare('SELECT destination_id FROM outbound_attempts').all()).toEqual([
      { destination_id: 'forwarding' },
    ]);
    expect(db.prepare('SELECT destination_id FROM outbound_failures').all()).toEqual([
      { destination_id: 'forwarding' },
    ]);
    expect(() =>
      db
        .prepare(
          `INSERT INTO outbound_attempts (destination_id, event_id, position, attempt, status, error, outcome, at, duration_ms)
           VALUES ('wh_gone', 'e2', 2, 1, 200, NULL, 'delivered', 't1', 5)`,
        )
        .run(),
    ).toThrow(/FOREIGN KEY/);
  });

  it('lets every outbound statement search an index: neither the stream nor the log is scanned', () => {
    const db = databaseAtVersion5();
    migrate(db, migrations.slice(0, 6));
    const mainIndex: Record<keyof typeof OUTBOUND_SQL, string> = {
      readEventsAfter: 'events_by_metric_position',
      countEventsAfter: 'events_by_metric_position',
      attemptsMade: 'outbound_attempts_by_event',
      listAttempts: 'outbound_attempts_by_destination',
      listFailures: 'outbound_failures_by_position',
    };
    for (const [name, sql] of Object.entries(OUTBOUND_SQL)) {
      const plan = (
        db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(parametersOf(sql)) as { detail: string }[]
      ).map((row) => row.detail);
      const reads = plan.filter((detail) => /^(SCAN|SEARCH) /.test(detail) && !detail.includes('json_each'));
      expect(reads[0], `${name}: ${plan.join(' | ')}`).toContain(
        mainIndex[name as keyof typeof OUTBOUND_SQL],
      );
      for (const read of reads) expect(read, `${name}: ${plan.join(' | ')}`).toMatch(/^SEARCH /);
    }
  });
});
