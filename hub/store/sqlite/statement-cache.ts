// Environment: Node (hub). Prepared statements kept per connection and reused: compiling the same SQL again for
// every call was a fifth of the hub's time under a busy chat (measured by the relay benchmark, issue 8).
import type Database from 'better-sqlite3';

/** Above this many distinct statements, new ones are prepared without being kept (SQL built from patches). */
const MAX_CACHED_STATEMENTS = 500;

export class StatementCache {
  private readonly statements = new Map<string, Database.Statement>();

  constructor(private readonly db: Database.Database) {}

  /** The statement for `sql`, compiled on first use. Callers must not change its mode (pluck, raw, expand). */
  prepare(sql: string): Database.Statement {
    const cached = this.statements.get(sql);
    if (cached) return cached;
    const statement = this.db.prepare(sql);
    if (this.statements.size < MAX_CACHED_STATEMENTS) this.statements.set(sql, statement);
    return statement;
  }
}

const cachesByConnection = new WeakMap<Database.Database, StatementCache>();

/** The statement cache of `db` (one per connection, dropped with it). */
export function statementsOf(db: Database.Database): StatementCache {
  let cache = cachesByConnection.get(db);
  if (!cache) {
    cache = new StatementCache(db);
    cachesByConnection.set(db, cache);
  }
  return cache;
}
