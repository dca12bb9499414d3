// Environment: Node (hub). Every connection to the hub's database file is set up alike: the hub store's own and
// the ones the outbound queue and the segment engine keep beside it.
import Database from 'better-sqlite3';

/** How long a write waits for another process's lock before the hub refuses the work (HUB_BUSY_TIMEOUT_MS). */
export const DEFAULT_BUSY_TIMEOUT_MS = 2000;

export interface StorageLimits {
  /** Default DEFAULT_BUSY_TIMEOUT_MS. */
  busyTimeoutMs?: number;
  /** Tests only (HUB_MAX_DB_PAGES): a cap on the database's pages that stands in for a full disk. */
  maxDatabasePages?: number;
}

export function openHubConnection(
  file: string,
  limits: StorageLimits = {},
  options: { fileMustExist?: boolean } = {},
): Database.Database {
  const db = new Database(file, { fileMustExist: options.fileMustExist ?? false });
  db.pragma('journal_mode = WAL');
  // FULL: a commit is on disk before the hub acknowledges it (NORMAL may lose the last commits on power loss).
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma(`busy_timeout = ${limits.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS}`);
  // Tests only: a cap on the file's pages stands in for a full disk (SQLite answers SQLITE_FULL past it).
  if (limits.maxDatabasePages !== undefined) db.pragma(`max_page_count = ${limits.maxDatabasePages}`);
  // Deleted and overwritten rows are zeroed, not left in free space: an erased conversation leaves no bytes.
  db.pragma('secure_delete = ON');
  return db;
}
