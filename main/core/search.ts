// Environment: Node. Full-text search over the cache's messages (the message_search FTS5 index of cache
// migration 004): reads only the cache, so it works the same with or without the hub.
import type Database from 'better-sqlite3-multiple-ciphers';
import { conversationSchema, messageSchema } from '../../shared/domain.js';
import type { Conversation, Message } from '../../shared/domain.js';
import { searchArgsSchema } from '../../shared/desk-api.js';
import type { SearchArgs, SearchHit } from '../../shared/desk-api.js';
import { parseStored } from './cache.js';

type SnippetPart = SearchHit['snippet'][number];

// Control characters: the unicode61 tokenizer treats them as separators, so they never end up inside a word.
const MATCH_START = '\u0002';
const MATCH_END = '\u0003';
const ELLIPSIS = '…';
/** Words of context a snippet keeps around the match (FTS5 allows at most 64). */
const SNIPPET_TOKENS = 20;
/** From this many matching messages on, search walks messages newest first instead of sorting every match. */
export const MANY_MATCHES = 1000;
/** How many of the most recently cached matches the many-matches plan tries first. */
export const RECENT_MATCHES = 5000;

/**
 * The agent's words as an FTS5 MATCH expression: every word a quoted string (so AND, NEAR, *, parentheses and
 * colons are searched as text, never parsed as syntax), all required, the last one a prefix so results follow
 * typing. Null when there is no word at all.
 */
export function ftsMatchExpression(query: string): string | null {
  const words = query.split(/\s+/u).filter((word) => word.length > 0);
  if (words.length === 0) return null;
  return words
    .map((word, index) => {
      const quoted = `"${word.replaceAll('"', '""')}"`;
      return index === words.length - 1 ? `${quoted}*` : quoted;
    })
    .join(' ');
}

/** Splits FTS5's snippet text, marked with the sentinels, into plain and matching parts. */
export function snippetParts(marked: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let match = false;
  let text = '';
  const flush = () => {
    if (text.length === 0) return;
    const last = parts[parts.length - 1];
    // Adjacent matches ("min beställning" as two words) read as one highlighted piece.
    if (last && last.match === match) last.text += text;
    else parts.push({ text, match });
    text = '';
  };
  for (const char of marked) {
    if (char === MATCH_START || char === MATCH_END) {
      flush();
      match = char === MATCH_START;
    } else {
      text += char;
    }
  }
  flush();
  return parts;
}

interface MatchRow {
  seq: number;
  /** julianday(sent_at): the sort key. */
  instant: number;
  message_json: string;
  conversation_json: string;
}

/** Matching messages, newest first; `more` when there were over `limit`. Conversations with the AI never match. */
export function searchCache(
  db: Database.Database,
  rawArgs: SearchArgs,
): { hits: SearchHit[]; more: boolean } {
  const args = searchArgsSchema.parse(rawArgs);
  const match = ftsMatchExpression(args.query);
  if (match === null) return { hits: [], more: false };
  const filters: string[] = [];
  const params: Record<string, string | number> = { match, limit: args.limit + 1 };
  if (args.channel) {
    filters.push("json_extract(c.json, '$.channel') = @channel");
    params.channel = args.channel;
  }
  if (args.status) {
    filters.push('c.status = @status');
    params.status = args.status;
  }
  if (args.tag) {
    // A team tag or one the AI set when it escalated.
    filters.push(`(EXISTS (SELECT 1 FROM json_each(c.json, '$.tags') WHERE value = @tag COLLATE NOCASE)
      OR EXISTS (SELECT 1 FROM json_each(c.json, '$.escalation.tags') WHERE value = @tag COLLATE NOCASE))`);
    params.tag = args.tag;
  }
  if (args.agentId) {
    filters.push('c.assignee_id = @agentId');
    params.agentId = args.agentId;
  }
  // julianday: times may carry different offsets, so they are compared as instants, not as strings.
  if (args.from) {
    filters.push('julianday(m.sent_at) >= julianday(@from)');
    params.from = args.from;
  }
  if (args.to) {
    filters.push('julianday(m.sent_at) < julianday(@to)');
    params.to = args.to;
  }
  const where = `c.status != 'with_ai' ${filters.map((filter) => `AND ${filter}`).join(' ')}`;
  const select =
    'SELECT m.seq, julianday(m.sent_at) AS instant, m.json AS message_json, c.json AS conversation_json';
  const order = 'ORDER BY julianday(m.sent_at) DESC, m.seq DESC LIMIT @limit';
  // Every MATCH costs a pass over the FTS index (for a prefix, a merge of every word it starts), so the match is
  // read as few times as possible: once here for the most recently cached matches (FTS5 reads its index backwards
  // cheaply), once for the snippets. Few matches: look each one up and sort them. Many (a common word on a big
  // cache, where sorting them all took seconds): walk the messages newest first by the instant index (cache
  // migration 006) and keep the matching ones until a page is full. When there were more matches than were read,
  // the walk over the recent ones is the answer if no older-cached message was sent after the page's last one
  // (checked on the instant index alone); else the walk goes over every match.
  const recentSeqs = db
    .prepare<[string, number], number>(
      'SELECT rowid FROM message_search WHERE message_search MATCH ? ORDER BY rowid DESC LIMIT ?',
    )
    .pluck()
    .all(match, RECENT_MATCHES);
  const recentList = { ...params, recentSeqs: JSON.stringify(recentSeqs) };
  const inRecent = 'SELECT value FROM json_each(@recentSeqs)';
  if (recentSeqs.length < MANY_MATCHES) {
    const rows = db
      .prepare<Record<string, string | number>, MatchRow>(
        `${select} FROM messages m NOT INDEXED
         JOIN conversations c ON c.id = m.conversation_id
         WHERE m.seq IN (${inRecent}) AND ${where}
         ${order}`,
      )
      .all(recentList);
    return toResult(db, match, rows, args.limit);
  }
  const walkNewestFirst = (matchSet: string, values: Record<string, string | number>) =>
    db
      .prepare<Record<string, string | number>, MatchRow>(
        `${select} FROM messages m INDEXED BY messages_by_sent_instant
         JOIN conversations c ON c.id = m.conversation_id
         WHERE m.seq IN (${matchSet}) AND ${where}
         ${order}`,
      )
      .all(values);
  const recent = walkNewestFirst(inRecent, recentList);
  const oldestRecent = recentSeqs[recentSeqs.length - 1] ?? 0;
  const last = recent[args.limit];
  const complete =
    recentSeqs.length < RECENT_MATCHES ||
    (last !== undefined &&
      db
        .prepare<[number, number], number>(
          `SELECT 1 FROM messages INDEXED BY messages_by_sent_instant
           WHERE julianday(sent_at) > ? AND seq < CAST(? AS INTEGER) LIMIT 1`,
        )
        .pluck()
        .get(last.instant, oldestRecent) === undefined);
  if (complete) return toResult(db, match, recent, args.limit);
  return toResult(
    db,
    match,
    walkNewestFirst('SELECT rowid FROM message_search WHERE message_search MATCH @match', params),
    args.limit,
  );
}

