// Environment: browser. Which conversations each queue tab shows, in what order. Pure functions of the store.
import type { Conversation } from '../../shared/domain.js';
import type { DeskState } from './desk-state.js';
import type { QueueTab } from './ui-slice.js';

export function isInTab(conversation: Conversation, tab: QueueTab, myAgentId: string | null): boolean {
  switch (tab) {
    case 'unassigned':
      return conversation.status === 'queued';
    case 'mine':
      return conversation.status === 'open' && conversation.assignee?.id === myAgentId;
    case 'allOpen':
      return conversation.status === 'queued' || conversation.status === 'open';
  }
}

/** When the shopper was handed to the team (the clock the SLA runs on). */
export function waitingSince(conversation: Conversation): string {
  return conversation.escalatedAt ?? conversation.createdAt;
}

/** Longest-waiting first for unclaimed work; most recent activity first for claimed work. */
function compareForQueue(a: Conversation, b: Conversation): number {
  const aQueued = a.status === 'queued';
  const bQueued = b.status === 'queued';
  if (aQueued !== bQueued) return aQueued ? -1 : 1;
  if (aQueued) return Date.parse(waitingSince(a)) - Date.parse(waitingSince(b)) || a.id.localeCompare(b.id);
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
