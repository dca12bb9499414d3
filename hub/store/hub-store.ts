// Environment: Node (hub). The one interface the hub keeps its data behind. SQLite implements it today
// (./sqlite/); a PostgreSQL store can follow. Every write runs inside `transaction`, and the rows it
// produced for consoles and chat widgets are handed to `onCommit` listeners only after the commit.
import type {
  Account,
  AgentRef,
  Channel,
  Conversation,
  ConversationStatus,
  Escalation,
  HubDelivery,
  Message,
  Product,
  Role,
  Shopper,
} from '../../shared/domain.js';
import type { CommandResult, HubChange } from '../../shared/desk-protocol.js';
import type { StreamEvent } from '../../shared/events.js';
import type { ChatPrompt } from '../../shared/chat-protocol.js';
import type { CannedReply } from '../../shared/canned-replies.js';
import type { SettingsAuditEntry } from '../../shared/settings.js';
import type { ChosenPresence } from '../../shared/team.js';
import type { KlaviyoStore } from './klaviyo-store.js';
import type { MonitorQueries } from './monitor-queries.js';

/** What one committed transaction changed, in the order it was written. */
export interface CommittedBatch {
  /** Change-log rows (handed-off conversations only), in position order: pushed to consoles. */
  changes: HubChange[];
  /** Every message inserted or updated, of any conversation: pushed to its chat widget. */
  messages: Message[];
  /** The latest snapshot of every conversation touched (including chat-session state changes). */
  conversations: Conversation[];
  /** Events appended to the stream, in order (the monitor's figures follow them). */
  events: StreamEvent[];
}

export interface NewAccount {
  id: string;
  email: string;
  name: string;
  role: Role;
  passwordHash: Buffer;
  passwordSalt: Buffer;
  createdAt: string;
}
export interface StoredAccount extends Account {
  passwordHash: Buffer;
  passwordSalt: Buffer;
  /** When a lead disabled the account; null while it may sign in. */
  disabledAt: string | null;
}

export interface StoredSession {
  account: Account;
  /** Epoch milliseconds. */
  expiresAt: number;
}

export interface NewConversation {
  id: string;
  channel: Channel;
  status: ConversationStatus;
  shopper: Shopper;
  escalation: Escalation | null;
  createdAt: string;
  escalatedAt: string | null;
}

/** Fields a write may change; omitted fields stay as they are. */
export interface ConversationPatch {
  status?: ConversationStatus;
  shopper?: Shopper;
  escalation?: Escalation | null;
  assigneeId?: string | null;
  escalatedAt?: string | null;
  claimedAt?: string | null;
  firstResponseAt?: string | null;
  resolvedAt?: string | null;
  resolutionTags?: string[];
  /** Required with status `snoozed`; cleared (null) by every other status. */
  snoozedUntil?: string | null;
  tags?: string[];
}

export interface NewMessage {
  conversationId: string;
  id: string;
  author: Message['author'];
  agent: AgentRef | null;
  text: string;
  sentAt: string;
  delivery: HubDelivery | null;
  products: Product[];
  /** An internal note: never delivered to the shopper, and never the conversation's last-message preview. */
  internal?: boolean;
  mentions?: string[];
}

export interface NewEvent {
  id: string;
  metric: string;
  time: string;
  profile: { email: string | null; profileId: string | null };
  conversationId: string | null;
  properties: Record<string, unknown>;
  /** A numeric, monetary value (Klaviyo's `value`). */
  value?: number | null;
  /** Default: the event's id. The same one for the same profile and metric keeps the first event only. */
  uniqueId?: string;
  /** The profile (profiles.id) it belongs to. Default: found or created from `profile` (null if anonymous). */
  profileRef?: string | null;
}

export interface ChangesPage {
  changes: HubChange[];
  head: number;
  hasMore: boolean;
  /** The log's identity, fixed when the database was created. */
  logId: string;
}

/** A ChangesPage with its changes as JSON text, as consoles are sent it. */
export interface EncodedChangesPage extends Omit<ChangesPage, 'changes'> {
  changesJson: string;
}

