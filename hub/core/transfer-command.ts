// Environment: Node (hub). `transfer`: to another agent (open for them) or back to the queue, with an
// optional internal note. The assignee or a lead; a queued conversation only by a lead.
import type { Command, CommandResult } from '../../shared/desk-protocol.js';
import type { Conversation } from '../../shared/domain.js';
import { METRICS } from '../../shared/events.js';
import { accept, mayAct, notAssigneeMessage, refuse, type CommandContext } from './command-rules.js';
import { appendMetric } from './events.js';

type Transfer = Extract<Command, { type: 'transfer' }>;

export function transfer(
  context: CommandContext,
  command: Transfer,
  conversation: Conversation,
): CommandResult {
  const { store, agent, now } = context;
  if (conversation.status === 'resolved') {
    return refuse(
      command,
      'invalid_transition',
      'A resolved conversation cannot be transferred; reopen it first.',
    );
  }
  if (conversation.status === 'queued' && agent.role !== 'lead') {
    return refuse(
      command,
      'forbidden',
      'Only a lead can hand out a conversation from the queue; claim it instead.',
    );
  }
  if (!mayAct(agent, conversation)) {
    return refuse(command, 'not_assignee', notAssigneeMessage(conversation, 'transfer'));
  }
  const to = command.toAgentId === null ? null : store.getAccount(command.toAgentId);
  if (command.toAgentId !== null && !to) {
    return refuse(command, 'invalid', `toAgentId: no agent with id ${command.toAgentId}.`);
  }
  const fromAgentId = conversation.assignee?.id ?? null;
  if ((to?.id ?? null) === fromAgentId) {
    return refuse(
      command,
      'invalid_transition',
      to ? `${to.name} already has this conversation.` : 'This conversation is already in the queue.',
    );
  }

  if (command.note) {
    store.insertMessage({
      conversationId: conversation.id,
      id: `${command.id}:note`,
      author: 'agent',
      agent: { id: agent.id, name: agent.name, email: agent.email },
      text: command.note,
      sentAt: now,
      delivery: null,
      products: [],
      internal: true,
      // No mention: the receiver is already told of the transfer itself (the assignee change).
      mentions: [],
    });
  }
  const transferred = to
    ? store.updateConversation(conversation.id, { status: 'open', assigneeId: to.id, claimedAt: now })
    : store.updateConversation(conversation.id, { status: 'queued', assigneeId: null, claimedAt: null });
  if (to) store.updateAgentState(to.id, { lastAssignedAt: now });
  appendMetric(store, METRICS.handoffTransferred, transferred, now, {
    conversation_id: transferred.id,
    channel: transferred.channel,
    agent_id: agent.id,
    from_agent_id: fromAgentId,
    to_agent_id: to?.id ?? null,
    has_note: command.note !== undefined,
  });
  return accept(command, transferred);
}
