// Environment: Node (hub). `note`: an internal note any agent may add (never reaches the shopper), whose
// mentions must be real accounts. `set_tags`: the team's tags, editable by any agent (they are the team's
// triage labels, never shown to the shopper; the change log records every edit).
import type { Command, CommandResult } from '../../shared/desk-protocol.js';
import type { Conversation } from '../../shared/domain.js';
import { accept, refuse, type CommandContext } from './command-rules.js';

type Note = Extract<Command, { type: 'note' }>;
type SetTags = Extract<Command, { type: 'set_tags' }>;

export function addNote(context: CommandContext, command: Note, conversation: Conversation): CommandResult {
  const { store, agent, now } = context;
  const mentions = [...new Set(command.mentions)];
  const unknown = mentions.filter((id) => !store.getAccount(id));
  if (unknown.length > 0)
    return refuse(command, 'invalid', `mentions: no agent with id ${unknown.join(', ')}.`);
  if (store.getMessage(conversation.id, command.id)) {
    return refuse(command, 'invalid', `A message with id ${command.id} already exists in this conversation.`);
  }
  const note = store.insertMessage({
    conversationId: conversation.id,
    id: command.id,
    author: 'agent',
    agent: { id: agent.id, name: agent.name, email: agent.email },
    text: command.text,
    sentAt: now,
    delivery: null,
    products: [],
    internal: true,
    mentions,
  });
  return accept(command, store.getConversation(conversation.id) ?? conversation, note);
}

export function setTags(
  context: CommandContext,
  command: SetTags,
  conversation: Conversation,
): CommandResult {
  // Case-insensitive duplicates collapse to the first spelling.
  const seen = new Set<string>();
  const tags = command.tags.filter((tag) => {
    const key = tag.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return accept(command, context.store.updateConversation(conversation.id, { tags }));
}
