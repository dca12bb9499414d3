// Environment: browser. Which conversations each queue tab shows, in what order. Pure functions of the store.
import type { Conversation } from '../../shared/domain.js';
import type { DeskState } from './desk-state.js';
import type { QueueTab } from './ui-slice.js';

/** Statuses that count as work in hand: claimed and not done (pending waits on the shopper, still ours). */
const ACTIVE = new Set<Conversation['status']>(['open', 'pending']);

export function isInTab(conversation: Conversation, tab: QueueTab, myAgentId: string | null): boolean {
  switch (tab) {
    case 'unassigned':
      return conversation.status === 'queued';
    case 'mine':
      return ACTIVE.has(conversation.status) && conversation.assignee?.id === myAgentId;
    case 'allOpen':
      return conversation.status === 'queued' || ACTIVE.has(conversation.status);
    case 'snoozed':
      return conversation.status === 'snoozed';
  }
}

/** When the shopper was handed to the team (the clock the SLA runs on). */
export function waitingSince(conversation: Conversation): string {
  return conversation.escalatedAt ?? conversation.createdAt;
}

/**
 * Longest-waiting first for unclaimed work; then open before pending (pending waits on the shopper), each by
 * most recent activity; snoozed ones by when they come back.
 */
function compareForQueue(a: Conversation, b: Conversation): number {
  const rank = (c: Conversation) =>
    c.status === 'queued' ? 0 : c.status === 'open' ? 1 : c.status === 'pending' ? 2 : 3;
  const byRank = rank(a) - rank(b);
  if (byRank !== 0) return byRank;
  if (a.status === 'queued') {
    return Date.parse(waitingSince(a)) - Date.parse(waitingSince(b)) || a.id.localeCompare(b.id);
  }
  if (a.status === 'snoozed') {
    return Date.parse(a.snoozedUntil ?? '') - Date.parse(b.snoozedUntil ?? '') || a.id.localeCompare(b.id);
  }
  const aLast = Date.parse(a.lastMessageAt ?? waitingSince(a));
  const bLast = Date.parse(b.lastMessageAt ?? waitingSince(b));
  return bLast - aLast || a.id.localeCompare(b.id);
}

export function queueConversations(state: DeskState, tab: QueueTab): Conversation[] {
  const me = state.session?.account.id ?? null;
  return Object.values(state.conversationsById)
    .filter((conversation) => isInTab(conversation, tab, me))
    .sort(compareForQueue);
}

/** Ids only, so components can compare with useShallow and re-render only when the list changes. */
export function queueIds(state: DeskState, tab: QueueTab): string[] {
  return queueConversations(state, tab).map((conversation) => conversation.id);
}

export function queueCount(state: DeskState, tab: QueueTab): number {
  const me = state.session?.account.id ?? null;
  let count = 0;
  for (const conversation of Object.values(state.conversationsById)) {
    if (isInTab(conversation, tab, me)) count += 1;
  }
  return count;
}

/** The tab where a conversation shows, for opening it from elsewhere (palette, notification, history). */
export function tabFor(conversation: Conversation, myAgentId: string | null): QueueTab | null {
  if (conversation.status === 'queued') return 'unassigned';
  if (isInTab(conversation, 'mine', myAgentId)) return 'mine';
  if (isInTab(conversation, 'allOpen', myAgentId)) return 'allOpen';
  if (conversation.status === 'snoozed') return 'snoozed';
  return null;
}
