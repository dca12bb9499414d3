// Environment: Node. Decides which desktop notifications to raise (the hosts only display them): a new handoff in
// the queue, a shopper message in my conversation, a note mentioning me, a conversation given to me by someone
// else, and repeating reminders while a handoff waits unclaimed. Live changes only: what a catch-up replays after
// a reconnect is already old news (the unread counts carry it). Time is injected so tests need not wait minutes.
import { randomUUID } from 'node:crypto';
import type { Preferences } from '../../shared/desk-api.js';
import type { Conversation, Message } from '../../shared/domain.js';
import type { DeskNotification, NotificationKind } from '../../shared/notifications.js';
import type { HubSettings } from '../../shared/settings.js';
import type { AppliedChanges, DeskCache } from './cache.js';
import { messageKey } from './cache.js';

export interface NotifierOptions {
  cache: DeskCache;
  /** The signed-in agent's id, or null. */
  me: () => string | null;
  preferences: () => Preferences;
  settings: () => HubSettings | null;
  /** Reminders only while connected and caught up: offline, the queue we know may be stale. */
  isOnline: () => boolean;
  emit: (notification: DeskNotification) => void;
  /** Milliseconds since the epoch (injectable). */
  now: () => number;
  /** How often to look for handoffs due a reminder. */
  reminderCheckMs: number;
  /**
   * How long a new handoff must stay queued before the team is alerted (0: at once). With auto-assign on, the hub
   * gives it to someone a moment after it arrives: only that agent should hear about it.
   */
  newHandoffSettleMs: number;
}

const PREVIEW_LENGTH = 140;
const MINUTE_MS = 60_000;

export class Notifier {
  /** When each queued conversation started waiting, where its own fields cannot tell (re-queued ones). */
  private readonly queuedSince = new Map<string, number>();
  /** How many reminder periods each waiting conversation has been reminded of. */
  private readonly remindedPeriods = new Map<string, number>();
  private timer: NodeJS.Timeout | null = null;
  private readonly settling = new Set<NodeJS.Timeout>();

