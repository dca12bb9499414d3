// Environment: Node. The signed-in session (hub URL, token, account) in session.json in the data dir.
// Mode 0600: only this OS user may read the token. The Electron host also seals the content with a key in the OS
// keychain (safeStorage, passed in as a SessionCipher): the desk core stays plain Node.
import { chmodSync, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { accountSchema, isoDateTimeSchema } from '../../shared/domain.js';

export const SESSION_FILE_NAME = 'session.json';

export const savedSessionSchema = z.object({
  hubUrl: z.string(),
  token: z.string().min(1),
  expiresAt: isoDateTimeSchema,
  account: accountSchema,
});
export type SavedSession = z.infer<typeof savedSessionSchema>;

/** Encrypts the session at rest; the Electron host's is safeStorage (main/electron/session-cipher.ts). */
export interface SessionCipher {
  encrypt(plain: string): Buffer;
  decrypt(sealed: Buffer): string;
}

/** The file's content when a cipher seals it: base64 of the cipher's output. */
const sealedSessionFileSchema = z.strictObject({ sealed: z.string().min(1) });

export function sessionFilePath(dataDir: string): string {
  return join(dataDir, SESSION_FILE_NAME);
}

/**
 * The saved session, or null when there is none or it cannot be read (a damaged file, or one the cipher cannot
 * open, means signed out). With a cipher, a plain file from before encryption is read and sealed in place.
 */
export function readSavedSession(dataDir: string, cipher?: SessionCipher): SavedSession | null {
  const path = sessionFilePath(dataDir);
  if (!existsSync(path)) return null;
  try {
    const content: unknown = JSON.parse(readFileSync(path, 'utf8'));
    const sealed = sealedSessionFileSchema.safeParse(content);
    if (sealed.success && !cipher) return null;
    const plain =
      sealed.success && cipher
        ? JSON.parse(cipher.decrypt(Buffer.from(sealed.data.sealed, 'base64')))
        : content;
    const parsed = savedSessionSchema.safeParse(plain);
    if (!parsed.success) return null;
    if (cipher && !sealed.success) writeSavedSession(dataDir, parsed.data, cipher);
    return parsed.data;
  } catch {
    return null;
  }
}

export function writeSavedSession(dataDir: string, session: SavedSession, cipher?: SessionCipher): void {
  const path = sessionFilePath(dataDir);
  const content = cipher
    ? JSON.stringify({ sealed: cipher.encrypt(JSON.stringify(session)).toString('base64') })
    : JSON.stringify(session);
  // Write beside it and rename, so a crash never leaves half a file; the temp file is 0600 from its creation.
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, content, { mode: 0o600 });
  chmodSync(temporary, 0o600);
  renameSync(temporary, path);
}

export function clearSavedSession(dataDir: string): void {
  rmSync(sessionFilePath(dataDir), { force: true });
}

export function isExpired(session: SavedSession, now: Date = new Date()): boolean {
  return Date.parse(session.expiresAt) <= now.getTime();
}
