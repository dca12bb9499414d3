// Environment: Electron main (Electron's types only, so tests can pass a stand-in). The session token sealed with
// safeStorage: a key kept by the OS (macOS Keychain, Windows DPAPI, the Secret Service or KWallet on Linux).
import type { SafeStorage } from 'electron';
import type { SessionCipher } from '../core/session-file.js';

export type SafeStoragePort = Pick<
  SafeStorage,
  'isEncryptionAvailable' | 'encryptString' | 'decryptString' | 'getSelectedStorageBackend'
>;

/**
 * safeStorage as the desk core's SessionCipher, or null where it protects nothing: unavailable, or Linux's
 * 'basic_text' fallback (no keyring: a key built into Chromium). Then the 0600 file is the only protection.
 * Call after app 'ready' (safeStorage needs it on Linux).
 */
export function safeStorageSessionCipher(
  safeStorage: SafeStoragePort,
  platform: NodeJS.Platform,
): SessionCipher | null {
  if (!safeStorage.isEncryptionAvailable()) return null;
  if (platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') return null;
  return {
    encrypt: (plain) => safeStorage.encryptString(plain),
    decrypt: (sealed) => safeStorage.decryptString(sealed),
  };
}
