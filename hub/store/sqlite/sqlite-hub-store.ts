// Environment: Node (hub). The SQLite HubStore: one database file, WAL, synchronous=FULL so that
// whatever the hub acknowledged survives a crash or power loss.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { systemClock, type Clock } from '../../core/clock.js';
import type { Account, Conversation, Message } from '../../../shared/domain.js';
import type { HubChange } from '../../../shared/desk-protocol.js';
import type { StreamEvent } from '../../../shared/events.js';
import type { CannedReply } from '../../../shared/canned-replies.js';
import type { SettingsAuditEntry } from '../../../shared/settings.js';
import type {
  AgentState,
  AgentStatePatch,
  ChangesPage,
  EncodedChangesPage,
  ChatSession,
  ChatSessionPatch,
  CommittedBatch,
  CompactionStep,
  ConversationPatch,
  HubStore,
  NewAccount,
  NewConversation,
  NewEvent,
  NewMessage,
  ShopperKey,
  StoredAccount,
  StoredCommand,
  StoredSession,
} from '../hub-store.js';
import { conversationIdOfChange } from '../hub-store.js';
import {
  CONVERSATION_SELECT,
  toAgentRef,
  toConversation,
  type ConversationRow,
} from './conversation-rows.js';
import { DEFAULT_BUSY_TIMEOUT_MS, openHubConnection, type StorageLimits } from './hub-connection.js';
import { migrate } from './migrate.js';
import { statementsOf, type StatementCache } from './statement-cache.js';
import { SqliteKlaviyoStore } from './sqlite-klaviyo-store.js';
import { SqliteMonitorQueries } from './sqlite-monitor-queries.js';
import { ensureMetric, profileRefForShopper } from './stream-identities.js';
import { migrations } from './migrations/index.js';
import { storageFaultOf } from '../storage-faults.js';

export const DATABASE_FILE = 'hub.sqlite';

/**
 * How long a write waits for another connection's lock (a CLI command, a backup) before it is refused as
 * storage_unavailable. The wait blocks the hub's thread, so it is short: a brief lock is waited out, a long one
 * refused.
 */

interface MessageRow {
  conversation_id: string;
  id: string;
  position: number;
  author: Message['author'];
  agent_id: string | null;
  agent_name: string | null;
  agent_email: string | null;
  text: string;
  sent_at: string;
  delivery: Message['delivery'];
  products_json: string;
  internal: 0 | 1;
  mentions_json: string;
}

interface EventRow {
  position: number;
  id: string;
  metric: string;
  time: string;
  profile_email: string | null;
  profile_id: string | null;
  properties_json: string;
}

interface ChatSessionRow {
  chat_id: string;
  conversation_id: string;
  token_hash: string;
  prompt: ChatSession['prompt'];
  pending_reason: string | null;
  last_skill: string | null;
  language: ChatSession['language'];
  created_at: string;
}

const MESSAGE_SELECT = `
  SELECT m.*, a.name AS agent_name, a.email AS agent_email
  FROM messages m LEFT JOIN accounts a ON a.id = m.agent_id`;
const PREVIEW_LENGTH = 140;

function toMessage(row: MessageRow): Message {
  return {
    id: row.id,
    conversationId: row.conversation_id,
    position: row.position,
    author: row.author,
    agent: toAgentRef(row.agent_id, row.agent_name, row.agent_email),
    text: row.text,
    sentAt: row.sent_at,
    delivery: row.delivery,
    products: JSON.parse(row.products_json),
    internal: row.internal === 1,
    mentions: JSON.parse(row.mentions_json),
  };
}

function toEvent(row: EventRow): StreamEvent {
  return {
    id: row.id,
    position: row.position,
    metric: row.metric,
    time: row.time,
    profile: { email: row.profile_email, profileId: row.profile_id },
    properties: JSON.parse(row.properties_json),
  };
}

interface CannedReplyRow {
  id: string;
  scope: CannedReply['scope'];
  owner_id: string | null;
  shortcut: string;
  title: string;
  body: string;
  updated_at: string;
}

function toCannedReply(row: CannedReplyRow): CannedReply {
  return {
    id: row.id,
    scope: row.scope,
    ownerId: row.owner_id,
    shortcut: row.shortcut,
    title: row.title,
    body: row.body,
    updatedAt: row.updated_at,
  };
}

function toChatSession(row: ChatSessionRow): ChatSession {
  return {
    chatId: row.chat_id,
    conversationId: row.conversation_id,
    tokenHash: row.token_hash,
    prompt: row.prompt,
    pendingReason: row.pending_reason,
    lastSkill: row.last_skill,
    language: row.language,
    createdAt: row.created_at,
  };
}

/** Consoles see a conversation once it has been handed off, and from then on every change to it. */
function isHandedOff(conversation: Conversation): boolean {
  return conversation.escalatedAt !== null;
}

