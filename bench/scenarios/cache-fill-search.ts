// cache: the console's cache (main/core/cache.ts, a SQLite file encrypted with SQLite3 Multiple Ciphers) filled
// with 1,000,000 messages (10,000 conversations × 100, Swedish and English) through our own apply path,
// DeskCache.applyChanges, in pages of 500 changes as a sync delivers them (each page one transaction: upserts
// of the conversation and message rows, the search index kept by triggers, the position moved). Then searched
// with searchCache (main/core/search.ts, the console's search) for realistic queries: Swedish and English words,
// half-typed words, several words, order numbers, with and without filters; each query once as warm-up, then
// every query five times, p50/p95.
// Baseline (raw): the bare technology under our path in the same run: the same SQLite build and cipher, a
// fresh key, the same pragmas (WAL, 16 MB page cache, synchronous NORMAL as our path commits the hub's changes)
// and schema (opened as a DeskCache, so the migrations made the same messages table, indexes and FTS5 index with
// its triggers), the same message rows (the same JSON text) inserted with one bare prepared INSERT, one
// transaction per page of the same size. Both fill page by page in turns (alternating who goes first), so
// machine noise hits both alike. Only the time inside the transactions is counted (not building the pages); ours
// also serialises the rows, upserts the conversation rows (1 per 100 messages), reads each message before
// writing it (is it new?) and moves the position.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DeskCache } from '../../main/core/cache.js';
import { searchCache } from '../../main/core/search.js';
import { percentile } from '../../soak/stats.js';
import { corpusPages, type CorpusOptions } from '../fixtures/cache-corpus.js';
import { SEARCH_QUERIES } from '../fixtures/search-queries.js';
import type { HubChange } from '../../shared/desk-protocol.js';
import type { Scenario } from '../scenario.js';

const PAGE_SIZE = 500;
const FULL: CorpusOptions = { conversations: 10_000, messagesPerConversation: 100, pageSize: PAGE_SIZE };
const QUICK: CorpusOptions = { conversations: 200, messagesPerConversation: 100, pageSize: PAGE_SIZE };
const MEASURED_ROUNDS = 5;

/** The message rows of a page as the raw side inserts them: the same columns and JSON text. */
function messageRows(page: HubChange[]): [string, string, number, string][] {
  const rows: [string, string, number, string][] = [];
  for (const change of page)
    if (change.kind === 'message') {
      const { message } = change;
      rows.push([message.conversationId, message.id, message.position, JSON.stringify(message)]);
    }
  return rows;
}

/**
 * Fills both caches page by page, ours through applyChanges and raw with one bare prepared INSERT in one
 * transaction per page, alternating which goes first: both see the same machine at the same moment (this machine
 * is shared and noisy, and an index grows slower as it grows). Answers the milliseconds each spent.
 */
function fillBoth(ours: DeskCache, raw: DeskCache, options: CorpusOptions, log: (line: string) => void) {
  const insert = raw.db.prepare(
    'INSERT INTO messages (conversation_id, id, position, json) VALUES (?, ?, ?, ?)',
  );
  // The same durability as our apply path: the hub's changes commit with synchronous NORMAL (cache.ts,
  // hubDataWrite); the connection is otherwise left at the cache's FULL.
  raw.db.pragma('synchronous = NORMAL');
  const insertPage = raw.db.transaction((rows: [string, string, number, string][]) => {
    for (const row of rows) insert.run(...row);
  });
  let oursMs = 0;
  let rawMs = 0;
  let messages = 0;
  let pages = 0;
  for (const page of corpusPages(options)) {
    const rows = messageRows(page);
    const applyOurs = () => {
      const startedAt = performance.now();
      const result = ours.applyChanges(page, { fromSync: true });
      oursMs += performance.now() - startedAt;
      if (result.applied.length !== page.length) throw new Error('the cache skipped changes of a fresh page');
    };
    const insertRaw = () => {
      const startedAt = performance.now();
      insertPage(rows);
      rawMs += performance.now() - startedAt;
    };
    if (pages % 2 === 0) {
      applyOurs();
      insertRaw();
    } else {
      insertRaw();
      applyOurs();
    }
    messages += rows.length;
    pages += 1;
    if (pages % 400 === 0) log(`${messages} messages`);
  }
  return { oursMs, rawMs, messages };
}

/** A DeskCache in its own new folder under `workDir` (as the desk core makes its data dir). */
function openCache(workDir: string, name: string): DeskCache {
  const dataDir = join(workDir, name);
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  return new DeskCache({ dataDir });
}

function searchLatencies(cache: DeskCache): number[] {
  for (const query of SEARCH_QUERIES) searchCache(cache.db, query); // warm-up: page cache, statement cache
  const samples: number[] = [];
  for (let round = 0; round < MEASURED_ROUNDS; round += 1)
    for (const query of SEARCH_QUERIES) {
      const startedAt = performance.now();
      searchCache(cache.db, query);
      samples.push(performance.now() - startedAt);
    }
  return samples;
}

export const cacheFillSearchScenario: Scenario = {
  name: 'cache-fill-search',
  async run(context) {
    const size = context.quick ? QUICK : FULL;
    let ours: DeskCache | null = null;
    let raw: DeskCache | null = null;
    try {
      ours = openCache(context.workDir, 'ours');
      raw = openCache(context.workDir, 'raw');
      const filled = fillBoth(ours, raw, size, context.log);
      raw.close();
      raw = null;
      context.log(
        `${filled.messages} messages: ours ${Math.round(filled.oursMs)} ms, raw ${Math.round(filled.rawMs)} ms; searching`,
      );
      const latencies = searchLatencies(ours);

      const insertPerS = filled.messages / (filled.oursMs / 1000);
      const rawPerS = filled.messages / (filled.rawMs / 1000);
      return {
        cache: {
          messages: filled.messages,
          insert_per_s: Math.round(insertPerS),
          raw_sqlite_insert_per_s: Math.round(rawPerS),
          ratio: insertPerS / rawPerS,
          fts_p50_ms: percentile(latencies, 50) ?? 0,
          fts_p95_ms: percentile(latencies, 95) ?? 0,
        },
      };
    } finally {
      ours?.close();
      raw?.close();
    }
  },
};
