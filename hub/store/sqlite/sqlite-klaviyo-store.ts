// Environment: Node (hub). The SQLite KlaviyoStore. Every events query reads an index range (by time, by
// metric and time, or by profile and time) in (time, position) order: a filter never scans the stream.
import type Database from 'better-sqlite3';
import type {
  EventsQuery,
  KlaviyoEventRecord,
  KlaviyoStore,
  MetricIntegration,
  MetricRecord,
  ProfileAttributes,
  ProfileIdentifiers,
  ProfileRecord,
} from '../klaviyo-store.js';
import { statementsOf, type StatementCache } from './statement-cache.js';
import { ensureMetric } from './stream-identities.js';
import { newProfileId } from '../../klaviyo/ids.js';

interface ProfileRow {
  id: string;
  email: string | null;
  phone_number: string | null;
  external_id: string | null;
  attributes_json: string;
  created: string;
  updated: string;
}

interface KlaviyoEventRow {
  position: number;
  id: string;
  metric: string;
  metric_id: string;
  time: string;
  value: number | null;
  unique_id: string | null;
  profile_ref: string | null;
  properties_json: string;
}

// The metric id comes from a subquery (a lookup by the metrics' unique name), so that events always drive the
// query and their index gives the order.
const EVENT_SELECT = `
  SELECT e.position, e.id, e.metric, (SELECT m.id FROM metrics m WHERE m.name = e.metric) AS metric_id, e.time,
         e.value, e.unique_id, e.profile_ref, e.properties_json
  FROM events e`;

function toEventRecord(row: KlaviyoEventRow): KlaviyoEventRecord {
  return {
    position: row.position,
    id: row.id,
    metric: row.metric,
    metricId: row.metric_id,
    time: row.time,
    value: row.value,
    uniqueId: row.unique_id,
    profileRef: row.profile_ref,
    properties: JSON.parse(row.properties_json),
  };
}

/** Drops undefined fields, so that a merge keeps what the update does not mention. */
function defined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as Partial<T>;
}

export class SqliteKlaviyoStore implements KlaviyoStore {
  private readonly statements: StatementCache;

  constructor(private readonly db: Database.Database) {
    this.statements = statementsOf(db);
  }

  // Metrics

  getMetric(id: string): MetricRecord | null {
    return (
      (this.statements.prepare('SELECT * FROM metrics WHERE id = ?').get(id) as MetricRecord | undefined) ??
      null
    );
  }

  findMetricByName(name: string): MetricRecord | null {
    return (
      (this.statements.prepare('SELECT * FROM metrics WHERE name = ?').get(name) as
        MetricRecord | undefined) ?? null
    );
  }

  ensureMetric(name: string, integration: MetricIntegration, at: string): MetricRecord {
    const id = ensureMetric(this.db, name, integration, at);
    const metric = this.getMetric(id);
    if (!metric) throw new Error(`hub store: metric ${id} vanished`);
    return metric;
  }

  listMetrics(options: { afterId?: string; limit: number }): MetricRecord[] {
    return this.statements
      .prepare('SELECT * FROM metrics WHERE id > ? ORDER BY id LIMIT ?')
      .all(options.afterId ?? '', options.limit) as MetricRecord[];
  }

  // Profiles

  getProfile(id: string): ProfileRecord | null {
    const row = this.statements.prepare('SELECT * FROM profiles WHERE id = ?').get(id) as
      ProfileRow | undefined;
    if (!row) return null;
    const { last } = this.statements
      .prepare('SELECT max(time) AS last FROM events WHERE profile_ref = ?')
      .get(id) as { last: string | null };
    return {
      id: row.id,
      email: row.email,
      phoneNumber: row.phone_number,
      externalId: row.external_id,
      attributes: JSON.parse(row.attributes_json),
      created: row.created,
      updated: row.updated,
      lastEventDate: last,
    };
  }

