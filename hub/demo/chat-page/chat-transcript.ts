// Environment: browser. The widget's transcript: messages deduplicated by id and sorted by the hub's
// position, plus the shopper's own messages shown at once while the hub confirms them.
import type { ChatMessage } from '../../../shared/chat-protocol.js';

export interface ShownMessage extends ChatMessage {
  /** True for a shopper message the hub has not echoed back yet. */
  sending: boolean;
}

export class ChatTranscript {
  private readonly byId = new Map<string, ShownMessage>();

  /** Adds or replaces messages from the hub. Returns true when anything changed. */
  merge(messages: readonly ChatMessage[]): boolean {
    let changed = false;
    for (const message of messages) {
      const known = this.byId.get(message.id);
      if (known && !known.sending && known.text === message.text && known.position === message.position)
        continue;
      this.byId.set(message.id, { ...message, sending: false });
      changed = true;
    }
    return changed;
  }

  /** Shows a shopper message right away; the hub's copy (same id) replaces it when it arrives. */
  addSending(id: string, text: string, sentAt: string): void {
    const last = this.messages().at(-1);
    this.byId.set(id, {
      id,
      // Just after the last known message until the hub assigns the real position.
      position: (last?.position ?? 0) + 0.5,
      author: 'shopper',
      authorName: null,
      text,
      sentAt,
      products: [],
      sending: true,
    });
  }

  /** Drops a message the hub refused. */
  remove(id: string): void {
    this.byId.delete(id);
  }

  messages(): ShownMessage[] {
    return [...this.byId.values()].sort((a, b) => a.position - b.position || a.id.localeCompare(b.id));
  }

  clear(): void {
    this.byId.clear();
  }
}
