// `npm run hub -- add-events-key --name …` prints a key the running hub accepts at once; revoke-events-key
// makes it 401; names are unique among active keys; the demo hub accepts demo-events-key.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DEMO_EVENTS_API_KEY } from '../../shared/klaviyo-api.js';
import { DATABASE_FILE } from '../store/sqlite/sqlite-hub-store.js';
import { hubsClosedAfterEach } from '../testing/hub-fixture.js';
import { klaviyoFetch } from './events-api-test-kit.js';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const startTestHub = hubsClosedAfterEach();

function runCli(
  args: string[],
  dataDir: string,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'hub/cli.ts', ...args], {
    cwd: repoRoot,
    env: { ...process.env, HUB_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, stdout, stderr })));
}

describe('events API keys from the command line', () => {
  it('issues a key shown once (only its sha256 kept), accepted by the running hub until revoked', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-keys-'));
    const testHub = await startTestHub({ dataDir });
    const added = await runCli(['add-events-key', '--name', 'Marketing stack'], dataDir);
    expect(added.code).toBe(0);
    const key = added.stdout.trim();
    expect(key).toMatch(/^pk_[0-9a-f]{48}$/);
    expect(added.stderr).toContain('shown only this once');
    const db = new Database(path.join(dataDir, DATABASE_FILE), { readonly: true });
    const stored = db.prepare('SELECT name, key_hash FROM events_api_keys').all() as { key_hash: string }[];
    db.close();
    expect(stored).toEqual([{ name: 'Marketing stack', key_hash: expect.stringMatching(/^[0-9a-f]{64}$/) }]);
    expect(JSON.stringify(stored)).not.toContain(key);

    expect((await klaviyoFetch(testHub.url, '/api/metrics', key)).status).toBe(200);
    const again = await runCli(['add-events-key', '--name', 'Marketing stack'], dataDir);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('exists already');
    expect((await runCli(['add-events-key'], dataDir)).code).toBe(2);

    const revoked = await runCli(['revoke-events-key', '--name', 'Marketing stack'], dataDir);
    expect(revoked.code).toBe(0);
    expect((await klaviyoFetch(testHub.url, '/api/metrics', key)).status).toBe(401);
    expect((await runCli(['revoke-events-key', '--name', 'Marketing stack'], dataDir)).code).toBe(1);
  });

  it('the demo hub accepts demo-events-key; a hub without demo does not', async () => {
    const demo = await startTestHub({ demo: true });
    expect((await klaviyoFetch(demo.url, '/api/events?page[size]=1', DEMO_EVENTS_API_KEY)).status).toBe(200);
    const plain = await startTestHub();
    expect((await klaviyoFetch(plain.url, '/api/events', DEMO_EVENTS_API_KEY)).status).toBe(401);
  });
});
