// Environment: Node. Unread counts, kept in the cache so they survive a restart: per conversation assigned to me,
// the shopper's new messages, and anywhere, notes that @mention me (by someone else). markRead clears one.
// Counted for everything that arrives after the cache first caught up (also what a reconnect replays: the agent
// has not seen it), never for the history a fresh cache downloads.
import type { Conversation, Message } from '../../shared/domain.js';
import type { AppliedChanges, DeskCache } from './cache.js';
import { messageKey } from './cache.js';

export class UnreadCounter {
  constructor(
    private readonly cache: DeskCache,
    /** The signed-in agent's id, or null. */
    private readonly me: () => string | null,
    private readonly emit: (unread: Record<string, number>) => void,
  ) {}

  current(): Record<string, number> {
    return this.cache.unread();
  }

  /** Counts what a batch of hub changes brought. */
  applied(result: AppliedChanges, initial: boolean): void {
    const me = this.me();
    if (!me) return;
    // A conversation erased on the hub took its count with it.
    let changed = result.removed.size > 0;
    for (const [conversationId, previous] of result.previous) {
      if (this.leftMe(previous, result.current.get(conversationId) ?? null, me)) {
        changed = this.cache.clearUnread(conversationId) || changed;
      }
    }
    if (!initial) {
      for (const change of result.applied) {
        if (change.kind !== 'message' || !result.newMessages.has(messageKey(change.message))) continue;
        if (this.isUnreadFor(change.message, me)) {
          this.cache.addUnread(change.message.conversationId, 1);
          changed = true;
        }
      }
    }
    if (changed) this.emit(this.current());
  }

  /** One of my commands changed a conversation (e.g. I transferred it away). */
  conversationChanged(previous: Conversation | null, current: Conversation): void {
    const me = this.me();
    if (me && this.leftMe(previous, current, me) && this.cache.clearUnread(current.id)) {
      this.emit(this.current());
    }
  }

  markRead(conversationId: string): void {
    if (this.cache.clearUnread(conversationId)) this.emit(this.current());
  }

  private isUnreadFor(message: Message, me: string): boolean {
    // Gone from the cache (erased later in the same batch): nothing left to read.
    if (!this.cache.conversation(message.conversationId)) return false;
    if (message.internal) return message.mentions.includes(me) && message.agent?.id !== me;
    if (message.author !== 'shopper') return false;
    return this.cache.conversation(message.conversationId)?.assignee?.id === me;
  }

  /** It was mine and is someone else's (or the queue's) now: its count is theirs to worry about. */
  private leftMe(previous: Conversation | null, current: Conversation | null, me: string): boolean {
    return previous?.assignee?.id === me && current?.assignee?.id !== me;
  }
}
