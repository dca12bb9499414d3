import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DeskCache, messageKey } from './cache.js';
import { preferencesSchema } from '../../shared/desk-api.js';
import { DEFAULT_SETTINGS, hubSettingsSchema } from '../../shared/settings.js';
import { rosterSchema } from '../../shared/team.js';
import { conversationAt, messageAt, temporaryDir } from './test-support/fixtures.js';
import type { Account } from '../../shared/domain.js';

const alex: Account = { id: 'a1', name: 'Alex Lindqvist', email: 'agent1@demo.test', role: 'agent' };
const sam: Account = { id: 'a2', name: 'Sam Berg', email: 'agent2@demo.test', role: 'agent' };

const opened: DeskCache[] = [];
function openCache(dataDir = temporaryDir()): DeskCache {
  const cache = new DeskCache({ dataDir });
  opened.push(cache);
  return cache;
}
afterEach(() => opened.splice(0).forEach((cache) => cache.close()));

describe('DeskCache', () => {
  it('applies live changes in order, ignores duplicates and stops at a gap', () => {
    const cache = openCache();
    const first = cache.applyChanges(
      [
        { position: 1, kind: 'conversation', conversation: conversationAt(1) },
        { position: 2, kind: 'message', message: messageAt(1) },
      ],
      { fromSync: false },
    );
    expect(first).toMatchObject({ gap: false });
    expect(first.applied.map((c) => c.position)).toEqual([1, 2]);

    const duplicate = cache.applyChanges([{ position: 2, kind: 'message', message: messageAt(1) }], {
      fromSync: false,
    });
    expect(duplicate.applied).toEqual([]);

    const gap = cache.applyChanges([{ position: 4, kind: 'message', message: messageAt(3) }], {
      fromSync: false,
    });
    expect(gap).toMatchObject({ applied: [], gap: true });
    expect(cache.lastPosition()).toBe(2);
    expect(cache.messages('c1').map((m) => m.id)).toEqual(['m1']);
  });

  it("commits the hub's changes without waiting for the disk, and leaves the connection at FULL for the outbox", () => {
    const cache = openCache();
    const levels: number[] = [];
    // Seen from inside the write's transaction.
    const transaction = cache.db.transaction.bind(cache.db);
    cache.db.transaction = ((fn: (...args: unknown[]) => unknown) =>
      transaction((...args: unknown[]) => {
        levels.push(cache.db.pragma('synchronous', { simple: true }) as number);
        return fn(...args);
      })) as typeof cache.db.transaction;
    cache.applyChanges([{ position: 1, kind: 'message', message: messageAt(1) }], { fromSync: false });
    const NORMAL = 1;
    const FULL = 2;
    expect(levels).toEqual([NORMAL]);
    expect(cache.db.pragma('synchronous', { simple: true })).toBe(FULL);
    // Also after a write that throws.
    expect(() =>
      cache.applyChanges(
        [{ position: 2, kind: 'message', message: { ...messageAt(2), position: Number.NaN } }],
        {
          fromSync: false,
        },
      ),
    ).toThrow();
    expect(cache.db.pragma('synchronous', { simple: true })).toBe(FULL);
  });

  it("applies a sync page as the hub's complete answer and moves to its head", () => {
    const cache = openCache();
    cache.applyChanges(
      [
        { position: 3, kind: 'conversation', conversation: conversationAt(3) },
        { position: 5, kind: 'message', message: messageAt(2) },
        { position: 6, kind: 'message', message: messageAt(1) },
      ],
      { fromSync: true, head: 9 },
    );
    expect(cache.lastPosition()).toBe(9);
    // Sorted by the hub's position within the conversation, not by arrival.
    expect(cache.messages('c1').map((m) => m.position)).toEqual([1, 2]);
  });

  it('keeps the last position across a reopen', () => {
    const dataDir = temporaryDir();
    const cache = openCache(dataDir);
    cache.applyChanges([{ position: 1, kind: 'conversation', conversation: conversationAt(1) }], {
      fromSync: false,
    });
    cache.close();
    const reopened = openCache(dataDir);
    expect(reopened.lastPosition()).toBe(1);
    expect(reopened.conversation('c1')?.version).toBe(1);
  });

  it('hides conversations still with the AI from the console', () => {
    const cache = openCache();
    cache.applyChanges(
      [
        { position: 1, kind: 'conversation', conversation: conversationAt(1) },
        {
          position: 2,
          kind: 'conversation',
          conversation: conversationAt(2, { id: 'c2', status: 'with_ai' }),
        },
      ],
      { fromSync: false },
    );
    expect(cache.conversations().map((c) => c.id)).toEqual(['c1']);
    expect(cache.queuedConversations().map((c) => c.id)).toEqual(['c1']);
  });

  it("never lets a command's late ack overwrite newer state from the log", () => {
    const cache = openCache();
    const delivered = messageAt(2, { id: 'cmd-1', author: 'agent', agent: alex, delivery: 'delivered' });
    cache.applyChanges(
      [
        { position: 1, kind: 'conversation', conversation: conversationAt(5, { status: 'resolved' }) },
        { position: 2, kind: 'message', message: delivered },
      ],
      { fromSync: false },
    );
    cache.addCommand(
      { id: 'cmd-1', type: 'reply', conversationId: 'c1', text: 'Hej!' },
      new Date().toISOString(),
    );
    const changed = cache.completeCommand('cmd-1', conversationAt(4, { status: 'open' }), {
      ...delivered,
      delivery: 'sent',
    });
    expect(changed).toEqual({ conversation: null, message: null });
    expect(cache.conversation('c1')?.status).toBe('resolved');
    expect(cache.messages('c1')[0]?.delivery).toBe('delivered');
    expect(cache.pendingCommands()).toEqual([]);
  });

  it('keeps the outbox in order, shows pending replies and keeps a refused reply as failed', () => {
    const cache = openCache();
    const now = new Date().toISOString();
    cache.addCommand({ id: 'r1', type: 'reply', conversationId: 'c1', text: 'first' }, now);
    cache.addCommand({ id: 'k1', type: 'claim', conversationId: 'c1' }, now);
    cache.addCommand({ id: 'r2', type: 'reply', conversationId: 'c1', text: 'second' }, now);
    expect(cache.nextPendingCommand()?.command.id).toBe('r1');
    expect(cache.localMessages('c1').map((e) => e.command.id)).toEqual(['r1', 'r2']);

    cache.refuseCommand('r1', { code: 'not_assignee', message: 'Claim it first.' });
    cache.refuseCommand('k1', { code: 'already_claimed', message: 'Sam claimed it.' });
    expect(cache.pendingCommands().map((e) => e.command.id)).toEqual(['r2']);
    expect(cache.localMessages('c1').map((e) => [e.command.id, e.status, e.error?.code])).toEqual([
      ['r1', 'failed', 'not_assignee'],
      ['r2', 'pending', undefined],
    ]);
  });

  it('a pending reply the log already delivered is not shown twice', () => {
    const cache = openCache();
    cache.addCommand(
      { id: 'r1', type: 'reply', conversationId: 'c1', text: 'Hej!' },
      new Date().toISOString(),
    );
    cache.applyChanges(
      [{ position: 1, kind: 'message', message: messageAt(1, { id: 'r1', author: 'agent' }) }],
      {
        fromSync: false,
      },
    );
    expect(cache.localMessages('c1')).toEqual([]);
    expect(cache.nextPendingCommand()?.command.id).toBe('r1'); // still waiting for its ack
  });

  it('belongs to one account: another account signing in starts from empty, the same one keeps its data', () => {
    const cache = openCache();
    cache.claimFor({ account: alex, hubUrl: 'http://127.0.0.1:4710' });
    cache.applyChanges([{ position: 1, kind: 'conversation', conversation: conversationAt(1) }], {
      fromSync: false,
    });
    cache.addCommand(
      { id: 'r1', type: 'reply', conversationId: 'c1', text: 'Hej!' },
      new Date().toISOString(),
    );

    cache.claimFor({ account: alex, hubUrl: 'http://127.0.0.1:4710' });
    expect(cache.lastPosition()).toBe(1);

    cache.claimFor({ account: sam, hubUrl: 'http://127.0.0.1:4710' });
    expect(cache.lastPosition()).toBe(0);
    expect(cache.conversations()).toEqual([]);
    expect(cache.pendingCommands()).toEqual([]);
    expect(cache.owner()?.account.id).toBe('a2');

    cache.claimFor({ account: sam, hubUrl: 'http://127.0.0.1:9999' });
    expect(cache.owner()?.hubUrl).toBe('http://127.0.0.1:9999');
  });

  it('tells what a batch changed: each conversation as it was before, and which messages are new', () => {
    const cache = openCache();
    const first = cache.applyChanges(
      [
        { position: 1, kind: 'conversation', conversation: conversationAt(1) },
        { position: 2, kind: 'message', message: messageAt(1) },
      ],
      { fromSync: false },
    );
    expect([...first.previous]).toEqual([['c1', null]]);
    expect(first.newMessages).toEqual(new Set([messageKey(messageAt(1))]));

    const claimed = conversationAt(3, { status: 'open', assignee: alex });
    const second = cache.applyChanges(
      [
        { position: 3, kind: 'conversation', conversation: claimed },
        // The same message again (e.g. a delivery update): applied, but not new.
        { position: 4, kind: 'message', message: messageAt(1, { text: 'edited' }) },
        { position: 5, kind: 'conversation', conversation: conversationAt(5, { status: 'resolved' }) },
      ],
      { fromSync: false },
    );
    // Before the whole batch, not between its changes.
    expect(second.previous.get('c1')).toMatchObject({ status: 'queued', version: 1 });
    expect(second.newMessages.size).toBe(0);
  });

  it('keeps the hub state, shopper history and unread counts for the account, and preferences for the machine', () => {
    const dataDir = temporaryDir();
    const cache = openCache(dataDir);
    cache.claimFor({ account: alex, hubUrl: 'http://127.0.0.1:4710' });
    cache.setHubState('roster', [{ not: 'a roster' }]);
    cache.setHubState('settings', { ...DEFAULT_SETTINGS, reminderAfterMinutes: 7 });
    cache.setShopperHistory('c1', { conversations: [], events: [] }, new Date().toISOString());
    cache.addUnread('c1', 2);
    cache.addUnread('c1', 1);
    cache.addUnread('c2', 0); // nothing to count: no row
    cache.setDevicePreference('preferences', { language: 'sv', notifications: false, sound: true });
    cache.close();

    const reopened = openCache(dataDir);
    expect(reopened.hubState('settings', hubSettingsSchema)?.reminderAfterMinutes).toBe(7);
    // A stored value the schema no longer accepts reads as "not cached", never as a crash.
    expect(reopened.hubState('roster', rosterSchema)).toBeNull();
    expect(reopened.hubState('canned_replies', rosterSchema)).toBeNull();
    expect(reopened.unread()).toEqual({ c1: 3 });
    expect(reopened.clearUnread('c1')).toBe(true);
    expect(reopened.clearUnread('c1')).toBe(false);
    expect(reopened.unread()).toEqual({});
    reopened.addUnread('c1', 1);

    reopened.claimFor({ account: sam, hubUrl: 'http://127.0.0.1:4710' });
    expect(reopened.hubState('settings', hubSettingsSchema)).toBeNull();
    expect(reopened.shopperHistory('c1', z.unknown())).toBeNull();
    expect(reopened.unread()).toEqual({});
    // Stored before the retention preference existed: it reads as "keep everything".
    expect(reopened.devicePreference('preferences', preferencesSchema)).toEqual({
      language: 'sv',
      notifications: false,
      sound: true,
      retentionDays: null,
    });
  });

  it('shows pending and refused notes like replies, and knows which commands still wait', () => {
    const cache = openCache();
    const now = new Date().toISOString();
    cache.addCommand({ id: 'n1', type: 'note', conversationId: 'c1', text: 'VIP', mentions: ['a2'] }, now);
    cache.addCommand({ id: 't1', type: 'transfer', conversationId: 'c1', toAgentId: null }, now);
    expect(cache.localMessages('c1').map((e) => e.command.id)).toEqual(['n1']);
    expect(cache.hasPendingCommand('c1', ['transfer'])).toBe(true);
    expect(cache.hasPendingCommand('c1', ['claim'])).toBe(false);
    expect(cache.hasPendingCommand('c2', ['transfer'])).toBe(false);

    cache.refuseCommand('n1', { code: 'invalid', message: 'mentions: unknown agent' });
    cache.refuseCommand('t1', { code: 'forbidden', message: 'Leads only.' });
    expect(cache.localMessages('c1').map((e) => [e.command.id, e.status])).toEqual([['n1', 'failed']]);
    expect(cache.hasPendingCommand('c1', ['transfer', 'note'])).toBe(false);
  });
});
