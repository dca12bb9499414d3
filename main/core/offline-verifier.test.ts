// The offline sign-in verifier: scrypt with a random salt, checked in constant time, never the password itself.
import { describe, expect, it } from 'vitest';
import { DeskCache } from './cache.js';
import {
  createOfflineVerifier,
  offlineVerifierSchema,
  passwordMatches,
  readOfflineVerifier,
  storeOfflineVerifier,
} from './offline-verifier.js';
import { temporaryDir } from './test-support/fixtures.js';

describe('offline verifier', () => {
  it('accepts the password it was made from and nothing else', async () => {
    const verifier = await createOfflineVerifier('correct horse battery staple');
    expect(offlineVerifierSchema.parse(verifier)).toEqual(verifier);
    expect(await passwordMatches('correct horse battery staple', verifier)).toBe(true);
    expect(await passwordMatches('correct horse battery stapl', verifier)).toBe(false);
    expect(await passwordMatches('', verifier)).toBe(false);
  });

  it('salts every verifier, and stores neither the password nor anything reversible', async () => {
    const first = await createOfflineVerifier('hemligt');
    const second = await createOfflineVerifier('hemligt');
    expect(first.salt).not.toBe(second.salt);
    expect(first.hash).not.toBe(second.hash);

    const cache = new DeskCache({ dataDir: temporaryDir() });
    storeOfflineVerifier(cache, first);
    expect(readOfflineVerifier(cache)).toEqual(first);
    expect(cache.offlineVerifierJson()).not.toContain('hemligt');
    // An unreadable stored verifier means "no offline sign-in", never a crash.
    cache.setOfflineVerifierJson('{"algorithm":"md5"}');
    expect(readOfflineVerifier(cache)).toBeNull();
    cache.close();
  });
});
