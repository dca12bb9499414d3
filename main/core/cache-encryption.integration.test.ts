// The console's cache encrypted at rest, against a real hub: nothing of a conversation readable in the files,
// a plaintext cache from an earlier version encrypted in place, a cache whose key is wrong set aside and filled
// again from the hub, and signing out with "remove this computer's cached conversations".
import PlainDatabase from 'better-sqlite3';
import Database from 'better-sqlite3-multiple-ciphers';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { CACHE_FILE_NAME, DeskCache } from './cache.js';
import { cacheKeyFile, cacheKeyFilePath, newCacheKey } from './cache-key.js';
import type { DeskCore } from './desk-core.js';
import { sessionFilePath } from './session-file.js';
import { temporaryDir } from './test-support/fixtures.js';
import {
  handoffReceivedBy,
  hubsAndAgentsClosedAfterEach,
  openCore,
  recordEvents,
  waitForConnection,
  type TestHub,
} from './test-support/hub-harness.js';

const { closeLater, hubForTest, agent } = hubsAndAgentsClosedAfterEach();

afterEach(() => {
  vi.restoreAllMocks();
});

/** What sampleHandoff puts in a conversation: the shopper's name, words of the transcript. */
const TRANSCRIPT_WORDS = ['Maja Berg', 'min beställning', 'kopplar dig till vårt team'];

/** Every file of the cache in the data dir (database, write-ahead log, shared memory), concatenated. */
function cacheBytesOnDisk(dataDir: string): Buffer {
  const files = readdirSync(dataDir).filter((name) => name.startsWith(CACHE_FILE_NAME));
  return Buffer.concat(files.map((name) => readFileSync(join(dataDir, name))));
}

function expectNothingReadable(bytes: Buffer, email: string): void {
  expect(bytes.length).toBeGreaterThan(0);
  for (const text of [email, ...TRANSCRIPT_WORDS]) expect(bytes.includes(text)).toBe(false);
}

async function hubGone(hub: TestHub, core: DeskCore): Promise<void> {
  const away = waitForConnection(core, 'reconnecting');
  await hub.close();
  await away;
}

describe('the cache at rest', () => {
  it('holds no transcript text or email in its files, and opens only with its key', async () => {
    const hub = await hubForTest();
    const dataDir = temporaryDir();
    const core = await agent(hub, 'agent1@demo.test', dataDir);
    const conversationId = await handoffReceivedBy(hub.url, 'at-rest', core);
    const email = `${conversationId}@example.se`;
    expect(await core.claim({ conversationId })).toEqual({ ok: true, pending: false });
    await core.reply({ conversationId, text: 'Paketet kommer imorgon, Maja Berg' });

    // While the console runs (pages in the write-ahead log) and after it closed (checkpointed into the file).
    expectNothingReadable(cacheBytesOnDisk(dataDir), email);
    await core.close();
    expectNothingReadable(cacheBytesOnDisk(dataDir), email);

    const cachePath = join(dataDir, CACHE_FILE_NAME);
    const plain = new PlainDatabase(cachePath, { readonly: true });
    expect(() => plain.prepare('SELECT * FROM conversations').all()).toThrow(/file is not a database/);
    plain.close();
    const wrongKey = new Database(cachePath, { readonly: true });
    wrongKey.key(newCacheKey());
    expect(() => wrongKey.prepare('SELECT * FROM conversations').all()).toThrow(/file is not a database/);
    wrongKey.close();

    // With its key (the web host's 0600 key file) the console opens it again, conversation and all.
    expect(readFileSync(cacheKeyFilePath(dataDir), 'utf8')).toMatch(/^\{"plain":"[0-9a-f]{64}"\}$/);
    const peek = new DeskCache({ dataDir });
    expect(peek.conversation(conversationId)?.shopper.email).toBe(email);
    peek.close();
  });

  it('encrypts a plaintext cache from an earlier version in place, write-ahead log included', async () => {
    const hub = await hubForTest();
    const dataDir = temporaryDir();
    const core = await agent(hub, 'agent1@demo.test', dataDir);
    const conversationId = await handoffReceivedBy(hub.url, 'migrate', core);
    const email = `${conversationId}@example.se`;
    await core.close();

    // Turn it into what an earlier version left: a plaintext cache in WAL mode, no key file.
    const cachePath = join(dataDir, CACHE_FILE_NAME);
    const keyStore = cacheKeyFile(dataDir);
    const decrypting = new Database(cachePath);
    decrypting.key(keyStore.load() ?? Buffer.alloc(0));
    decrypting.pragma('journal_mode = DELETE');
    decrypting.rekey(Buffer.alloc(0));
    decrypting.pragma('journal_mode = WAL');
    decrypting.close();
    keyStore.remove();
    // A last write left in the write-ahead log: the earlier version stopped without checkpointing.
    const moduleEntry = createRequire(import.meta.url).resolve('better-sqlite3-multiple-ciphers');
    const writer = spawnSync(process.execPath, [
      '-e',
      `const db = new (require(${JSON.stringify(moduleEntry)}))(${JSON.stringify(cachePath)});
       db.prepare("INSERT INTO device_preferences (key, json) VALUES ('left-in-wal', '\\"kept\\"')").run();
       process.exit(0);`,
    ]);
    expect(writer.stderr.toString()).toBe('');
    expect(readFileSync(`${cachePath}-wal`).includes('left-in-wal')).toBe(true);
    expect(readFileSync(cachePath).includes(email)).toBe(true);

    const migrated = closeLater(openCore(dataDir, hub.url));
    await waitForConnection(migrated, 'online');
    expect((await migrated.getSnapshot({})).conversations.map((c) => c.id)).toContain(conversationId);
    expectNothingReadable(cacheBytesOnDisk(dataDir), email);
    await migrated.close();
    expectNothingReadable(cacheBytesOnDisk(dataDir), email);
    expect(existsSync(cacheKeyFilePath(dataDir))).toBe(true);
    const peek = new DeskCache({ dataDir });
    expect(peek.devicePreference('left-in-wal', z.string())).toBe('kept');
    expect(peek.conversation(conversationId)?.shopper.email).toBe(email);
    peek.close();
  });

  it('sets a cache whose key is wrong aside, says so, and fills a fresh one from the hub', async () => {
    const hub = await hubForTest();
    const dataDir = temporaryDir();
    const core = await agent(hub, 'agent1@demo.test', dataDir);
    const conversationId = await handoffReceivedBy(hub.url, 'wrong-key', core);
    await core.close();
    cacheKeyFile(dataDir).save(newCacheKey());
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);

    // The saved session still signs the console in; the empty cache catches up with the hub.
    const restarted = closeLater(openCore(dataDir, hub.url));
    expect(logged).toHaveBeenCalledWith(
      expect.stringMatching(
        /cannot be opened with this computer's cache key \(the key is wrong\).*set aside/,
      ),
    );
    expect(readdirSync(dataDir).some((name) => name.startsWith(`${CACHE_FILE_NAME}.unreadable-`))).toBe(true);
    await waitForConnection(restarted, 'online');
    expect((await restarted.getSnapshot({})).conversations.map((c) => c.id)).toContain(conversationId);
  });

  it('sets a cache aside when its key file is gone', async () => {
    const dataDir = temporaryDir();
    const filled = new DeskCache({ dataDir });
    filled.setDevicePreference('marker', 'before');
    filled.close();
    cacheKeyFile(dataDir).remove();
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);

    const reopened = new DeskCache({ dataDir });
    expect(reopened.devicePreference('marker', z.string())).toBeNull();
    reopened.close();
    expect(logged).toHaveBeenCalledWith(expect.stringMatching(/the key is missing or unreadable/));
    expect(existsSync(cacheKeyFilePath(dataDir))).toBe(true);
  });
});

