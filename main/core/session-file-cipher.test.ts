// The session file sealed by a host's cipher. Node's AES-GCM stands in for Electron's safeStorage (which cannot
// run here); the desk core only sees the encrypt/decrypt pair either way.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  readSavedSession,
  sessionFilePath,
  writeSavedSession,
  type SavedSession,
  type SessionCipher,
} from './session-file.js';
import { temporaryDir } from './test-support/fixtures.js';

const session: SavedSession = {
  hubUrl: 'http://127.0.0.1:4710',
  token: 'secret-token-4f1c',
  expiresAt: new Date(Date.now() + 60_000).toISOString(),
  account: { id: 'a1', name: 'Alex', email: 'agent1@demo.test', role: 'agent' },
};

function keychainCipher(key = randomBytes(32)): SessionCipher {
  return {
    encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    decrypt(sealed) {
      const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, 12));
      decipher.setAuthTag(sealed.subarray(12, 28));
      return Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
}

describe('session.json sealed by the host', () => {
  it('holds neither the token nor the account in the clear, and reads back with the same key', () => {
    const dataDir = temporaryDir();
    const cipher = keychainCipher();
    writeSavedSession(dataDir, session, cipher);
    const onDisk = readFileSync(sessionFilePath(dataDir), 'utf8');
    expect(onDisk).not.toContain(session.token);
    expect(onDisk).not.toContain(session.account.email);
    expect(statSync(sessionFilePath(dataDir)).mode & 0o777).toBe(0o600);
    expect(readSavedSession(dataDir, cipher)).toEqual(session);
  });

  it('reads as signed out with another key, or with no cipher at all', () => {
    const dataDir = temporaryDir();
    writeSavedSession(dataDir, session, keychainCipher());
    expect(readSavedSession(dataDir, keychainCipher())).toBeNull();
    expect(readSavedSession(dataDir)).toBeNull();
  });

  it('seals a plain file left by an earlier version the first time it is read', () => {
    const dataDir = temporaryDir();
    writeFileSync(sessionFilePath(dataDir), JSON.stringify(session), { mode: 0o600 });
    const cipher = keychainCipher();
    expect(readSavedSession(dataDir, cipher)).toEqual(session);
    expect(readFileSync(sessionFilePath(dataDir), 'utf8')).not.toContain(session.token);
    expect(readSavedSession(dataDir, cipher)).toEqual(session);
  });
});
