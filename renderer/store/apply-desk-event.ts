// Environment: browser. The only way live changes enter the store: one DeskEvent at a time.
import type { DeskEvent } from '../../shared/desk-api.js';
import { describeCommandFailure } from './actions-slice.js';
import type { DeskState } from './desk-state.js';

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
      return;
    case 'conversation': {
      state.upsertConversation(event.conversation);
      const actions = state.actionsByConversation[event.conversation.id];
      // A claim or resolve that was waiting in the outbox is visibly done once the conversation says so.
      if (actions?.claim === 'in_flight' && event.conversation.status !== 'queued') {
        state.patchActions(event.conversation.id, { claim: 'idle' });
      }
      if (actions?.resolve === 'in_flight' && event.conversation.status === 'resolved') {
        state.patchActions(event.conversation.id, { resolve: 'idle' });
      }
      return;
    }
    case 'message':
      state.upsertMessages(event.message.conversationId, [event.message]);
      return;
    case 'commandFailed': {
      const error =
        event.error.code === 'already_claimed'
          ? event.error.message
          : describeCommandFailure(event.commandType, event.error.message);
      if (event.commandType === 'claim') state.patchActions(event.conversationId, { claim: 'idle', error });
      else if (event.commandType === 'resolve')
        state.patchActions(event.conversationId, { resolve: 'idle', error });
      else state.patchActions(event.conversationId, { replying: false, error });
      return;
    }
  }
}
