// Environment: Node (hub). Bearer tokens: random, and stored only as their sha256.
import { createHash, randomBytes } from 'node:crypto';

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The token of an `Authorization: Bearer <token>` header, or null. */
export function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1] ?? null;
}

/** A name for an issued credential (integration token, events API key): 1–80 characters, no outer spaces. */
export const CREDENTIAL_NAME_PATTERN = /^\S(.{0,78}\S)?$/;
