// Environment: Node (hub). What every console command shares: its context, its answers, and who may act.
import type { Account, Conversation, Message } from '../../shared/domain.js';
import type { Command, CommandErrorCode, CommandResult } from '../../shared/desk-protocol.js';
import type { HubStore } from '../store/hub-store.js';

export interface CommandContext {
  store: HubStore;
  agent: Account;
  /** ISO time of this command on the hub's clock. */
  now: string;
  nowMs: number;
}

export function refuse(command: Command, code: CommandErrorCode, message: string): CommandResult {
  return { ok: false, commandId: command.id, error: { code, message } };
}

export function accept(command: Command, conversation: Conversation, message?: Message): CommandResult {
  return message
    ? { ok: true, commandId: command.id, conversation, message }
    : { ok: true, commandId: command.id, conversation };
}

/** The assignee or a lead may work a conversation. */
export function mayAct(agent: Account, conversation: Conversation): boolean {
  return agent.role === 'lead' || conversation.assignee?.id === agent.id;
}

export function notAssigneeMessage(conversation: Conversation, action: string): string {
  return conversation.assignee
    ? `Only ${conversation.assignee.name}, who has this conversation, or a lead can ${action} it.`
    : `Claim this conversation before you ${action} it.`;
}

export function mustGet(store: HubStore, conversationId: string): Conversation {
  const conversation = store.getConversation(conversationId);
  if (!conversation) throw new Error(`conversation ${conversationId} vanished`);
  return conversation;
}
