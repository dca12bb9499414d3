// Environment: Node (hub). `set_status`: open ⇄ pending, snooze until a future time, reopen a snoozed or
// resolved one. The assignee or a lead; every change is an event in the stream.
import type { Command, CommandResult } from '../../shared/desk-protocol.js';
import type { Conversation } from '../../shared/domain.js';
import { METRICS } from '../../shared/events.js';
import { accept, mayAct, notAssigneeMessage, refuse, type CommandContext } from './command-rules.js';
import { appendMetric } from './events.js';
import { isReopenable, reopen } from './reopen.js';

type SetStatus = Extract<Command, { type: 'set_status' }>;

export function setStatus(
  context: CommandContext,
  command: SetStatus,
  conversation: Conversation,
): CommandResult {
  const { store, agent, now } = context;
  if (!mayAct(agent, conversation)) {
    return refuse(command, 'not_assignee', notAssigneeMessage(conversation, 'change the status of'));
  }
  if (command.status !== 'snoozed' && command.snoozedUntil !== undefined) {
    return refuse(command, 'invalid', 'snoozedUntil: only a snooze has a wake time.');
  }
  const from = conversation.status;
  const cannot = (why: string) =>
    refuse(command, 'invalid_transition', `Cannot make a ${from} conversation ${command.status}: ${why}`);
  if (from === 'queued') return cannot('claim it first.');

  switch (command.status) {
    case 'open': {
      if (!isReopenable(conversation)) return cannot('it is already open.');
      return accept(command, reopen(store, conversation, 'agent', now));
    }
    case 'pending': {
      if (from === 'pending') return cannot('it already waits on the shopper.');
      if (from === 'resolved') return cannot('reopen it first.');
      const pending = store.updateConversation(conversation.id, { status: 'pending' });
      appendMetric(store, METRICS.handoffPending, pending, now, {
        conversation_id: pending.id,
        channel: pending.channel,
        agent_id: agent.id,
      });
      return accept(command, pending);
    }
    case 'snoozed': {
      if (from === 'resolved') return cannot('reopen it first.');
      if (command.snoozedUntil === undefined) {
        return refuse(command, 'invalid', 'snoozedUntil: say until when to snooze.');
      }
      const until = Date.parse(command.snoozedUntil);
      if (until <= context.nowMs) return cannot(`${command.snoozedUntil} is not in the future.`);
      // Normalised to UTC so that snooze ends sort correctly as text in the database.
      const snoozedUntil = new Date(until).toISOString();
      const snoozed = store.updateConversation(conversation.id, { status: 'snoozed', snoozedUntil });
      appendMetric(store, METRICS.handoffSnoozed, snoozed, now, {
        conversation_id: snoozed.id,
        channel: snoozed.channel,
        agent_id: agent.id,
        snoozed_until: snoozedUntil,
      });
      return accept(command, snoozed);
    }
  }
}
