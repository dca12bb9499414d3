// The hub's database cannot take writes: another process holds its write lock, or the disk is full. The hub
// refuses new work with one clear error (HTTP 503 storage_unavailable, the same words in socket acks), never a
// 500 or a crash, writes nothing half, keeps everything it acknowledged, and takes the same requests again once
// the condition clears, without a restart.
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { METRICS } from '../shared/events.js';
import { apiErrorSchema, handoffViewSchema } from '../shared/handoff-api.js';
import { STORAGE_UNAVAILABLE } from '../hub/store/storage-faults.js';
import { DATABASE_FILE } from '../hub/store/sqlite/sqlite-hub-store.js';
import {
  addAccount,
  api,
  connectAs,
  connectChat,
  eventsOf,
  handoffRequest,
  hubsClosedAfterEach,
  type TestHub,
} from '../hub/testing/hub-fixture.js';

const startHub = hubsClosedAfterEach();
const openDatabases: Database.Database[] = [];
afterEach(() => {
  for (const db of openDatabases.splice(0)) if (db.open) db.close();
});

/** A second connection to the hub's database file, as another process (a backup, a CLI command) would open. */
function otherConnection(hub: TestHub): Database.Database {
  const db = new Database(path.join(hub.dataDir, DATABASE_FILE));
  openDatabases.push(db);
  return db;
}

async function postHandoff(hub: TestHub, conversationId: string) {
  return api(hub.url, '/api/v1/handoffs', { method: 'POST', body: handoffRequest(conversationId) });
}

async function expectRefused(response: Response, why: 'disk full' | 'database locked') {
  expect(response.status).toBe(503);
  const body = apiErrorSchema.parse(await response.json());
  expect(body.error).toBe(STORAGE_UNAVAILABLE);
  expect(body.message).toContain(`The hub cannot write to its database (${why})`);
}

async function handoffStatus(hub: TestHub, conversationId: string): Promise<number> {
  return (await api(hub.url, `/api/v1/handoffs/${conversationId}`)).status;
}

/** Holds the database's write lock from another thread for `holdMs`, as a short CLI command or backup would. */
async function lockBriefly(file: string, holdMs: number): Promise<Worker> {
  const worker = new Worker(
    `const Database = require('better-sqlite3');
     const { parentPort, workerData } = require('node:worker_threads');
     const db = new Database(workerData.file);
     db.exec('BEGIN EXCLUSIVE');
     parentPort.postMessage('locked');
     setTimeout(() => { db.exec('COMMIT'); db.close(); parentPort.postMessage('released'); }, workerData.holdMs);`,
    { eval: true, workerData: { file, holdMs } },
  );
  await new Promise<void>((resolve, reject) => {
    worker.once('error', reject);
    worker.once('message', () => resolve());
  });
  return worker;
}

