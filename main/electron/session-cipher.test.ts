// Electron cannot run here: a stand-in for safeStorage (stubbed at the module boundary: session-cipher.ts
// imports only Electron's types).
import { describe, expect, it, vi } from 'vitest';
import { safeStorageSessionCipher, type SafeStoragePort } from './session-cipher.js';

function fakeSafeStorage(available: boolean, backend: string): SafeStoragePort {
  return {
    isEncryptionAvailable: () => available,
    getSelectedStorageBackend: () => backend as ReturnType<SafeStoragePort['getSelectedStorageBackend']>,
    encryptString: vi.fn((plain: string) => Buffer.from([...Buffer.from(plain)].reverse())),
    decryptString: vi.fn((sealed: Buffer) => Buffer.from([...sealed].reverse()).toString()),
  };
}

describe('safeStorage session cipher', () => {
  it('seals and opens the session through safeStorage', () => {
    const storage = fakeSafeStorage(true, 'gnome_libsecret');
    const cipher = safeStorageSessionCipher(storage, 'linux');
    const sealed = cipher!.encrypt('{"token":"t1"}');
    expect(storage.encryptString).toHaveBeenCalledWith('{"token":"t1"}');
    expect(cipher!.decrypt(sealed)).toBe('{"token":"t1"}');
  });

  it('is not used where it would protect nothing', () => {
    expect(safeStorageSessionCipher(fakeSafeStorage(false, 'unknown'), 'darwin')).toBeNull();
    expect(safeStorageSessionCipher(fakeSafeStorage(true, 'basic_text'), 'linux')).toBeNull();
    expect(safeStorageSessionCipher(fakeSafeStorage(true, 'unknown'), 'win32')).not.toBeNull();
  });
});
