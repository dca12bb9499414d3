// Environment: Node. The desk core's local cache (cache.sqlite in the data dir): every conversation and message
// the agent has received, the last hub log position applied, and the outbox of commands not yet acknowledged.
import type Database from 'better-sqlite3-multiple-ciphers';
import { join } from 'node:path';
import { z } from 'zod';
import { accountSchema, conversationSchema, messageSchema } from '../../shared/domain.js';
import type { Conversation, Message } from '../../shared/domain.js';
import { commandSchema } from '../../shared/desk-protocol.js';
import type { Command, HubChange } from '../../shared/desk-protocol.js';
import { deskErrorSchema } from '../../shared/desk-api.js';
import type { DeskError } from '../../shared/desk-api.js';
import { migrateCache } from './cache-migrations.js';
import { cacheKeyFile, type CacheKeyStore } from './cache-key.js';
import { openCacheFile, removeCacheFile } from './cache-file.js';

export const CACHE_FILE_NAME = 'cache.sqlite';

/** Whose data the cache holds: it belongs to one account on one hub. */
export const cacheOwnerSchema = z.object({ account: accountSchema, hubUrl: z.string() });
export type CacheOwner = z.infer<typeof cacheOwnerSchema>;

export interface OutboxEntry {
  seq: number;
  command: Command;
  createdAt: string;
  status: 'pending' | 'failed';
  error: DeskError | null;
}

export interface AppliedChanges {
  applied: HubChange[];
  /** Each conversation the applied changes touched, as it was before them (null: new to the cache). */
  previous: Map<string, Conversation | null>;
  /**
   * The same conversations as the cache has them after the changes (null: not cached), so that those who look at
   * a batch need not read and parse each one again (a busy desk core applies every change of the whole team).
   */
  current: Map<string, Conversation | null>;
  /** Messages the cache did not have before (by messageKey): a re-push, e.g. a delivery update, is not news. */
  newMessages: Set<string>;
  /** Conversations a `deleted` change removed from the cache (they were cached). */
  removed: Set<string>;
  /** A live change skipped ahead of the last applied position: the caller must sync instead. */
  gap: boolean;
}

export interface OpenCacheOptions {
  dataDir: string;
  /** Path to a better_sqlite3.node built for another ABI (Electron keeps its own build apart from Node's). */
  nativeBinding?: string;
  /** Where the encryption key is kept (default: an unsealed 0600 cache.key in the data dir). */
  keyStore?: CacheKeyStore;
}

interface OutboxRow {
  seq: number;
  command_json: string;
  created_at: string;
  status: 'pending' | 'failed';
  error_json: string | null;
}

/** What the hub pushes whole and the console shows offline. */
export type HubStateKey = 'roster' | 'settings' | 'canned_replies';

const LAST_POSITION_KEY = 'last_position';
const OWNER_KEY = 'owner';
/** The identity of the hub log the cache was filled from (syncResponseSchema.logId). */
const LOG_ID_KEY = 'log_id';
/** The offline sign-in verifier of the owner (never the password): see offline-verifier.ts. */
const OFFLINE_VERIFIER_KEY = 'offline_verifier';

/** Everything that came from the hub for the account (not the outbox, the owner or this machine's choices). */
const HUB_DATA_TABLES = ['conversations', 'messages', 'hub_state', 'shopper_history', 'unread'] as const;

export class DeskCache {
  /** Replaced only by removeFromDisk; read it at each use, never keep it. */
  db: Database.Database;
  private readonly path: string;
  private readonly keyStore: CacheKeyStore;
  private readonly nativeBinding: string | undefined;
  /** Prepared once per connection: preparing costs more than running most of these, and a busy hub sends many. */
  private statements = new Map<string, Database.Statement<unknown[], unknown>>();

  constructor(options: OpenCacheOptions) {
    this.path = join(options.dataDir, CACHE_FILE_NAME);
    this.keyStore = options.keyStore ?? cacheKeyFile(options.dataDir);
    this.nativeBinding = options.nativeBinding;
    this.db = this.open();
  }