  upsertProfile(identifiers: ProfileIdentifiers, attributes: ProfileAttributes, at: string): ProfileRecord {
    const columns = {
      email: identifiers.email,
      phone_number: identifiers.phoneNumber,
      external_id: identifiers.externalId,
    };
    const holderOf = (column: keyof typeof columns, value: string) =>
      (
        this.statements.prepare(`SELECT id FROM profiles WHERE ${column} = ?`).get(value) as
          { id: string } | undefined
      )?.id;
    let id: string | undefined;
    if (
      identifiers.id &&
      this.statements.prepare('SELECT 1 FROM profiles WHERE id = ?').get(identifiers.id)
    ) {
      id = identifiers.id;
    }
    for (const column of ['email', 'phone_number', 'external_id'] as const) {
      const value = columns[column];
      if (!id && value) id = holderOf(column, value);
    }
    if (!id) {
      id = identifiers.id || newProfileId(Date.parse(at));
      this.statements
        .prepare(
          `INSERT INTO profiles (id, email, phone_number, external_id, attributes_json, created, updated)
           VALUES (?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          id,
          columns.email || null,
          columns.phone_number || null,
          columns.external_id || null,
          JSON.stringify(defined(attributes)),
          at,
          at,
        );
    } else {
      const row = this.statements.prepare('SELECT * FROM profiles WHERE id = ?').get(id) as ProfileRow;
      const current = JSON.parse(row.attributes_json) as ProfileAttributes;
      const merged: ProfileAttributes = {
        ...current,
        ...defined(attributes),
        properties: { ...current.properties, ...attributes.properties },
      };
      if (merged.properties && Object.keys(merged.properties).length === 0) delete merged.properties;
      const changes: Record<string, string> = {};
      for (const column of ['email', 'phone_number', 'external_id'] as const) {
        const value = columns[column];
        if (!value || value === row[column]) continue;
        const holder = holderOf(column, value);
        if (holder === undefined) changes[column] = value;
      }
      const attributesJson = JSON.stringify(merged);
      if (attributesJson !== row.attributes_json || Object.keys(changes).length > 0) {
        const sets = [
          ...Object.keys(changes).map((column) => `${column} = @${column}`),
          'attributes_json = @attributesJson',
          'updated = @at',
        ];
        this.statements
          .prepare(`UPDATE profiles SET ${sets.join(', ')} WHERE id = @id`)
          .run({ ...changes, attributesJson, at, id });
      }
    }
    const profile = this.getProfile(id);
    if (!profile) throw new Error(`hub store: profile ${id} vanished`);
    return profile;
  }

  // Events

  getEvent(id: string): KlaviyoEventRecord | null {
    const row = this.statements.prepare(`${EVENT_SELECT} WHERE e.id = ?`).get(id) as
      KlaviyoEventRow | undefined;
    return row ? toEventRecord(row) : null;
  }

  queryEvents(query: EventsQuery): KlaviyoEventRecord[] {
    const { sql, parameters } = eventsQuerySql(query);
    return (this.statements.prepare(sql).all(parameters) as KlaviyoEventRow[]).map(toEventRecord);
  }

  readStreamAfter(position: number, limit: number): KlaviyoEventRecord[] {
    return (
      this.statements
        .prepare(`${EVENT_SELECT} WHERE e.position > ? ORDER BY e.position LIMIT ?`)
        .all(position, limit) as KlaviyoEventRow[]
    ).map(toEventRecord);
  }

  // Events API keys

  addEventsApiKey(name: string, keyHash: string, createdAt: string): boolean {
    const { changes } = this.statements
      .prepare(
        `INSERT INTO events_api_keys (name, key_hash, created_at) VALUES (?, ?, ?)
         ON CONFLICT DO NOTHING`,
      )
      .run(name, keyHash, createdAt);
    return changes === 1;
  }

  revokeEventsApiKey(name: string, revokedAt: string): boolean {
    const { changes } = this.statements
      .prepare('UPDATE events_api_keys SET revoked_at = ? WHERE name = ? AND revoked_at IS NULL')
      .run(revokedAt, name);
    return changes > 0;
  }

  hasEventsApiKey(keyHash: string): boolean {
    return (
      this.statements
        .prepare('SELECT 1 FROM events_api_keys WHERE key_hash = ? AND revoked_at IS NULL')
        .get(keyHash) !== undefined
    );
  }
}

/** The SQL of an events query (exported so that tests can check its plan). */
export function eventsQuerySql(query: EventsQuery): { sql: string; parameters: Record<string, unknown> } {
  const where: string[] = [];
  const parameters: Record<string, unknown> = { limit: query.limit };
  if (query.metricName !== undefined) {
    where.push('e.metric = @metric');
    parameters.metric = query.metricName;
  }
  if (query.profileRef !== undefined) {
    where.push('e.profile_ref = @profile');
    parameters.profile = query.profileRef;
  }
  query.timeBounds.forEach((bound, index) => {
    where.push(`e.time ${bound.op} @bound${index}`);
    parameters[`bound${index}`] = bound.time;
  });
  // Keyset pagination over (time, position) in the requested order.
  const ascending = query.order === 'asc';
  if (query.after) {
    where.push(`(e.time, e.position) ${ascending ? '>' : '<'} (@afterTime, @afterPosition)`);
    parameters.afterTime = query.after.time;
    parameters.afterPosition = query.after.position;
  }
  if (query.before) {
    where.push(`(e.time, e.position) ${ascending ? '<' : '>'} (@beforeTime, @beforePosition)`);
    parameters.beforeTime = query.before.time;
    parameters.beforePosition = query.before.position;
  }
  // Reading backwards (the page before `before`) walks the index the other way; the caller reverses.
  const walkAscending = query.before && !query.after ? !ascending : ascending;
  const direction = walkAscending ? 'ASC' : 'DESC';
  const sql = `${EVENT_SELECT}
    ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
    ORDER BY e.time ${direction}, e.position ${direction} LIMIT @limit`;
  return { sql, parameters };
}
