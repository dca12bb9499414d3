import { describe, expect, it } from 'vitest';
import type { DeskMessage } from '../../shared/desk-api.js';
import { mergeMessages } from './merge-messages.js';

function message(id: string, position: number, patch: Partial<DeskMessage> = {}): DeskMessage {
  return {
    id,
    conversationId: 'c1',
    position,
    author: 'shopper',
    agent: null,
    text: `text ${id}`,
    sentAt: '2025-01-01T10:00:00.000Z',
    delivery: null,
    products: [],
    internal: false,
    mentions: [],
    ...patch,
  };
}

describe('mergeMessages', () => {
  it('orders by the hub position, not by arrival', () => {
    const merged = mergeMessages([message('b', 2)], [message('c', 3), message('a', 1)]);
    expect(merged.map((m) => m.id)).toEqual(['a', 'b', 'c']);
  });

  it('keeps one copy of a message delivered twice', () => {
    const merged = mergeMessages([message('a', 1), message('b', 2)], [message('b', 2), message('a', 1)]);
    expect(merged).toHaveLength(2);
  });

  it('never moves a reply back from delivered to sent when an older copy arrives late', () => {
    const delivered = message('r', 5, { author: 'agent', delivery: 'delivered' });
    const staleSent = message('r', 5, { author: 'agent', delivery: 'sent' });
    expect(mergeMessages([delivered], [staleSent])[0]?.delivery).toBe('delivered');
  });

  it('moves a reply forward from sending to sent', () => {
    const pending = message('r', 5, { author: 'agent', delivery: 'pending' });
    const sent = message('r', 5, { author: 'agent', delivery: 'sent' });
    expect(mergeMessages([pending], [sent])[0]?.delivery).toBe('sent');
  });

  it('does not modify the transcript it was given', () => {
    const transcript = [message('a', 1)];
    mergeMessages(transcript, [message('b', 2)]);
    expect(transcript).toHaveLength(1);
  });
});
