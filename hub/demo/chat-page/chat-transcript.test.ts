import { describe, expect, it } from 'vitest';
import type { ChatMessage } from '../../../shared/chat-protocol.js';
import { ChatTranscript } from './chat-transcript.js';

const message = (id: string, position: number, text = `text ${id}`): ChatMessage => ({
  id,
  position,
  author: 'customer_agent',
  authorName: 'Customer Agent',
  text,
  sentAt: '2025-01-01T10:00:00.000Z',
  products: [],
});

describe('ChatTranscript', () => {
  it('keeps one copy per id, ordered by position', () => {
    const transcript = new ChatTranscript();
    transcript.merge([message('b', 2), message('a', 1)]);
    expect(transcript.merge([message('a', 1)])).toBe(false);
    transcript.merge([message('c', 3)]);
    expect(transcript.messages().map((m) => m.id)).toEqual(['a', 'b', 'c']);
  });

  it("shows the shopper's message at once and replaces it with the hub's copy", () => {
    const transcript = new ChatTranscript();
    transcript.merge([message('a', 1)]);
    transcript.addSending('mine', 'Where is my order?', '2025-01-01T10:01:00.000Z');
    expect(transcript.messages().map((m) => [m.id, m.sending])).toEqual([
      ['a', false],
      ['mine', true],
    ]);
    transcript.merge([{ ...message('mine', 2, 'Where is my order?'), author: 'shopper', authorName: null }]);
    transcript.merge([message('reply', 3)]);
    expect(transcript.messages().map((m) => [m.id, m.sending])).toEqual([
      ['a', false],
      ['mine', false],
      ['reply', false],
    ]);
  });
});
