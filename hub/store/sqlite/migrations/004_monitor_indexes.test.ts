import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../migrate.js';
import { MONITOR_SQL } from '../sqlite-monitor-queries.js';
import { migrations } from './index.js';

const openDatabases: Database.Database[] = [];
afterEach(() => openDatabases.splice(0).forEach((db) => db.close()));

function migratedDatabase(): Database.Database {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-migration-'));
  const db = new Database(path.join(dir, 'hub.sqlite'));
  openDatabases.push(db);
  migrate(db, migrations);
  return db;
}

/** A value for each named parameter of a statement. */
function parametersOf(sql: string): Record<string, string | number> {
  const names = [...sql.matchAll(/@(\w+)/g)].map((match) => match[1]!);
  return Object.fromEntries(names.map((name) => [name, name === 'startSeconds' ? 0 : 'x']));
}

describe('migration 004 (monitor indexes)', () => {
  it('creates the indexes and sets user_version to 4 (or the latest, with later migrations)', () => {
    const db = migratedDatabase();
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    const indexes = (
      db.prepare("SELECT name FROM sqlite_master WHERE type = 'index'").all() as { name: string }[]
    ).map((row) => row.name);
    expect(indexes).toEqual(
      expect.arrayContaining([
        'events_by_metric_time',
        'conversations_by_first_response',
        'conversations_awaiting_first_response',
        'conversations_by_escalation',
      ]),
    );
  });

  it('lets every monitor statement search the index meant for it: no table of events or conversations is scanned', () => {
    const db = migratedDatabase();
    const mainIndex: Record<keyof typeof MONITOR_SQL, string> = {
      queuedByChannel: 'conversations_by_status',
      awaitingFirstResponse: 'conversations_awaiting_first_response',
      escalationsBetween: 'events_by_metric_time',
      countEventsBetween: 'events_by_metric_time',
      countEventsPerHour: 'events_by_metric_time',
      firstResponsesBetween: 'conversations_by_first_response',
      handoffResolutionsBetween: 'events_by_metric_time',
      queueMovementsSince: 'events_by_metric_time',
      conversationsEscalatedBetween: 'conversations_by_escalation',
    };
    for (const [name, sql] of Object.entries(MONITOR_SQL)) {
      const plan = (
        db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(parametersOf(sql)) as { detail: string }[]
      ).map((row) => row.detail);
      const reads = plan.filter((detail) => /^(SCAN|SEARCH) /.test(detail));
      expect(reads[0], name).toContain(`INDEX ${mainIndex[name as keyof typeof MONITOR_SQL]} `);
      for (const read of reads) expect(read, `${name}: ${plan.join(' | ')}`).toMatch(/^SEARCH \w+ USING /);
    }
  });
});
