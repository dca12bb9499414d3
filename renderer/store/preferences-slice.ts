// Environment: browser. This machine's preferences (language, notifications, sound) and unread counts, both
// kept by the desk core; the renderer shows them and asks for changes.
import { DEFAULT_PREFERENCES, type DeskApi, type Preferences } from '../../shared/desk-api.js';
import { describeFailure, type DeskSliceCreator } from './desk-state.js';

export interface PreferencesSlice {
  preferences: Preferences;
  unread: Record<string, number>;
  preferencesError: string | null;
  applyPreferences(preferences: Preferences): void;
  applyUnread(unread: Record<string, number>): void;
  setPreferences(patch: Partial<Preferences>): Promise<void>;
  /** The agent has seen this conversation. */
  markRead(conversationId: string): void;
}

export const createPreferencesSlice =
  (api: DeskApi): DeskSliceCreator<PreferencesSlice> =>
  (set, get) => ({
    preferences: DEFAULT_PREFERENCES,
    unread: {},
    preferencesError: null,

    applyPreferences: (preferences) => set({ preferences }),
    applyUnread: (unread) => set({ unread }),

    async setPreferences(patch) {
      // Applied at once (a language switch must not wait for a round trip); the desk core's answer is the truth.
      set({ preferences: { ...get().preferences, ...patch }, preferencesError: null });
      try {
        set({ preferences: await api.setPreferences(patch) });
      } catch (error) {
        set({ preferencesError: describeFailure(error) });
      }
    },

    markRead(conversationId) {
      if (!get().unread[conversationId]) return;
      set({ unread: { ...get().unread, [conversationId]: 0 } });
      api.markRead({ conversationId }).catch((error: unknown) => {
        console.error(`markRead failed: ${describeFailure(error)}`);
      });
    },
  });

/** Unread messages across every conversation: the number in the window title. */
export function unreadTotal(unread: Record<string, number>): number {
  return Object.values(unread).reduce((sum, count) => sum + count, 0);
}
