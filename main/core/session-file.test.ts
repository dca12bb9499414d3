import { statSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  isExpired,
  readSavedSession,
  sessionFilePath,
  writeSavedSession,
  clearSavedSession,
} from './session-file.js';
import type { SavedSession } from './session-file.js';
import { temporaryDir } from './test-support/fixtures.js';

const session: SavedSession = {
  hubUrl: 'http://127.0.0.1:4710',
  token: 'secret-token',
  expiresAt: new Date(Date.now() + 60_000).toISOString(),
  account: { id: 'a1', name: 'Alex', email: 'agent1@demo.test', role: 'agent' },
};

describe('session.json', () => {
  it('is written readable by this user only and read back', () => {
    const dataDir = temporaryDir();
    writeSavedSession(dataDir, session);
    expect(statSync(sessionFilePath(dataDir)).mode & 0o777).toBe(0o600);
    expect(readSavedSession(dataDir)).toEqual(session);
    clearSavedSession(dataDir);
    expect(readSavedSession(dataDir)).toBeNull();
  });

  it('a damaged file reads as signed out', () => {
    const dataDir = temporaryDir();
    writeFileSync(sessionFilePath(dataDir), '{"token": ');
    expect(readSavedSession(dataDir)).toBeNull();
  });

  it('knows when it has expired', () => {
    expect(isExpired(session)).toBe(false);
    expect(isExpired({ ...session, expiresAt: new Date(Date.now() - 1).toISOString() })).toBe(true);
  });
});
