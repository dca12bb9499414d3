// Environment: browser. What the agent is looking at: the selected conversation and the queue tab.
import type { DeskSliceCreator } from './desk-state.js';

export type QueueTab = 'unassigned' | 'mine' | 'allOpen';
export const QUEUE_TABS: readonly QueueTab[] = ['unassigned', 'mine', 'allOpen'];

export interface UiSlice {
  selectedConversationId: string | null;
  queueTab: QueueTab;
  setQueueTab(tab: QueueTab): void;
  /** Opens a conversation: selects it and (re)loads its transcript. */
  openConversation(conversationId: string): void;
  closeConversation(): void;
}

export const createUiSlice: DeskSliceCreator<UiSlice> = (set, get) => ({
  selectedConversationId: null,
  queueTab: 'unassigned',
  setQueueTab: (queueTab) => set({ queueTab }),
  openConversation(conversationId) {
    set({ selectedConversationId: conversationId });
    void get().loadTranscript(conversationId);
  },
  closeConversation: () => set({ selectedConversationId: null }),
});