  constructor(private readonly options: NotifierOptions) {}

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => this.checkReminders(), this.options.reminderCheckMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    for (const timer of this.settling) clearTimeout(timer);
    this.settling.clear();
    this.queuedSince.clear();
    this.remindedPeriods.clear();
  }

  /** Looks at a batch of hub changes applied to the cache. */
  applied(result: AppliedChanges, live: boolean): void {
    const me = this.options.me();
    if (!me) return;
    for (const [conversationId, previous] of result.previous) {
      const current = result.current.get(conversationId) ?? null;
      if (!current) continue;
      this.trackQueued(previous, current);
      if (live && current.status === 'queued' && previous?.status !== 'queued') {
        // Arrived while we watch: remind from its first period on.
        this.remindedPeriods.set(conversationId, 0);
      }
      if (live) this.conversationChanged(previous, current, me);
    }
    if (!live) return;
    const conversationOf = this.options.cache.conversationsAfter(result);
    for (const change of result.applied) {
      if (change.kind === 'message' && result.newMessages.has(messageKey(change.message))) {
        this.messageArrived(change.message, conversationOf(change.message.conversationId), me);
      }
    }
  }

  /** Raises reminders that are due (also called by the timer). */
  checkReminders(): void {
    const settings = this.options.settings();
    if (!settings || !this.options.me() || !this.options.isOnline()) return;
    const periodMs = settings.reminderAfterMinutes * MINUTE_MS;
    const now = this.options.now();
    const waiting = new Set<string>();
    for (const conversation of this.options.cache.queuedConversations()) {
      waiting.add(conversation.id);
      const since = this.waitingSince(conversation, now);
      const periods = Math.floor((now - since) / periodMs);
      const reminded = this.remindedPeriods.get(conversation.id);
      if (reminded === undefined) {
        // Already waiting when the console started (the agent sees the queue as it opens): no burst of
        // reminders at start-up; the next one comes at its next period.
        this.remindedPeriods.set(conversation.id, periods);
        continue;
      }
      // One reminder per period; after a sleep or a long outage, one reminder, not a burst.
      if (periods < 1 || periods <= reminded) continue;
      this.remindedPeriods.set(conversation.id, periods);
      this.raise('reminder', conversation, {
        preview: String(Math.floor((now - since) / MINUTE_MS)),
      });
    }
    for (const id of [...this.remindedPeriods.keys()]) if (!waiting.has(id)) this.remindedPeriods.delete(id);
    for (const id of [...this.queuedSince.keys()]) if (!waiting.has(id)) this.queuedSince.delete(id);
  }

  private trackQueued(previous: Conversation | null, current: Conversation): void {
    if (current.status !== 'queued') {
      this.queuedSince.delete(current.id);
      this.remindedPeriods.delete(current.id);
    } else if (previous && previous.status !== 'queued' && previous.status !== 'with_ai') {
      // Back in the queue (transferred there, or a shopper wrote to an unassigned one): it waits from now.
      this.queuedSince.set(current.id, this.options.now());
      this.remindedPeriods.set(current.id, 0);
    }
  }

  private waitingSince(conversation: Conversation, now: number): number {
    const tracked = this.queuedSince.get(conversation.id);
    if (tracked !== undefined) return tracked;
    // Never claimed: it has waited since the handoff. Otherwise we do not know when it came back: from now.
    const since =
      conversation.claimedAt === null ? Date.parse(conversation.escalatedAt ?? conversation.createdAt) : now;
    this.queuedSince.set(conversation.id, since);
    return since;
  }

  private conversationChanged(previous: Conversation | null, current: Conversation, me: string): void {
    const { cache } = this.options;
    if (current.status === 'queued' && previous?.status !== 'queued') {
      // Unless I put it back there myself.
      if (!cache.hasPendingCommand(current.id, ['transfer'])) this.newHandoff(current.id);
      return;
    }
    const givenToMe =
      current.assignee?.id === me &&
      previous?.assignee?.id !== me &&
      current.status !== 'resolved' &&
      // My own claim is not news to me.
      !cache.hasPendingCommand(current.id, ['claim']);
    if (!givenToMe) return;
    const from = previous?.assignee ?? null;
    this.raise(from ? 'transfer' : 'assigned', current, {
      actor: from?.name ?? null,
      preview: current.lastMessagePreview,
    });
  }

  private newHandoff(conversationId: string): void {
    const raiseIfStillQueued = () => {
      const conversation = this.options.cache.conversation(conversationId);
      if (conversation?.status === 'queued' && this.options.me()) {
        this.raise('new_handoff', conversation, { preview: conversation.lastMessagePreview });
      }
    };
    if (this.options.newHandoffSettleMs <= 0) return raiseIfStillQueued();
    const timer = setTimeout(() => {
      this.settling.delete(timer);
      raiseIfStillQueued();
    }, this.options.newHandoffSettleMs);
    this.settling.add(timer);
  }

  private messageArrived(message: Message, conversation: Conversation | null, me: string): void {
    if (!conversation || conversation.status === 'with_ai') return;
    if (message.internal) {
      if (message.mentions.includes(me) && message.agent?.id !== me) {
        this.raise('mention', conversation, { actor: message.agent?.name ?? null, preview: message.text });
      }
    } else if (message.author === 'shopper' && conversation.assignee?.id === me) {
      this.raise('new_message', conversation, { preview: message.text });
    }
  }

  private raise(
    kind: NotificationKind,
    conversation: Conversation,
    details: { actor?: string | null; preview?: string | null },
  ): void {
    if (!this.options.preferences().notifications) return;
    this.options.emit({
      id: randomUUID(),
      kind,
      conversationId: conversation.id,
      shopper: shopperLabel(conversation),
      actor: details.actor ?? null,
      preview: details.preview ? shorten(details.preview) : null,
    });
  }
}

/** Who the conversation is with: name, else email, else phone (else the profile or conversation id). */
export function shopperLabel(conversation: Conversation): string {
  const { shopper } = conversation;
  return shopper.name ?? shopper.email ?? shopper.phone ?? shopper.profileId ?? conversation.id;
}

function shorten(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length <= PREVIEW_LENGTH ? oneLine : `${oneLine.slice(0, PREVIEW_LENGTH - 1)}…`;
}
