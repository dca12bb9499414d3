// Environment: Node. The key that encrypts the console's cache at rest: 32 random bytes, made once per data dir
// (machine profile) and kept in cache.key beside the cache, mode 0600. When the host has a cipher backed by the
// OS keychain (Electron's safeStorage, the same SessionCipher that seals session.json), the file holds the key
// sealed with it; without one (the web host, or Linux without a keyring) the file's mode is the only protection.
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { SessionCipher } from './session-file.js';

export const CACHE_KEY_FILE_NAME = 'cache.key';
export const CACHE_KEY_BYTES = 32;

/** Where the cache key lives. `load` answers null when there is none, or none that can be opened. */
export interface CacheKeyStore {
  load(): Buffer | null;
  save(key: Buffer): void;
  remove(): void;
}

const keyHexSchema = z.string().regex(/^[0-9a-f]{64}$/, 'expected 64 hex digits');
/** `plain`: the key as hex (no cipher); `sealed`: base64 of the cipher's output over the hex. */
const keyFileSchema = z.union([
  z.strictObject({ plain: keyHexSchema }),
  z.strictObject({ sealed: z.string().min(1) }),
]);

export function cacheKeyFilePath(dataDir: string): string {
  return join(dataDir, CACHE_KEY_FILE_NAME);
}

export function newCacheKey(): Buffer {
  return randomBytes(CACHE_KEY_BYTES);
}

/**
 * The key in `<dataDir>/cache.key`. With a cipher the key is sealed; a plain key file (from a host without
 * a keychain then) is read and sealed in place. A sealed file without the cipher, or one the cipher
 * cannot open (another user profile, a reset keychain), reads as no key: the cache it opened is lost.
 */
export function cacheKeyFile(dataDir: string, cipher?: SessionCipher): CacheKeyStore {
  const path = cacheKeyFilePath(dataDir);
  return {
    load() {
      if (!existsSync(path)) return null;
      try {
        const content = keyFileSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
        const hex =
          'plain' in content
            ? content.plain
            : cipher
              ? keyHexSchema.parse(cipher.decrypt(Buffer.from(content.sealed, 'base64')))
              : null;
        if (hex === null) return null;
        const key = Buffer.from(hex, 'hex');
        if (cipher && 'plain' in content) this.save(key);
        return key;
      } catch (error) {
        console.error(
          `desk core: the cache key in ${path} cannot be read (${error instanceof Error ? error.message : String(error)}).`,
        );
        return null;
      }
    },
    save(key) {
      const hex = key.toString('hex');
      const content = cipher ? { sealed: cipher.encrypt(hex).toString('base64') } : { plain: hex };
      // Written beside it and renamed, so a crash never leaves half a key; 0600 from its creation.
      const temporary = `${path}.${process.pid}.tmp`;
      writeFileSync(temporary, JSON.stringify(content), { mode: 0o600 });
      chmodSync(temporary, 0o600);
      renameSync(temporary, path);
    },
    remove() {
      rmSync(path, { force: true });
    },
  };
}
