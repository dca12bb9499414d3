// Environment: browser. The team as the hub pushes it (presence, load) and who is viewing and typing where.
import type { DeskApi } from '../../shared/desk-api.js';
import type { ChosenPresence, ConversationActivity, Roster } from '../../shared/team.js';
import { t } from '../i18n/t.js';
import { describeFailure, type DeskSliceCreator } from './desk-state.js';
import { describeDeskError } from './describe-desk-error.js';

export interface TeamSlice {
  roster: Roster;
  activityByConversation: Record<string, ConversationActivity>;
  /** The presence the agent just chose, shown until the roster confirms it. */
  presencePending: ChosenPresence | null;
  presenceError: string | null;
  applyRoster(roster: Roster): void;
  applyActivity(activity: ConversationActivity): void;
  replaceActivity(activity: ConversationActivity[]): void;
  setPresence(presence: ChosenPresence): Promise<void>;
}

export const createTeamSlice =
  (api: DeskApi): DeskSliceCreator<TeamSlice> =>
  (set, get) => ({
    roster: [],
    activityByConversation: {},
    presencePending: null,
    presenceError: null,

    applyRoster(roster) {
      const me = get().session?.account.id;
      const mine = roster.find((member) => member.id === me);
      const pending = get().presencePending;
      set({
        roster,
        presencePending: pending && mine?.chosenPresence !== pending ? pending : null,
      });
    },

    applyActivity(activity) {
      set((state) => ({
        activityByConversation: { ...state.activityByConversation, [activity.conversationId]: activity },
      }));
    },

    replaceActivity(activity) {
      set({ activityByConversation: Object.fromEntries(activity.map((a) => [a.conversationId, a])) });
    },

    async setPresence(presence) {
      set({ presencePending: presence, presenceError: null });
      try {
        const result = await api.setPresence({ presence });
        if (!result.ok) {
          set({
            presencePending: null,
            presenceError: t('topBar.presenceFailed', { message: describeDeskError(result.error) }),
          });
        }
      } catch (error) {
        set({
          presencePending: null,
          presenceError: t('topBar.presenceFailed', { message: describeFailure(error) }),
        });
      }
    },
  });
