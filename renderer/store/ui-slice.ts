// Environment: browser. What the agent is looking at and doing on screen: the selected conversation, the queue
// tab and its keyboard cursor, the open dialog, the composer's mode. In the store (not component state) so that
// shortcuts, the command palette and buttons all drive the same UI.
import type { DeskSliceCreator } from './desk-state.js';
import { tabFor } from './queue.js';

export type QueueTab = 'unassigned' | 'mine' | 'allOpen' | 'snoozed';
export const QUEUE_TABS: readonly QueueTab[] = ['unassigned', 'mine', 'allOpen', 'snoozed'];

export type DeskDialog =
  | { kind: 'transfer'; conversationId: string }
  | { kind: 'snooze'; conversationId: string }
  | { kind: 'shortcuts' }
  | { kind: 'palette' }
  | { kind: 'settings' }
  | { kind: 'signOut' };

export type ComposerMode = 'reply' | 'note';

/** The desk (queue | conversation | shopper) or, for leads, the queue monitor in its place. */
export type DeskView = 'desk' | 'monitor';

export interface UiSlice {
  view: DeskView;
  selectedConversationId: string | null;
  /** The conversation a lead opened from the monitor: they watch it read-only (see watching.ts). */
  watchedConversationId: string | null;
  queueTab: QueueTab;
  /** The queue row the keyboard is on (j/k move it, Enter opens it). */
  queueCursorId: string | null;
  dialog: DeskDialog | null;
  /** The conversation whose inline resolve form is open. */
  resolveFormFor: string | null;
  composerMode: ComposerMode;
  /** Bumped to ask the composer to take focus (r, n, palette). */
  composerFocusRequest: number;
  shopperPanelOpen: boolean;
  /** What the agent is typing in the open conversation right now (reported to the team and the shopper). */
  typing: ComposerMode | null;
  /** Unsent text per conversation and mode, kept while the agent looks elsewhere. */
  drafts: Record<string, Partial<Record<ComposerMode, string>>>;
  setDraft(conversationId: string, mode: ComposerMode, text: string): void;
  setTyping(typing: ComposerMode | null): void;
  setQueueTab(tab: QueueTab): void;
  setQueueCursor(conversationId: string | null): void;
  /** Opens a conversation: selects it and (re)loads its transcript. */
  openConversation(conversationId: string): void;
  closeConversation(): void;
  /** Leads: opens a conversation from the monitor, read-only, back on the desk view. */
  watchConversation(conversationId: string): void;
  setView(view: DeskView): void;
  /** Opens a conversation from outside the queue (palette, notification, history): its tab too. */
  revealConversation(conversationId: string): void;
  openDialog(dialog: DeskDialog): void;
  closeDialog(): void;
  setResolveFormFor(conversationId: string | null): void;
  setComposerMode(mode: ComposerMode): void;
  focusComposer(mode: ComposerMode): void;
  toggleShopperPanel(): void;
}

export const createUiSlice: DeskSliceCreator<UiSlice> = (set, get) => ({
  view: 'desk',
  selectedConversationId: null,
  watchedConversationId: null,
  queueTab: 'unassigned',
  queueCursorId: null,
  dialog: null,
  resolveFormFor: null,
  composerMode: 'reply',
  composerFocusRequest: 0,
  shopperPanelOpen: false,
  typing: null,
  drafts: {},
  setDraft: (conversationId, mode, text) =>
    set((state) => ({
      drafts: { ...state.drafts, [conversationId]: { ...state.drafts[conversationId], [mode]: text } },
    })),
  setTyping: (typing) => {
    if (get().typing !== typing) set({ typing });
  },
  setQueueTab: (queueTab) => set({ queueTab }),
  setQueueCursor: (queueCursorId) => set({ queueCursorId }),
  openConversation(conversationId) {
    const switched = get().selectedConversationId !== conversationId;
    set({
      view: 'desk',
      selectedConversationId: conversationId,
      // Opened from the queue (or anywhere but the monitor): watched only by the rule for others' ones.
      watchedConversationId: null,
      queueCursorId: conversationId,
      removedNotice: null,
      ...(switched ? { resolveFormFor: null, composerMode: 'reply' as const, typing: null } : {}),
    });
    void get().loadTranscript(conversationId);
    void get().loadShopperHistory(conversationId);
  },
  revealConversation(conversationId) {
    const conversation = get().conversationsById[conversationId];
    const tab = conversation ? tabFor(conversation, get().session?.account.id ?? null) : null;
    if (tab) set({ queueTab: tab });
    get().openConversation(conversationId);
  },
  watchConversation(conversationId) {
    get().revealConversation(conversationId);
    set({ watchedConversationId: conversationId, resolveFormFor: null, typing: null });
  },
  setView(view) {
    // Only leads have the monitor; anything else asking for it stays on the desk.
    if (view === 'monitor' && get().session?.account.role !== 'lead') return;
    set({ view });
  },
  closeConversation: () =>
    set({ selectedConversationId: null, watchedConversationId: null, resolveFormFor: null, typing: null }),
  openDialog: (dialog) => set({ dialog }),
  closeDialog: () => set({ dialog: null }),
  setResolveFormFor: (resolveFormFor) => set({ resolveFormFor }),
  setComposerMode: (composerMode) => set({ composerMode }),
  focusComposer: (composerMode) =>
    set((state) => ({ composerMode, composerFocusRequest: state.composerFocusRequest + 1 })),
  toggleShopperPanel: () => set((state) => ({ shopperPanelOpen: !state.shopperPanelOpen })),
});
