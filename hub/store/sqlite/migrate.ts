// Environment: Node (hub). Applies numbered migrations in order, tracked with PRAGMA user_version.
import type Database from 'better-sqlite3';

export interface Migration {
  version: number;
  name: string;
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
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    })();
    current = migration.version;
  });
  return current;
}
