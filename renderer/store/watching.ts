// Environment: any. When a lead watches a conversation read-only, and what they may do while watching.
// A lead watches what they open from the monitor, and any conversation assigned to someone else; a queued one
// opened from the queue stays theirs to claim. Watching leaves only Reassign and Put back in queue (the
// banner's actions): no composer, no status changes, no tags.
import type { Account, Conversation } from '../../shared/domain.js';
import { abilitiesFor, NO_ABILITIES, type Abilities } from './abilities.js';
import type { DeskState } from './desk-state.js';

export function isWatching(
  conversation: Conversation | undefined,
  account: Account | undefined,
  openedFromMonitor: boolean,
): boolean {
  if (!conversation || !account || account.role !== 'lead') return false;
  if (conversation.status === 'with_ai' || conversation.assignee?.id === account.id) return false;
  return openedFromMonitor || conversation.assignee !== null;
}

export function watchingIn(state: DeskState, conversationId: string): boolean {
  return isWatching(
    state.conversationsById[conversationId],
    state.session?.account,
    state.watchedConversationId === conversationId,
  );
}

const MOVABLE = new Set<Conversation['status']>(['queued', 'open', 'pending', 'snoozed']);

export interface WatchingActions {
  /** Reassign: the transfer dialog (to a teammate, or the queue). */
  reassign: boolean;
  /** Put back in queue: a transfer to nobody; only for a conversation someone has. */
  putBack: boolean;
}

export function watchingActionsFor(conversation: Conversation): WatchingActions {
  const movable = MOVABLE.has(conversation.status);
  return { reassign: movable, putBack: movable && conversation.assignee !== null };
}

/** What the signed-in person may do with a conversation, given whether they watch it. */
export function abilitiesWhile(
  conversation: Conversation | undefined,
  account: Account | undefined,
  watching: boolean,
): Abilities {
  if (!conversation || !watching) return abilitiesFor(conversation, account);
  return { ...NO_ABILITIES, transfer: watchingActionsFor(conversation).reassign };
}

/** What the signed-in person may do with a conversation now, watching included. */
export function abilitiesIn(state: DeskState, conversationId: string | null): Abilities {
  const conversation = conversationId ? state.conversationsById[conversationId] : undefined;
  return abilitiesWhile(
    conversation,
    state.session?.account,
    conversation ? watchingIn(state, conversation.id) : false,
  );
}
