// Environment: Node. A conversation as the agent sees it: the hub's messages, then our replies and notes the hub
// has not stored yet (pending in the outbox) or refused (failed), as messages of their own.
import type { DeskMessage } from '../../shared/desk-api.js';
import type { AgentRef } from '../../shared/domain.js';
import type { DeskCache, OutboxEntry } from './cache.js';

/** Our replies and notes not (yet) stored by the hub, after everything the hub has, in the order written. */
export function localMessages(
  cache: DeskCache,
  conversationId: string,
  author: AgentRef | null,
): DeskMessage[] {
  const after = cache.messages(conversationId).reduce((max, message) => Math.max(max, message.position), 0);
  return cache
    .localMessages(conversationId)
    .map((entry, index) => toLocalMessage(entry, after + 1 + index, author));
}

export function transcript(cache: DeskCache, conversationId: string, author: AgentRef | null): DeskMessage[] {
  return [...cache.messages(conversationId), ...localMessages(cache, conversationId, author)];
}

function toLocalMessage(entry: OutboxEntry, position: number, author: AgentRef | null): DeskMessage {
  const { command } = entry;
  const note = command.type === 'note';
  return {
    id: command.id,
    conversationId: command.conversationId,
    position,
    author: 'agent',
    agent: author ? { id: author.id, name: author.name, email: author.email } : null,
    text: command.type === 'reply' || command.type === 'note' ? command.text : '',
    sentAt: entry.createdAt,
    delivery: entry.status === 'failed' ? 'failed' : 'pending',
    products: [],
    internal: note,
    mentions: note ? command.mentions : [],
  };
}
