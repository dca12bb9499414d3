// Environment: Node. The offline sign-in verifier: after each online sign-in the cache keeps an scrypt hash of the
// password (random salt; never the password itself), so that the same account can open its cached data while the
// hub cannot be reached. It belongs to the cache's owner: another account claiming the cache, or clearing it,
// removes it; signing out keeps it (that is its point).
import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { z } from 'zod';
import type { DeskCache } from './cache.js';
import { parseStored } from './cache.js';

// scrypt's recommended interactive parameters: N=2^15 with r=8 takes ~16 MB and tens of milliseconds.
const SCRYPT_PARAMS = { N: 32_768, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;
const SALT_LENGTH = 16;

export const offlineVerifierSchema = z.object({
  algorithm: z.literal('scrypt'),
  N: z.number().int().positive(),
  r: z.number().int().positive(),
  p: z.number().int().positive(),
  salt: z.base64(),
  hash: z.base64(),
});
export type OfflineVerifier = z.infer<typeof offlineVerifierSchema>;

function scrypt(password: string, salt: Buffer, keyLength: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // maxmem above the default 32 MB: N * r * 128 bytes for N=2^15 sits right at it.
    scryptCallback(password, salt, keyLength, { ...options, maxmem: 64 * 1024 * 1024 }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

export async function createOfflineVerifier(password: string): Promise<OfflineVerifier> {
  const salt = randomBytes(SALT_LENGTH);
  const hash = await scrypt(password, salt, KEY_LENGTH, SCRYPT_PARAMS);
  return {
    algorithm: 'scrypt',
    ...SCRYPT_PARAMS,
    salt: salt.toString('base64'),
    hash: hash.toString('base64'),
  };
}

/** Whether `password` is the one the verifier was made from (compared in constant time). */
export async function passwordMatches(password: string, verifier: OfflineVerifier): Promise<boolean> {
  const expected = Buffer.from(verifier.hash, 'base64');
  const actual = await scrypt(password, Buffer.from(verifier.salt, 'base64'), expected.length, {
    N: verifier.N,
    r: verifier.r,
    p: verifier.p,
  });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

export function readOfflineVerifier(cache: DeskCache): OfflineVerifier | null {
  const json = cache.offlineVerifierJson();
  return json === null ? null : parseStored(json, offlineVerifierSchema);
}

export function storeOfflineVerifier(cache: DeskCache, verifier: OfflineVerifier): void {
  cache.setOfflineVerifierJson(JSON.stringify(verifier));
}
