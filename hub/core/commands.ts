// Environment: Node (hub). Commands from consoles: claim, reply, resolve. Each command id is applied
// once; the stored result answers every retry of that id.
import type { Account, Conversation } from '../../shared/domain.js';
import type { Command, CommandErrorCode, CommandResult } from '../../shared/desk-protocol.js';
import { METRICS } from '../../shared/events.js';
import type { HubStore } from '../store/hub-store.js';
import { isoAt, secondsBetween, type Clock } from './clock.js';
import { appendMetric } from './events.js';

function refuse(command: Command, code: CommandErrorCode, message: string): CommandResult {
  return { ok: false, commandId: command.id, error: { code, message } };
}

function mayAct(agent: Account, conversation: Conversation): boolean {
  return agent.role === 'lead' || conversation.assignee?.id === agent.id;
}

export function applyCommand(store: HubStore, command: Command, agent: Account, clock: Clock): CommandResult {
  return store.transaction(() => {
    const stored = store.findCommand(command.id);
    if (stored) return stored.result;
    const now = isoAt(clock());
    const result = execute(store, command, agent, now);
    store.saveCommand({
      id: command.id,
      agentId: agent.id,
      type: command.type,
      conversationId: command.conversationId,
      result,
      createdAt: now,
    });
    return result;
  });
}

function execute(store: HubStore, command: Command, agent: Account, now: string): CommandResult {
  const conversation = store.getConversation(command.conversationId);
  if (!conversation || conversation.escalatedAt === null) {
    if (conversation && command.type === 'claim') {
      return refuse(command, 'not_claimable', 'The Customer Agent is still handling this conversation.');
    }
    return refuse(command, 'not_found', `No handed-off conversation ${command.conversationId}.`);
  }
  switch (command.type) {
    case 'claim':
      return claim(store, command, agent, conversation, now);
    case 'reply':
      return reply(store, command, agent, conversation, now);
    case 'resolve':
      return resolve(store, command, agent, conversation, now);
  }
}

function claim(
  store: HubStore,
  command: Extract<Command, { type: 'claim' }>,
  agent: Account,
  conversation: Conversation,
  now: string,
): CommandResult {
  if (conversation.status === 'resolved')
    return refuse(command, 'already_resolved', 'This conversation is resolved.');
  if (conversation.assignee?.id === agent.id) return { ok: true, commandId: command.id, conversation };
  // The conditional update decides a race: only one agent's UPDATE finds the conversation still queued.
  if (!store.claimConversation(conversation.id, agent.id, now)) {
    const winner = store.getConversation(conversation.id)?.assignee;
    return refuse(
      command,
      'already_claimed',
      winner ? `${winner.name} (${winner.email}) already claimed this conversation.` : 'Already claimed.',
    );
  }
  const claimed = store.getConversation(conversation.id);
  if (!claimed) throw new Error('conversation vanished');
  appendMetric(store, METRICS.handoffAccepted, claimed, now, {
    conversation_id: claimed.id,
    channel: claimed.channel,
    agent_id: agent.id,
    wait_seconds: secondsBetween(claimed.escalatedAt ?? now, now),
  });
  return { ok: true, commandId: command.id, conversation: claimed };
}

function reply(
  store: HubStore,
  command: Extract<Command, { type: 'reply' }>,
  agent: Account,
  conversation: Conversation,
  now: string,
): CommandResult {
  if (conversation.status === 'resolved')
    return refuse(command, 'already_resolved', 'This conversation is resolved.');
  if (!mayAct(agent, conversation)) {
    return refuse(command, 'not_assignee', notAssigneeMessage(conversation, 'reply to'));
  }
  if (store.getMessage(conversation.id, command.id)) {
    return refuse(command, 'invalid', `A message with id ${command.id} already exists in this conversation.`);
  }
  if (conversation.firstResponseAt === null)
    store.updateConversation(conversation.id, { firstResponseAt: now });
  const message = store.insertMessage({
    conversationId: conversation.id,
    id: command.id,
    author: 'agent',
    agent: { id: agent.id, name: agent.name, email: agent.email },
    text: command.text,
    sentAt: now,
    delivery: 'sent',
    products: [],
  });
  const updated = store.getConversation(conversation.id);
  if (!updated) throw new Error('conversation vanished');
  return { ok: true, commandId: command.id, conversation: updated, message };
}

function resolve(
  store: HubStore,
  command: Extract<Command, { type: 'resolve' }>,
  agent: Account,
  conversation: Conversation,
  now: string,
): CommandResult {
  if (conversation.status === 'resolved')
    return refuse(command, 'already_resolved', 'This conversation is resolved.');
  if (!mayAct(agent, conversation))
    return refuse(command, 'not_assignee', notAssigneeMessage(conversation, 'resolve'));
  const resolved = store.updateConversation(conversation.id, {
    status: 'resolved',
    resolvedAt: now,
    resolutionTags: command.tags,
  });
  const escalatedAt = resolved.escalatedAt ?? now;
  appendMetric(store, METRICS.handoffResolved, resolved, now, {
    conversation_id: resolved.id,
    channel: resolved.channel,
    agent_id: agent.id,
    tags: command.tags,
    first_response_seconds: resolved.firstResponseAt
      ? secondsBetween(escalatedAt, resolved.firstResponseAt)
      : null,
    resolution_seconds: secondsBetween(escalatedAt, now),
  });
  return { ok: true, commandId: command.id, conversation: resolved };
}

function notAssigneeMessage(conversation: Conversation, action: string): string {
  return conversation.assignee
    ? `Only ${conversation.assignee.name}, who claimed this conversation, or a lead can ${action} it.`
    : `Claim this conversation before you ${action} it.`;
}