function toResult(
  db: Database.Database,
  match: string,
  rows: MatchRow[],
  limit: number,
): { hits: SearchHit[]; more: boolean } {
  const shown = rows.slice(0, limit);
  const snippets = snippetsOf(
    db,
    match,
    shown.map((row) => row.seq),
  );
  const hits: SearchHit[] = [];
  for (const row of shown) {
    const message = parseStored(row.message_json, messageSchema);
    const conversation = parseStored(row.conversation_json, conversationSchema);
    if (!message || !conversation) continue; // stored by an older contract: not readable, so not shown
    const marked = snippets.get(row.seq) ?? message.text;
    hits.push(toHit(message, conversation, snippetParts(marked)));
  }
  return { hits, more: rows.length > limit };
}

/**
 * Snippets for the rows shown only, not for every match the sort had to look at, in ONE pass over the match:
 * each MATCH re-reads the index for its words (a prefix merges every word it starts), so a query per row cost
 * more than the search itself. The rowid range bounds the pass; snippet() runs only for the rows shown (a CASE,
 * not an IN constraint: SQLite would hand that to FTS5 as one MATCH per listed rowid). The CASTs matter: FTS5
 * ignores a rowid constraint bound as a JS number (a REAL) next to MATCH.
 */
function snippetsOf(db: Database.Database, match: string, seqs: number[]): Map<number, string> {
  if (seqs.length === 0) return new Map();
  const rows = db
    .prepare<
      [string, string, string, string, string, number, number],
      { seq: number; snippet: string | null }
    >(
      `SELECT rowid AS seq,
         CASE WHEN instr(?, ',' || rowid || ',') > 0
           THEN snippet(message_search, 0, ?, ?, ?, ${SNIPPET_TOKENS}) END AS snippet
       FROM message_search
       WHERE message_search MATCH ? AND rowid >= CAST(? AS INTEGER) AND rowid <= CAST(? AS INTEGER)`,
    )
    .all(
      `,${seqs.join(',')},`,
      MATCH_START,
      MATCH_END,
      ELLIPSIS,
      match,
      Math.min(...seqs),
      Math.max(...seqs),
    );
  const snippets = new Map<number, string>();
  for (const row of rows) if (row.snippet !== null) snippets.set(row.seq, row.snippet);
  return snippets;
}

function toHit(message: Message, conversation: Conversation, snippet: SnippetPart[]): SearchHit {
  const { shopper } = conversation;
  return {
    conversationId: conversation.id,
    messageId: message.id,
    author: message.author,
    internal: message.internal,
    sentAt: message.sentAt,
    shopper: shopper.name ?? shopper.email ?? shopper.phone ?? '',
    channel: conversation.channel,
    status: conversation.status,
    snippet,
  };
}
