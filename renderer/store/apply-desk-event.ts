// Environment: browser. The only way live changes enter the store: one DeskEvent at a time.
// (`notification` is a side effect, handled by platform/desktop-notifications.ts, not state.)
import type { DeskEvent } from '../../shared/desk-api.js';
import type { DeskState } from './desk-state.js';
import { describeDeskError } from './describe-desk-error.js';
import { MONITOR_LOST_STATUSES } from './monitor-slice.js';

function sameTags(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((tag, index) => tag === b[index]);
}

export function applyDeskEvent(state: DeskState, event: DeskEvent): void {
  switch (event.type) {
    case 'session': {
      const previous = state.session;
      if (!event.session || (previous && previous.account.id !== event.session.account.id)) {
        state.clearAccountData();
      }
      state.applySession(event.session);
      return;
    }
    case 'connection':
      state.setConnection(event.connection);
      if (event.connection.status === 'online') state.clearQueuedActions();
      // Figures that are not live are not shown (the hub pushes fresh ones once connected again).
      if (MONITOR_LOST_STATUSES.has(event.connection.status)) state.applyMonitor(null);
      return;
    case 'conversation': {
      const { conversation } = event;
      state.upsertConversation(conversation);
      const actions = state.actionsByConversation[conversation.id];
      // A claim or resolve that was waiting in the outbox is visibly done once the conversation says so.
      if (actions?.claim === 'in_flight' && conversation.status !== 'queued') {
        state.patchActions(conversation.id, { claim: 'idle' });
      }
      if (actions?.resolve === 'in_flight' && conversation.status === 'resolved') {
        state.patchActions(conversation.id, { resolve: 'idle' });
      }
      if (actions?.pendingTags && sameTags(actions.pendingTags, conversation.tags)) {
        state.patchActions(conversation.id, { pendingTags: null });
      }
      return;
    }
    case 'message':
      state.upsertMessages(event.message.conversationId, [event.message]);
      return;
    case 'commandFailed':
      state.commandFailed(
        event.conversationId,
        event.commandType,
        describeDeskError(event.error),
        event.error.code === 'already_claimed',
      );
      return;
    case 'failedActions':
      state.applyFailedActions(event.failedActions);
      return;
    case 'conversationRemoved':
      state.removeConversation(event.conversationId);
      return;
    case 'reset':
      void state.reloadAfterReset();
      return;
    case 'roster':
      state.applyRoster(event.roster);
      return;
    case 'monitor':
      state.applyMonitor(event.monitor);
      return;
    case 'settings':
      state.applySettings(event.settings);
      return;
    case 'activity':
      state.applyActivity(event.activity);
      return;
    case 'cannedReplies':
      state.applyCannedReplies(event.cannedReplies);
      return;
    case 'unread':
      state.applyUnread(event.unread);
      return;
    case 'preferences':
      state.applyPreferences(event.preferences);
      return;
    case 'focusConversation':
      state.revealConversation(event.conversationId);
      return;
    case 'notification':
      return;
  }
}
