// The cache's issue-4 operations on its own: a conversation erased on the hub, a full resync's reset (keeping the
// outbox, the owner, the offline verifier and preferences), the log identity, and refused commands kept until
// dismissed.
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Account } from '../../shared/domain.js';
import { DeskCache } from './cache.js';
import { conversationAt, messageAt, temporaryDir } from './test-support/fixtures.js';

const alex: Account = { id: 'a1', name: 'Alex Lindqvist', email: 'agent1@demo.test', role: 'agent' };

const opened: DeskCache[] = [];
function openCache(): DeskCache {
  const cache = new DeskCache({ dataDir: temporaryDir() });
  opened.push(cache);
  return cache;
}
afterEach(() => opened.splice(0).forEach((cache) => cache.close()));

function searchIds(cache: DeskCache, query: string): string[] {
  return cache.db
    .prepare<[string], { id: string }>(
      `SELECT m.conversation_id || '/' || m.id AS id FROM message_search
       JOIN messages m ON m.seq = message_search.rowid WHERE message_search MATCH ? ORDER BY id`,
    )
    .all(query)
    .map((row) => row.id);
}

/** Two conversations with a message each, c1 with an unread count and cached shopper history. */
function twoConversations(cache: DeskCache): void {
  cache.applyChanges(
    [
      { position: 1, kind: 'conversation', conversation: conversationAt(1) },
      { position: 2, kind: 'message', message: messageAt(2, { text: 'Var är paketet?' }) },
      { position: 3, kind: 'conversation', conversation: conversationAt(3, { id: 'c2' }) },
      { position: 4, kind: 'message', message: messageAt(4, { conversationId: 'c2', text: 'Paketet kom' }) },
    ],
    { fromSync: true, logId: 'log-a' },
  );
  cache.addUnread('c1', 2);
  cache.setShopperHistory('c1', { conversations: [], events: [] }, new Date().toISOString());
}

describe('DeskCache, issue 4', () => {
  it('a deleted change removes the conversation, its messages (and their search entries), unread and history', () => {
    const cache = openCache();
    twoConversations(cache);
    expect(searchIds(cache, 'paketet')).toEqual(['c1/m2', 'c2/m4']);

    const result = cache.applyChanges([{ position: 5, kind: 'deleted', conversationId: 'c1' }], {
      fromSync: false,
    });
    expect(result.removed).toEqual(new Set(['c1']));
    expect(result.previous.get('c1')?.id).toBe('c1');
    expect(cache.conversation('c1')).toBeNull();
    expect(cache.messages('c1')).toEqual([]);
    expect(cache.unread()).toEqual({});
    expect(cache.shopperHistory('c1', z.unknown())).toBeNull();
    expect(searchIds(cache, 'paketet')).toEqual(['c2/m4']);
    expect(cache.lastPosition()).toBe(5);
    // A tombstone for a conversation never cached (a fresh cache reading the log) removes nothing.
    const unknown = cache.applyChanges([{ position: 6, kind: 'deleted', conversationId: 'c9' }], {
      fromSync: true,
    });
    expect(unknown.removed.size).toBe(0);
    expect(cache.conversation('c2')).not.toBeNull();
    expect(() =>
      cache.db
        .prepare("INSERT INTO message_search (message_search, rank) VALUES ('integrity-check', 1)")
        .run(),
    ).not.toThrow();
  });

  it('remembers the log identity of the last sync page, in the same transaction as its changes', () => {
    const cache = openCache();
    expect(cache.logId()).toBeNull();
    twoConversations(cache);
    expect(cache.logId()).toBe('log-a');
    cache.applyChanges([], { fromSync: true, head: 4, logId: 'log-a' });
    expect(cache.logId()).toBe('log-a');
  });

  it("a reset forgets the hub's data and position but keeps the outbox, owner, verifier and preferences", () => {
    const cache = openCache();
    cache.claimFor({ account: alex, hubUrl: 'http://127.0.0.1:4710' });
    cache.setOfflineVerifierJson('{"kept":true}');
    cache.setDevicePreference('preferences', { language: 'sv' });
    twoConversations(cache);
    cache.setHubState('roster', []);
    cache.addCommand(
      { id: 'r1', type: 'reply', conversationId: 'c1', text: 'Queued' },
      new Date().toISOString(),
    );

    cache.resetHubData();
    expect(cache.lastPosition()).toBe(0);
    expect(cache.logId()).toBeNull();
    expect(cache.conversation('c1')).toBeNull();
    expect(cache.conversation('c2')).toBeNull();
    expect(cache.hubState('roster', z.array(z.unknown()))).toBeNull();
    expect(cache.unread()).toEqual({});
    expect(searchIds(cache, 'paketet')).toEqual([]);
    expect(cache.pendingCommands().map((e) => e.command.id)).toEqual(['r1']);
    expect(cache.localMessages('c1').map((e) => e.command.id)).toEqual(['r1']);
    expect(cache.owner()?.account.id).toBe('a1');
    expect(cache.offlineVerifierJson()).toBe('{"kept":true}');
    expect(cache.devicePreference('preferences', z.object({ language: z.string() }))).toEqual({
      language: 'sv',
    });
  });

  it('keeps every refused command (not only replies and notes) until dismissed, and counts unsent ones', () => {
    const cache = openCache();
    const now = new Date().toISOString();
    cache.addCommand(
      { id: 't1', type: 'transfer', conversationId: 'c1', toAgentId: null, note: 'Over to you' },
      now,
    );
    cache.addCommand({ id: 'k1', type: 'claim', conversationId: 'c2' }, now);
    cache.addCommand({ id: 'r1', type: 'reply', conversationId: 'c1', text: 'Hej' }, now);
    expect(cache.unsentCount()).toBe(3);

    cache.refuseCommand('t1', { code: 'forbidden', message: 'Leads only.' });
    cache.refuseCommand('k1', { code: 'already_claimed', message: 'Sam claimed it.' });
    expect(cache.unsentCount()).toBe(1);
    expect(cache.failedCommands().map((e) => [e.command.id, e.error?.code])).toEqual([
      ['t1', 'forbidden'],
      ['k1', 'already_claimed'],
    ]);
    // A refused command is no longer sent.
    expect(cache.nextPendingCommand()?.command.id).toBe('r1');

    expect(cache.dismissFailedCommand('r1')).toBeNull(); // still pending: not the agent's to dismiss
    expect(cache.dismissFailedCommand('t1')?.command).toMatchObject({
      type: 'transfer',
      note: 'Over to you',
    });
    expect(cache.dismissFailedCommand('t1')).toBeNull();
    expect(cache.failedCommands().map((e) => e.command.id)).toEqual(['k1']);
  });

  it('wiping the account leaves only the preferences', () => {
    const cache = openCache();
    cache.claimFor({ account: alex, hubUrl: 'http://127.0.0.1:4710' });
    cache.setOfflineVerifierJson('{}');
    cache.setDevicePreference('preferences', { language: 'sv' });
    twoConversations(cache);
    cache.addCommand(
      { id: 'r1', type: 'reply', conversationId: 'c1', text: 'Queued' },
      new Date().toISOString(),
    );

    cache.wipeAccountData();
    expect(cache.owner()).toBeNull();
    expect(cache.offlineVerifierJson()).toBeNull();
    expect(cache.lastPosition()).toBe(0);
    expect(cache.pendingCommands()).toEqual([]);
    expect(cache.conversations()).toEqual([]);
    expect(searchIds(cache, 'paketet')).toEqual([]);
    expect(cache.devicePreference('preferences', z.object({ language: z.string() }))).toEqual({
      language: 'sv',
    });
  });
});