describe('the hub database locked by another process', () => {
  it('refuses new work over HTTP, chat and desk sockets while locked, and takes it again once released', async () => {
    const hub = await startHub({ storage: { busyTimeoutMs: 300 } });
    await addAccount(hub, 'ada@example.com', 'Ada Lind');
    expect((await postHandoff(hub, 'before-lock')).status).toBe(201);
    const desk = await connectAs(hub.url, 'ada@example.com');
    const chat = await connectChat(hub.url, { shopper: { email: 'klara.ek@example.se' } });

    const lock = otherConnection(hub);
    lock.exec('BEGIN EXCLUSIVE');

    await expectRefused(await postHandoff(hub, 'during-lock'), 'database locked');
    const claim = { id: 'claim-during-lock', type: 'claim', conversationId: 'before-lock' };
    const refusedClaim = await desk.command(claim);
    expect(refusedClaim).toEqual({
      ok: false,
      commandId: claim.id,
      // 'unavailable': the console keeps the command in its outbox and sends the same id again later.
      error: { code: 'unavailable', message: expect.stringContaining('(database locked)') },
    });
    const chatAck = await chat.emit('chat:send', { id: 'k1', text: 'Hej, var är mitt paket?' });
    expect(chatAck).toEqual({
      ok: false,
      error: expect.stringMatching(
        /^storage_unavailable: The hub cannot write to its database \(database locked\)/,
      ),
    });
    // Reads still answer; what was acknowledged is there, the refused work is not (not even half of it).
    expect(
      handoffViewSchema.parse(await (await api(hub.url, '/api/v1/handoffs/before-lock')).json()),
    ).toMatchObject({
      conversationId: 'before-lock',
      assignee: null,
    });
    expect(await handoffStatus(hub, 'during-lock')).toBe(404);

    lock.exec('ROLLBACK');

    // The very same requests, same ids, without restarting the hub.
    expect((await postHandoff(hub, 'during-lock')).status).toBe(201);
    expect(await desk.command(claim)).toMatchObject({ ok: true, commandId: claim.id });
    expect(await chat.emit('chat:send', { id: 'k1', text: 'Hej, var är mitt paket?' })).toEqual({ ok: true });
    await expect.poll(() => chat.messages.has('k1')).toBe(true);
    const view = handoffViewSchema.parse(await (await api(hub.url, '/api/v1/handoffs/before-lock')).json());
    expect(view.assignee?.email).toBe('ada@example.com');
    // Exactly one claim recorded, though the command was sent twice.
    const accepted = (await eventsOf(hub.url, 'before-lock')).filter(
      (event) => event.metric === METRICS.handoffAccepted,
    );
    expect(accepted.length).toBe(1);
  });

  it('waits out a brief lock: the request succeeds instead of being refused', async () => {
    const hub = await startHub({ storage: { busyTimeoutMs: 10_000 } });
    const worker = await lockBriefly(path.join(hub.dataDir, DATABASE_FILE), 200);
    const released = new Promise((resolve) => worker.once('message', resolve));
    try {
      // Sent while the other thread holds the lock; the hub waits (up to its busy timeout) for the release.
      expect((await postHandoff(hub, 'brief-lock')).status).toBe(201);
      await released;
    } finally {
      await worker.terminate();
    }
    expect(await handoffStatus(hub, 'brief-lock')).toBe(200);
  });
});

const FILLER_BLOB_BYTES = 3_000;

/** Fills the database file up to `maxPages` from another connection (its own cap), like other data filling a disk. */
function fillToCap(db: Database.Database, maxPages: number): void {
  db.pragma('synchronous = OFF');
  db.pragma(`max_page_count = ${maxPages}`);
  db.exec('CREATE TABLE IF NOT EXISTS test_filler (blob BLOB NOT NULL)');
  const insert = db.prepare(
    `INSERT INTO test_filler (blob)
     WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n LIMIT ?) SELECT randomblob(?) FROM n`,
  );
  // Big steps first, then smaller ones: each failed step rolls back whole; bounded by the batch sizes.
  for (const batch of [1000, 100, 10, 1]) {
    for (let attempt = 0; attempt < 100; attempt++) {
      try {
        insert.run(batch, FILLER_BLOB_BYTES);
      } catch (error) {
        if ((error as { code?: string }).code !== 'SQLITE_FULL') throw error;
        break;
      }
    }
  }
}

describe('the hub database on a full disk', () => {
  it('refuses new handoffs with 503 (disk full), keeps the acknowledged ones, and recovers once space is freed', async () => {
    // The page cap stands in for a full disk: SQLite answers SQLITE_FULL past it, just as when the disk is full.
    const maxPages = 3_000;
    const hub = await startHub({ storage: { maxDatabasePages: maxPages } });
    const filler = otherConnection(hub);
    fillToCap(filler, maxPages);

    // The hub's tables still have room in their pages for a few rows: keep sending until the disk is full.
    const acknowledged: string[] = [];
    let refusedId: string | null = null;
    for (let index = 0; index < 200 && refusedId === null; index++) {
      const conversationId = `full-${index}`;
      const response = await postHandoff(hub, conversationId);
      if (response.status === 201) acknowledged.push(conversationId);
      else {
        await expectRefused(response, 'disk full');
        refusedId = conversationId;
      }
    }
    expect(refusedId, 'the hub never ran out of space').not.toBeNull();
    // Nothing half-written; every acknowledged handoff whole.
    expect(await handoffStatus(hub, refusedId!)).toBe(404);
    for (const conversationId of acknowledged) {
      const view = handoffViewSchema.parse(
        await (await api(hub.url, `/api/v1/handoffs/${conversationId}`)).json(),
      );
      expect(view.transcript.map((message) => message.id).slice(0, 3)).toEqual(['m1', 'm2', 'm3']);
    }

    // Space freed: the other data goes (its pages become free pages inside the file the hub may reuse).
    filler.exec('DROP TABLE test_filler');
    expect((await postHandoff(hub, refusedId!)).status).toBe(201);
    expect(await handoffStatus(hub, refusedId!)).toBe(200);
  });
});
