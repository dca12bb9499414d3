// Environment: Node. Refused actions: outbox commands the hub would not apply (the conversation was transferred,
// resolved by someone else, or deleted meanwhile), kept with what the agent wrote until the agent dismisses them.
import type { FailedAction } from '../../shared/desk-api.js';
import type { Command } from '../../shared/desk-protocol.js';
import type { DeskCache, OutboxEntry } from './cache.js';

/** What the agent wrote in a command: a reply's or note's text, a transfer's note; null for the others. */
export function textWritten(command: Command): string | null {
  switch (command.type) {
    case 'reply':
    case 'note':
      return command.text;
    case 'transfer':
      return command.note ?? null;
    default:
      return null;
  }
}

export function toFailedAction(entry: OutboxEntry): FailedAction {
  return {
    commandId: entry.command.id,
    conversationId: entry.command.conversationId,
    commandType: entry.command.type,
    text: textWritten(entry.command),
    createdAt: entry.createdAt,
    // A failed entry always has its reason; the fallback only guards rows written by an older desk core.
    error: entry.error ?? { code: 'invalid', message: 'The hub did not apply this.' },
  };
}

/** Every refused action not yet dismissed, oldest first. */
export function failedActions(cache: DeskCache): FailedAction[] {
  return cache.failedCommands().map(toFailedAction);
}
