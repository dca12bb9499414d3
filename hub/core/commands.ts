// Environment: Node (hub). Commands from consoles. Each command id is applied once, in one transaction
// with everything it changes (conversation, messages, change log, events); the stored result answers
// every retry of that id.
import type { Account, Conversation } from '../../shared/domain.js';
import type { Command, CommandResult } from '../../shared/desk-protocol.js';
import { METRICS } from '../../shared/events.js';
import type { HubStore } from '../store/hub-store.js';
import { isoAt, secondsBetween, type Clock } from './clock.js';
import { accept, mayAct, mustGet, notAssigneeMessage, refuse, type CommandContext } from './command-rules.js';
import { missingConversationMessage } from './erasure.js';
import { appendMetric } from './events.js';
import { addNote, setTags } from './note-and-tags-commands.js';
import { setStatus } from './status-command.js';
import { transfer } from './transfer-command.js';

export function applyCommand(store: HubStore, command: Command, agent: Account, clock: Clock): CommandResult {
  return store.transaction(() => {
    const stored = store.findCommand(command.id);
    // Another account's id is not a retry of ours: refuse it rather than answer with their result.
    if (stored && stored.agentId !== agent.id) {
      return refuse(command, 'invalid', `Command id ${command.id} is already used; send a new id.`);
    }
    if (stored) return stored.result;
    const nowMs = clock();
    const context: CommandContext = { store, agent, now: isoAt(nowMs), nowMs };
    const result = execute(context, command);
    store.saveCommand({
      id: command.id,
      agentId: agent.id,
      type: command.type,
      conversationId: command.conversationId,
      result,
      createdAt: context.now,
    });
    return result;
  });
}

function execute(context: CommandContext, command: Command): CommandResult {
  const conversation = context.store.getConversation(command.conversationId);
  if (!conversation || conversation.escalatedAt === null) {
    if (conversation && command.type === 'claim') {
      return refuse(command, 'not_claimable', 'The Customer Agent is still handling this conversation.');
    }
    return refuse(command, 'not_found', missingConversationMessage(context.store, command.conversationId));
  }
  switch (command.type) {
    case 'claim':
      return claim(context, command, conversation);
    case 'reply':
      return reply(context, command, conversation);
    case 'resolve':
      return resolve(context, command, conversation);
    case 'transfer':
      return transfer(context, command, conversation);
    case 'set_status':
      return setStatus(context, command, conversation);
    case 'note':
      return addNote(context, command, conversation);
    case 'set_tags':
      return setTags(context, command, conversation);
  }
}

function claim(
  { store, agent, now }: CommandContext,
  command: Extract<Command, { type: 'claim' }>,
  conversation: Conversation,
): CommandResult {
  if (conversation.status === 'resolved')
    return refuse(command, 'already_resolved', 'This conversation is resolved.');
  if (conversation.assignee?.id === agent.id) return accept(command, conversation);
  // The conditional update decides a race: only one agent's UPDATE finds the conversation still queued.
  // No capacity check: a manual claim always works.
  if (!store.claimConversation(conversation.id, agent.id, now)) {
    const winner = store.getConversation(conversation.id)?.assignee;
    return refuse(
      command,
      'already_claimed',
      winner ? `${winner.name} (${winner.email}) already claimed this conversation.` : 'Already claimed.',
    );
  }
  const claimed = mustGet(store, conversation.id);
  store.updateAgentState(agent.id, { lastAssignedAt: now });
  appendMetric(store, METRICS.handoffAccepted, claimed, now, {
    conversation_id: claimed.id,
    channel: claimed.channel,
    agent_id: agent.id,
    wait_seconds: secondsBetween(claimed.escalatedAt ?? now, now),
    assignment: 'claim',
  });
  return accept(command, claimed);
}

function reply(
  { store, agent, now }: CommandContext,
  command: Extract<Command, { type: 'reply' }>,
  conversation: Conversation,
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
  return accept(command, mustGet(store, conversation.id), message);
}

function resolve(
  { store, agent, now }: CommandContext,
  command: Extract<Command, { type: 'resolve' }>,
  conversation: Conversation,
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
  return accept(command, resolved);
}
