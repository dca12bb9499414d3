import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../migrate.js';
import { migrations } from './index.js';
import { migration005KlaviyoEvents } from './005_klaviyo_events.js';

const UP_TO_4 = migrations.slice(0, 4);
const UP_TO_5 = [...UP_TO_4, migration005KlaviyoEvents];

const openDatabases: Database.Database[] = [];
afterEach(() => openDatabases.splice(0).forEach((db) => db.close()));

/** A version-4 database with the stream of a few shoppers, as the hub recorded it before issue 6. */
function databaseAtVersion4(): Database.Database {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-migration-'));
  const db = new Database(path.join(dir, 'hub.sqlite'));
  db.pragma('foreign_keys = ON');
  openDatabases.push(db);
  migrate(db, UP_TO_4);
  const insert = db.prepare(
    `INSERT INTO events (id, metric, time, profile_email, profile_id, conversation_id, properties_json)
     VALUES (?, ?, ?, ?, ?, ?, '{}')`,
  );
  insert.run(
    'e1',
    'Conversation Escalated',
    '2026-01-10T09:00:00.000Z',
    'Nora@Example.se',
    'PROFILE-1',
    'c1',
  );
  insert.run('e2', 'Handoff Accepted', '2026-01-10T09:05:00.000Z', 'nora@example.se', null, 'c1');
  insert.run('e3', 'Conversation Escalated', '2026-01-11T10:00:00.000Z', 'bo@example.se', null, 'c2');
  insert.run('e4', 'Started Conversation', '2026-01-09T08:00:00.000Z', null, null, 'c3');
  insert.run('e5', 'Handoff Accepted', '2026-01-12T10:00:00.000Z', null, 'PROFILE-2', 'c4');
  return db;
}

describe('migration 005 (Klaviyo events)', () => {
  it('backfills every event with its metric, its shopper’s profile and its id as unique_id; user_version 5', () => {
    const db = databaseAtVersion4();
    expect(migrate(db, UP_TO_5)).toBe(5);

    const metrics = db.prepare('SELECT * FROM metrics ORDER BY name').all() as {
      id: string;
      name: string;
      integration: string;
      created: string;
    }[];
    expect(metrics.map(({ name, integration, created }) => ({ name, integration, created }))).toEqual([
      { name: 'Conversation Escalated', integration: 'handoff_desk', created: '2026-01-10T09:00:00.000Z' },
      { name: 'Handoff Accepted', integration: 'handoff_desk', created: '2026-01-10T09:05:00.000Z' },
      { name: 'Started Conversation', integration: 'handoff_desk', created: '2026-01-09T08:00:00.000Z' },
    ]);
    for (const metric of metrics) expect(metric.id).toMatch(/^[A-Za-z0-9]{6}$/);

    const events = db
      .prepare('SELECT id, profile_ref, unique_id, value FROM events ORDER BY position')
      .all() as { id: string; profile_ref: string | null; unique_id: string; value: number | null }[];
    const bo = events[2]?.profile_ref;
    expect(bo).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    // Nora: her profile ID, then the same profile found by her email in another case.
    expect(events.map((event) => event.profile_ref)).toEqual([
      'PROFILE-1',
      'PROFILE-1',
      bo,
      null,
      'PROFILE-2',
    ]);
    expect(events.every((event) => event.unique_id === event.id && event.value === null)).toBe(true);

    const profiles = db.prepare('SELECT id, email, created FROM profiles ORDER BY created').all();
    expect(profiles).toEqual([
      { id: 'PROFILE-1', email: 'Nora@Example.se', created: '2026-01-10T09:00:00.000Z' },
      { id: bo, email: 'bo@example.se', created: '2026-01-11T10:00:00.000Z' },
      { id: 'PROFILE-2', email: null, created: '2026-01-12T10:00:00.000Z' },
    ]);
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });

  it('creates the events API keys table, the query indexes and the unique_id constraint', () => {
    const db = databaseAtVersion4();
    migrate(db, UP_TO_5);
    const indexes = (
      db.prepare("SELECT name FROM sqlite_master WHERE type = 'index'").all() as { name: string }[]
    ).map((row) => row.name);
    expect(indexes).toEqual(
      expect.arrayContaining([
        'events_by_time',
        'events_by_profile_time',
        'events_unique_per_profile_metric',
        'events_api_keys_active_name',
      ]),
    );
    const insert = db.prepare(
      `INSERT INTO events (id, metric, time, properties_json, unique_id, profile_ref)
       VALUES (?, 'Handoff Accepted', '2026-01-13T00:00:00.000Z', '{}', ?, 'PROFILE-2')`,
    );
    insert.run('e6', 'order-1');
    expect(() => insert.run('e7', 'order-1')).toThrow(/UNIQUE/);
    insert.run('e8', 'order-2');
    db.prepare("INSERT INTO events_api_keys (name, key_hash, created_at) VALUES ('zap', 'h1', 't')").run();
    expect(() =>
      db.prepare("INSERT INTO events_api_keys (name, key_hash, created_at) VALUES ('zap', 'h2', 't')").run(),
    ).toThrow(/UNIQUE/);
    db.prepare("UPDATE events_api_keys SET revoked_at = 't2' WHERE name = 'zap'").run();
    db.prepare("INSERT INTO events_api_keys (name, key_hash, created_at) VALUES ('zap', 'h2', 't')").run();
  });
});
