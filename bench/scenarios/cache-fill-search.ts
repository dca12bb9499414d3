// cache: the console's cache (main/core/cache.ts, a SQLite file encrypted with SQLite3 Multiple Ciphers) filled
// with 1,000,000 messages (10,000 conversations × 100, Swedish and English) through our own apply path,
// DeskCache.applyChanges, in pages of 500 changes as a sync delivers them (each page one transaction: upserts
// of the conversation and message rows, the search index kept by triggers, the position moved). Then searched
// with searchCache (main/core/search.ts, the console's search) for realistic queries: Swedish and English words,
// half-typed words, several words, order numbers, with and without filters; each query once as warm-up, then
// every query five times, p50/p95.
// Baseline (raw): the bare technology under our path in the same run: the same SQLite build and cipher, a fresh
// key, the same pragmas (WAL, synchronous FULL, 16 MB page cache) and schema (opened as a DeskCache, so the
// migrations made the same messages table, indexes and FTS5 index with its triggers), the same message rows
// (the same JSON text) inserted with one bare prepared INSERT, one transaction per page of the same size.
// Only the time inside the transactions is counted, on both sides (not building the rows); ours also upserts the
// conversation rows (1 per 100 messages) and reads each message before writing it (is it new?).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DeskCache } from '../../main/core/cache.js';
import { searchCache } from '../../main/core/search.js';
import { percentile } from '../../soak/stats.js';
import { corpusPages, type CorpusOptions } from '../fixtures/cache-corpus.js';
import { SEARCH_QUERIES } from '../fixtures/search-queries.js';
import type { Scenario } from '../scenario.js';

const PAGE_SIZE = 500;
const FULL: CorpusOptions = { conversations: 10_000, messagesPerConversation: 100, pageSize: PAGE_SIZE };
const QUICK: CorpusOptions = { conversations: 200, messagesPerConversation: 100, pageSize: PAGE_SIZE };
const MEASURED_ROUNDS = 5;

/** Fills `cache` through applyChanges; answers the milliseconds spent applying and the messages applied. */
function fillOurs(cache: DeskCache, options: CorpusOptions, log: (line: string) => void) {
  let spentMs = 0;
  let messages = 0;
  let pages = 0;
  for (const page of corpusPages(options)) {
    const startedAt = performance.now();
    const result = cache.applyChanges(page, { fromSync: true });
    spentMs += performance.now() - startedAt;
    if (result.applied.length !== page.length) throw new Error('the cache skipped changes of a fresh page');
    for (const change of page) if (change.kind === 'message') messages += 1;
    pages += 1;
    if (pages % 400 === 0) log(`ours: ${messages} messages`);
  }
  return { spentMs, messages };
}

/** The same message rows with one bare prepared INSERT into the same schema, one transaction per page. */
function fillRaw(cache: DeskCache, options: CorpusOptions, log: (line: string) => void) {
  const { db } = cache;
  const insert = db.prepare('INSERT INTO messages (conversation_id, id, position, json) VALUES (?, ?, ?, ?)');
  const insertPage = db.transaction((rows: [string, string, number, string][]) => {
    for (const row of rows) insert.run(...row);
  });
  let spentMs = 0;
  let messages = 0;
  let pages = 0;
  for (const page of corpusPages(options)) {
    const rows: [string, string, number, string][] = [];
    for (const change of page)
      if (change.kind === 'message') {
        const { message } = change;
        rows.push([message.conversationId, message.id, message.position, JSON.stringify(message)]);
      }
    const startedAt = performance.now();
    insertPage(rows);
    spentMs += performance.now() - startedAt;
    messages += rows.length;
    pages += 1;
    if (pages % 400 === 0) log(`raw: ${messages} messages`);
  }
  return { spentMs, messages };
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
      // Raw first, then ours: the machine's disk and page cache warm the same way for both.
      raw = openCache(context.workDir, 'raw');
      const bare = fillRaw(raw, size, context.log);
      raw.close();
      raw = null;
      context.log(`raw: ${bare.messages} messages in ${Math.round(bare.spentMs)} ms`);

      ours = openCache(context.workDir, 'ours');
      const filled = fillOurs(ours, size, context.log);
      context.log(`ours: ${filled.messages} messages in ${Math.round(filled.spentMs)} ms; searching`);
      const latencies = searchLatencies(ours);

      const insertPerS = filled.messages / (filled.spentMs / 1000);
      const rawPerS = bare.messages / (bare.spentMs / 1000);
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
