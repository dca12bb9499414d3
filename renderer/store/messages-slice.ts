// Environment: browser. Transcripts by conversation id, filled by openConversation and live message events.
import type { DeskApi, DeskMessage } from '../../shared/desk-api.js';
import { describeFailure, type DeskSliceCreator } from './desk-state.js';
import { mergeMessages } from './merge-messages.js';

export type TranscriptStatus =
  { state: 'loading' } | { state: 'ready' } | { state: 'error'; message: string } | { state: 'missing' };

export interface MessagesSlice {
  messagesByConversation: Record<string, DeskMessage[]>;
  transcriptStatus: Record<string, TranscriptStatus>;
  upsertMessages(conversationId: string, messages: DeskMessage[]): void;
  loadTranscript(conversationId: string): Promise<void>;
}

const EMPTY: DeskMessage[] = [];

export const createMessagesSlice =
  (api: DeskApi): DeskSliceCreator<MessagesSlice> =>
  (set, get) => ({
    messagesByConversation: {},
    transcriptStatus: {},

    upsertMessages(conversationId, messages) {
      if (messages.length === 0) return;
      set((state) => ({
        messagesByConversation: {
          ...state.messagesByConversation,
          [conversationId]: mergeMessages(state.messagesByConversation[conversationId] ?? EMPTY, messages),
        },
      }));
    },

    async loadTranscript(conversationId) {
      // Keep showing a cached transcript while refreshing; only a first load shows a skeleton.
      if (get().transcriptStatus[conversationId]?.state !== 'ready') {
        set((state) => ({
          transcriptStatus: { ...state.transcriptStatus, [conversationId]: { state: 'loading' } },
        }));
      }
      try {
        const { conversation, messages } = await api.openConversation({ conversationId });
        if (conversation) get().upsertConversation(conversation);
        get().upsertMessages(conversationId, messages);
        set((state) => ({
          transcriptStatus: {
            ...state.transcriptStatus,
            [conversationId]: conversation ? { state: 'ready' } : { state: 'missing' },
          },
        }));
      } catch (error) {
        set((state) => ({
          transcriptStatus: {
            ...state.transcriptStatus,
            [conversationId]: { state: 'error', message: describeFailure(error) },
          },
        }));
      }
    },
  });
