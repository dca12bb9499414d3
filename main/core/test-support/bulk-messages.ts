// Test-only: fills a cache with many messages at once, straight into its tables (through the search triggers),
// to check that search still answers on a large cache.
import type Database from 'better-sqlite3-multiple-ciphers';

const WORDS = ['beställning', 'leverans', 'retur', 'storlek', 'paket', 'kvitto', 'rabatt', 'order'];

/** Inserts `count` shopper messages into conversation `conversationId`, in one transaction. */
export function insertManyMessages(db: Database.Database, conversationId: string, count: number): void {
  const insert = db.prepare('INSERT INTO messages (conversation_id, id, position, json) VALUES (?, ?, ?, ?)');
  const start = Date.parse('2027-01-01T00:00:00.000Z'); // newer than any other test message
  db.transaction(() => {
    for (let index = 0; index < count; index += 1) {
      const id = `bulk-${index}`;
      const text = `Hej, fråga ${index} om min ${WORDS[index % WORDS.length]} och ${WORDS[(index * 7) % WORDS.length]}`;
      const message = {
        id,
        conversationId,
        position: index + 1,
        author: 'shopper',
        agent: null,
        text,
        sentAt: new Date(start + index * 1000).toISOString(),
        delivery: null,
        products: [],
        internal: false,
        mentions: [],
      };
      insert.run(conversationId, id, index + 1, JSON.stringify(message));
    }
  })();
}