export class SqliteHubStore implements HubStore {
  private readonly db: Database.Database;
  private readonly statements: StatementCache;
  private readonly listeners = new Set<(batch: CommittedBatch) => void>();
  /** What the open transaction has written so far; null outside a transaction. */
  private pending: {
    changes: HubChange[];
    messages: Map<string, Message>;
    conversationIds: Set<string>;
    events: StreamEvent[];
  } | null = null;

  /** The log's identity (hub_meta.log_id), fixed when the database was created. */
  private readonly logId: string;

  readonly monitor: SqliteMonitorQueries;
  readonly klaviyo: SqliteKlaviyoStore;

  /** True after a write found the database locked for a whole busy timeout, until a write succeeds again. */
  private lockedOut = false;
  private readonly busyTimeoutMs: number;

  /** `clock` stamps each change's recorded_at (what compaction's retention counts from). */
  constructor(
    readonly file: string,
    private readonly clock: Clock = systemClock,
    limits: StorageLimits = {},
  ) {
    this.db = openHubConnection(file, limits);
    this.statements = statementsOf(this.db);
    this.busyTimeoutMs = limits.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS;
    migrate(this.db, migrations);
    const logId = this.statements.prepare("SELECT value FROM hub_meta WHERE key = 'log_id'").get() as
      { value: string } | undefined;
    if (!logId) throw new Error(`hub store: ${file} has no log id (hub_meta.log_id)`);
    this.logId = logId.value;
    this.monitor = new SqliteMonitorQueries(this.db);
    this.klaviyo = new SqliteKlaviyoStore(this.db);
  }

  /** Opens (creating if needed) `hub.sqlite` in `dataDir`. */
  static open(dataDir: string, clock: Clock = systemClock, limits: StorageLimits = {}): SqliteHubStore {
    fs.mkdirSync(dataDir, { recursive: true });
    return new SqliteHubStore(path.join(dataDir, DATABASE_FILE), clock, limits);
  }

  transaction<T>(work: () => T): T {
    if (this.pending) return work();
    this.pending = { changes: [], messages: new Map(), conversationIds: new Set(), events: [] };
    let result: T;
    let written: NonNullable<typeof this.pending>;
    try {
      // IMMEDIATE: the write lock is taken (waiting up to the busy timeout) before the work reads anything, so a
      // lock held elsewhere is waited out instead of failing at once when a read turns into a write.
      result = this.db.transaction(work).immediate();
      this.noteWriteOutcome(null);
    } catch (error) {
      this.noteWriteOutcome(error);
      throw error;
    } finally {
      written = this.pending;
      this.pending = null;
    }
    this.notify(written);
    return result;
  }

  savepoint<T>(work: () => T): T {
    const writing = this.writing;
    const before = {
      changes: writing.changes.length,
      messages: new Map(writing.messages),
      conversationIds: new Set(writing.conversationIds),
      events: writing.events.length,
    };
    try {
      // Nested in the open transaction, better-sqlite3 runs it in a SAVEPOINT, rolled back to on a throw.
      return this.db.transaction(work)();
    } catch (error) {
      writing.changes.length = before.changes;
      writing.messages = before.messages;
      writing.conversationIds = before.conversationIds;
      writing.events.length = before.events;
      throw error;
    }
  }

  /**
   * better-sqlite3 waits for a lock on the hub's only thread: once a write has waited a whole busy timeout in
   * vain, later writes fail at once (every socket stays responsive) until one gets through again.
   */
  private noteWriteOutcome(error: unknown): void {
    const locked = error !== null && storageFaultOf(error) === 'database_locked';
    if (locked === this.lockedOut) return;
    this.lockedOut = locked;
    this.db.pragma(`busy_timeout = ${locked ? 0 : this.busyTimeoutMs}`);
  }

  private notify(written: NonNullable<typeof this.pending>): void {
    if (
      written.changes.length === 0 &&
      written.messages.size === 0 &&
      written.conversationIds.size === 0 &&
      written.events.length === 0
    )
      return;
    const batch: CommittedBatch = {
      changes: written.changes,
      messages: [...written.messages.values()].sort((a, b) => a.position - b.position),
      conversations: [...written.conversationIds].flatMap((id) => this.getConversation(id) ?? []),
      events: written.events,
    };
    for (const listener of this.listeners) {
      try {
        listener(batch);
      } catch (error) {
        // A failing push must never undo or block a committed write.
        console.error('hub: a commit listener failed', error);
      }
    }
  }

