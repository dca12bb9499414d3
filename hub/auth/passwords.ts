// Environment: Node (hub). Password hashing with scrypt and a per-account salt.
import { randomBytes, scrypt, timingSafeEqual, type BinaryLike } from 'node:crypto';

const KEY_LENGTH = 64;
const SALT_LENGTH = 16;

function scryptKey(password: BinaryLike, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password, salt, KEY_LENGTH, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

export async function hashPassword(password: string): Promise<{ hash: Buffer; salt: Buffer }> {
  const salt = randomBytes(SALT_LENGTH);
  return { hash: await scryptKey(password, salt), salt };
}

/** Constant-time comparison, so the time taken says nothing about how close a guess was. */
export async function verifyPassword(password: string, hash: Buffer, salt: Buffer): Promise<boolean> {
  const candidate = await scryptKey(password, salt);
  return candidate.length === hash.length && timingSafeEqual(candidate, hash);
}

/** Spends the same time as a real check, so an unknown email cannot be told apart from a wrong password. */
export async function burnPasswordCheck(password: string): Promise<void> {
  await scryptKey(password, Buffer.alloc(SALT_LENGTH));
}
