// Environment: browser. The agent's commands on a conversation (claim, reply, note, resolve, transfer, status,
// tags) and their state in flight, so the UI can show pending work in place and failures in words.
import type { ActionResult, DeskApi } from '../../shared/desk-api.js';
import type { CommandType } from '../../shared/desk-protocol.js';
import type { MessageKey } from '../i18n/en.js';
import { t } from '../i18n/t.js';
import { describeFailure, type DeskSliceCreator } from './desk-state.js';
import { describeDeskError } from './describe-desk-error.js';

export interface ConversationActionState {
  /** in_flight from the click until the hub's answer (or the conversation shows the claim) arrives. */
  claim: 'idle' | 'in_flight';
  resolve: 'idle' | 'in_flight';
  replying: boolean;
  noting: boolean;
  /** A transfer or status change on its way (buttons show it and do not double-send). */
  moving: boolean;
  /** Tags as the agent set them, shown until the hub's conversation says the same (or it fails). */
  pendingTags: string[] | null;
  /** The last failure, in words, until dismissed or the next action. */
  error: string | null;
  /** An action waits in the outbox for the hub to come back (shown in place until the console is live). */
  queued: boolean;
}

export const IDLE_ACTIONS: ConversationActionState = {
  claim: 'idle',
  resolve: 'idle',
  replying: false,
  noting: false,
  moving: false,
  pendingTags: null,
  error: null,
  queued: false,
};

export type ConversationStatusChange =
  { status: 'open' } | { status: 'pending' } | { status: 'snoozed'; snoozedUntil: string };

export interface ActionsSlice {
  actionsByConversation: Record<string, ConversationActionState>;
  patchActions(conversationId: string, patch: Partial<ConversationActionState>): void;
  claim(conversationId: string): Promise<void>;
  /** Resolves true when the desk core accepted the reply (sent, or safely in its outbox). */
  reply(conversationId: string, text: string): Promise<boolean>;
  addNote(conversationId: string, text: string, mentions: string[]): Promise<boolean>;
  resolve(conversationId: string, tags: string[]): Promise<boolean>;
  /** To an agent, or back to the queue (`toAgentId: null`), with an optional internal note. */
  transfer(conversationId: string, toAgentId: string | null, note?: string): Promise<boolean>;
  setStatus(conversationId: string, change: ConversationStatusChange): Promise<boolean>;
  setTags(conversationId: string, tags: string[]): Promise<boolean>;
  /** What the hub refused after the call had returned pending (a commandFailed event). */
  commandFailed(conversationId: string, command: CommandType, message: string, alreadyClaimed: boolean): void;
  dismissActionError(conversationId: string): void;
  /** The console is live again: what was queued is on its way, and its outcome shows as it arrives. */
  clearQueuedActions(): void;
}

const commandNames: Record<CommandType, MessageKey> = {
  claim: 'actions.command.claim',
  reply: 'actions.command.reply',
  resolve: 'actions.command.resolve',
  transfer: 'actions.command.transfer',
  set_status: 'actions.command.set_status',
  note: 'actions.command.note',
  set_tags: 'actions.command.set_tags',
};

export function describeCommandFailure(command: CommandType, message: string): string {
  return t('actions.commandFailed', { command: t(commandNames[command]), message });
}

/** What to reset when a command of this type ends (ok or not). */
function settled(command: CommandType): Partial<ConversationActionState> {
  switch (command) {
    case 'claim':
      return { claim: 'idle' };
    case 'resolve':
      return { resolve: 'idle' };
    case 'reply':
      return { replying: false };
    case 'note':
      return { noting: false };
    case 'transfer':
    case 'set_status':
      return { moving: false };
    case 'set_tags':
      return { pendingTags: null };
  }
}

export const createActionsSlice =
  (api: DeskApi): DeskSliceCreator<ActionsSlice> =>
  (set, get) => {
    /** Runs one action call; returns whether it succeeded and whether it is still pending in the outbox. */
    const run = async (
      conversationId: string,
      command: CommandType,
      call: () => Promise<ActionResult>,
    ): Promise<{ ok: boolean; pending: boolean }> => {
      try {
        const result = await call();
        if (result.ok) {
          if (result.pending && get().connection.status !== 'online') {
            get().patchActions(conversationId, { queued: true });
          }
          return { ok: true, pending: result.pending };
        }
        const lostRace = result.error.code === 'already_claimed';
        // The winner's claim reaches this console before our refusal does, so the store already names them.
        const winner = lostRace ? get().conversationsById[conversationId]?.assignee : null;
        get().commandFailed(
          conversationId,
          command,
          winner ? t('errors.alreadyClaimed', { name: winner.name }) : describeDeskError(result.error),
          lostRace,
        );
        return { ok: false, pending: false };
      } catch (error) {
        get().patchActions(conversationId, {
          ...settled(command),
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

      async addNote(conversationId, text, mentions) {
        get().patchActions(conversationId, { noting: true, error: null });
        const outcome = await run(conversationId, 'note', () =>
          api.addNote({ conversationId, text, mentions }),
        );
        get().patchActions(conversationId, { noting: false });
        return outcome.ok;
      },

      async resolve(conversationId, tags) {
        get().patchActions(conversationId, { resolve: 'in_flight', error: null });
        const outcome = await run(conversationId, 'resolve', () => api.resolve({ conversationId, tags }));
        if (!outcome.ok || !outcome.pending) get().patchActions(conversationId, { resolve: 'idle' });
        if (outcome.ok) get().setResolveFormFor(null);
        return outcome.ok;
      },

      async transfer(conversationId, toAgentId, note) {
        get().patchActions(conversationId, { moving: true, error: null });
        const outcome = await run(conversationId, 'transfer', () =>
          api.transfer({ conversationId, toAgentId, ...(note ? { note } : {}) }),
        );
        get().patchActions(conversationId, { moving: false });
        return outcome.ok;
      },

      async setStatus(conversationId, change) {
        get().patchActions(conversationId, { moving: true, error: null });
        const outcome = await run(conversationId, 'set_status', () =>
          api.setStatus({ conversationId, ...change }),
        );
        get().patchActions(conversationId, { moving: false });
        return outcome.ok;
      },

      async setTags(conversationId, tags) {
        get().patchActions(conversationId, { pendingTags: tags, error: null });
        const outcome = await run(conversationId, 'set_tags', () => api.setTags({ conversationId, tags }));
        // On success the pending tags stay on screen until the conversation event carries them (applyDeskEvent),
        // so they never flick back to the old ones in between.
        return outcome.ok;
      },

      commandFailed(conversationId, command, message, alreadyClaimed) {
        // A lost claim race already names the winner in the hub's message.
        const error = alreadyClaimed ? message : describeCommandFailure(command, message);
        get().patchActions(conversationId, { ...settled(command), error });
      },

      dismissActionError(conversationId) {
        get().patchActions(conversationId, { error: null });
      },

      clearQueuedActions() {
        const entries = Object.entries(get().actionsByConversation);
        if (!entries.some(([, actions]) => actions.queued)) return;
        set({
          actionsByConversation: Object.fromEntries(
            entries.map(([id, actions]) => [id, actions.queued ? { ...actions, queued: false } : actions]),
          ),
        });
      },
    };
  };
