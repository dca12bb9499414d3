// Environment: Node. Opening the cache's SQLite file encrypted at rest (SQLite3 Multiple Ciphers, its default
// cipher ChaCha20-Poly1305, keyed with the 32 random bytes of cache-key.ts), and removing it from the disk.
// A plaintext cache from before encryption is encrypted in place; one that no key opens is set aside (renamed)
// so the console starts on an empty cache and fills it again from the hub.
import Database from 'better-sqlite3-multiple-ciphers';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { newCacheKey, type CacheKeyStore } from './cache-key.js';

export interface OpenCacheFileOptions {
  path: string;
  keyStore: CacheKeyStore;
  /** better_sqlite3.node built for another ABI (Electron). */
  nativeBinding?: string;
}

/** The database, its write-ahead log, shared-memory file and rollback journal (used while encrypting). */
const CACHE_FILE_SUFFIXES = ['', '-wal', '-shm', '-journal'];

export function cacheFilePaths(path: string): string[] {
  return CACHE_FILE_SUFFIXES.map((suffix) => `${path}${suffix}`);
}

/** The cache database, keyed and readable; never a plaintext file left behind. */
export function openCacheFile(options: OpenCacheFileOptions): Database.Database {
  const { path, keyStore } = options;
  const open = () =>
    new Database(path, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  const storedKey = keyStore.load();
  if (existsSync(path)) {
    if (storedKey) {
      const keyed = open();
      keyed.key(storedKey);
      if (isReadable(keyed)) return keyed;
      keyed.close();
    }
    const plain = open();
    if (isReadable(plain)) {
      // From before encryption, or a crash between saving a new key and encrypting: encrypt it now. The key is
      // saved first, so an encrypted file never exists without it.
      const key = storedKey ?? newCacheKey();
      if (!storedKey) keyStore.save(key);
      encryptInPlace(plain, key);
      console.info(`desk core: encrypted the plaintext cache ${path} in place.`);
      return plain;
    }
    plain.close();
    const setAsideAs = setAside(path);
    console.error(
      `desk core: the cache ${path} cannot be opened with this computer's cache key (the key is ${storedKey ? 'wrong' : 'missing or unreadable'}). ` +
        `It was set aside as ${setAsideAs}; a fresh cache is filled from the hub at the next sign-in (unsent work in it is lost).`,
    );
  }
  const key = storedKey ?? newCacheKey();
  if (!storedKey) keyStore.save(key);
  const fresh = open();
  fresh.key(key);
  return fresh;
}

/** Deletes the cache's files (the connection must be closed) and its key. */
export function removeCacheFile(path: string, keyStore: CacheKeyStore): void {
  for (const file of cacheFilePaths(path)) rmSync(file, { force: true });
  keyStore.remove();
}

/** A file the connection cannot decrypt reads as "not a database" at its first page. */
function isReadable(db: Database.Database): boolean {
  try {
    db.prepare('SELECT COUNT(*) FROM sqlite_master').get();
    return true;
  } catch (error) {
    if ((error as { code?: unknown }).code === 'SQLITE_NOTADB') return false;
    throw error;
  }
}

/**
 * SQLite3MC cannot rekey a database in WAL mode: fold the log into the file and leave WAL first (the caller
 * turns WAL on again). Rekeying rewrites every page, free ones included, so no plaintext stays in the file.
 */
function encryptInPlace(db: Database.Database, key: Buffer): void {
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.pragma('journal_mode = DELETE');
  db.rekey(key);
}

/** Renames the unreadable files beside themselves, `cache.sqlite.unreadable-<time>`; answers the new name. */
function setAside(path: string): string {
  const target = `${path}.unreadable-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  for (const suffix of CACHE_FILE_SUFFIXES) {
    if (existsSync(`${path}${suffix}`)) renameSync(`${path}${suffix}`, `${target}${suffix}`);
  }
  return target;
}