/** One bounded step of a log compaction pass. */
export interface CompactionStep {
  /** The last position this step examined: the next step starts after it. */
  scannedThrough: number;
  deleted: number;
  /** The pass is over: the step reached the end of the log or a change younger than the cutoff. */
  done: boolean;
}

/** The conversation a change belongs to, whatever its kind. */
export function conversationIdOfChange(change: HubChange): string {
  if (change.kind === 'conversation') return change.conversation.id;
  if (change.kind === 'message') return change.message.conversationId;
  return change.conversationId;
}

export interface StoredCommand {
  id: string;
  agentId: string;
  result: CommandResult;
}

/** The web chat widget's session and the demo Customer Agent's memory of the conversation. */
export interface ChatSession {
  chatId: string;
  conversationId: string;
  tokenHash: string;
  prompt: ChatPrompt;
  /** Why the Customer Agent offered a handoff, kept until the shopper answers. */
  pendingReason: string | null;
  /** The skill the Customer Agent last used: the procedure at escalation or resolution. */
  lastSkill: string | null;
  language: 'en' | 'sv';
  createdAt: string;
}
export type ChatSessionPatch = Partial<
  Pick<ChatSession, 'prompt' | 'pendingReason' | 'lastSkill' | 'language'>
>;

/** What the hub remembers of an agent across reconnects and restarts. */
export interface AgentState {
  accountId: string;
  chosenPresence: ChosenPresence;
  lastSeenAt: string | null;
  /** When routing or a claim last gave them a conversation: ties in auto-assign go to who waited longest. */
  lastAssignedAt: string | null;
}
export type AgentStatePatch = Partial<Omit<AgentState, 'accountId'>>;

/** How to find a shopper's conversations and events: by profile ID or email (any case). */
export interface ShopperKey {
  email: string | null;
  profileId: string | null;
}

export interface HubStore {
  /** Runs `work` atomically. Nested calls join the outer transaction. Listeners run after the commit. */
  transaction<T>(work: () => T): T;
  /**
   * Inside a transaction: runs `work` so that if it throws, only its own writes are undone (and none of them is
   * pushed) while the transaction goes on. Several requests can so share one commit (see CommitBatcher).
   */
  savepoint<T>(work: () => T): T;
  onCommit(listener: (batch: CommittedBatch) => void): () => void;
  close(): void;
  /** The lead's monitor's reads (aggregates over indexed ranges). */
  readonly monitor: MonitorQueries;
  /** Metrics, profiles and events as the Klaviyo-compatible events API sees them; its API keys. */
  readonly klaviyo: KlaviyoStore;

  insertAccount(account: NewAccount): Account;
  findAccountByEmail(email: string): StoredAccount | null;
  getAccount(id: string): Account | null;
  /** Every account, by name. Read each time: accounts may be added by another process (the CLI). */
  listAccounts(): Account[];

  /** One per account; an account never seen has the defaults (online, nothing recorded). */
  listAgentStates(): AgentState[];
  updateAgentState(accountId: string, patch: AgentStatePatch): void;

  insertSession(session: {
    tokenHash: string;
    accountId: string;
    createdAt: string;
    expiresAt: number;
  }): void;
  /** Null for an unknown token and for a session of a disabled account. */
  findSession(tokenHash: string): StoredSession | null;
  deleteSession(tokenHash: string): void;

  /** Idempotent. */
  addIntegrationToken(tokenHash: string, label: string, createdAt: string): void;
  hasIntegrationToken(tokenHash: string): boolean;
  /** How many tokens carry this label. */
  countIntegrationTokens(label: string): number;
  /** Deletes every token with this label; returns how many there were. */
  revokeIntegrationTokens(label: string): number;

  /**
   * Disables (`disabledAt` set, every session of the account deleted in the same transaction) or enables (null)
   * the account with this email. Null for an unknown email.
   */
  setAccountDisabled(email: string, disabledAt: string | null): Account | null;