describe('signing out with "remove this computer\'s cached conversations"', () => {
  it('refuses while unsent work would be lost, then deletes the cache files and key; preferences stay', async () => {
    const hub = await hubForTest();
    const dataDir = temporaryDir();
    const core = await agent(hub, 'agent1@demo.test', dataDir);
    const conversationId = await handoffReceivedBy(hub.url, 'remove', core);
    expect(await core.claim({ conversationId })).toEqual({ ok: true, pending: false });
    await core.setPreferences({ language: 'sv' });
    const oldKey = readFileSync(cacheKeyFilePath(dataDir), 'utf8');
    await hubGone(hub, core);
    await core.reply({ conversationId, text: 'Not sent yet' });

    expect(await core.signOut({ removeCache: true })).toEqual({
      ok: false,
      error: { code: 'unsent_work', message: expect.stringMatching(/^1 unsent action/) },
    });
    expect((await core.getSnapshot({})).session).not.toBeNull();
    expect(readFileSync(cacheKeyFilePath(dataDir), 'utf8')).toBe(oldKey);

    const events = recordEvents(core);
    expect(await core.signOut({ removeCache: true, discardUnsent: true })).toEqual({ ok: true });
    expect(events).toContainEqual({ type: 'session', session: null });
    expect(events).toContainEqual({ type: 'reset' });
    expect(existsSync(sessionFilePath(dataDir))).toBe(false);
    // The old key is gone with the old files: what is there now is a new, empty cache under a new key.
    expect(readFileSync(cacheKeyFilePath(dataDir), 'utf8')).not.toBe(oldKey);
    expect(await core.cacheInfo({})).toMatchObject({
      conversations: 0,
      messages: 0,
      unsent: 0,
      ownerEmail: null,
    });
    expect((await core.getSnapshot({})).preferences.language).toBe('sv');
    await core.close();
    expect(cacheBytesOnDisk(dataDir).includes('Not sent yet')).toBe(false);
    const oldKeyOpens = new Database(join(dataDir, CACHE_FILE_NAME), { readonly: true });
    oldKeyOpens.key(Buffer.from((JSON.parse(oldKey) as { plain: string }).plain, 'hex'));
    expect(() => oldKeyOpens.prepare('SELECT * FROM conversations').all()).toThrow(/not a database/);
    oldKeyOpens.close();
  });

  it('keeps the cache when not asked to remove it', async () => {
    const hub = await hubForTest();
    const dataDir = temporaryDir();
    const core = await agent(hub, 'agent1@demo.test', dataDir);
    const conversationId = await handoffReceivedBy(hub.url, 'keep', core);
    expect(await core.signOut({})).toEqual({ ok: true });
    await core.close();
    const peek = new DeskCache({ dataDir });
    expect(peek.conversation(conversationId)).not.toBeNull();
    peek.close();
  });
});
