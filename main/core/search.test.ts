// Full-text search over a real cache file: matching, highlighting, filters, the index following changes, and
// queries that look like FTS5 syntax.
import { afterEach, describe, expect, it } from 'vitest';
import type { SearchArgs } from '../../shared/desk-api.js';
import type { Conversation, Message } from '../../shared/domain.js';
import { DeskCache } from './cache.js';
import { ftsMatchExpression, MANY_MATCHES, RECENT_MATCHES, searchCache, snippetParts } from './search.js';
import { insertManyMessages } from './test-support/bulk-messages.js';
import { conversationAt, messageAt, temporaryDir } from './test-support/fixtures.js';

const opened: DeskCache[] = [];
afterEach(() => opened.splice(0).forEach((cache) => cache.close()));

const LONG_TEXT =
  'Hej igen, jag skriver för att jag fortfarande väntar på besked om det som hände förra veckan när paketet ' +
  'kom fram till fel adress och jag fick gå till grannen för att hämta det, och nu undrar jag om ni kan skicka ' +
  'ett nytt kvitto till mig eftersom det gamla försvann i röran, och sedan vill jag också veta hur lång tid en ' +
  'återbetalning brukar ta hos er när varan redan har skickats tillbaka med posten och spårats hela vägen hem.';

function conversation(id: string, overrides: Partial<Conversation>): Conversation {
  return conversationAt(1, { id, ...overrides });
}

function message(conversationId: string, position: number, overrides: Partial<Message>): Message {
  return messageAt(position, { conversationId, ...overrides });
}

/** A cache holding two handed-off conversations and one still with the AI. */
function seededCache(): DeskCache {
  const cache = new DeskCache({ dataDir: temporaryDir() });
  opened.push(cache);
  const conversations = [
    conversation('c1', {
      channel: 'sms',
      status: 'queued',
      shopper: { name: 'Maja Berg', email: 'maja@example.se' },
      escalation: { reason: 'knowledge_gap', tags: ['vip'] },
      tags: ['refund'],
    }),
    conversation('c2', {
      channel: 'email',
      status: 'open',
      shopper: { email: 'olle@example.se' },
      assignee: { id: 'a1', name: 'Alex Lindqvist', email: 'agent1@demo.test' },
    }),
    conversation('c3', { channel: 'web_chat', status: 'with_ai', escalation: null }),
  ];
  const messages = [
    message('c1', 1, { text: 'Var är min beställning #4412?', sentAt: '2026-01-01T10:00:00.000Z' }),
    message('c1', 2, {
      author: 'customer_agent',
      text: 'Jag kopplar dig till vårt team.',
      sentAt: '2026-01-01T10:01:00.000Z',
    }),
    message('c1', 3, {
      author: 'agent',
      agent: { id: 'a1', name: 'Alex Lindqvist', email: 'agent1@demo.test' },
      internal: true,
      text: 'VIP-kund, ge fri frakt',
      sentAt: '2026-01-01T10:02:00.000Z',
    }),
    // 08:00Z, written with an offset: compared as an instant, not as a string.
    message('c2', 1, {
      text: 'Min beställning kom trasig, jag vill ha en retur',
      sentAt: '2026-02-01T09:00:00.000+01:00',
    }),
    message('c2', 2, { text: LONG_TEXT, sentAt: '2026-02-01T09:05:00.000+01:00' }),
    message('c2', 3, {
      text: 'Skicka till Storgatan 1:a (port) "B" AND NOT C',
      sentAt: '2026-02-01T09:10:00.000+01:00',
    }),
    message('c3', 1, { text: 'Min beställning, fråga AI:n', sentAt: '2026-03-01T10:00:00.000Z' }),
  ];
  cache.applyChanges(
    [
      ...conversations.map((c) => ({ kind: 'conversation' as const, conversation: c })),
      ...messages.map((m) => ({ kind: 'message' as const, message: m })),
    ].map((change, index) => ({ ...change, position: index + 1 })),
    { fromSync: true },
  );
  return cache;
}