  getConversation(id: string): Conversation | null;
  insertConversation(conversation: NewConversation): Conversation;
  updateConversation(id: string, patch: ConversationPatch): Conversation;
  /** Assigns `agentId` only if the conversation is still queued; false if someone else got there first. */
  claimConversation(id: string, agentId: string, claimedAt: string): boolean;
  /** Per assignee: conversations with status open or pending (what counts against capacity). */
  countOpenByAssignee(): Map<string, number>;
  /** The queued conversation that has waited longest (by escalatedAt, then id). */
  oldestQueued(): Conversation | null;
  /** Snoozed conversations whose snoozedUntil is at or before `at`. */
  listSnoozedUntil(at: string): Conversation[];
  /** The earliest snoozedUntil of any snoozed conversation. */
  nextSnoozeEnd(): string | null;
  /** The shopper's other conversations, newest first (by handoff, else start), except any still with the AI. */
  listShopperConversations(
    shopper: ShopperKey,
    options: { excludeId: string; limit: number },
  ): Conversation[];

  getMessage(conversationId: string, id: string): Message | null;
  listMessages(conversationId: string): Message[];
  /** Whether the conversation has any message by `author`. */
  hasMessageFrom(conversationId: string, author: Message['author']): boolean;
  /** Appends at the end of the conversation (next position) and updates its last-message fields. */
  insertMessage(message: NewMessage): Message;
  /** Marks agent replies delivered; returns the messages that changed. */
  markDelivered(conversationId: string, messageIds: string[]): Message[];

  /** The changes after `after`, in order; an `after` beyond the head gives an empty page (head < after). */
  readChanges(after: number, limit: number): ChangesPage;
  /** readChanges's page with its changes as JSON text, built by the database: nothing parsed or re-encoded. */
  readChangesJson(after: number, limit: number): EncodedChangesPage;
  /**
   * Examines up to `limit` changes after `after` in one transaction and deletes those recorded before
   * `olderThan` (epoch ms) that a later change of the same entity supersedes. Tombstones stay.
   */
  compactChanges(options: { after: number; olderThan: number; limit: number }): CompactionStep;
  /**
   * The shop's data-erasure request: removes the conversation, its messages, chat session, stored command
   * results and every change of it in the log, then appends its `deleted` tombstone. False if unknown.
   * The event stream is not touched.
   */
  eraseConversation(id: string): boolean;
  /** Whether the log holds this conversation's tombstone (it was erased on the hub). */
  isErased(conversationId: string): boolean;

  /** Appends to the stream; the event's metric (and its shopper's profile) are created on first use. */
  appendEvent(event: NewEvent): StreamEvent;
  /**
   * Appends unless the stream holds an event with the same unique_id, profile and metric (then nothing is
   * written and the result is null).
   */
  appendEventOnce(event: NewEvent & { uniqueId: string }): StreamEvent | null;
  listEvents(query: { conversationId?: string; after: number; limit: number }): StreamEvent[];
  /** The shopper's latest events, newest first. */
  listShopperEvents(shopper: ShopperKey, limit: number): StreamEvent[];

  /** The settings fields ever changed, as stored (unvalidated: the caller checks them). */
  readSettings(): Record<string, unknown>;
  writeSettings(fields: Record<string, unknown>): void;
  insertSettingsAudit(entry: SettingsAuditEntry): void;
  /** Newest first. */
  listSettingsAudit(limit: number): SettingsAuditEntry[];

  /** Shared replies and the account's own personal ones, by shortcut. */
  listCannedReplies(accountId: string): CannedReply[];
  getCannedReply(id: string): CannedReply | null;
  /** Inserts or replaces by id. */
  saveCannedReply(reply: CannedReply): void;
  deleteCannedReply(id: string): void;

  findCommand(id: string): StoredCommand | null;
  saveCommand(command: StoredCommand & { type: string; conversationId: string; createdAt: string }): void;

  insertChatSession(session: ChatSession): void;
  findChatSession(chatId: string): ChatSession | null;
  findChatSessionByConversation(conversationId: string): ChatSession | null;
  updateChatSession(chatId: string, patch: ChatSessionPatch): ChatSession;
}
