// Environment: browser. The only way live changes enter the store: DeskEvents in the order they arrived, each
// run of conversation/message events in one store update (live-changes-slice.ts), any other event on its own.
// (`notification` is a side effect, handled by platform/desktop-notifications.ts, not state.)
import type { DeskEvent } from '../../shared/desk-api.js';
import type { DeskState } from './desk-state.js';
import { describeDeskError } from './describe-desk-error.js';
import { isLiveChange, type LiveChangeEvent } from './live-changes-slice.js';
import { MONITOR_LOST_STATUSES } from './monitor-slice.js';

/** Applies the events in order; consecutive conversation/message events go in as one store update. */
export function applyDeskEvents(state: DeskState, events: readonly DeskEvent[]): void {
  let run: LiveChangeEvent[] = [];
  for (const event of events) {
    if (isLiveChange(event)) {
      run.push(event);
      continue;
    }
    if (run.length > 0) state.applyLiveChanges(run);
    run = [];
    applyDeskEvent(state, event);
  }
  if (run.length > 0) state.applyLiveChanges(run);
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
    case 'conversation':
    case 'message':
      state.applyLiveChanges([event]);
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
