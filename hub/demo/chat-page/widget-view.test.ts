import { describe, expect, it } from 'vitest';
import { describeAgentTyping, describeState } from './widget-view.js';

describe('describeState', () => {
  it('shows pending and snoozed exactly like open: the team’s bookkeeping is not the shopper’s business', () => {
    const open = describeState({ status: 'open', prompt: null }, 'online', 'Alex');
    expect(open).toEqual({ subtitle: 'You are chatting with Alex', banner: null });
    for (const status of ['pending', 'snoozed'] as const)
      expect(describeState({ status, prompt: null }, 'online', 'Alex')).toEqual(open);
  });

  it('shows the waiting banner only while queued, and the link state before anything else', () => {
    expect(describeState({ status: 'queued', prompt: null }, 'online', null).banner?.title).toBe(
      'Waiting for an agent…',
    );
    expect(describeState({ status: 'queued', prompt: null }, 'reconnecting', null)).toEqual({
      subtitle: 'Connection lost. Reconnecting…',
      banner: null,
    });
  });
});

describe('describeAgentTyping', () => {
  it('names the agent while they type, and says nothing otherwise', () => {
    expect(describeAgentTyping({ typing: true, name: 'Alex' })).toBe('Alex is typing…');
    expect(describeAgentTyping({ typing: true, name: null })).toBe('An agent is typing…');
    expect(describeAgentTyping({ typing: false, name: 'Alex' })).toBeNull();
    expect(describeAgentTyping(null)).toBeNull();
  });
});
