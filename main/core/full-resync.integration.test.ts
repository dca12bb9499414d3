// A full resync when the hub's log is no longer the one the cache was filled from: the hub's data was replaced
// (another log identity) or restored from an older backup (our position is beyond its head). The cache is rebuilt
// to equal the hub's state, and work still in the outbox is delivered exactly once afterwards.
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it, vi } from 'vitest';
import type { DeskCore } from './desk-core.js';
import { cleanupsAfterEach } from './test-support/cleanups.js';
import { temporaryDir } from './test-support/fixtures.js';
import {
  getHandoff,
  handoffReceivedBy,
  postHandoff,
  recordEvents,
  sampleHandoff,
  signedInCore,
  startTestHub,
  uniqueConversationId,
  waitForConnection,
  type TestHub,
} from './test-support/hub-harness.js';

const cleanups = cleanupsAfterEach();
const { closeLater } = cleanups;

/** What a console shows, as a fresh console signed in to `hubUrl` would show it. */
async function visibleState(core: DeskCore) {
  const snapshot = await core.getSnapshot({});
  const conversations = [];
  for (const conversation of snapshot.conversations) {
    const opened = await core.openConversation({ conversationId: conversation.id });
    conversations.push({
      id: conversation.id,
      version: conversation.version,
      status: conversation.status,
      messages: opened.messages.map((m) => [m.id, m.text, m.delivery]),
    });
  }
  return conversations.sort((a, b) => a.id.localeCompare(b.id));
}

async function postHandoffs(hubUrl: string, label: string, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const id = uniqueConversationId(label);
    await postHandoff(hubUrl, sampleHandoff(id));
    ids.push(id);
  }
  return ids;
}

/** Runs a hub on a copy of `dataDir` long enough for `change` to alter it; returns the copy. */
async function copyOfHubData(dataDir: string, change: (hub: TestHub) => Promise<void>): Promise<string> {
  const copy = temporaryDir('hub-copy-');
  cpSync(dataDir, copy, { recursive: true });
  const hub = await startTestHub({ dataDir: copy });
  await change(hub);
  await hub.close();
  return copy;
}

describe('full resync', () => {
  it.each([
    {
      case: "the hub's data replaced by another log (same accounts and sessions, another log identity)",
      replaced: true,
    },
    { case: 'the hub restored from an older backup (our position is beyond its head)', replaced: false },
  ])('$case: reset, the cache equals the hub, a pending reply is delivered once', async ({ replaced }) => {
    const original = await startTestHub();
    cleanups.push(() => original.close());
    const dataDir = temporaryDir();
    const core = closeLater(
      await signedInCore(original.url, 'agent1@demo.test', dataDir, { newHandoffSettleMs: 0 }),
    );
    const kept = await handoffReceivedBy(original.url, 'kept', core);
    expect(await core.claim({ conversationId: kept })).toEqual({ ok: true, pending: false });

    // The other data: a copy of the hub as it is now (with this session), then changed on its own.
    await original.close();
    const otherData = await copyOfHubData(original.dataDir, async (hub) => {
      if (replaced) {
        await postHandoffs(hub.url, 'only-in-the-other', 4);
      }
    });
    if (replaced) {
      const db = new Database(join(otherData, 'hub.sqlite'));
      db.prepare("UPDATE hub_meta SET value = 'another-log' WHERE key = 'log_id'").run();
      db.close();
    }
    // Meanwhile the original hub moves on: changes the other data never had.
    const reconnected = waitForConnection(core, 'online');
    const moved = await startTestHub({ dataDir: original.dataDir, port: original.port });
    await reconnected;
    const lost = await handoffReceivedBy(moved.url, 'only-in-the-original', core);
    const more = await postHandoffs(moved.url, 'more-in-the-original', replaced ? 1 : 3);
    const away = waitForConnection(core, 'reconnecting');
    await moved.close();
    await away;
    expect(await core.reply({ conversationId: kept, text: 'Queued across the resync' })).toEqual({
      ok: true,
      pending: true,
    });

    // The other data comes up where the hub was.
    const events = recordEvents(core);
    const online = waitForConnection(core, 'online');
    const other = await startTestHub({ dataDir: otherData, port: original.port });
    cleanups.push(() => other.close());
    await online;
    expect(events.filter((e) => e.type === 'reset')).toHaveLength(1);
    // A rebuild is history, not news (the original hub's new handoffs were news when they arrived live, and may
    // still be announced after the short settle delay).
    const liveBefore = new Set([lost, ...more]);
    expect(
      events.filter((e) => e.type === 'notification' && !liveBefore.has(e.notification.conversationId)),
    ).toEqual([]);

    await vi.waitFor(
      async () => {
        const view = await getHandoff(other.url, kept);
        expect(view.transcript.filter((m) => m.text === 'Queued across the resync')).toHaveLength(1);
        const desk = await core.openConversation({ conversationId: kept });
        expect(desk.messages.filter((m) => m.text === 'Queued across the resync')).toMatchObject([
          { delivery: 'sent' },
        ]);
      },
      { timeout: 15_000, interval: 50 },
    );
    const snapshot = await core.getSnapshot({});
    expect(snapshot.conversations.map((c) => c.id)).not.toContain(lost);
    expect(snapshot.roster.length).toBeGreaterThan(0);

    // Exactly what a console that only ever knew this hub shows.
    const fresh = closeLater(await signedInCore(other.url, 'agent1@demo.test'));
    await vi.waitFor(async () => expect(await visibleState(core)).toEqual(await visibleState(fresh)), {
      timeout: 15_000,
      interval: 50,
    });
  });
});
