// Environment: browser. What each command does and when it applies: one list behind the keyboard shortcuts,
// the command palette and the help overlay, so all three always agree.
import type { DeskStore } from '../../store/create-desk-store.js';
import type { DeskState } from '../../store/desk-state.js';
import { abilitiesIn } from '../../store/watching.js';
import { queueIds } from '../../store/queue.js';
import { focusQueueRow } from '../queue/queue-dom.js';
import type { CommandId } from './shortcuts.js';
import { isTextEntry } from './shortcuts.js';

function selected(state: DeskState) {
  const id = state.selectedConversationId;
  return id ? state.conversationsById[id] : undefined;
}

/** Commands on the queue and the conversation: hidden behind the monitor, so they do nothing there. */
const DESK_ONLY = new Set<CommandId>([
  'next',
  'previous',
  'open',
  'claim',
  'reply',
  'note',
  'resolve',
  'transfer',
  'pending',
  'snooze',
  'reopen',
  'goUnassigned',
  'goMine',
  'goAllOpen',
  'goSnoozed',
  'toggleShopper',
  'search',
]);

/** Whether the command would do something now (the palette lists only these; shortcuts ignore the rest). */
export function isCommandAvailable(command: CommandId, state: DeskState): boolean {
  if (state.view === 'monitor' && DESK_ONLY.has(command)) return false;
  const conversation = selected(state);
  const abilities = abilitiesIn(state, conversation?.id ?? null);
  switch (command) {
    case 'next':
    case 'previous':
    case 'open':
      return queueIds(state, state.queueTab).length > 0;
    case 'claim':
    case 'reply':
    case 'note':
    case 'resolve':
    case 'transfer':
    case 'pending':
    case 'snooze':
    case 'reopen':
      return abilities[command];
    case 'toggleShopper':
      return true;
    case 'close':
      return state.dialog !== null || state.selectedConversationId !== null || state.view === 'monitor';
    case 'monitor':
      return state.session?.account.role === 'lead';
    default:
      return true;
  }
}

function moveCursor(store: DeskStore, delta: number): void {
  const state = store.getState();
  const ids = queueIds(state, state.queueTab);
  if (ids.length === 0) return;
  const from = [state.queueCursorId, state.selectedConversationId].find((id) => id && ids.includes(id));
  const index = from ? ids.indexOf(from) : delta > 0 ? -1 : ids.length;
  const next = ids[Math.min(ids.length - 1, Math.max(0, index + delta))];
  if (!next) return;
  state.setQueueCursor(next);
  focusQueueRow(next);
}

/** Runs a command if it applies now. Returns whether it did. */
export function runCommand(command: CommandId, store: DeskStore): boolean {
  const state = store.getState();
  if (!isCommandAvailable(command, state)) return false;
  const conversation = selected(state);
  switch (command) {
    case 'next':
      moveCursor(store, 1);
      return true;
    case 'previous':
      moveCursor(store, -1);
      return true;
    case 'open': {
      const ids = queueIds(state, state.queueTab);
      const id = state.queueCursorId && ids.includes(state.queueCursorId) ? state.queueCursorId : ids[0];
      if (id) state.openConversation(id);
      return Boolean(id);
    }
    case 'claim':
      if (conversation) void state.claim(conversation.id);
      return true;
    case 'reply':
      state.focusComposer('reply');
      return true;
    case 'note':
      state.focusComposer('note');
      return true;
    case 'resolve':
      if (conversation) state.setResolveFormFor(conversation.id);
      return true;
    case 'transfer':
      if (conversation) state.openDialog({ kind: 'transfer', conversationId: conversation.id });
      return true;
    case 'snooze':
      if (conversation) state.openDialog({ kind: 'snooze', conversationId: conversation.id });
      return true;
    case 'pending':
      if (conversation) void state.setStatus(conversation.id, { status: 'pending' });
      return true;
    case 'reopen':
      if (conversation) void state.setStatus(conversation.id, { status: 'open' });
      return true;
    case 'goUnassigned':
      state.setQueueTab('unassigned');
      return true;
    case 'goMine':
      state.setQueueTab('mine');
      return true;
    case 'goAllOpen':
      state.setQueueTab('allOpen');
      return true;
    case 'goSnoozed':
      state.setQueueTab('snoozed');
      return true;
    case 'toggleShopper':
      state.toggleShopperPanel();
      return true;
    case 'close': {
      // Innermost first: a dialog, then leaving a text field, then the resolve form, then the conversation.
      const active = document.activeElement;
      if (state.dialog) state.closeDialog();
      else if (isTextEntry(active)) (active as HTMLElement).blur();
      else if (state.view === 'monitor') state.setView('desk');
      else if (state.resolveFormFor) state.setResolveFormFor(null);
      else state.closeConversation();
      return true;
    }
    case 'help':
      state.openDialog({ kind: 'shortcuts' });
      return true;
    case 'palette':
      state.openDialog({ kind: 'palette' });
      return true;
    case 'settings':
      state.openDialog({ kind: 'settings' });
      return true;
    case 'search':
      state.requestSearchFocus();
      return true;
    case 'monitor':
      state.setView(state.view === 'monitor' ? 'desk' : 'monitor');
      return true;
  }
}
