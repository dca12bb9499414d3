// Environment: Node (hub). Erasing a conversation on the shop's data-erasure request: the conversation, its
// messages, its chat session and every earlier change of it in the log go in one transaction, and one
// `deleted` change (a tombstone, kept by compaction) tells every console to drop it.
// The event stream (marketing events) is not touched here: whether erasure removes or anonymises the
// conversation's events is decided with the event stream's own work (issues 6 and 7).
import type { HubStore } from '../store/hub-store.js';

/** False if the hub has no such conversation. */
export function eraseConversation(store: HubStore, conversationId: string): boolean {
  return store.eraseConversation(conversationId);
}

/** What an agent is told when acting on a conversation that was erased. */
export function erasedMessage(conversationId: string): string {
  return `Conversation ${conversationId} was deleted on the hub (the shop asked for its data to be erased).`;
}

/** The not-found message for a conversation: says so when it was erased on the hub. */
export function missingConversationMessage(store: HubStore, conversationId: string): string {
  return store.isErased(conversationId)
    ? erasedMessage(conversationId)
    : `No handed-off conversation ${conversationId}.`;
}
