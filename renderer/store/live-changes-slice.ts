// Environment: browser. Live conversation and message events, applied a burst at a time: one store update for
// the whole burst (one copy of each map, one SLA refresh, one render) instead of one per event, with the same
// outcome as applying them one by one in order. Signing in to a hub with thousands waiting sends thousands.
import type { DeskEvent, DeskMessage } from '../../shared/desk-api.js';
import type { Conversation } from '../../shared/domain.js';
import { IDLE_ACTIONS, type ConversationActionState } from './actions-slice.js';
import type { DeskSliceCreator, DeskState } from './desk-state.js';
import { mergeMessages } from './merge-messages.js';

/** The events that change conversations or transcripts, the ones that arrive in bursts. */
export type LiveChangeEvent = Extract<DeskEvent, { type: 'conversation' | 'message' }>;

export function isLiveChange(event: DeskEvent): event is LiveChangeEvent {
  return event.type === 'conversation' || event.type === 'message';
}

export interface LiveChangesSlice {
  /** Applies the events in order, in one store update. */
  applyLiveChanges(events: readonly LiveChangeEvent[]): void;
}

function sameTags(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((tag, index) => tag === b[index]);
}

/** What a conversation event settles among the actions shown in flight (null: nothing). */
function settledBy(
  actions: ConversationActionState | undefined,
  conversation: Conversation,
): Partial<ConversationActionState> | null {
  if (!actions) return null;
  const patch: Partial<ConversationActionState> = {};
  // A claim or resolve that was waiting in the outbox is visibly done once the conversation says so.
  if (actions.claim === 'in_flight' && conversation.status !== 'queued') patch.claim = 'idle';
  if (actions.resolve === 'in_flight' && conversation.status === 'resolved') patch.resolve = 'idle';
  if (actions.pendingTags && sameTags(actions.pendingTags, conversation.tags)) patch.pendingTags = null;
  return Object.keys(patch).length > 0 ? patch : null;
}

const EMPTY: DeskMessage[] = [];

function nextState(state: DeskState, events: readonly LiveChangeEvent[]): Partial<DeskState> {
  // Each map is copied once, on its first change; untouched maps keep their identity (no needless renders).
  let conversationsById: DeskState['conversationsById'] | null = null;
  let actionsByConversation: DeskState['actionsByConversation'] | null = null;
  const incomingMessages = new Map<string, DeskMessage[]>();
  for (const event of events) {
    if (event.type === 'message') {
      const { conversationId } = event.message;
      const incoming = incomingMessages.get(conversationId);
      if (incoming) incoming.push(event.message);
      else incomingMessages.set(conversationId, [event.message]);
      continue;
    }
    const { conversation } = event;
    // Only as new or newer replaces (`version` is the hub log position): a late change never undoes a live one.
    const known = (conversationsById ?? state.conversationsById)[conversation.id];
    if (!known || known.version <= conversation.version) {
      conversationsById ??= { ...state.conversationsById };
      conversationsById[conversation.id] = conversation;
    }
    const actions = (actionsByConversation ?? state.actionsByConversation)[conversation.id];
    const patch = settledBy(actions, conversation);
    if (patch) {
      actionsByConversation ??= { ...state.actionsByConversation };
      actionsByConversation[conversation.id] = { ...(actions ?? IDLE_ACTIONS), ...patch };
    }
  }
  const changes: Partial<DeskState> = {};
  if (conversationsById) changes.conversationsById = conversationsById;
  if (actionsByConversation) changes.actionsByConversation = actionsByConversation;
  if (incomingMessages.size > 0) {
    const messagesByConversation = { ...state.messagesByConversation };
    // Merging a conversation's messages at once equals merging them one by one (later ones win by id).
    for (const [conversationId, incoming] of incomingMessages) {
      messagesByConversation[conversationId] = mergeMessages(
        messagesByConversation[conversationId] ?? EMPTY,
        incoming,
      );
    }
    changes.messagesByConversation = messagesByConversation;
  }
  return changes;
}

export const createLiveChangesSlice: DeskSliceCreator<LiveChangesSlice> = (set) => ({
  applyLiveChanges(events) {
    if (events.length === 0) return;
    set((state) => {
      const changes = nextState(state, events);
      // Nothing changed (only stale versions): the same state, so subscribers are not told.
      return Object.keys(changes).length > 0 ? changes : state;
    });
  },
});
