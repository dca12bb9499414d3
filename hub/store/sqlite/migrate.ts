// Environment: Node (hub). Applies numbered migrations in order, tracked with PRAGMA user_version.
import type Database from 'better-sqlite3';

export interface Migration {
  version: number;
  name: string;
  /**
   * Set for a migration that rebuilds a table other tables reference (SQLite cannot alter a CHECK): foreign
   * keys are off while it runs, as SQLite's documented procedure requires, and checked before it commits.
   */
  rebuildsTables?: boolean;
  up(db: Database.Database): void;
}

/** Applies every migration newer than the database, each in its own transaction. Returns the new version. */
export function migrate(db: Database.Database, migrations: readonly Migration[]): number {
  let current = db.pragma('user_version', { simple: true }) as number;
  const latest = migrations.at(-1)?.version ?? 0;
  if (current > latest) {
    throw new Error(
      `The database is at schema version ${current}, newer than this hub (${latest}). Upgrade the hub.`,
    );
  }
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(`Migration ${migration.name} is numbered ${migration.version}, expected ${index + 1}.`);
    }
    if (migration.version <= current) return;
    // PRAGMA foreign_keys is a no-op inside a transaction, so it is switched around it.
    const foreignKeys = db.pragma('foreign_keys', { simple: true }) as number;
    if (migration.rebuildsTables) db.pragma('foreign_keys = OFF');
    try {
      db.transaction(() => {
        migration.up(db);
        const violations = db.pragma('foreign_key_check') as unknown[];
        if (violations.length > 0) {
          throw new Error(
            `Migration ${migration.name} left ${violations.length} foreign key violation(s); nothing was changed.`,
          );
        }
        db.pragma(`user_version = ${migration.version}`);
      })();
    } finally {
      if (migration.rebuildsTables) db.pragma(`foreign_keys = ${foreignKeys ? 'ON' : 'OFF'}`);
    }
    current = migration.version;
  });
  return current;
}
