// Environment: Node (hub). Collision detection: per conversation, which agents view it and what they
// type (from their consoles' `activity` reports), and whether the web chat shopper types. Typing is
// forgotten TYPING_TIMEOUT_MS after the last report; a closed socket stops viewing at once.
import type { AgentRef } from '../../shared/domain.js';
import { TYPING_TIMEOUT_MS, type ActivityReport, type ConversationActivity } from '../../shared/team.js';
import type { Clock } from '../core/clock.js';
import type { ClockTimers } from '../core/clock-timers.js';

type Typing = ActivityReport['typing'];
interface SocketActivity {
  agent: AgentRef;
  conversationId: string | null;
  typing: Typing;
}

const rankOf = (typing: Typing) => (typing === 'reply' ? 2 : typing === 'note' ? 1 : 0);

export class ActivityTracker {
  private readonly sockets = new Map<string, SocketActivity>();
  private readonly shopperTyping = new Set<string>();
  /** What was last announced per conversation; absent means nobody there. */
  private readonly announced = new Map<string, string>();
  private readonly listeners = new Set<(activity: ConversationActivity) => void>();

  constructor(
    private readonly clock: Clock,
    private readonly timers: ClockTimers,
  ) {}

  onChange(listener: (activity: ConversationActivity) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  report(socketId: string, agent: AgentRef, report: ActivityReport): void {
    const before = this.sockets.get(socketId);
    const typing = report.conversationId === null ? null : report.typing;
    this.sockets.set(socketId, { agent, conversationId: report.conversationId, typing });
    const timer = `agent-typing:${socketId}`;
    if (typing) this.timers.at(timer, this.clock() + TYPING_TIMEOUT_MS, () => this.stopTyping(socketId));
    else this.timers.cancel(timer);
    this.announce(before?.conversationId, report.conversationId);
  }

  /** The socket closed: it views nothing any more. */
  leave(socketId: string): void {
    const before = this.sockets.get(socketId);
    if (!before) return;
    this.sockets.delete(socketId);
    this.timers.cancel(`agent-typing:${socketId}`);
    this.announce(before.conversationId);
  }

  setShopperTyping(conversationId: string, typing: boolean): void {
    const timer = `shopper-typing:${conversationId}`;
    if (typing) {
      this.shopperTyping.add(conversationId);
      this.timers.at(timer, this.clock() + TYPING_TIMEOUT_MS, () =>
        this.setShopperTyping(conversationId, false),
      );
    } else {
      this.shopperTyping.delete(conversationId);
      this.timers.cancel(timer);
    }
    this.announce(conversationId);
  }

  activityOf(conversationId: string): ConversationActivity {
    const viewers = new Map<string, { agent: AgentRef; typing: Typing }>();
    for (const entry of this.sockets.values()) {
      if (entry.conversationId !== conversationId) continue;
      const seen = viewers.get(entry.agent.id);
      // One agent in two windows: the strongest kind of typing wins.
      const typing =
        rankOf(entry.typing) >= rankOf(seen?.typing ?? null) ? entry.typing : (seen?.typing ?? null);
      viewers.set(entry.agent.id, { agent: entry.agent, typing });
    }
    return {
      conversationId,
      viewers: [...viewers.values()].sort(
        (a, b) => a.agent.name.localeCompare(b.agent.name) || a.agent.id.localeCompare(b.agent.id),
      ),
      shopperTyping: this.shopperTyping.has(conversationId),
    };
  }

  /** Every conversation someone views or types in now. */
  current(): ConversationActivity[] {
    return [...this.announced.keys()].map((conversationId) => this.activityOf(conversationId));
  }

  /** Agents typing a reply (not a note) in the conversation: what the web chat shopper may see. */
  replyTypists(conversationId: string): AgentRef[] {
    return this.activityOf(conversationId)
      .viewers.filter((viewer) => viewer.typing === 'reply')
      .map((viewer) => viewer.agent);
  }

  private stopTyping(socketId: string): void {
    const entry = this.sockets.get(socketId);
    if (!entry?.typing) return;
    entry.typing = null;
    this.announce(entry.conversationId);
  }

  private announce(...conversationIds: (string | null | undefined)[]): void {
    for (const conversationId of new Set(conversationIds)) {
      if (!conversationId) continue;
      const activity = this.activityOf(conversationId);
      const empty = activity.viewers.length === 0 && !activity.shopperTyping;
      const text = JSON.stringify(activity);
      const previous = this.announced.get(conversationId);
      if (previous === text || (empty && previous === undefined)) continue;
      if (empty) this.announced.delete(conversationId);
      else this.announced.set(conversationId, text);
      for (const listener of this.listeners) {
        try {
          listener(activity);
        } catch (error) {
          console.error('hub: an activity listener failed', error);
        }
      }
    }
  }
}
