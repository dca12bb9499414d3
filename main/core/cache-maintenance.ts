// Environment: Node. What the cache holds on disk (Settings → This computer) and clearing it for a shared computer,
// so that the bytes really leave the disk (VACUUM, then the write-ahead log checkpointed and truncated).
import { statSync } from 'node:fs';
import type { CacheInfo } from '../../shared/desk-api.js';
import { isoDateTimeSchema } from '../../shared/domain.js';
import type { DeskCache } from './cache.js';

/** The database and its write-ahead log and shared-memory files. */
export function cacheFiles(cache: DeskCache): string[] {
  const path = cache.db.name;
  return [path, `${path}-wal`, `${path}-shm`];
}

export function cacheBytes(cache: DeskCache): number {
  let bytes = 0;
  for (const file of cacheFiles(cache)) {
    try {
      bytes += statSync(file).size;
    } catch {
      // Not there (no write-ahead log yet): nothing to count.
    }
  }
  return bytes;
}

export function cacheInfo(cache: DeskCache): CacheInfo {
  const count = (sql: string) => cache.db.prepare<[], { count: number }>(sql).get()?.count ?? 0;
  const oldest = cache.db
    .prepare<[], { oldest: string | null }>('SELECT MIN(sent_at) AS oldest FROM messages')
    .get()?.oldest;
  return {
    bytes: cacheBytes(cache),
    conversations: count('SELECT COUNT(*) AS count FROM conversations'),
    messages: count('SELECT COUNT(*) AS count FROM messages'),
    oldestMessageAt: oldest && isoDateTimeSchema.safeParse(oldest).success ? oldest : null,
    unsent: cache.unsentCount(),
    ownerEmail: cache.owner()?.account.email ?? null,
  };
}

/**
 * Removes everything the account has on this machine (preferences stay) and gives the space back: VACUUM
 * rewrites the file without the freed pages, and a TRUNCATE checkpoint empties the write-ahead log, which
 * would otherwise still hold copies of the removed pages.
 */
export function wipeAndCompact(cache: DeskCache): void {
  cache.wipeAccountData();
  cache.db.exec('VACUUM');
  cache.db.pragma('wal_checkpoint(TRUNCATE)');
}
