import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { StatementCache, statementsOf } from './statement-cache.js';

describe('StatementCache', () => {
  it('compiles each SQL text once per connection and runs it with new parameters each time', () => {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE t (n INTEGER)');
    const statements = statementsOf(db);
    const insert = statements.prepare('INSERT INTO t (n) VALUES (?)');
    expect(statementsOf(db)).toBe(statements);
    expect(statements.prepare('INSERT INTO t (n) VALUES (?)')).toBe(insert);
    for (const n of [1, 2, 3]) statements.prepare('INSERT INTO t (n) VALUES (?)').run(n);
    expect(statements.prepare('SELECT sum(n) AS total FROM t').get()).toEqual({ total: 6 });
    expect(statementsOf(new Database(':memory:'))).not.toBe(statements);
  });

  it('stops keeping new statements past its cap but still prepares them', () => {
    const db = new Database(':memory:');
    const statements = new StatementCache(db);
    for (let n = 0; n < 600; n += 1) expect(statements.prepare(`SELECT ${n} AS n`).get()).toEqual({ n });
    expect(statements.prepare('SELECT 599 AS n')).not.toBe(statements.prepare('SELECT 599 AS n'));
    expect(statements.prepare('SELECT 1 AS n')).toBe(statements.prepare('SELECT 1 AS n'));
  });
});