  onCommit(listener: (batch: CommittedBatch) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close(): void {
    this.listeners.clear();
    if (this.db.open) this.db.close();
  }

  private get writing() {
    if (!this.pending) throw new Error('hub store: writes must run inside transaction()');
    return this.pending;
  }

  // Accounts and sessions

  insertAccount(account: NewAccount): Account {
    this.transaction(() =>
      this.statements
        .prepare(
          `INSERT INTO accounts (id, email, name, role, password_hash, password_salt, created_at)
           VALUES (@id, @email, @name, @role, @passwordHash, @passwordSalt, @createdAt)`,
        )
        .run(account),
    );
    return { id: account.id, email: account.email, name: account.name, role: account.role };
  }

  findAccountByEmail(email: string): StoredAccount | null {
    const row = this.statements.prepare('SELECT * FROM accounts WHERE email = ?').get(email) as
      | {
          id: string;
          email: string;
          name: string;
          role: Account['role'];
          password_hash: Buffer;
          password_salt: Buffer;
          disabled_at: string | null;
        }
      | undefined;
    if (!row) return null;
    return {
      id: row.id,
      email: row.email,
      name: row.name,
      role: row.role,
      passwordHash: row.password_hash,
      passwordSalt: row.password_salt,
      disabledAt: row.disabled_at,
    };
  }

  setAccountDisabled(email: string, disabledAt: string | null): Account | null {
    return this.transaction(() => {
      const row = this.statements
        .prepare('UPDATE accounts SET disabled_at = ? WHERE email = ? RETURNING id, email, name, role')
        .get(disabledAt, email) as Account | undefined;
      if (!row) return null;
      if (disabledAt !== null)
        this.statements.prepare('DELETE FROM sessions WHERE account_id = ?').run(row.id);
      return { id: row.id, email: row.email, name: row.name, role: row.role };
    });
  }

  getAccount(id: string): Account | null {
    const row = this.statements.prepare('SELECT id, email, name, role FROM accounts WHERE id = ?').get(id) as
      Account | undefined;
    return row ? { id: row.id, email: row.email, name: row.name, role: row.role } : null;
  }

  listAccounts(): Account[] {
    return (
      this.statements
        .prepare('SELECT id, email, name, role FROM accounts ORDER BY name, id')
        .all() as Account[]
    ).map((row) => ({ id: row.id, email: row.email, name: row.name, role: row.role }));
  }

  listAgentStates(): AgentState[] {
    const rows = this.statements
      .prepare(
        `SELECT a.id, s.chosen_presence, s.last_seen_at, s.last_assigned_at
         FROM accounts a LEFT JOIN agent_states s ON s.account_id = a.id ORDER BY a.id`,
      )
      .all() as {
      id: string;
      chosen_presence: AgentState['chosenPresence'] | null;
      last_seen_at: string | null;
      last_assigned_at: string | null;
    }[];
    return rows.map((row) => ({
      accountId: row.id,
      chosenPresence: row.chosen_presence ?? 'online',
      lastSeenAt: row.last_seen_at,
      lastAssignedAt: row.last_assigned_at,
    }));
  }

  updateAgentState(accountId: string, patch: AgentStatePatch): void {
    this.transaction(() => {
      this.statements.prepare('INSERT OR IGNORE INTO agent_states (account_id) VALUES (?)').run(accountId);
      const columns: Record<string, unknown> = {};
      if (patch.chosenPresence !== undefined) columns.chosen_presence = patch.chosenPresence;
      if (patch.lastSeenAt !== undefined) columns.last_seen_at = patch.lastSeenAt;
      if (patch.lastAssignedAt !== undefined) columns.last_assigned_at = patch.lastAssignedAt;
      const names = Object.keys(columns);
      if (names.length === 0) return;
      this.statements
        .prepare(
          `UPDATE agent_states SET ${names.map((name) => `${name} = @${name}`).join(', ')} WHERE account_id = @accountId`,
        )
        .run({ ...columns, accountId });
    });
  }

  insertSession(session: {
    tokenHash: string;
    accountId: string;
    createdAt: string;
    expiresAt: number;
  }): void {
    this.transaction(() => {
      this.statements
        .prepare(
          `INSERT INTO sessions (token_hash, account_id, created_at, expires_at)
           VALUES (@tokenHash, @accountId, @createdAt, @expiresAt)`,
        )
        .run(session);
    });
  }

  findSession(tokenHash: string): StoredSession | null {
    const row = this.statements
      .prepare(
        `SELECT s.expires_at, a.id, a.email, a.name, a.role FROM sessions s
         JOIN accounts a ON a.id = s.account_id WHERE s.token_hash = ? AND a.disabled_at IS NULL`,
      )
      .get(tokenHash) as
      { expires_at: number; id: string; email: string; name: string; role: Account['role'] } | undefined;
    if (!row) return null;
    return {
      account: { id: row.id, email: row.email, name: row.name, role: row.role },
      expiresAt: row.expires_at,
    };
  }

  deleteSession(tokenHash: string): void {
    this.transaction(() =>
      this.statements.prepare('DELETE FROM sessions WHERE token_hash = ?').run(tokenHash),
    );
  }

  addIntegrationToken(tokenHash: string, label: string, createdAt: string): void {
    this.transaction(() =>
      this.statements
        .prepare('INSERT OR IGNORE INTO integration_tokens (token_hash, label, created_at) VALUES (?, ?, ?)')
        .run(tokenHash, label, createdAt),
    );
  }

  countIntegrationTokens(label: string): number {
    const row = this.statements
      .prepare('SELECT count(*) AS count FROM integration_tokens WHERE label = ?')
      .get(label) as {
      count: number;
    };
    return row.count;
  }

  revokeIntegrationTokens(label: string): number {
    return this.transaction(
      () => this.statements.prepare('DELETE FROM integration_tokens WHERE label = ?').run(label).changes,
    );
  }

  hasIntegrationToken(tokenHash: string): boolean {
    return (
      this.statements.prepare('SELECT 1 FROM integration_tokens WHERE token_hash = ?').get(tokenHash) !==
      undefined
    );
  }

  // Conversations and messages

  getConversation(id: string): Conversation | null {
    const row = this.statements.prepare(`${CONVERSATION_SELECT} WHERE c.id = ?`).get(id) as
      ConversationRow | undefined;
    return row ? toConversation(row) : null;
  }

  private mustGetConversation(id: string): Conversation {
    const conversation = this.getConversation(id);
    if (!conversation) throw new Error(`hub store: no conversation ${id}`);
    return conversation;
  }

  insertConversation(conversation: NewConversation): Conversation {
    return this.transaction(() => {
      this.statements
        .prepare(
          `INSERT INTO conversations (id, channel, status, shopper_json, escalation_json, created_at, escalated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          conversation.id,
          conversation.channel,
          conversation.status,
          JSON.stringify(conversation.shopper),
          conversation.escalation === null ? null : JSON.stringify(conversation.escalation),
          conversation.createdAt,
          conversation.escalatedAt,
        );
      return this.recordConversationChange(conversation.id, false);
    });
  }

  updateConversation(id: string, patch: ConversationPatch): Conversation {
    return this.transaction(() => {
      const before = this.mustGetConversation(id);
      const columns: Record<string, unknown> = {};
      if (patch.status !== undefined) columns.status = patch.status;
      if (patch.shopper !== undefined) columns.shopper_json = JSON.stringify(patch.shopper);
      if (patch.escalation !== undefined)
        columns.escalation_json = patch.escalation === null ? null : JSON.stringify(patch.escalation);
      if (patch.assigneeId !== undefined) columns.assignee_id = patch.assigneeId;
      if (patch.escalatedAt !== undefined) columns.escalated_at = patch.escalatedAt;
      if (patch.claimedAt !== undefined) columns.claimed_at = patch.claimedAt;
      if (patch.firstResponseAt !== undefined) columns.first_response_at = patch.firstResponseAt;
      if (patch.resolvedAt !== undefined) columns.resolved_at = patch.resolvedAt;
      if (patch.resolutionTags !== undefined)
        columns.resolution_tags_json = JSON.stringify(patch.resolutionTags);
      if (patch.tags !== undefined) columns.tags_json = JSON.stringify(patch.tags);
      if (patch.snoozedUntil !== undefined) columns.snoozed_until = patch.snoozedUntil;
      // Only a snoozed conversation has a wake time: any other status clears it.
      else if (patch.status !== undefined && patch.status !== 'snoozed') columns.snoozed_until = null;
      const names = Object.keys(columns);
      if (names.length > 0) {
        this.statements
          .prepare(
            `UPDATE conversations SET ${names.map((name) => `${name} = @${name}`).join(', ')} WHERE id = @id`,
          )
          .run({ ...columns, id });
      }
      return this.recordConversationChange(id, !isHandedOff(before));
    });
  }

  claimConversation(id: string, agentId: string, claimedAt: string): boolean {
    return this.transaction(() => {
      const claimed = this.statements
        .prepare(
          `UPDATE conversations SET status = 'open', assignee_id = ?, claimed_at = ?
           WHERE id = ? AND status = 'queued'`,
        )
        .run(agentId, claimedAt, id);
      if (claimed.changes === 0) return false;
      this.recordConversationChange(id, false);
      return true;
    });
  }

  countOpenByAssignee(): Map<string, number> {
    const rows = this.statements
      .prepare(
        `SELECT assignee_id, count(*) AS n FROM conversations
         WHERE assignee_id IS NOT NULL AND status IN ('open', 'pending') GROUP BY assignee_id`,
      )
      .all() as { assignee_id: string; n: number }[];
    return new Map(rows.map((row) => [row.assignee_id, row.n]));
  }

  oldestQueued(): Conversation | null {
    const row = this.statements
      .prepare(`${CONVERSATION_SELECT} WHERE c.status = 'queued' ORDER BY c.escalated_at, c.id LIMIT 1`)
      .get() as ConversationRow | undefined;
    return row ? toConversation(row) : null;
  }

  listSnoozedUntil(at: string): Conversation[] {
    // ISO strings from the hub's clock all end in Z, so they sort as text in time order.
    const rows = this.statements
      .prepare(
        `${CONVERSATION_SELECT} WHERE c.status = 'snoozed' AND c.snoozed_until <= ? ORDER BY c.snoozed_until, c.id`,
      )
      .all(at) as ConversationRow[];
    return rows.map(toConversation);
  }

  nextSnoozeEnd(): string | null {
    const row = this.statements
      .prepare("SELECT min(snoozed_until) AS next FROM conversations WHERE status = 'snoozed'")
      .get() as { next: string | null };
    return row.next;
  }

  // Newest first by the hub's own times (always UTC, so they sort as text); an integration's createdAt may
  // carry any offset.
  listShopperConversations(
    shopper: ShopperKey,
    options: { excludeId: string; limit: number },
  ): Conversation[] {
    if (shopper.email === null && shopper.profileId === null) return [];
    const rows = this.statements
      .prepare(
        `${CONVERSATION_SELECT}
         WHERE c.id != @excludeId AND c.status != 'with_ai'
           AND (lower(json_extract(c.shopper_json, '$.email')) = lower(@email)
                OR json_extract(c.shopper_json, '$.profileId') = @profileId)
         ORDER BY coalesce(c.escalated_at, c.created_at) DESC, c.id LIMIT @limit`,
      )
      .all({ ...shopper, ...options }) as ConversationRow[];
    return rows.map(toConversation);
  }

  /**
   * Logs the conversation's new snapshot for consoles if it is handed off. When it has just been handed
   * off, its whole transcript follows, so a console receives the conversation and every message.
   */
  private recordConversationChange(id: string, mayBeNewlyHandedOff: boolean): Conversation {
    const writing = this.writing;
    writing.conversationIds.add(id);
    const current = this.mustGetConversation(id);
    if (!isHandedOff(current)) return current;
    // The logged snapshot's version is its own position: readChangesJson sets it from the row, so the change is
    // written once instead of inserted and then rewritten with its position.
    const position = this.appendChange(id, 'conversation', id, current);
    this.statements.prepare('UPDATE conversations SET version = ? WHERE id = ?').run(position, id);
    const snapshot = { ...current, version: position };
    writing.changes.push({ position, kind: 'conversation', conversation: snapshot });
    if (mayBeNewlyHandedOff) {
      for (const message of this.listMessages(id)) {
        writing.changes.push({
          position: this.appendChange(id, 'message', message.id, message),
          kind: 'message',
          message,
        });
      }
    }
    return snapshot;
  }

  /** `entityId`: the conversation's id, or the message's (compaction keeps the latest change of each). */
  private appendChange(
    conversationId: string,
    kind: HubChange['kind'],
    entityId: string,
    snapshot: Conversation | Message | null,
  ): number {
    const { lastInsertRowid } = this.statements
      .prepare(
        `INSERT INTO changes (conversation_id, kind, entity_id, snapshot_json, recorded_at)
         VALUES (?, ?, ?, ?, ?)`,
      )
      .run(conversationId, kind, entityId, snapshot === null ? null : JSON.stringify(snapshot), this.clock());
    return Number(lastInsertRowid);
  }

  /** `conversation`: the message's conversation as this transaction left it, when the caller has it at hand. */
  private recordMessageChange(message: Message, conversation?: Conversation): void {
    const writing = this.writing;
    writing.messages.set(`${message.conversationId}\u0000${message.id}`, message);
    if (!isHandedOff(conversation ?? this.mustGetConversation(message.conversationId))) return;
    writing.changes.push({
      position: this.appendChange(message.conversationId, 'message', message.id, message),
      kind: 'message',
      message,
    });
  }

  getMessage(conversationId: string, id: string): Message | null {
    const row = this.statements
      .prepare(`${MESSAGE_SELECT} WHERE m.conversation_id = ? AND m.id = ?`)
      .get(conversationId, id) as MessageRow | undefined;
    return row ? toMessage(row) : null;
  }

  listMessages(conversationId: string): Message[] {
    const rows = this.statements
      .prepare(`${MESSAGE_SELECT} WHERE m.conversation_id = ? ORDER BY m.position`)
      .all(conversationId) as MessageRow[];
    return rows.map(toMessage);
  }

  hasMessageFrom(conversationId: string, author: Message['author']): boolean {
    // EXISTS stops at the first match: counting read every message of a long conversation on each send.
    const row = this.statements
      .prepare('SELECT EXISTS (SELECT 1 FROM messages WHERE conversation_id = ? AND author = ?) AS found')
      .get(conversationId, author) as { found: number };
    return row.found === 1;
  }

  insertMessage(message: NewMessage): Message {
    return this.transaction(() => {
      const { next } = this.statements
        .prepare('SELECT coalesce(max(position) + 1, 0) AS next FROM messages WHERE conversation_id = ?')
        .get(message.conversationId) as { next: number };
      this.statements
        .prepare(
          `INSERT INTO messages (conversation_id, id, position, author, agent_id, text, sent_at, delivery, products_json,
             internal, mentions_json)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          message.conversationId,
          message.id,
          next,
          message.author,
          message.agent?.id ?? null,
          message.text,
          message.sentAt,
          message.delivery,
          JSON.stringify(message.products),
          message.internal ? 1 : 0,
          JSON.stringify(message.mentions ?? []),
        );
      // A note is never the preview: the conversation snapshot also reaches channel integrations.
      if (!message.internal) {
        this.statements
          .prepare('UPDATE conversations SET last_message_at = ?, last_message_preview = ? WHERE id = ?')
          .run(message.sentAt, message.text.slice(0, PREVIEW_LENGTH), message.conversationId);
      }
      const stored = this.getMessage(message.conversationId, message.id);
      if (!stored) throw new Error('hub store: message vanished after insert');
      this.recordMessageChange(stored, this.recordConversationChange(message.conversationId, false));
      return stored;
    });
  }

  markDelivered(conversationId: string, messageIds: string[]): Message[] {
    return this.transaction(() => {
      const update = this.statements.prepare(
        `UPDATE messages SET delivery = 'delivered'
         WHERE conversation_id = ? AND id = ? AND author = 'agent' AND delivery = 'sent'`,
      );
      const changed: Message[] = [];
      for (const id of new Set(messageIds)) {
        if (update.run(conversationId, id).changes === 0) continue;
        const message = this.getMessage(conversationId, id);
        if (message) {
          this.recordMessageChange(message);
          changed.push(message);
        }
      }
      return changed;
    });
  }

  readChanges(after: number, limit: number): ChangesPage {
    const { changesJson, ...page } = this.readChangesJson(after, limit);
    return { ...page, changes: JSON.parse(changesJson) as HubChange[] };
  }

  // Consoles catching up read the whole log: SQLite builds the page's JSON from the stored snapshots, so the hub's
  // JavaScript neither parses nor re-encodes them.
  // `after` may be beyond the head (a console that synced with this hub before it was restored from a backup): the
  // page is then empty with head < after, which tells the console to resync.
  readChangesJson(after: number, limit: number): EncodedChangesPage {
    const page = this.statements
      .prepare(
        `SELECT json_group_array(json(change) ORDER BY position) AS changesJson, max(position) AS last FROM (
           SELECT position, CASE kind
             WHEN 'deleted' THEN
               json_object('position', position, 'kind', kind, 'conversationId', conversation_id)
             -- A logged snapshot's version is its own position, as the live push has it.
             WHEN 'conversation' THEN json_object('position', position, 'kind', kind,
               'conversation', json_set(snapshot_json, '$.version', position))
             ELSE json_object('position', position, 'kind', kind, 'message', json(snapshot_json))
           END AS change
           FROM changes WHERE position > ? ORDER BY position LIMIT ?)`,
      )
      .get(after, limit) as { changesJson: string; last: number | null };
    // The latest change is never removed (compaction keeps the latest of each entity; erasure appends its
    // tombstone), so the largest position is the head.
    const head = (
      this.statements.prepare('SELECT coalesce(max(position), 0) AS head FROM changes').get() as {
        head: number;
      }
    ).head;
    return {
      changesJson: page.changesJson,
      head,
      hasMore: page.last !== null && head > page.last,
      logId: this.logId,
    };
  }

  compactChanges(options: { after: number; olderThan: number; limit: number }): CompactionStep {
    return this.transaction((): CompactionStep => {
      const rows = this.statements
        .prepare('SELECT position, recorded_at FROM changes WHERE position > ? ORDER BY position LIMIT ?')
        .all(options.after, options.limit) as { position: number; recorded_at: number }[];
      const last = rows.at(-1);
      if (!last) return { scannedThrough: options.after, deleted: 0, done: true };
      // Superseded: a later change of the same entity exists. Tombstones are kept for good: a console that
      // last synced before the erasure learns of it from them alone.
      const { changes: deleted } = this.statements
        .prepare(
          `DELETE FROM changes WHERE position IN (
             SELECT c.position FROM changes c
             WHERE c.position > @after AND c.position <= @last AND c.recorded_at < @olderThan
               AND c.kind != 'deleted'
               AND EXISTS (SELECT 1 FROM changes later
                           WHERE later.conversation_id = c.conversation_id AND later.kind = c.kind
                             AND later.entity_id = c.entity_id AND later.position > c.position))`,
        )
        .run({ after: options.after, last: last.position, olderThan: options.olderThan });
      // Positions follow the hub's clock, so the first young change ends the pass (a change left behind by
      // a clock that stepped back is compacted by a later pass).
      const reachedYoung = rows.some((row) => row.recorded_at >= options.olderThan);
      return { scannedThrough: last.position, deleted, done: reachedYoung || rows.length < options.limit };
    });
  }

  // With secure_delete the erased rows' bytes are zeroed in their pages; the checkpoint afterwards writes those
  // pages to the database file and truncates the write-ahead log, which still held the older page images.
  eraseConversation(id: string): boolean {
    const erased = this.eraseRows(id);
    if (erased && !this.pending) this.checkpointWithoutWaiting();
    return erased;
  }

  /** Best effort: with another connection reading, the log's old frames are overwritten by later checkpoints. */
  private checkpointWithoutWaiting(): void {
    const busyTimeout = this.db.pragma('busy_timeout', { simple: true }) as number;
    this.db.pragma('busy_timeout = 0');
    try {
      this.db.pragma('wal_checkpoint(TRUNCATE)');
    } catch (error) {
      console.error('hub: checkpoint after an erasure failed', error);
    } finally {
      this.db.pragma(`busy_timeout = ${busyTimeout}`);
    }
  }

  private eraseRows(id: string): boolean {
    return this.transaction(() => {
      if (!this.getConversation(id)) return false;
      // Children first (foreign keys). Stored command results hold snapshots and reply texts, so they go too;
      // a retried command then meets the tombstone and is refused as deleted.
      for (const table of ['chat_sessions', 'messages', 'commands', 'changes']) {
        this.statements.prepare(`DELETE FROM ${table} WHERE conversation_id = ?`).run(id);
      }
      this.statements.prepare('DELETE FROM conversations WHERE id = ?').run(id);
      const writing = this.writing;
      // Nothing of it is pushed from this transaction except the tombstone.
      writing.changes = writing.changes.filter((change) => conversationIdOfChange(change) !== id);
      for (const [key, message] of writing.messages) {
        if (message.conversationId === id) writing.messages.delete(key);
      }
      writing.conversationIds.delete(id);
      writing.changes.push({
        position: this.appendChange(id, 'deleted', id, null),
        kind: 'deleted',
        conversationId: id,
      });
      return true;
    });
  }

  isErased(conversationId: string): boolean {
    return (
      this.statements
        .prepare("SELECT 1 FROM changes WHERE conversation_id = ? AND kind = 'deleted' LIMIT 1")
        .get(conversationId) !== undefined
    );
  }

  // The event stream

  appendEvent(event: NewEvent): StreamEvent {
    const appended = this.transaction(() => this.insertEvent(event, false));
    if (!appended) throw new Error(`hub store: event ${event.id} was not appended`);
    return appended;
  }

  appendEventOnce(event: NewEvent & { uniqueId: string }): StreamEvent | null {
    return this.transaction(() => this.insertEvent(event, true));
  }

  /** `once`: a repeated unique_id for the same profile and metric writes nothing (null). */
  private insertEvent(event: NewEvent, once: boolean): StreamEvent | null {
    // The metric exists before its first event (a new one is the hub's own unless the API created it first).
    ensureMetric(this.db, event.metric, 'handoff_desk', event.time);
    const profileRef =
      event.profileRef !== undefined
        ? event.profileRef
        : profileRefForShopper(this.db, event.profile, event.time);
    const { changes, lastInsertRowid } = this.statements
      .prepare(
        `INSERT INTO events (id, metric, time, profile_email, profile_id, conversation_id, properties_json, value,
           unique_id, profile_ref)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ${once ? 'ON CONFLICT (profile_ref, metric, unique_id) WHERE unique_id IS NOT NULL DO NOTHING' : ''}`,
      )
      .run(
        event.id,
        event.metric,
        event.time,
        event.profile.email,
        event.profile.profileId,
        event.conversationId,
        JSON.stringify(event.properties),
        event.value ?? null,
        event.uniqueId ?? event.id,
        profileRef,
      );
    if (changes === 0) return null;
    const appended: StreamEvent = {
      id: event.id,
      position: Number(lastInsertRowid),
      metric: event.metric,
      time: event.time,
      profile: event.profile,
      properties: event.properties,
    };
    this.writing.events.push(appended);
    return appended;
  }

  listEvents(query: { conversationId?: string; after: number; limit: number }): StreamEvent[] {
    const rows = (
      query.conversationId === undefined
        ? this.statements
            .prepare('SELECT * FROM events WHERE position > ? ORDER BY position LIMIT ?')
            .all(query.after, query.limit)
        : this.statements
            .prepare(
              'SELECT * FROM events WHERE conversation_id = ? AND position > ? ORDER BY position LIMIT ?',
            )
            .all(query.conversationId, query.after, query.limit)
    ) as EventRow[];
    return rows.map(toEvent);
  }

  listShopperEvents(shopper: ShopperKey, limit: number): StreamEvent[] {
    if (shopper.email === null && shopper.profileId === null) return [];
    const rows = this.statements
      .prepare(
        `SELECT * FROM events WHERE lower(profile_email) = lower(@email) OR profile_id = @profileId
         ORDER BY position DESC LIMIT @limit`,
      )
      .all({ ...shopper, limit }) as EventRow[];
    return rows.map(toEvent);
  }

  // Settings and their audit log

  readSettings(): Record<string, unknown> {
    const rows = this.statements.prepare('SELECT field, value_json FROM settings').all() as {
      field: string;
      value_json: string;
    }[];
    return Object.fromEntries(rows.map((row) => [row.field, JSON.parse(row.value_json)]));
  }

  writeSettings(fields: Record<string, unknown>): void {
    this.transaction(() => {
      const upsert = this.statements.prepare(
        'INSERT INTO settings (field, value_json) VALUES (?, ?) ON CONFLICT (field) DO UPDATE SET value_json = excluded.value_json',
      );
      for (const [field, value] of Object.entries(fields)) upsert.run(field, JSON.stringify(value));
    });
  }

  insertSettingsAudit(entry: SettingsAuditEntry): void {
    this.transaction(() =>
      this.statements
        .prepare(
          `INSERT INTO settings_audit (id, at, actor_id, actor_name, actor_email, changes_json)
           VALUES (?, ?, ?, ?, ?, ?)`,
        )
        .run(
          entry.id,
          entry.at,
          entry.actor.id,
          entry.actor.name,
          entry.actor.email,
          JSON.stringify(entry.changes),
        ),
    );
  }

  listSettingsAudit(limit: number): SettingsAuditEntry[] {
    const rows = this.statements
      .prepare('SELECT * FROM settings_audit ORDER BY seq DESC LIMIT ?')
      .all(limit) as {
      id: string;
      at: string;
      actor_id: string;
      actor_name: string;
      actor_email: string;
      changes_json: string;
    }[];
    return rows.map((row) => ({
      id: row.id,
      at: row.at,
      actor: { id: row.actor_id, name: row.actor_name, email: row.actor_email },
      changes: JSON.parse(row.changes_json),
    }));
  }

  // Canned replies

  listCannedReplies(accountId: string): CannedReply[] {
    const rows = this.statements
      .prepare(
        `SELECT * FROM canned_replies WHERE scope = 'shared' OR owner_id = ? ORDER BY shortcut, scope, id`,
      )
      .all(accountId) as CannedReplyRow[];
    return rows.map(toCannedReply);
  }

  getCannedReply(id: string): CannedReply | null {
    const row = this.statements.prepare('SELECT * FROM canned_replies WHERE id = ?').get(id) as
      CannedReplyRow | undefined;
    return row ? toCannedReply(row) : null;
  }

  saveCannedReply(reply: CannedReply): void {
    this.transaction(() =>
      this.statements
        .prepare(
          `INSERT INTO canned_replies (id, scope, owner_id, shortcut, title, body, updated_at)
           VALUES (@id, @scope, @ownerId, @shortcut, @title, @body, @updatedAt)
           ON CONFLICT (id) DO UPDATE SET scope = excluded.scope, owner_id = excluded.owner_id,
             shortcut = excluded.shortcut, title = excluded.title, body = excluded.body,
             updated_at = excluded.updated_at`,
        )
        .run(reply),
    );
  }

  deleteCannedReply(id: string): void {
    this.transaction(() => this.statements.prepare('DELETE FROM canned_replies WHERE id = ?').run(id));
  }

  // Commands

  findCommand(id: string): StoredCommand | null {
    const row = this.statements
      .prepare('SELECT id, agent_id, result_json FROM commands WHERE id = ?')
      .get(id) as { id: string; agent_id: string; result_json: string } | undefined;
    return row ? { id: row.id, agentId: row.agent_id, result: JSON.parse(row.result_json) } : null;
  }

  saveCommand(command: StoredCommand & { type: string; conversationId: string; createdAt: string }): void {
    this.transaction(() =>
      this.statements
        .prepare(
          `INSERT INTO commands (id, agent_id, type, conversation_id, result_json, created_at)
           VALUES (?, ?, ?, ?, ?, ?)`,
        )
        .run(
          command.id,
          command.agentId,
          command.type,
          command.conversationId,
          JSON.stringify(command.result),
          command.createdAt,
        ),
    );
  }

  // Web chat sessions

  insertChatSession(session: ChatSession): void {
    this.transaction(() => {
      this.statements
        .prepare(
          `INSERT INTO chat_sessions (chat_id, conversation_id, token_hash, prompt, pending_reason, last_skill, language, created_at)
           VALUES (@chatId, @conversationId, @tokenHash, @prompt, @pendingReason, @lastSkill, @language, @createdAt)`,
        )
        .run(session);
      this.writing.conversationIds.add(session.conversationId);
    });
  }

  findChatSession(chatId: string): ChatSession | null {
    const row = this.statements.prepare('SELECT * FROM chat_sessions WHERE chat_id = ?').get(chatId) as
      ChatSessionRow | undefined;
    return row ? toChatSession(row) : null;
  }

  findChatSessionByConversation(conversationId: string): ChatSession | null {
    const row = this.statements
      .prepare('SELECT * FROM chat_sessions WHERE conversation_id = ?')
      .get(conversationId) as ChatSessionRow | undefined;
    return row ? toChatSession(row) : null;
  }

  updateChatSession(chatId: string, patch: ChatSessionPatch): ChatSession {
    return this.transaction(() => {
      const current = this.findChatSession(chatId);
      if (!current) throw new Error(`hub store: no chat session ${chatId}`);
      const next = { ...current, ...patch };
      this.statements
        .prepare(
          `UPDATE chat_sessions SET prompt = @prompt, pending_reason = @pendingReason, last_skill = @lastSkill,
           language = @language WHERE chat_id = @chatId`,
        )
        .run(next);
      // The widget's state includes the prompt, so a prompt change is a change to push.
      this.writing.conversationIds.add(next.conversationId);
      return next;
    });
  }
}
