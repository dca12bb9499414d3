// The web host's console keeps its cache key in a file only its OS user may read (no keychain in plain Node),
// and the cache beside it is encrypted with that key.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CACHE_FILE_NAME } from '../core/cache.js';
import { cacheKeyFilePath } from '../core/cache-key.js';
import { temporaryDir } from '../core/test-support/fixtures.js';
import { startWebHost } from './web-host.js';

describe("the web host's cache key", () => {
  it('is a 0600 file in a 0700 data dir, and the cache is not plain SQLite', async () => {
    const dataDir = join(temporaryDir(), 'Handoff Desk');
    const host = await startWebHost({
      port: 0,
      dataDir,
      defaultHubUrl: 'http://127.0.0.1:4710',
      rendererDir: join(temporaryDir('renderer-'), 'missing'),
    });
    try {
      expect(statSync(dataDir).mode & 0o777).toBe(0o700);
      expect(statSync(cacheKeyFilePath(dataDir)).mode & 0o777).toBe(0o600);
      expect(JSON.parse(readFileSync(cacheKeyFilePath(dataDir), 'utf8'))).toEqual({
        plain: expect.stringMatching(/^[0-9a-f]{64}$/),
      });
      await host.core.setPreferences({ language: 'sv' });
    } finally {
      await host.close();
    }
    // A plain SQLite file starts with this header; an encrypted one does not.
    const header = readFileSync(join(dataDir, CACHE_FILE_NAME)).subarray(0, 16).toString('latin1');
    expect(header).not.toBe('SQLite format 3\0');
  });
});
