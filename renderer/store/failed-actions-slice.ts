// Environment: browser. Outbox actions the hub refused (the world changed while the agent was offline): kept by
// the desk core with the text the agent wrote until the agent dismisses them, so nothing typed is lost. Their
// local message stays in the transcript marked failed until then.
import type { DeskApi, FailedAction } from '../../shared/desk-api.js';
import { t } from '../i18n/t.js';
import { abilitiesFor } from './abilities.js';
import { describeFailure, type DeskSliceCreator } from './desk-state.js';
import type { ComposerMode } from './ui-slice.js';

export interface FailedActionsSlice {
  /** Oldest first, as the desk core keeps them. */
  failedActions: FailedAction[];
  applyFailedActions(failedActions: FailedAction[]): void;
  /** The agent has read it: it leaves the list and, if it was a reply or note, the transcript. */
  dismissFailedAction(commandId: string): Promise<void>;
  /** Puts its text back in the composer (after any draft there), then dismisses it. */
  editFailedActionAgain(commandId: string): Promise<void>;
}

/** Where a refused action's text goes back to: a reply stays a reply only while the agent may still reply. */
export function composerModeFor(action: FailedAction, canReply: boolean): ComposerMode {
  return action.commandType === 'reply' && canReply ? 'reply' : 'note';
}

export const createFailedActionsSlice =
  (api: DeskApi): DeskSliceCreator<FailedActionsSlice> =>
  (set, get) => {
    /** Removes actions from the list and their failed local messages from the transcripts. */
    const forget = (gone: FailedAction[]) => {
      for (const action of gone) get().dropMessage(action.conversationId, action.commandId);
    };

    return {
      failedActions: [],

      applyFailedActions(failedActions) {
        // One dismissed elsewhere (another window) leaves this transcript too.
        const kept = new Set(failedActions.map((action) => action.commandId));
        forget(get().failedActions.filter((action) => !kept.has(action.commandId)));
        set({ failedActions });
      },

      async dismissFailedAction(commandId) {
        const action = get().failedActions.find((candidate) => candidate.commandId === commandId);
        if (!action) return;
        // Gone from the screen at once; the desk core's failedActions event confirms it.
        set({ failedActions: get().failedActions.filter((candidate) => candidate !== action) });
        forget([action]);
        try {
          await api.dismissFailedAction({ commandId });
        } catch (error) {
          // Not dismissed after all: it comes back, and the agent is told why.
          set({
            failedActions: [...get().failedActions, action].sort((a, b) =>
              a.createdAt.localeCompare(b.createdAt),
            ),
          });
          get().patchActions(action.conversationId, {
            error: t('actions.failed', { message: describeFailure(error) }),
          });
        }
      },

      async editFailedActionAgain(commandId) {
        const state = get();
        const action = state.failedActions.find((candidate) => candidate.commandId === commandId);
        if (!action?.text) return;
        const conversation = state.conversationsById[action.conversationId];
        if (!conversation) return;
        const mode = composerModeFor(action, abilitiesFor(conversation, state.session?.account).reply);
        const draft = state.drafts[action.conversationId]?.[mode]?.trim();
        state.setDraft(action.conversationId, mode, draft ? `${draft}\n\n${action.text}` : action.text);
        if (state.selectedConversationId !== action.conversationId)
          state.openConversation(action.conversationId);
        state.focusComposer(mode);
        await get().dismissFailedAction(commandId);
      },
    };
  };

/** The refused actions of one conversation. */
export function failedActionsOf(
  failedActions: readonly FailedAction[],
  conversationId: string,
): FailedAction[] {
  return failedActions.filter((action) => action.conversationId === conversationId);
}
