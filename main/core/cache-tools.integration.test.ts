// This machine's copy against a real hub: exporting a conversation (also offline), retention of resolved
// conversations, what the cache holds, and clearing it for a shared computer so that the bytes really go.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { DeskEvent } from '../../shared/desk-api.js';
import { DeskCache } from './cache.js';
import { cacheBytes } from './cache-maintenance.js';
import type { DeskCore } from './desk-core.js';
import { sessionFilePath } from './session-file.js';
import { insertManyMessages } from './test-support/bulk-messages.js';
import { cleanupsAfterEach } from './test-support/cleanups.js';
import { temporaryDir } from './test-support/fixtures.js';
import {
  DEMO_PASSWORD,
  handoffReceivedBy,
  nextEvent,
  recordEvents,
  signedInCore,
  startTestHub,
  waitForConnection,
  type TestHub,
} from './test-support/hub-harness.js';

const cleanups = cleanupsAfterEach();
const { closeLater } = cleanups;
const DAY_MS = 24 * 60 * 60 * 1000;

async function hubForTest(): Promise<TestHub> {
  const hub = await startTestHub();
  cleanups.push(() => hub.close());
  return hub;
}

async function hubGone(hub: TestHub, core: DeskCore): Promise<void> {
  const away = waitForConnection(core, 'reconnecting');
  await hub.close();
  await away;
}

