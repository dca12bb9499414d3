// The cache key's file: 0600, sealed by the host's cipher when there is one, unreadable as "no key".
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cacheKeyFile, cacheKeyFilePath, newCacheKey } from './cache-key.js';
import type { SessionCipher } from './session-file.js';
import { temporaryDir } from './test-support/fixtures.js';

afterEach(() => {
  vi.restoreAllMocks();
});

/** A stand-in for safeStorage: reversible, and recognisably not the plain text. */
function markedCipher(mark: string): SessionCipher {
  return {
    encrypt: (plain) => Buffer.from(`${mark}:${Buffer.from(plain).toString('base64')}`),
    decrypt: (sealed) => {
      const [seenMark, body] = sealed.toString().split(':');
      if (seenMark !== mark) throw new Error('Error while decrypting the ciphertext provided to safeStorage');
      return Buffer.from(body ?? '', 'base64').toString();
    },
  };
}

describe('the cache key file', () => {
  it('is readable by its owner only (0600), without a cipher the key as hex', () => {
    const dataDir = temporaryDir();
    const key = newCacheKey();
    cacheKeyFile(dataDir).save(key);
    expect(statSync(cacheKeyFilePath(dataDir)).mode & 0o777).toBe(0o600);
    expect(cacheKeyFile(dataDir).load()).toEqual(key);
  });

  it('holds the key sealed with the cipher, never in the clear', () => {
    const dataDir = temporaryDir();
    const key = newCacheKey();
    cacheKeyFile(dataDir, markedCipher('keychain')).save(key);
    const content = readFileSync(cacheKeyFilePath(dataDir), 'utf8');
    expect(content).not.toContain(key.toString('hex'));
    expect(JSON.parse(content)).toEqual({ sealed: expect.any(String) });
    expect(statSync(cacheKeyFilePath(dataDir)).mode & 0o777).toBe(0o600);
    expect(cacheKeyFile(dataDir, markedCipher('keychain')).load()).toEqual(key);
  });

  it('reads as no key when the cipher cannot open it, or there is no cipher for a sealed key', () => {
    const dataDir = temporaryDir();
    cacheKeyFile(dataDir, markedCipher('keychain')).save(newCacheKey());
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(cacheKeyFile(dataDir, markedCipher('another keychain')).load()).toBeNull();
    expect(logged).toHaveBeenCalledWith(expect.stringMatching(/cache key in .* cannot be read/));
    expect(cacheKeyFile(dataDir).load()).toBeNull();
    writeFileSync(cacheKeyFilePath(dataDir), 'not json');
    expect(cacheKeyFile(dataDir).load()).toBeNull();
  });

  it('reads a plain key with a cipher (a host that gained a keychain) and seals it in place', () => {
    const dataDir = temporaryDir();
    const key = newCacheKey();
    cacheKeyFile(dataDir).save(key);
    expect(cacheKeyFile(dataDir, markedCipher('keychain')).load()).toEqual(key);
    expect(readFileSync(cacheKeyFilePath(dataDir), 'utf8')).not.toContain(key.toString('hex'));
    expect(cacheKeyFile(dataDir, markedCipher('keychain')).load()).toEqual(key);
  });
});
