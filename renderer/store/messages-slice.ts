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
  /** Takes one message out of a transcript (a refused local reply the agent dismissed). */
  dropMessage(conversationId: string, messageId: string): void;
  /**
   * (Re)loads a transcript and merges it with what is shown. `replace`: what was shown is stale (the cache was
   * rebuilt), so the answer replaces it; only messages that arrived live while it was loading are kept.
   */
  loadTranscript(conversationId: string, options?: { replace?: boolean }): Promise<void>;
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

    dropMessage(conversationId, messageId) {
      const transcript = get().messagesByConversation[conversationId];
      if (!transcript?.some((message) => message.id === messageId)) return;
      set((state) => ({
        messagesByConversation: {
          ...state.messagesByConversation,
          [conversationId]: transcript.filter((message) => message.id !== messageId),
        },
      }));
    },

    async loadTranscript(conversationId, options = {}) {
      // Keep showing a cached transcript while refreshing; only a first load shows a skeleton.
      if (get().transcriptStatus[conversationId]?.state !== 'ready') {
        set((state) => ({
          transcriptStatus: { ...state.transcriptStatus, [conversationId]: { state: 'loading' } },
        }));
      }
      // Live events replace messages with new objects, so what is still this object afterwards is stale.
      const shownBefore = new Set(get().messagesByConversation[conversationId] ?? EMPTY);
      try {
        const { conversation, messages } = await api.openConversation({ conversationId });
        if (conversation) get().upsertConversation(conversation);
        if (options.replace) {
          const arrivedSince = (get().messagesByConversation[conversationId] ?? EMPTY).filter(
            (message) => !shownBefore.has(message),
          );
          set((state) => ({
            messagesByConversation: {
              ...state.messagesByConversation,
              [conversationId]: mergeMessages(messages, arrivedSince),
            },
          }));
        } else {
          get().upsertMessages(conversationId, messages);
        }
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
