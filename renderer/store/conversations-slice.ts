// Environment: browser. Every handed-off conversation the console knows, by id. A change only replaces what
// it knows if it is at least as new (`version` is the hub log position), so a late snapshot never undoes
// a live event.
import type { Conversation } from '../../shared/domain.js';
import type { DeskSliceCreator } from './desk-state.js';

export interface ConversationSlice {
  conversationsById: Record<string, Conversation>;
  upsertConversation(conversation: Conversation): void;
  replaceConversations(conversations: Conversation[]): void;
}

export const createConversationsSlice: DeskSliceCreator<ConversationSlice> = (set) => ({
  conversationsById: {},

  upsertConversation(conversation) {
    set((state) => {
      const known = state.conversationsById[conversation.id];
      if (known && known.version > conversation.version) return {};
      return { conversationsById: { ...state.conversationsById, [conversation.id]: conversation } };
    });
  },

  replaceConversations(conversations) {
    set((state) => {
      const next: Record<string, Conversation> = {};
      for (const conversation of conversations) {
        const known = state.conversationsById[conversation.id];
        next[conversation.id] = known && known.version > conversation.version ? known : conversation;
      }
      return { conversationsById: next };
    });
  },
});