describe('exporting a conversation', () => {
  it('as text a person reads and as JSON, from the cache, also with the hub gone', async () => {
    const hub = await hubForTest();
    const core = closeLater(await signedInCore(hub.url, 'agent1@demo.test'));
    const conversationId = await handoffReceivedBy(hub.url, 'export', core);
    expect(await core.claim({ conversationId })).toEqual({ ok: true, pending: false });
    expect(await core.setTags({ conversationId, tags: ['refund'] })).toEqual({ ok: true, pending: false });
    await core.reply({ conversationId, text: 'Hej Maja!\nJag tittar på det nu.' });
    await core.addNote({ conversationId, text: 'VIP: be generous' });
    expect(await core.resolve({ conversationId, tags: ['refund-issued'] })).toEqual({
      ok: true,
      pending: false,
    });
    await hubGone(hub, core);

    const text = await core.exportConversation({ conversationId, format: 'text', language: 'en' });
    if (!text.ok) throw new Error(text.error.message);
    expect(text.fileName).toMatch(/^conversation-\d{4}-\d{2}-\d{2}-maja-berg\.txt$/);
    expect(text.mimeType).toBe('text/plain;charset=utf-8');
    const lines = text.content.split('\n');
    expect(lines[0]).toBe('Conversation with Maja Berg');
    for (const line of [
      '  Name: Maja Berg',
      `  Email: ${conversationId}@example.se`,
      '  Phone: —',
      `  Klaviyo profile ID: 01HP${conversationId.slice(-8)}`,
      'Channel: SMS',
      'Escalation reason: knowledge gap',
      'Procedure: order_status',
      'AI tags: vip',
      'Team tags: refund',
      'Status: Resolved',
      'Assignee: Alex Lindqvist <agent1@demo.test>',
      `Conversation ID: ${conversationId}`,
      '  Var är min beställning #4412?',
      '  Hej Maja!',
      '  Jag tittar på det nu.',
    ]) {
      expect(lines, line).toContain(line);
    }
    expect(text.content).toMatch(
      /^Outcome: resolved \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC[+-]\d{2}:\d{2}; resolution tags: refund-issued$/m,
    );
    // Every message: its time with the UTC offset stated, then its author; notes marked as internal.
    expect(text.content).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC[+-]\d{2}:\d{2} · Shopper$/m);
    expect(text.content).toMatch(/ · Customer Agent$/m);
    expect(text.content).toMatch(/ · Alex Lindqvist$/m);
    expect(text.content).toMatch(
      / · Alex Lindqvist \(internal note, not shown to the shopper\)\n {2}VIP: be generous$/m,
    );

    const swedish = await core.exportConversation({ conversationId, format: 'text', language: 'sv' });
    expect(swedish).toMatchObject({
      ok: true,
      content: expect.stringContaining('Orsak till överlämning: knowledge gap'),
    });
    expect(swedish.ok && swedish.content).toContain('intern anteckning, visas inte för kunden');

    const json = await core.exportConversation({ conversationId, format: 'json' });
    if (!json.ok) throw new Error(json.error.message);
    expect(json).toMatchObject({
      mimeType: 'application/json',
      fileName: expect.stringMatching(/maja-berg\.json$/),
    });
    const parsed = JSON.parse(json.content) as Record<string, unknown>;
    const opened = await core.openConversation({ conversationId });
    expect(parsed).toEqual({
      format: 'handoff-desk-conversation',
      version: 1,
      exportedAt: expect.stringMatching(/Z$/),
      conversation: opened.conversation,
      messages: opened.messages,
    });
    // Pretty-printed for people who open it anyway.
    expect(json.content).toContain('\n  "conversation": {\n');

    expect(await core.exportConversation({ conversationId: 'no-such', format: 'text' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });
});

describe('retention', () => {
  it('removes resolved conversations whose last message is older than the period, never one with outbox work', async () => {
    const hub = await hubForTest();
    let now = Date.now();
    const core = closeLater(
      await signedInCore(hub.url, 'agent1@demo.test', temporaryDir(), { now: () => now }),
    );
    const old = await handoffReceivedBy(hub.url, 'old-resolved', core);
    const open = await handoffReceivedBy(hub.url, 'still-open', core);
    const withRefusal = await handoffReceivedBy(hub.url, 'resolved-with-refusal', core);
    for (const id of [old, open, withRefusal])
      expect(await core.claim({ conversationId: id })).toMatchObject({ ok: true });
    for (const id of [old, withRefusal])
      expect(await core.resolve({ conversationId: id })).toMatchObject({ ok: true });
    // A reply to a resolved conversation is refused: its text waits in the outbox as a refused action.
    const refused = nextEvent(
      core,
      (e) => e.type === 'failedActions' && e.failedActions.length === 1,
      'refused',
    );
    await core.reply({ conversationId: withRefusal, text: 'One more thing…' });
    await refused;

    // Thirty days is not long enough yet; a setting of 30 days 40 days later removes the old one.
    const events = recordEvents(core);
    await core.setPreferences({ retentionDays: 90 });
    now += 40 * DAY_MS;
    await core.setPreferences({ retentionDays: 30 });
    const removed = events.filter(
      (e): e is Extract<DeskEvent, { type: 'conversationRemoved' }> => e.type === 'conversationRemoved',
    );
    expect(removed.map((e) => e.conversationId)).toEqual([old]);

    const snapshot = await core.getSnapshot({});
    expect(snapshot.preferences.retentionDays).toBe(30);
    expect(snapshot.conversations.map((c) => c.id)).toEqual(expect.arrayContaining([open, withRefusal]));
    expect(snapshot.conversations.map((c) => c.id)).not.toContain(old);
    expect(
      (await core.search({ query: 'beställning 4412' })).hits.map((h) => h.conversationId),
    ).not.toContain(old);
    // Everything again: nothing more goes.
    await core.setPreferences({ retentionDays: null });
    expect(events.filter((e) => e.type === 'conversationRemoved')).toHaveLength(1);
  });
});

describe('cache info and clearing the cache', () => {
  it('tells what the cache holds; clearing refuses to drop unsent work unless asked, then leaves nothing of the account', async () => {
    const hub = await hubForTest();
    const dataDir = temporaryDir();
    const core = closeLater(await signedInCore(hub.url, 'agent1@demo.test', dataDir));
    const conversationId = await handoffReceivedBy(hub.url, 'clear', core);
    expect(await core.claim({ conversationId })).toMatchObject({ ok: true });
    await core.setPreferences({ language: 'sv' });
    // A big cache, written straight into its tables (through the search triggers).
    const filler = new DeskCache({ dataDir });
    insertManyMessages(filler.db, conversationId, 20_000);
    filler.close();

    const info = await core.cacheInfo({});
    expect(info).toMatchObject({ unsent: 0, ownerEmail: 'agent1@demo.test' });
    expect(info.conversations).toBeGreaterThanOrEqual(1);
    expect(info.messages).toBeGreaterThanOrEqual(20_002);
    expect(info.oldestMessageAt).not.toBeNull();
    expect(info.bytes).toBeGreaterThan(1_000_000);

    await hubGone(hub, core);
    await core.reply({ conversationId, text: 'Not sent yet' });
    expect((await core.cacheInfo({})).unsent).toBe(1);
    expect(await core.clearCache({})).toEqual({
      ok: false,
      error: { code: 'unsent_work', message: expect.stringMatching(/^1 unsent action/) },
    });
    expect((await core.getSnapshot({})).session).not.toBeNull();

    const events = recordEvents(core);
    expect(await core.clearCache({ discardUnsent: true })).toEqual({ ok: true });
    expect(events).toContainEqual({ type: 'session', session: null });
    expect(events).toContainEqual({ type: 'reset' });
    expect(await core.cacheInfo({})).toEqual({
      bytes: expect.any(Number),
      conversations: 0,
      messages: 0,
      oldestMessageAt: null,
      unsent: 0,
      ownerEmail: null,
    });
    // The bytes really left the disk: the database was rewritten and the write-ahead log emptied.
    const peek = new DeskCache({ dataDir });
    expect(cacheBytes(peek)).toBeLessThan(info.bytes / 10);
    expect(
      peek.db
        .prepare("SELECT COUNT(*) FROM message_search WHERE message_search MATCH 'leverans'")
        .pluck()
        .get(),
    ).toBe(0);
    expect(peek.offlineVerifierJson()).toBeNull();
    peek.close();
    expect(existsSync(sessionFilePath(dataDir))).toBe(false);
    const snapshot = await core.getSnapshot({});
    expect(snapshot).toMatchObject({ session: null, conversations: [], failedActions: [] });
    // The machine's preferences stay.
    expect(snapshot.preferences.language).toBe('sv');
    // Without a verifier, no offline sign-in: the hub is still down.
    expect(
      await core.signIn({ hubUrl: hub.url, email: 'agent1@demo.test', password: DEMO_PASSWORD }),
    ).toMatchObject({ ok: false, error: { code: 'hub_unreachable' } });
  });
});