function ids(cache: DeskCache, args: SearchArgs): string[] {
  return searchCache(cache.db, args).hits.map((hit) => `${hit.conversationId}/${hit.messageId}`);
}

describe('ftsMatchExpression', () => {
  it('quotes every word, doubles quotes, and makes the last word a prefix', () => {
    expect(ftsMatchExpression('  min  beställ ')).toBe('"min" "beställ"*');
    expect(ftsMatchExpression('say "hi" NEAR(')).toBe('"say" """hi""" "NEAR("*');
    expect(ftsMatchExpression('   ')).toBeNull();
  });
});

describe('snippetParts', () => {
  it('splits marked text into plain and matching parts, joining neighbours', () => {
    expect(snippetParts('…om \u0002min\u0003 \u0002order\u0003 nu')).toEqual([
      { text: '…om ', match: false },
      { text: 'min', match: true },
      { text: ' ', match: false },
      { text: 'order', match: true },
      { text: ' nu', match: false },
    ]);
    expect(snippetParts('\u0002a\u0003\u0002b\u0003')).toEqual([{ text: 'ab', match: true }]);
  });
});

describe('searchCache', () => {
  it('finds a word without its diacritics, newest first, with the match highlighted', () => {
    const cache = seededCache();
    const { hits, more } = searchCache(cache.db, { query: 'bestallning' });
    expect(more).toBe(false);
    expect(hits).toEqual([
      {
        conversationId: 'c2',
        messageId: 'm1',
        author: 'shopper',
        internal: false,
        sentAt: '2026-02-01T09:00:00.000+01:00',
        shopper: 'olle@example.se',
        channel: 'email',
        status: 'open',
        snippet: [
          { text: 'Min ', match: false },
          { text: 'beställning', match: true },
          { text: ' kom trasig, jag vill ha en retur', match: false },
        ],
      },
      {
        conversationId: 'c1',
        messageId: 'm1',
        author: 'shopper',
        internal: false,
        sentAt: '2026-01-01T10:00:00.000Z',
        shopper: 'Maja Berg',
        channel: 'sms',
        status: 'queued',
        snippet: [
          { text: 'Var är min ', match: false },
          { text: 'beställning', match: true },
          { text: ' #4412?', match: false },
        ],
      },
    ]);
  });

  it('follows typing: the last word matches as a prefix, every word must match, case does not matter', () => {
    const cache = seededCache();
    expect(ids(cache, { query: 'b' })).toEqual(expect.arrayContaining(['c2/m1', 'c1/m1']));
    expect(ids(cache, { query: 'bestäl' })).toEqual(['c2/m1', 'c1/m1']);
    expect(ids(cache, { query: 'beställning kom' })).toEqual(['c2/m1']);
    expect(ids(cache, { query: 'KOM Beställ' })).toEqual(['c2/m1']);
    expect(ids(cache, { query: 'beställning pizza' })).toEqual([]);
    expect(ids(cache, { query: 'var ar' })).toEqual(['c1/m1']);
  });

  it('finds internal notes, marked as internal', () => {
    const cache = seededCache();
    expect(searchCache(cache.db, { query: 'frakt' }).hits).toMatchObject([
      { conversationId: 'c1', messageId: 'm3', author: 'agent', internal: true },
    ]);
  });

  it('never finds a conversation still with the AI', () => {
    const cache = seededCache();
    expect(ids(cache, { query: 'AI:n' })).toEqual([]);
    expect(ids(cache, { query: 'beställning' })).not.toContain('c3/m1');
  });

  it('trims a long message around the match with an ellipsis', () => {
    const cache = seededCache();
    const [hit] = searchCache(cache.db, { query: 'kvitto' }).hits;
    const text = hit?.snippet.map((part) => part.text).join('') ?? '';
    expect(hit?.snippet.filter((part) => part.match)).toEqual([{ text: 'kvitto', match: true }]);
    expect(text.startsWith('…')).toBe(true);
    expect(text.endsWith('…')).toBe(true);
    expect(text.length).toBeLessThan(LONG_TEXT.length / 2);
  });

  it('filters by channel, status, team tag, AI tag, assignee and time range', () => {
    const cache = seededCache();
    const query = 'beställning';
    expect(ids(cache, { query, channel: 'email' })).toEqual(['c2/m1']);
    expect(ids(cache, { query, channel: 'whatsapp' })).toEqual([]);
    expect(ids(cache, { query, status: 'queued' })).toEqual(['c1/m1']);
    expect(ids(cache, { query, tag: 'refund' })).toEqual(['c1/m1']);
    expect(ids(cache, { query, tag: 'VIP' })).toEqual(['c1/m1']); // the AI's escalation tag
    expect(ids(cache, { query, tag: 'nothing' })).toEqual([]);
    expect(ids(cache, { query, agentId: 'a1' })).toEqual(['c2/m1']);
    expect(ids(cache, { query, from: '2026-01-15T00:00:00.000Z' })).toEqual(['c2/m1']);
    expect(ids(cache, { query, to: '2026-01-15T00:00:00.000Z' })).toEqual(['c1/m1']);
    // c2/m1 was sent at 08:00Z: as strings "09:00+01:00" would sort after "08:30Z", as instants it is before.
    expect(ids(cache, { query, from: '2026-02-01T08:30:00.000Z' })).toEqual([]);
    expect(ids(cache, { query, from: '2026-02-01T07:30:00.000Z', to: '2026-02-01T08:00:00.001Z' })).toEqual([
      'c2/m1',
    ]);
    expect(ids(cache, { query, from: '2026-02-01T08:00:00.000Z' })).toEqual(['c2/m1']); // "at or after"
    expect(ids(cache, { query, to: '2026-02-01T08:00:00.000Z', channel: 'email' })).toEqual([]); // "before"
  });

  it('returns at most `limit` hits and says when there are more', () => {
    const cache = seededCache();
    expect(searchCache(cache.db, { query: 'beställning', limit: 1 })).toMatchObject({
      hits: [{ conversationId: 'c2' }],
      more: true,
    });
    expect(searchCache(cache.db, { query: 'beställning', limit: 2 }).more).toBe(false);
  });

  it('searches FTS5 syntax typed by the agent as text and never throws', () => {
    const cache = seededCache();
    expect(ids(cache, { query: '"B" AND NOT' })).toEqual(['c2/m3']);
    expect(ids(cache, { query: '(port)' })).toEqual(['c2/m3']);
    expect(ids(cache, { query: '1:a' })).toEqual(['c2/m3']);
    for (const query of [
      '"',
      '*',
      'AND OR NOT',
      'NEAR(',
      'a:b',
      '(',
      ')',
      '^',
      '-',
      'text:min',
      '""""',
      'NEAR(min retur, 2)',
      '{text}: min',
    ]) {
      expect(() => searchCache(cache.db, { query }), query).not.toThrow();
    }
    expect(ids(cache, { query: 'AND OR NOT' })).toEqual([]);
  });

  it('follows the messages table: an edited message is found by its new text, a deleted one is not found', () => {
    const cache = seededCache();
    cache.applyChanges(
      [{ position: 100, kind: 'message', message: message('c1', 1, { text: 'Leveransen har kommit fram' }) }],
      { fromSync: true },
    );
    expect(ids(cache, { query: 'leveransen' })).toEqual(['c1/m1']);
    expect(ids(cache, { query: 'beställning' })).toEqual(['c2/m1']);

    cache.db.prepare("DELETE FROM messages WHERE conversation_id = 'c2' AND id = 'm1'").run();
    expect(ids(cache, { query: 'beställning' })).toEqual([]);
    expect(ids(cache, { query: 'retur' })).toEqual([]);
    expect(
      cache.db.prepare("INSERT INTO message_search (message_search) VALUES ('integrity-check')").run(),
    ).toBeTruthy();
  });

  it("forgets the previous account's messages when another account takes the cache", () => {
    const cache = seededCache();
    cache.claimFor({
      account: { id: 'a1', name: 'A', email: 'a@demo.test', role: 'agent' },
      hubUrl: 'http://h',
    });
    cache.claimFor({
      account: { id: 'a2', name: 'B', email: 'b@demo.test', role: 'agent' },
      hubUrl: 'http://h',
    });
    expect(ids(cache, { query: 'beställning' })).toEqual([]);
  });

  it('answers on a cache of 100,000 messages, newest first', { timeout: 120_000 }, () => {
    const cache = seededCache();
    insertManyMessages(cache.db, 'c1', 100_000);
    const { hits, more } = searchCache(cache.db, { query: 'kvitto' });
    expect(hits).toHaveLength(50);
    expect(more).toBe(true);
    const times = hits.map((hit) => Date.parse(hit.sentAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(hits[0]?.messageId).toMatch(/^bulk-/);
    expect(searchCache(cache.db, { query: 'fråga 99999' }).hits.map((hit) => hit.messageId)).toEqual([
      'bulk-99999',
    ]);
  });

  // More matches than RECENT_MATCHES, so search walks the messages by instant instead of sorting the matches:
  // cached out of the order they were sent (the recently cached matches are not the answer), or in it (they are).
  it.each([
    [
      'in an order unrelated to when they were sent',
      (index: number, count: number) => (index * 7919) % count,
    ],
    ['in the order they were sent', (index: number) => index],
  ])('lists many matches newest first by instant, cached %s, whatever their offset', (_order, slot) => {
    const cache = seededCache();
    const insert = cache.db.prepare(
      'INSERT INTO messages (conversation_id, id, position, json) VALUES (?, ?, ?, ?)',
    );
    const cached: { conversationId: string; id: string; at: number; seq: number }[] = [];
    const count = RECENT_MATCHES + MANY_MATCHES;
    cache.db.transaction(() => {
      for (let index = 0; index < count; index += 1) {
        const conversationId = index % 3 === 0 ? 'c2' : 'c1';
        // Two messages share each instant (the later cached, higher seq, comes first); half are at +02:00.
        const at = Date.parse('2027-03-01T00:00:00.000Z') + Math.floor(slot(index, count) / 2) * 60_000;
        const sentAt =
          index % 2 === 0
            ? new Date(at).toISOString()
            : new Date(at + 2 * 3_600_000).toISOString().replace('Z', '+02:00');
        const id = `many-${index}`;
        const json = JSON.stringify(
          messageAt(index + 10, { conversationId, id, text: `Mitt kvitto ${index}`, sentAt }),
        );
        const seq = Number(insert.run(conversationId, id, index + 10, json).lastInsertRowid);
        cached.push({ conversationId, id, at, seq });
      }
    })();
    const newestFirst = (rows: typeof cached) =>
      [...rows].sort((a, b) => b.at - a.at || b.seq - a.seq).map((row) => `${row.conversationId}/${row.id}`);

    expect(ids(cache, { query: 'kvitto', limit: 200 })).toEqual(newestFirst(cached).slice(0, 200));
    // Filters on the conversation (c2 is the open email one) and on the time keep the same order.
    expect(ids(cache, { query: 'kvitt', status: 'open', limit: 100 })).toEqual(
      newestFirst(cached.filter((row) => row.conversationId === 'c2')).slice(0, 100),
    );
    const to = '2027-03-01T10:00:00.000Z';
    expect(ids(cache, { query: 'kvitto', channel: 'sms', to, limit: 100 })).toEqual(
      newestFirst(cached.filter((row) => row.conversationId === 'c1' && row.at < Date.parse(to))).slice(
        0,
        100,
      ),
    );
  });
});
