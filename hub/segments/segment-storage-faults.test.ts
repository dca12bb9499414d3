// A segment window that expires while another process holds the database's write lock: the check fails without
// taking the hub down, and is tried again by itself, so the shopper still leaves the segment once the lock is gone.
import path from 'node:path';
import Database from 'better-sqlite3';
import { expect, it, vi } from 'vitest';
import { METRICS } from '../../shared/events.js';
import { issueTestKey } from '../klaviyo/events-api-test-kit.js';
import { DATABASE_FILE } from '../store/sqlite/sqlite-hub-store.js';
import { addAccount, hubsClosedAfterEach, signIn } from '../testing/hub-fixture.js';
import { DAY_MS, memberEmails, postEvent } from './segments-test-kit.js';

const START = Date.parse('2026-03-02T09:00:00.000Z');
const startHub = hubsClosedAfterEach();

it('a window check refused by a locked database runs again later, and membership still changes', async () => {
  const hub = await startHub({ startAt: START, sessionTtlMs: 365 * DAY_MS, storage: { busyTimeoutMs: 20 } });
  await addAccount(hub, 'lena@example.com', 'Lena Lead', 'lead');
  const key = issueTestKey(hub.dataDir);
  const { token } = await signIn(hub.url, 'lena@example.com');
  const members = () => memberEmails(hub, token, 'recently-escalated');
  await postEvent(hub, key, { metric: METRICS.conversationEscalated, email: 'olle@example.se' });
  expect(await members()).toEqual(['olle@example.se']);

  const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  const other = new Database(path.join(hub.dataDir, DATABASE_FILE));
  try {
    other.exec('BEGIN EXCLUSIVE');
    hub.advance(7 * DAY_MS);
    expect(errors).toHaveBeenCalledWith(expect.stringContaining('segment window checks skipped'));
    // The check could not be written: Olle is still listed (readers are not blocked in WAL mode).
    expect(await members()).toEqual(['olle@example.se']);
    other.exec('COMMIT');
  } finally {
    other.close();
    errors.mockRestore();
  }
  hub.advance(5_000);
  expect(await members()).toEqual([]);
});
