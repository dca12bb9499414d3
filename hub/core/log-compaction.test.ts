import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { HubChange } from '../../shared/desk-protocol.js';
import type { Conversation, Message } from '../../shared/domain.js';
import { startHub } from '../app.js';
import { conversationIdOfChange } from '../store/hub-store.js';
import { DATABASE_FILE, SqliteHubStore } from '../store/sqlite/sqlite-hub-store.js';
import {
  addAccount,
  api,
  connectAs,
  connectorRecordingIds,
  handoffRequest,
  hubsClosedAfterEach,
  type DeskClient,
  type TestHub,
} from '../testing/hub-fixture.js';
import { ClockTimers } from './clock-timers.js';
import { COMPACTION_INTERVAL_MS, DAY_MS, LogCompactor } from './log-compaction.js';

const RETENTION_MS = 7 * DAY_MS;
const START = Date.parse('2026-03-02T08:00:00Z');
const hubForTest = hubsClosedAfterEach();

/** What a console holds, as the desk core applies changes: upserts by id, and a tombstone drops everything. */
interface ConsoleState {
  conversations: Map<string, Conversation>;
  messages: Map<string, Message>;
}
const messageKey = (message: Message) => `${message.conversationId}\u0000${message.id}`;
const emptyState = (): ConsoleState => ({ conversations: new Map(), messages: new Map() });
const copyOf = (state: ConsoleState): ConsoleState => ({
  conversations: new Map(state.conversations),
  messages: new Map(state.messages),
});

function apply(state: ConsoleState, change: HubChange): void {
  if (change.kind === 'conversation') state.conversations.set(change.conversation.id, change.conversation);
  else if (change.kind === 'message') state.messages.set(messageKey(change.message), change.message);
  else {
    state.conversations.delete(change.conversationId);
    for (const [key, message] of state.messages)
      if (message.conversationId === change.conversationId) state.messages.delete(key);
  }
}

function sorted(state: ConsoleState) {
  return {
    conversations: [...state.conversations.values()].sort((a, b) => a.id.localeCompare(b.id)),
    messages: [...state.messages.values()].sort(
      (a, b) => a.conversationId.localeCompare(b.conversationId) || a.position - b.position,
    ),
  };
}

/** The hub's current handed-off conversations and their messages, read from its database. */
function hubState(testHub: TestHub) {
  const db = new Database(path.join(testHub.dataDir, DATABASE_FILE), { readonly: true });
  const ids = db
    .prepare('SELECT id FROM conversations WHERE escalated_at IS NOT NULL')
    .pluck()
    .all() as string[];
  db.close();
  const store = SqliteHubStore.open(testHub.dataDir);
  try {
    const state = emptyState();
    for (const id of ids) {
      state.conversations.set(id, store.getConversation(id)!);
      for (const message of store.listMessages(id)) state.messages.set(messageKey(message), message);
    }
    return sorted(state);
  } finally {
    store.close();
  }
}

/** Every change a console reads from `after` on, page by page (small pages: compaction must not hurt paging). */
async function changesAfter(desk: DeskClient, after: number, limit = 5): Promise<HubChange[]> {
  const all: HubChange[] = [];
  let position = after;
  for (let page = 0; page < 1000; page++) {
    const response = await desk.sync(position, limit);
    all.push(...response.changes);
    position = response.changes.at(-1)?.position ?? position;
    if (!response.hasMore) return all;
  }
  throw new Error('too many sync pages');
}

/**
 * A console that catches up after every step and remembers what it held at each position it passed, so
 * that the test can later resume a console from any of them.
 */
class RecordingConsole {
  private readonly state = emptyState();
  position = 0;
  readonly statesAt = new Map<number, ConsoleState>([[0, emptyState()]]);
  /** The hub clock's reading when each change was read (the step that made it ran at that time). */
  readonly recordedAt = new Map<number, number>();
  readonly seen = new Map<number, HubChange>();

