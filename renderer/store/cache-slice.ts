// Environment: browser. This computer's cache as the agent sees it: what it holds (Settings → This computer),
// clearing it on a shared computer, and what the desk core says it dropped or rebuilt (a conversation erased on
// the hub or past retention; the whole cache after a full resync).
import type { CacheInfo, DeskApi } from '../../shared/desk-api.js';
import type { Shopper } from '../../shared/domain.js';
import { describeFailure, type DeskSliceCreator } from './desk-state.js';
import { describeDeskError } from './describe-desk-error.js';
import { isSearching } from './search-slice.js';

export type CacheInfoState =
  | { state: 'idle' }
  | { state: 'loading' }
  | { state: 'ready'; info: CacheInfo }
  | { state: 'error'; message: string };

/** The open conversation left the cache: who it was with, and whatever the agent had typed in it. */
export interface RemovedConversationNotice {
  conversationId: string;
  shopper: Shopper | null;
  draft: string | null;
}

export interface CacheSlice {
  cacheInfo: CacheInfoState;
  clearingCache: boolean;
  clearCacheError: string | null;
  removedNotice: RemovedConversationNotice | null;
  loadCacheInfo(): Promise<CacheInfo | null>;
  /** The agent asks to clear: forget the last refusal and count the unsent work again. */
  prepareClearCache(): Promise<void>;
  /** Resolves true once cleared (the desk core signed out); false with `clearCacheError` set otherwise. */
  clearCache(discardUnsent: boolean): Promise<boolean>;
  /** Forgets a conversation the desk core dropped; if it was open, closes it with a notice. */
  removeConversation(conversationId: string): void;
  dismissRemovedNotice(): void;
  /** The desk core rebuilt its cache: everything held is stale, so read the snapshot again and replace it. */
  reloadAfterReset(): Promise<void>;
}

function without<T>(record: Record<string, T>, key: string): Record<string, T> {
  if (!(key in record)) return record;
  return Object.fromEntries(Object.entries(record).filter(([candidate]) => candidate !== key));
}

function only<T>(record: Record<string, T>, key: string): Record<string, T> {
  const value = record[key];
  return value === undefined ? {} : { [key]: value };
}

export const createCacheSlice =
  (api: DeskApi): DeskSliceCreator<CacheSlice> =>
  (set, get) => ({
    cacheInfo: { state: 'idle' },
    clearingCache: false,
    clearCacheError: null,
    removedNotice: null,

    async loadCacheInfo() {
      // A refresh keeps the last numbers on screen instead of flashing back to "loading".
      if (get().cacheInfo.state !== 'ready') set({ cacheInfo: { state: 'loading' } });
      try {
        const info = await api.cacheInfo({});
        set({ cacheInfo: { state: 'ready', info } });
        return info;
      } catch (error) {
        set({ cacheInfo: { state: 'error', message: describeFailure(error) } });
        return null;
      }
    },

    async prepareClearCache() {
      set({ clearCacheError: null });
      await get().loadCacheInfo();
    },

    async clearCache(discardUnsent) {
      set({ clearingCache: true, clearCacheError: null });
      try {
        const result = await api.clearCache({ discardUnsent });
        if (!result.ok) {
          set({ clearingCache: false, clearCacheError: describeDeskError(result.error) });
          // Unsent work may have appeared since the dialog opened: show how much, so the agent can decide.
          if (result.error.code === 'unsent_work') void get().loadCacheInfo();
          return false;
        }
        set({ clearingCache: false, dialog: null });
        get().clearAccountData();
        set({ session: null });
        // The desk core pushes the signed-out state too; the snapshot makes the sign-in screen exact.
        await get().loadSnapshot();
        return true;
      } catch (error) {
        set({ clearingCache: false, clearCacheError: describeFailure(error) });
        return false;
      }
    },

    removeConversation(conversationId) {
      const state = get();
      const known = state.conversationsById[conversationId];
      const open = state.selectedConversationId === conversationId;
      const typed = Object.values(state.drafts[conversationId] ?? {})
        .map((text) => text?.trim())
        .filter((text): text is string => Boolean(text));
      const dialogOnIt =
        (state.dialog?.kind === 'transfer' || state.dialog?.kind === 'snooze') &&
        state.dialog.conversationId === conversationId;
      set({
        conversationsById: without(state.conversationsById, conversationId),
        messagesByConversation: without(state.messagesByConversation, conversationId),
        transcriptStatus: without(state.transcriptStatus, conversationId),
        actionsByConversation: without(state.actionsByConversation, conversationId),
        activityByConversation: without(state.activityByConversation, conversationId),
        historyByConversation: without(state.historyByConversation, conversationId),
        unread: without(state.unread, conversationId),
        drafts: without(state.drafts, conversationId),
        searchHits: state.searchHits.filter((hit) => hit.conversationId !== conversationId),
        ...(state.highlightedMessage?.conversationId === conversationId ? { highlightedMessage: null } : {}),
        ...(state.queueCursorId === conversationId ? { queueCursorId: null } : {}),
        ...(state.resolveFormFor === conversationId ? { resolveFormFor: null } : {}),
        ...(dialogOnIt ? { dialog: null } : {}),
        ...(open
          ? {
              selectedConversationId: null,
              typing: null,
              removedNotice: {
                conversationId,
                shopper: known?.shopper ?? null,
                // What the agent typed there is kept in the notice, to copy: nothing typed is lost.
                draft: typed.length > 0 ? typed.join('\n\n') : null,
              },
            }
          : {}),
      });
    },

    dismissRemovedNotice: () => set({ removedNotice: null }),

    async reloadAfterReset() {
      let snapshot;
      try {
        snapshot = await api.getSnapshot({});
      } catch (error) {
        // What is on screen stays (stale, and marked by the connection state) until the next snapshot.
        set({ snapshotError: describeFailure(error) });
        return;
      }
      const selected = get().selectedConversationId;
      const stillThere =
        selected !== null && snapshot.conversations.some((conversation) => conversation.id === selected);
      if (selected && !stillThere && snapshot.session) get().removeConversation(selected);
      // Versions from the old cache say nothing about the new one, so nothing old may win a version check:
      // drop it all, except the open transcript, which stays on screen until its reload replaces it.
      set((state) => ({
        conversationsById: {},
        messagesByConversation: stillThere ? only(state.messagesByConversation, selected) : {},
        transcriptStatus: stillThere ? only(state.transcriptStatus, selected) : {},
        historyByConversation: {},
      }));
      get().applySnapshot(snapshot);
      // Results found in the old cache may point at what is gone: ask the new one.
      if (snapshot.session && isSearching(get())) get().setSearchQuery(get().searchQuery);
      if (stillThere && snapshot.session) {
        void get().loadTranscript(selected, { replace: true });
        void get().loadShopperHistory(selected);
      }
    },
  });