  private prepared<P extends unknown[] = unknown[], R = unknown>(sql: string): Database.Statement<P, R> {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement as unknown as Database.Statement<P, R>;
  }

  private open(): Database.Database {
    const db = openCacheFile({
      path: this.path,
      keyStore: this.keyStore,
      ...(this.nativeBinding ? { nativeBinding: this.nativeBinding } : {}),
    });
    db.pragma('journal_mode = WAL');
    // The outbox must survive a crash once a call has returned `pending` (the hub's data need not: hubDataWrite).
    db.pragma('synchronous = FULL');
    // Pages are decrypted on every read from the file: keep the working set (open conversations, recent
    // messages, the search index's hot pages) in memory. Negative: KiB.
    db.pragma('cache_size = -16000');
    migrateCache(db);
    return db;
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  /**
   * Deletes the cache's files and its key from the disk (everything the account had here, outbox included) and
   * starts an empty cache under a new key. This machine's device preferences are carried over.
   */
  removeFromDisk(): void {
    const preferences = this.prepared<[], { key: string; json: string }>(
      'SELECT key, json FROM device_preferences',
    ).all();
    this.db.close();
    removeCacheFile(this.path, this.keyStore);
    this.db = this.open();
    this.statements = new Map();
    const insert = this.prepared<[string, string]>(
      'INSERT INTO device_preferences (key, json) VALUES (?, ?)',
    );
    this.db.transaction(() => {
      for (const { key, json } of preferences) insert.run(key, json);
    })();
  }

  lastPosition(): number {
    const value = this.getMeta(LAST_POSITION_KEY);
    return value === null ? 0 : Number(value);
  }

  /** The hub log the cache was filled from; null before the first sync page (or in a cache from before logIds). */
  logId(): string | null {
    return this.getMeta(LOG_ID_KEY);
  }

  offlineVerifierJson(): string | null {
    return this.getMeta(OFFLINE_VERIFIER_KEY);
  }

  setOfflineVerifierJson(json: string): void {
    this.setMeta(OFFLINE_VERIFIER_KEY, json);
  }

  owner(): CacheOwner | null {
    const value = this.getMeta(OWNER_KEY);
    if (value === null) return null;
    const parsed = cacheOwnerSchema.safeParse(JSON.parse(value));
    return parsed.success ? parsed.data : null;
  }

  /** Records the new owner; a different account or hub wipes what belonged to the previous one. */
  claimFor(owner: CacheOwner): void {
    const previous = this.owner();
    this.db.transaction(() => {
      if (previous && (previous.account.id !== owner.account.id || previous.hubUrl !== owner.hubUrl)) {
        // Device preferences stay: they belong to this machine, not to the account.
        this.db.exec(`DELETE FROM conversations; DELETE FROM messages; DELETE FROM outbox; DELETE FROM meta;
           DELETE FROM hub_state; DELETE FROM shopper_history; DELETE FROM unread;`);
      }
      this.setMeta(OWNER_KEY, JSON.stringify(owner));
    })();
  }

  /**
   * Applies changes and moves the last position in ONE transaction.
   * Live changes (`fromSync` false) must follow the last position exactly; a sync page is the hub's complete
   * answer after our position, so it is applied as is, and `head` (when the hub says it was the last page) becomes
   * the new position.
   */
  applyChanges(
    changes: HubChange[],
    options: { fromSync: boolean; head?: number; logId?: string },
  ): AppliedChanges {
    return this.hubDataWrite(() => this.applyChangesNow(changes, options));
  }

  /**
   * Runs a write of what came from the hub without waiting for the disk at its commit (WAL with synchronous
   * NORMAL): it survives the process crashing; a power cut may undo the last few, the position with them (they
   * are one transaction), so the next sync fetches them again. Only the outbox needs FULL (a command returned
   * `pending` must survive anything), and its next commit flushes these writes to the disk with it. Waiting for
   * the disk at every live change was most of a busy desk core's time (one fsync per change per console).
   */
  private hubDataWrite<T>(write: () => T): T {
    // The level cannot change inside a transaction: an outer one decides.
    if (this.db.inTransaction) return write();
    this.prepared('PRAGMA synchronous = NORMAL').run();
    try {
      return write();
    } finally {
      this.prepared('PRAGMA synchronous = FULL').run();
    }
  }

  private applyChangesNow(
    changes: HubChange[],
    options: { fromSync: boolean; head?: number; logId?: string },
  ): AppliedChanges {
    return this.db.transaction((): AppliedChanges => {
      let last = this.lastPosition();
      const applied: HubChange[] = [];
      const previous = new Map<string, Conversation | null>();
      const current = new Map<string, Conversation | null>();
      const newMessages = new Set<string>();
      const removed = new Set<string>();
      if (options.logId !== undefined) this.setMeta(LOG_ID_KEY, options.logId);
      for (const change of changes) {
        if (change.position <= last) continue; // already applied: a duplicate
        if (!options.fromSync && change.position > last + 1) {
          return this.finishApply(last, { applied, previous, current, newMessages, removed, gap: true });
        }
        if (change.kind === 'conversation') {
          const id = change.conversation.id;
          if (!previous.has(id)) previous.set(id, this.conversation(id));
          // An older version than the cached one changes nothing (the hub's versions only grow).
          if (this.upsertConversation(change.conversation)) current.set(id, change.conversation);
          else if (!current.has(id)) current.set(id, previous.get(id) ?? null);
        } else if (change.kind === 'message') {
          if (!this.hasMessage(change.message)) newMessages.add(messageKey(change.message));
          this.upsertMessage(change.message, 'replace');
        } else {
          const id = change.conversationId;
          if (!previous.has(id)) previous.set(id, this.conversation(id));
          if (this.removeConversation(id)) removed.add(id);
          current.set(id, null);
        }
        last = change.position;
        applied.push(change);
      }
      if (options.head !== undefined && options.head > last) last = options.head;
      return this.finishApply(last, { applied, previous, current, newMessages, removed, gap: false });
    })();
  }

  /**
   * Removes a conversation with its messages (the search triggers drop them from the index), its unread count
   * and its cached shopper history. Returns whether it was cached.
   */
  removeConversation(conversationId: string): boolean {
    return this.db.transaction(() => {
      const existed = this.prepared('DELETE FROM conversations WHERE id = ?').run(conversationId).changes > 0;
      const messages = this.prepared('DELETE FROM messages WHERE conversation_id = ?').run(conversationId);
      this.prepared('DELETE FROM unread WHERE conversation_id = ?').run(conversationId);
      this.prepared('DELETE FROM shopper_history WHERE conversation_id = ?').run(conversationId);
      return existed || messages.changes > 0;
    })();
  }

  /**
   * Forgets everything that came from the hub (conversations, messages, position, log identity, pushed state,
   * unread counts, shopper history) for a full resync; the outbox, the owner, the offline verifier and this
   * machine's preferences stay.
   */
  resetHubData(): void {
    this.db.transaction(() => {
      for (const table of HUB_DATA_TABLES) this.db.exec(`DELETE FROM ${table}`);
      this.prepared('DELETE FROM meta WHERE key IN (?, ?)').run(LAST_POSITION_KEY, LOG_ID_KEY);
    })();
  }

  /** Removes everything the account has on this machine (also the outbox and the owner); preferences stay. */
  wipeAccountData(): void {
    this.db.transaction(() => {
      for (const table of HUB_DATA_TABLES) this.db.exec(`DELETE FROM ${table}`);
      this.db.exec('DELETE FROM outbox; DELETE FROM meta;');
      // With no rows left, a rebuild leaves the search index empty and compact.
      this.db.exec("INSERT INTO message_search (message_search) VALUES ('rebuild')");
    })();
  }

  private finishApply(last: number, result: AppliedChanges): AppliedChanges {
    this.setMeta(LAST_POSITION_KEY, String(last));
    return result;
  }

  private hasMessage(message: Message): boolean {
    return (
      this.prepared<[string, string], { one: number }>(
        'SELECT 1 AS one FROM messages WHERE conversation_id = ? AND id = ?',
      ).get(message.conversationId, message.id) !== undefined
    );
  }

  /** Conversations the console shows: every handed-off one (never those still with the AI). */
  conversations(): Conversation[] {
    const rows = this.prepared<[], { json: string }>(
      "SELECT json FROM conversations WHERE status != 'with_ai' ORDER BY escalated_at, id",
    ).all();
    return rows.map((row) => conversationSchema.parse(JSON.parse(row.json)));
  }

  /** Conversations waiting in the queue (by the status index: the reminder check runs often). */
  queuedConversations(): Conversation[] {
    return this.prepared<[], { json: string }>(
      "SELECT json FROM conversations WHERE status = 'queued' ORDER BY escalated_at, id",
    )
      .all()
      .map((row) => conversationSchema.parse(JSON.parse(row.json)));
  }

  /** Conversations as of a batch just applied: its own first, others read from the cache once each. */
  conversationsAfter(result: AppliedChanges): (id: string) => Conversation | null {
    const known = new Map(result.current);
    return (id) => {
      if (!known.has(id)) known.set(id, this.conversation(id));
      return known.get(id) ?? null;
    };
  }

  conversation(id: string): Conversation | null {
    const row = this.prepared<[string], { json: string }>('SELECT json FROM conversations WHERE id = ?').get(
      id,
    );
    return row ? conversationSchema.parse(JSON.parse(row.json)) : null;
  }

  /** The hub's messages of a conversation in the hub's order. */
  messages(conversationId: string): Message[] {
    const rows = this.prepared<[string], { json: string }>(
      'SELECT json FROM messages WHERE conversation_id = ? ORDER BY position, id',
    ).all(conversationId);
    return rows.map((row) => messageSchema.parse(JSON.parse(row.json)));
  }

  // --- outbox -------------------------------------------------------------------------------------------

  addCommand(command: Command, createdAt: string): OutboxEntry {
    const info = this.prepared(
      'INSERT INTO outbox (command_id, conversation_id, type, command_json, created_at) VALUES (?, ?, ?, ?, ?)',
    ).run(command.id, command.conversationId, command.type, JSON.stringify(command), createdAt);
    return { seq: Number(info.lastInsertRowid), command, createdAt, status: 'pending', error: null };
  }

  /** The oldest command still waiting for the hub's ack. */
  nextPendingCommand(): OutboxEntry | null {
    const row = this.prepared<[], OutboxRow>(
      "SELECT * FROM outbox WHERE status = 'pending' ORDER BY seq LIMIT 1",
    ).get();
    return row ? toOutboxEntry(row) : null;
  }

  pendingCommands(): OutboxEntry[] {
    return this.prepared<[], OutboxRow>("SELECT * FROM outbox WHERE status = 'pending' ORDER BY seq")
      .all()
      .map(toOutboxEntry);
  }

  /** Our replies and notes the hub has not stored (yet, or ever): pending or refused, oldest first. */
  localMessages(conversationId: string): OutboxEntry[] {
    return this.prepared<[string], OutboxRow>(
      `SELECT * FROM outbox o WHERE o.conversation_id = ? AND o.type IN ('reply', 'note')
           AND NOT EXISTS (SELECT 1 FROM messages m WHERE m.conversation_id = o.conversation_id AND m.id = o.command_id)
         ORDER BY seq`,
    )
      .all(conversationId)
      .map(toOutboxEntry);
  }

  /**
   * The hub acknowledged a command: remove it from the outbox and keep what the hub returned, in one
   * transaction. Returns what actually changed in the cache (the log may already have delivered newer state).
   */
  completeCommand(
    commandId: string,
    conversation: Conversation,
    message: Message | undefined,
  ): { conversation: Conversation | null; message: Message | null } {
    return this.db.transaction(() => {
      this.prepared('DELETE FROM outbox WHERE command_id = ?').run(commandId);
      const conversationChanged = this.upsertConversation(conversation);
      const messageAdded = message ? this.upsertMessage(message, 'keep_existing') : false;
      return {
        conversation: conversationChanged ? conversation : null,
        message: messageAdded && message ? message : null,
      };
    })();
  }

  /** Whether one of our commands of these types for this conversation still waits for the hub's ack. */
  hasPendingCommand(conversationId: string, types: readonly Command['type'][]): boolean {
    const rows = this.prepared<[string], { type: string }>(
      "SELECT type FROM outbox WHERE conversation_id = ? AND status = 'pending'",
    ).all(conversationId);
    return rows.some((row) => (types as readonly string[]).includes(row.type));
  }

  /**
   * The hub refused a command: it stays (status failed) with the hub's reason until the agent dismisses it, so
   * that what was written (a reply, a note, a transfer note) is never lost.
   */
  refuseCommand(commandId: string, error: DeskError): void {
    this.prepared("UPDATE outbox SET status = 'failed', error_json = ? WHERE command_id = ?").run(
      JSON.stringify(error),
      commandId,
    );
  }

  /** Commands the hub refused that the agent has not dismissed, oldest first. */
  failedCommands(): OutboxEntry[] {
    return this.prepared<[], OutboxRow>("SELECT * FROM outbox WHERE status = 'failed' ORDER BY seq")
      .all()
      .map(toOutboxEntry);
  }

  /** Removes a refused command; returns it, or null when there was none by that id (or it is still pending). */
  dismissFailedCommand(commandId: string): OutboxEntry | null {
    return this.db.transaction(() => {
      const row = this.prepared<[string], OutboxRow>(
        "SELECT * FROM outbox WHERE command_id = ? AND status = 'failed'",
      ).get(commandId);
      if (!row) return null;
      this.prepared('DELETE FROM outbox WHERE seq = ?').run(row.seq);
      return toOutboxEntry(row);
    })();
  }

  /** Commands not yet acknowledged by the hub. */
  unsentCount(): number {
    const row = this.prepared<[], { count: number }>(
      "SELECT COUNT(*) AS count FROM outbox WHERE status = 'pending'",
    ).get();
    return row?.count ?? 0;
  }

  // --- the hub's pushed state, shopper history, unread counts, device preferences ----------------------

  /** The last value the hub pushed under `key`, parsed; null if none or no longer readable. */
  hubState<T>(key: HubStateKey, schema: z.ZodType<T>): T | null {
    const row = this.prepared<[string], { json: string }>('SELECT json FROM hub_state WHERE key = ?').get(
      key,
    );
    return row ? parseStored(row.json, schema) : null;
  }

  setHubState(key: HubStateKey, value: unknown): void {
    this.hubDataWrite(() =>
      this.prepared(
        'INSERT INTO hub_state (key, json) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET json = excluded.json',
      ).run(key, JSON.stringify(value)),
    );
  }

  shopperHistory<T>(conversationId: string, schema: z.ZodType<T>): T | null {
    const row = this.prepared<[string], { json: string }>(
      'SELECT json FROM shopper_history WHERE conversation_id = ?',
    ).get(conversationId);
    return row ? parseStored(row.json, schema) : null;
  }

  setShopperHistory(conversationId: string, value: unknown, fetchedAt: string): void {
    this.prepared(
      `INSERT INTO shopper_history (conversation_id, json, fetched_at) VALUES (?, ?, ?)
         ON CONFLICT (conversation_id) DO UPDATE SET json = excluded.json, fetched_at = excluded.fetched_at`,
    ).run(conversationId, JSON.stringify(value), fetchedAt);
  }

  /** Unread counts per conversation (only those above 0). */
  unread(): Record<string, number> {
    const rows = this.prepared<[], { conversation_id: string; count: number }>(
      'SELECT conversation_id, count FROM unread',
    ).all();
    return Object.fromEntries(rows.map((row) => [row.conversation_id, row.count]));
  }

  addUnread(conversationId: string, count: number): void {
    if (count <= 0) return;
    this.prepared(
      `INSERT INTO unread (conversation_id, count) VALUES (?, ?)
         ON CONFLICT (conversation_id) DO UPDATE SET count = count + excluded.count`,
    ).run(conversationId, count);
  }

  /** Returns whether there was anything to clear. */
  clearUnread(conversationId: string): boolean {
    return this.prepared('DELETE FROM unread WHERE conversation_id = ?').run(conversationId).changes > 0;
  }

  devicePreference<T>(key: string, schema: z.ZodType<T>): T | null {
    const row = this.prepared<[string], { json: string }>(
      'SELECT json FROM device_preferences WHERE key = ?',
    ).get(key);
    return row ? parseStored(row.json, schema) : null;
  }

  setDevicePreference(key: string, value: unknown): void {
    this.prepared(
      `INSERT INTO device_preferences (key, json) VALUES (?, ?)
         ON CONFLICT (key) DO UPDATE SET json = excluded.json`,
    ).run(key, JSON.stringify(value));
  }

  // --- internals ----------------------------------------------------------------------------------------

  /** Upsert that never replaces a newer version with an older one (acks can arrive after the log's push). */
  private upsertConversation(conversation: Conversation): boolean {
    const info = this.prepared(
      `INSERT INTO conversations (id, status, assignee_id, escalated_at, last_message_at, version, json)
         VALUES (@id, @status, @assigneeId, @escalatedAt, @lastMessageAt, @version, @json)
         ON CONFLICT (id) DO UPDATE SET status = excluded.status, assignee_id = excluded.assignee_id,
           escalated_at = excluded.escalated_at, last_message_at = excluded.last_message_at,
           version = excluded.version, json = excluded.json
         WHERE excluded.version >= conversations.version`,
    ).run({
      id: conversation.id,
      status: conversation.status,
      assigneeId: conversation.assignee?.id ?? null,
      escalatedAt: conversation.escalatedAt,
      lastMessageAt: conversation.lastMessageAt,
      version: conversation.version,
      json: JSON.stringify(conversation),
    });
    return info.changes > 0;
  }

  private upsertMessage(message: Message, mode: 'replace' | 'keep_existing'): boolean {
    const conflict =
      mode === 'replace' ? 'DO UPDATE SET position = excluded.position, json = excluded.json' : 'DO NOTHING';
    const info = this.prepared(
      `INSERT INTO messages (conversation_id, id, position, json) VALUES (?, ?, ?, ?)
         ON CONFLICT (conversation_id, id) ${conflict}`,
    ).run(message.conversationId, message.id, message.position, JSON.stringify(message));
    return info.changes > 0;
  }

  private getMeta(key: string): string | null {
    const row = this.prepared<[string], { value: string }>('SELECT value FROM meta WHERE key = ?').get(key);
    return row?.value ?? null;
  }

  private setMeta(key: string, value: string): void {
    this.prepared(
      'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    ).run(key, value);
  }
}

/** A message's identity: ids are unique within their conversation. */
export function messageKey(message: { conversationId: string; id: string }): string {
  return `${message.conversationId}\u0000${message.id}`;
}

/** What the cache stored may predate a contract change: unreadable means "not cached", never a crash. */
export function parseStored<T>(json: string, schema: z.ZodType<T>): T | null {
  try {
    const parsed = schema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function toOutboxEntry(row: OutboxRow): OutboxEntry {
  return {
    seq: row.seq,
    command: commandSchema.parse(JSON.parse(row.command_json)),
    createdAt: row.created_at,
    status: row.status,
    error: row.error_json === null ? null : deskErrorSchema.parse(JSON.parse(row.error_json)),
  };
}
