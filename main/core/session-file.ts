// Environment: Node. The signed-in session (hub URL, token, account) in session.json in the data dir.
// Mode 0600: only this OS user may read the token (issue 7 moves it into the OS keychain via safeStorage).
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

export function sessionFilePath(dataDir: string): string {
  return join(dataDir, SESSION_FILE_NAME);
}

/** The saved session, or null when there is none or it cannot be read (a damaged file means signed out). */
export function readSavedSession(dataDir: string): SavedSession | null {
  const path = sessionFilePath(dataDir);
  if (!existsSync(path)) return null;
  try {
    const parsed = savedSessionSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function writeSavedSession(dataDir: string, session: SavedSession): void {
  const path = sessionFilePath(dataDir);
  // Write beside it and rename, so a crash never leaves half a file; the temp file is 0600 from its creation.
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(session), { mode: 0o600 });
  chmodSync(temporary, 0o600);
  renameSync(temporary, path);
}

export function clearSavedSession(dataDir: string): void {
  rmSync(sessionFilePath(dataDir), { force: true });
}

export function isExpired(session: SavedSession, now: Date = new Date()): boolean {
  return Date.parse(session.expiresAt) <= now.getTime();
}
