// Environment: Node (hub). Creating accounts (CLI, demo seed, tests) and signing in.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { roleSchema, type Account } from '../../shared/domain.js';
import type { HubStore } from '../store/hub-store.js';
import { SqliteHubStore } from '../store/sqlite/sqlite-hub-store.js';
import { burnPasswordCheck, hashPassword, verifyPassword } from './passwords.js';
import { isoAt, systemClock } from '../core/clock.js';

export const MIN_PASSWORD_LENGTH = 8;

export const newAccountSchema = z.strictObject({
  email: z.email().max(320),
  name: z.string().trim().min(1).max(200),
  role: roleSchema,
  password: z.string().min(MIN_PASSWORD_LENGTH, `use at least ${MIN_PASSWORD_LENGTH} characters`).max(1000),
});
export type NewAccountInput = z.input<typeof newAccountSchema>;

export class AccountError extends Error {
  constructor(
    readonly code: 'invalid' | 'email_taken' | 'unknown_account',
    message: string,
  ) {
    super(message);
  }
}

/**
 * Creates an account in a store, or in the hub database of `dataDir` (opened and closed here).
 * Throws AccountError for a bad input or an email already in use.
 */
export async function createAccount(target: string | HubStore, input: NewAccountInput): Promise<Account> {
  const parsed = newAccountSchema.safeParse(input);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'input'}: ${issue.message}`);
    throw new AccountError('invalid', `Invalid account: ${fields.join('; ')}`);
  }
  const { hash, salt } = await hashPassword(parsed.data.password);
  const store = typeof target === 'string' ? SqliteHubStore.open(target) : target;
  try {
    if (store.findAccountByEmail(parsed.data.email)) {
      throw new AccountError('email_taken', `An account with email ${parsed.data.email} already exists.`);
    }
    return store.insertAccount({
      id: randomUUID(),
      email: parsed.data.email,
      name: parsed.data.name,
      role: parsed.data.role,
      passwordHash: hash,
      passwordSalt: salt,
      createdAt: isoAt(systemClock()),
    });
  } finally {
    if (typeof target === 'string') store.close();
  }
}

/**
 * The account if the password is right; null for a wrong password or an unknown email alike; 'disabled' for
 * the right password of a disabled account (said only to whoever knows the password).
 */
export async function checkCredentials(
  store: HubStore,
  email: string,
  password: string,
): Promise<Account | 'disabled' | null> {
  const stored = store.findAccountByEmail(email);
  if (!stored) {
    await burnPasswordCheck(password);
    return null;
  }
  if (!(await verifyPassword(password, stored.passwordHash, stored.passwordSalt))) return null;
  if (stored.disabledAt !== null) return 'disabled';
  return { id: stored.id, email: stored.email, name: stored.name, role: stored.role };
}
