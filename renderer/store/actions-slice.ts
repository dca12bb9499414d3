// Environment: browser. The agent's actions on a conversation (claim, reply, resolve) and their state in
// flight, so the UI can show pending work in place and failures in words.
import type { ActionResult, DeskApi } from '../../shared/desk-api.js';
import type { MessageKey } from '../i18n/en.js';
import { t } from '../i18n/t.js';
import { describeFailure, type DeskSliceCreator } from './desk-state.js';

export interface ConversationActionState {
  /** in_flight from the click until the hub's answer (or the conversation shows the claim) arrives. */
  claim: 'idle' | 'in_flight';
  resolve: 'idle' | 'in_flight';
  replying: boolean;
  /** The last failure, in words, until dismissed or the next action. */
  error: string | null;
}

export const IDLE_ACTIONS: ConversationActionState = {
  claim: 'idle',
  resolve: 'idle',
  replying: false,
  error: null,
};

export interface ActionsSlice {
  actionsByConversation: Record<string, ConversationActionState>;
  patchActions(conversationId: string, patch: Partial<ConversationActionState>): void;
  claim(conversationId: string): Promise<void>;
  /** Resolves true when the desk core accepted the reply (sent, or safely in its outbox). */
  reply(conversationId: string, text: string): Promise<boolean>;
  resolve(conversationId: string, tags: string[]): Promise<boolean>;
  dismissActionError(conversationId: string): void;
}

const commandNames: Record<'claim' | 'reply' | 'resolve', MessageKey> = {
  claim: 'actions.command.claim',
  reply: 'actions.command.reply',
  resolve: 'actions.command.resolve',
};

export function describeCommandFailure(command: 'claim' | 'reply' | 'resolve', message: string): string {
  return t('actions.commandFailed', { command: t(commandNames[command]), message });
}

export const createActionsSlice =
  (api: DeskApi): DeskSliceCreator<ActionsSlice> =>
  (set, get) => {
    /** Runs one action call; returns whether it succeeded and whether it is still pending in the outbox. */
    const run = async (
      conversationId: string,
      command: 'claim' | 'reply' | 'resolve',
      call: () => Promise<ActionResult>,
    ): Promise<{ ok: boolean; pending: boolean }> => {
      try {
        const result = await call();
        if (result.ok) return { ok: true, pending: result.pending };
        // A lost claim race already names the winner in the hub's message.
        const message =
          result.error.code === 'already_claimed'
            ? result.error.message
            : describeCommandFailure(command, result.error.message);
        get().patchActions(conversationId, { error: message });
        return { ok: false, pending: false };
      } catch (error) {
        get().patchActions(conversationId, {
          error: t('actions.failed', { message: describeFailure(error) }),
        });
        return { ok: false, pending: false };
      }
    };

    return {
      actionsByConversation: {},

      patchActions(conversationId, patch) {
        set((state) => ({
          actionsByConversation: {
            ...state.actionsByConversation,
            [conversationId]: { ...(state.actionsByConversation[conversationId] ?? IDLE_ACTIONS), ...patch },
          },
        }));
      },

      async claim(conversationId) {
        get().patchActions(conversationId, { claim: 'in_flight', error: null });
        const outcome = await run(conversationId, 'claim', () => api.claim({ conversationId }));
        // A pending claim stays "in flight" until the conversation event shows it (see applyDeskEvent).
        if (!outcome.ok || !outcome.pending) get().patchActions(conversationId, { claim: 'idle' });
      },

      async reply(conversationId, text) {
        get().patchActions(conversationId, { replying: true, error: null });
        const outcome = await run(conversationId, 'reply', () => api.reply({ conversationId, text }));
        get().patchActions(conversationId, { replying: false });
        return outcome.ok;
      },

      async resolve(conversationId, tags) {
        get().patchActions(conversationId, { resolve: 'in_flight', error: null });
        const outcome = await run(conversationId, 'resolve', () => api.resolve({ conversationId, tags }));
        if (!outcome.ok || !outcome.pending) get().patchActions(conversationId, { resolve: 'idle' });
        return outcome.ok;
      },

      dismissActionError(conversationId) {
        get().patchActions(conversationId, { error: null });
      },
    };
  };
