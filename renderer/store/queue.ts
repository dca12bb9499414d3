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

/** Open before pending (pending waits on the shopper); unclaimed first, snoozed last. */
function rankOf(conversation: Conversation): number {
  const { status } = conversation;
  return status === 'queued' ? 0 : status === 'open' ? 1 : status === 'pending' ? 2 : 3;
}

/** Within a rank, ascending: waiting since (queued), coming back at (snoozed), latest activity first (others). */
function timeKeyOf(conversation: Conversation): number {
  if (conversation.status === 'queued') return Date.parse(waitingSince(conversation));
  if (conversation.status === 'snoozed') return Date.parse(conversation.snoozedUntil ?? '');
  return -Date.parse(conversation.lastMessageAt ?? waitingSince(conversation));
}

interface QueueEntry {
  conversation: Conversation;
  rank: number;
  time: number;
}

/**
 * Longest-waiting first for unclaimed work; then open before pending, each by most recent activity; snoozed ones
 * by when they come back; ties by id. Dates are parsed once per conversation, not once per comparison.
 */
function sortForQueue(conversations: readonly Conversation[]): Conversation[] {
  const entries: QueueEntry[] = conversations.map((conversation) => ({
    conversation,
    rank: rankOf(conversation),
    time: timeKeyOf(conversation),
  }));
  entries.sort(
    (a, b) => a.rank - b.rank || a.time - b.time || a.conversation.id.localeCompare(b.conversation.id),
  );
  return entries.map((entry) => entry.conversation);
}

/**
 * Every tab's conversations for one `conversationsById` and signed-in agent, computed once: the queue's
 * selectors run on every store change (thousands during a catch-up), and most changes leave the conversations as
 * they were. Sorted lists are made on first use per tab.
 */
interface QueueIndex {
  unsorted: Record<QueueTab, Conversation[]>;
  sorted: Partial<Record<QueueTab, Conversation[]>>;
  ids: Partial<Record<QueueTab, string[]>>;
}
const QUEUE_TAB_LIST: readonly QueueTab[] = ['unassigned', 'mine', 'allOpen', 'snoozed'];
const indexes = new WeakMap<DeskState['conversationsById'], Map<string | null, QueueIndex>>();

function queueIndex(state: DeskState): QueueIndex {
  const me = state.session?.account.id ?? null;
  let byAgent = indexes.get(state.conversationsById);
  if (!byAgent) {
    byAgent = new Map();
    indexes.set(state.conversationsById, byAgent);
  }
  const existing = byAgent.get(me);
  if (existing) return existing;
  const unsorted: Record<QueueTab, Conversation[]> = { unassigned: [], mine: [], allOpen: [], snoozed: [] };
  for (const conversation of Object.values(state.conversationsById)) {
    for (const tab of QUEUE_TAB_LIST) if (isInTab(conversation, tab, me)) unsorted[tab].push(conversation);
  }
  const index: QueueIndex = { unsorted, sorted: {}, ids: {} };
  byAgent.set(me, index);
  return index;
}

export function queueConversations(state: DeskState, tab: QueueTab): Conversation[] {
  const index = queueIndex(state);
  return (index.sorted[tab] ??= sortForQueue(index.unsorted[tab]));
}

/**
 * Ids only, so components can compare with useShallow and re-render only when the list changes. The same array
 * while the conversations are unchanged.
 */
export function queueIds(state: DeskState, tab: QueueTab): string[] {
  const index = queueIndex(state);
  return (index.ids[tab] ??= queueConversations(state, tab).map((conversation) => conversation.id));
}

export function queueCount(state: DeskState, tab: QueueTab): number {
  return queueIndex(state).unsorted[tab].length;
}

/** The tab where a conversation shows, for opening it from elsewhere (palette, notification, history). */
export function tabFor(conversation: Conversation, myAgentId: string | null): QueueTab | null {
  if (conversation.status === 'queued') return 'unassigned';
  if (isInTab(conversation, 'mine', myAgentId)) return 'mine';
  if (isInTab(conversation, 'allOpen', myAgentId)) return 'allOpen';
  if (conversation.status === 'snoozed') return 'snoozed';
  return null;
}
