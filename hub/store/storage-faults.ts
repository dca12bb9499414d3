// Environment: Node (hub). When SQLite cannot write (the disk is full, another process holds the database's write
// lock), the hub refuses new work with one clear error instead of a 500 or a crash: nothing was written (every
// write runs in one transaction, rolled back whole), so the client may send the same request again later.

/** The error name every refusal carries: HTTP 503 bodies, chat acks, and the message of desk acks. */
export const STORAGE_UNAVAILABLE = 'storage_unavailable';

export type StorageFault = 'disk_full' | 'database_locked';

/** SQLite's result codes (better-sqlite3's SqliteError.code, extended codes included) for each fault. */
const FAULT_OF_CODE: [prefix: string, fault: StorageFault][] = [
  ['SQLITE_FULL', 'disk_full'],
  // A write that could not reach the disk: to a client it is the same as a full disk, nothing was stored.
  ['SQLITE_IOERR', 'disk_full'],
  ['SQLITE_BUSY', 'database_locked'],
  ['SQLITE_LOCKED', 'database_locked'],
];

/** The storage fault behind `error`, or null when it is anything else (a bug, bad input): those stay 500s. */
export function storageFaultOf(error: unknown): StorageFault | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  for (const [prefix, fault] of FAULT_OF_CODE) if (code.startsWith(prefix)) return fault;
  return null;
}

const WHY: Record<StorageFault, string> = {
  disk_full: 'disk full',
  database_locked: 'database locked',
};

/** What the client is told; the same words over HTTP and sockets. */
export function storageUnavailableMessage(fault: StorageFault): string {
  return `The hub cannot write to its database (${WHY[fault]}): nothing was saved. Try again later; the hub recovers on its own once the condition clears.`;
}

/** Logs a storage fault in background work (timers, forwarding, compaction) that will simply run again later. */
export function logStorageFault(what: string, error: unknown): void {
  const fault = storageFaultOf(error);
  if (fault) console.error(`hub: ${what} skipped: ${WHY[fault]}; it runs again later`);
  else console.error(`hub: ${what} failed`, error);
}