  constructor(
    private readonly desk: DeskClient,
    private readonly testHub: TestHub,
  ) {}

  async catchUp(): Promise<void> {
    for (const change of await changesAfter(this.desk, this.position, 1000)) {
      apply(this.state, change);
      this.position = change.position;
      this.statesAt.set(change.position, copyOf(this.state));
      this.recordedAt.set(change.position, this.testHub.now());
      this.seen.set(change.position, change);
    }
  }
}

function entityKey(change: HubChange): string {
  const entity = change.kind === 'message' ? change.message.id : conversationIdOfChange(change);
  return `${change.kind}\u0000${conversationIdOfChange(change)}\u0000${entity}`;
}

describe('log compaction', () => {
  it('keeps a console that resumes from any earlier position exact, and keeps every change younger than the retention', async () => {
    const hub = await hubForTest({ startAt: START, logRetentionMs: RETENTION_MS, sessionTtlMs: 60 * DAY_MS });
    await addAccount(hub, 'alva@example.com', 'Alva Sund');
    await addAccount(hub, 'lena@example.com', 'Lena Lead', 'lead');
    const accounts = connectorRecordingIds(hub);
    const alva = await accounts.connectAs('alva@example.com');
    const lena = await accounts.connectAs('lena@example.com');
    const recorder = new RecordingConsole(alva, hub);
    let commandCount = 0;
    const command = async (desk: DeskClient, body: Record<string, unknown>) => {
      const result = await desk.command({ id: `cmd-${++commandCount}`, ...body });
      expect(result, JSON.stringify(body)).toMatchObject({ ok: true });
      return result;
    };
    const shopperSays = async (conversationId: string, id: string) => {
      const response = await api(hub.url, `/api/v1/handoffs/${conversationId}/messages`, {
        body: { id, text: `Shopper ${id}`, sentAt: new Date(hub.now()).toISOString() },
      });
      expect(response.status).toBe(201);
    };
    /** Moves the clock: the hourly compaction is due, and runs. Returns how many changes it removed. */
    const advanceAndCompact = async (ms: number) => {
      const before = (await changesAfter(alva, 0, 1000)).length;
      hub.advance(ms);
      const pass = await hub.hub.compactLog(); // joins the pass the timer started
      expect((await changesAfter(alva, 0, 1000)).length).toBe(before - pass.deleted);
      return pass.deleted;
    };

    // Day 0: three handoffs; claims, replies, a delivery, a note, tags, a status change.
    for (const id of ['conv-a', 'conv-b', 'conv-c']) {
      expect((await api(hub.url, '/api/v1/handoffs', { body: handoffRequest(id) })).status).toBe(201);
    }
    await command(alva, { type: 'claim', conversationId: 'conv-a' });
    const reply = await command(alva, { type: 'reply', conversationId: 'conv-a', text: 'Hej Nora!' });
    const delivered = await api(hub.url, '/api/v1/handoffs/conv-a/deliveries', {
      body: { messageIds: [reply.commandId] },
    });
    expect(delivered.status).toBe(200);
    await shopperSays('conv-a', 'a-s1');
    await command(alva, { type: 'note', conversationId: 'conv-a', text: 'Refund is on its way.' });
    await command(alva, { type: 'set_tags', conversationId: 'conv-a', tags: ['refund'] });
    await command(lena, { type: 'claim', conversationId: 'conv-b' });
    await command(lena, { type: 'reply', conversationId: 'conv-b', text: 'Vi tittar på det.' });
    await command(lena, { type: 'set_status', conversationId: 'conv-b', status: 'pending' });
    await recorder.catchUp();

    // Day 2: a shopper reopens b, which is resolved; a is snoozed for a day; c is claimed and transferred.
    expect(await advanceAndCompact(2 * DAY_MS)).toBe(0);
    await shopperSays('conv-b', 'b-s1');
    await command(lena, { type: 'resolve', conversationId: 'conv-b', tags: ['answered'] });
    await command(alva, {
      type: 'set_status',
      conversationId: 'conv-a',
      status: 'snoozed',
      snoozedUntil: new Date(hub.now() + DAY_MS).toISOString(),
    });
    await command(alva, { type: 'claim', conversationId: 'conv-c' });
    await command(alva, {
      type: 'transfer',
      conversationId: 'conv-c',
      toAgentId: accounts.ids['lena@example.com'],
      note: 'Lena knows this order.',
    });
    await recorder.catchUp();

    // Day 3: the snooze ends by itself.
    hub.advance(DAY_MS);
    await recorder.catchUp();
    expect(recorder.seen.size).toBeGreaterThan(30);

    // Day 9: day 0's changes are past the retention; day 2's and 3's are not.
    expect(await advanceAndCompact(6 * DAY_MS)).toBeGreaterThan(0);
    await shopperSays('conv-a', 'a-s2');
    await command(alva, { type: 'reply', conversationId: 'conv-a', text: 'Now it is done.' });
    await command(alva, { type: 'resolve', conversationId: 'conv-a' });
    expect((await api(hub.url, '/api/v1/handoffs/conv-c', { method: 'DELETE' })).status).toBe(204);
    expect((await api(hub.url, '/api/v1/handoffs', { body: handoffRequest('conv-d') })).status).toBe(201);
    await recorder.catchUp();

    // Day 17, compacted again; then b is reopened and answered.
    expect(await advanceAndCompact(8 * DAY_MS)).toBeGreaterThan(0);
    await shopperSays('conv-b', 'b-s2');
    await command(lena, { type: 'reply', conversationId: 'conv-b', text: 'Welcome back!' });
    await recorder.catchUp();

    // Day 25, compacted again; then a young change, and a pass that keeps it and drops only what it
    // superseded: conv-d's snapshot from day 9.
    expect(await advanceAndCompact(8 * DAY_MS)).toBeGreaterThan(0);
    await command(alva, { type: 'claim', conversationId: 'conv-d' });
    await recorder.catchUp();
    expect(await advanceAndCompact(COMPACTION_INTERVAL_MS)).toBe(1);

    const truth = hubState(hub);
    expect(truth.conversations.map((conversation) => conversation.id)).toEqual([
      'conv-a',
      'conv-b',
      'conv-d',
    ]);
    // A console resuming from any position it ever held ends with exactly the hub's state.
    expect(recorder.statesAt.size).toBe(recorder.seen.size + 1);
    for (const [position, held] of recorder.statesAt) {
      const state = copyOf(held);
      for (const change of await changesAfter(alva, position)) apply(state, change);
      expect(sorted(state), `resuming after position ${position}`).toEqual(truth);
    }

    // Every change younger than the retention is still there, as it was; of the older ones, only the
    // latest per entity (and the tombstone) remain.
    const remaining = await changesAfter(alva, 0, 1000);
    const cutoff = hub.now() - RETENTION_MS;
    const young = [...recorder.seen.values()].filter(
      (change) => recorder.recordedAt.get(change.position)! >= cutoff,
    );
    expect(young.length).toBeGreaterThan(0);
    expect(remaining.filter((change) => recorder.recordedAt.get(change.position)! >= cutoff)).toEqual(young);
    const oldKeys = remaining
      .filter((change) => recorder.recordedAt.get(change.position)! < cutoff)
      .map(entityKey);
    expect(new Set(oldKeys).size).toBe(oldKeys.length);
    expect(remaining).toContainEqual(expect.objectContaining({ kind: 'deleted', conversationId: 'conv-c' }));
    expect(remaining.length).toBeLessThan(recorder.seen.size);
  });

  it('runs by itself every hour on the hub clock and at start', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-test-'));
    const options = { dataDir, logRetentionMs: DAY_MS, sessionTtlMs: 60 * DAY_MS };
    let hub = await hubForTest({ ...options, startAt: START });
    await addAccount(hub, 'alva@example.com', 'Alva Sund');
    const alva = await connectAs(hub.url, 'alva@example.com');
    await api(hub.url, '/api/v1/handoffs', { body: handoffRequest('conv-timer') });
    const shopperSays = (id: string) =>
      api(hub.url, '/api/v1/handoffs/conv-timer/messages', {
        body: { id, text: id, sentAt: new Date(hub.now()).toISOString() },
      });
    for (const id of ['t1', 't2', 't3']) await shopperSays(id);
    const full = await changesAfter(alva, 0, 1000);
    const isConversation = (change: HubChange) => change.kind === 'conversation';
    expect(full.filter(isConversation)).toHaveLength(4);

    // A day and an hour later, the hourly pass has dropped the superseded conversation snapshots.
    hub.advance(DAY_MS + COMPACTION_INTERVAL_MS);
    await expect
      .poll(async () => (await changesAfter(alva, 0, 1000)).filter(isConversation))
      .toEqual([full.filter(isConversation).at(-1)]);
    expect(await changesAfter(alva, 0, 1000)).toEqual(
      full.filter((change) => !isConversation(change) || change === full.filter(isConversation).at(-1)),
    );

    // A new shopper message supersedes that snapshot; a hub started two days later compacts at start.
    await shopperSays('t4');
    const beforeRestart = await changesAfter(alva, 0, 1000);
    const latest = beforeRestart.filter(isConversation).at(-1)!;
    const restartAt = hub.now() + 2 * DAY_MS;
    await hub.close();
    hub = await hubForTest({ ...options, startAt: restartAt });
    const again = await connectAs(hub.url, 'alva@example.com');
    expect(await changesAfter(again, 0, 1000)).toEqual(
      beforeRestart.filter((change) => !isConversation(change) || change.position === latest.position),
    );
  });

  it('works through the log in bounded batches, committing each and yielding to the hub in between', async () => {
    let now = START;
    const store = SqliteHubStore.open(fs.mkdtempSync(path.join(os.tmpdir(), 'hub-test-')), () => now);
    const timers = new ClockTimers(() => now);
    const compactor = new LogCompactor(store, () => now, timers, DAY_MS, 4);
    try {
      const at = new Date(now).toISOString();
      store.transaction(() =>
        store.insertConversation({
          id: 'conv-batches',
          channel: 'sms',
          status: 'queued',
          shopper: {},
          escalation: null,
          createdAt: at,
          escalatedAt: at,
        }),
      );
      for (let index = 0; index < 20; index++)
        store.transaction(() => store.updateConversation('conv-batches', { tags: [`tag-${index}`] }));
      now += 2 * DAY_MS;
      // Young: kept, and the pass ends where they begin.
      store.transaction(() => store.updateConversation('conv-batches', { tags: ['young'] }));
      store.transaction(() => store.updateConversation('conv-batches', { tags: ['younger'] }));
      const count = () => store.readChanges(0, 1000).changes.length;
      expect(count()).toBe(23);

      const pass = compactor.compact();
      // Between batches the event loop runs, and sees the batches committed so far.
      const midway = await new Promise<number>((resolve) => setImmediate(() => resolve(count())));
      const result = await pass;
      expect(result).toEqual({ deleted: 21, batches: 6 });
      expect(midway).toBeLessThan(23);
      expect(midway).toBeGreaterThan(2);
      expect(
        store
          .readChanges(0, 1000)
          .changes.map((change) => change.kind === 'conversation' && change.conversation.tags),
      ).toEqual([['young'], ['younger']]);
      // The next pass is due an hour later on the hub's clock.
      expect(timers.has('log-compaction')).toBe(true);
    } finally {
      await compactor.close();
      timers.close();
      store.close();
    }
  });

  it('refuses a retention under one day', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-test-'));
    await expect(startHub({ port: 0, dataDir, logRetentionMs: DAY_MS - 1 })).rejects.toThrow(
      /log retention must be at least 1 day/,
    );
  });
});
