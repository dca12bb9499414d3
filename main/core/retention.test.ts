// Retention on a cache of its own: which resolved conversations are old enough to go, and the schedule that
// prunes at start and then every few hours without keeping the process alive.
import { afterEach, describe, expect, it } from 'vitest';
import { DeskCache } from './cache.js';
import { expiredConversationIds, pruneExpired, RetentionSchedule } from './retention.js';
import { conversationAt, temporaryDir } from './test-support/fixtures.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const NOW = Date.parse('2026-11-22T12:00:00.000Z');

const opened: DeskCache[] = [];
afterEach(() => opened.splice(0).forEach((cache) => cache.close()));

function cacheWithConversations(): DeskCache {
  const cache = new DeskCache({ dataDir: temporaryDir() });
  opened.push(cache);
  const daysAgo = (days: number) => new Date(NOW - days * DAY_MS).toISOString();
  const conversations = [
    conversationAt(1, { id: 'resolved-40d', status: 'resolved', lastMessageAt: daysAgo(40) }),
    // Another UTC offset: compared as an instant, not as text.
    conversationAt(2, {
      id: 'resolved-29d-offset',
      status: 'resolved',
      lastMessageAt: new Date(NOW - 29 * DAY_MS).toISOString().replace('Z', '+00:00'),
    }),
    conversationAt(3, { id: 'open-90d', status: 'open', lastMessageAt: daysAgo(90) }),
    conversationAt(4, {
      id: 'resolved-no-messages',
      status: 'resolved',
      lastMessageAt: null,
      resolvedAt: daysAgo(31),
    }),
    conversationAt(5, { id: 'resolved-with-work', status: 'resolved', lastMessageAt: daysAgo(100) }),
  ];
  cache.applyChanges(
    conversations.map((conversation, index) => ({
      position: index + 1,
      kind: 'conversation' as const,
      conversation,
    })),
    { fromSync: true },
  );
  cache.addCommand(
    { id: 'r1', type: 'reply', conversationId: 'resolved-with-work', text: 'Hej' },
    daysAgo(1),
  );
  cache.refuseCommand('r1', { code: 'already_resolved', message: 'This conversation is resolved.' });
  return cache;
}

describe('retention', () => {
  it('finds resolved conversations last active before the period, never one with outbox work', () => {
    const cache = cacheWithConversations();
    expect(expiredConversationIds(cache, 30, NOW).sort()).toEqual(['resolved-40d', 'resolved-no-messages']);
    expect(expiredConversationIds(cache, 365, NOW)).toEqual([]);
    expect(pruneExpired(cache, null, NOW)).toEqual([]);
    expect(pruneExpired(cache, 7, NOW).sort()).toEqual([
      'resolved-29d-offset',
      'resolved-40d',
      'resolved-no-messages',
    ]);
    expect(
      cache
        .conversations()
        .map((c) => c.id)
        .sort(),
    ).toEqual(['open-90d', 'resolved-with-work']);
  });

  it('prunes at start and again on run, and stops cleanly', () => {
    const cache = cacheWithConversations();
    let days: number | null = 30;
    const removed: string[][] = [];
    const schedule = new RetentionSchedule({
      cache,
      retentionDays: () => days,
      now: () => NOW,
      removed: (ids) => removed.push(ids.sort()),
    });
    schedule.start();
    expect(removed).toEqual([['resolved-40d', 'resolved-no-messages']]);
    days = 7;
    schedule.run();
    expect(removed).toEqual([['resolved-40d', 'resolved-no-messages'], ['resolved-29d-offset']]);
    schedule.run(); // nothing left to remove: no event
    expect(removed).toHaveLength(2);
    schedule.stop();
  });
});
