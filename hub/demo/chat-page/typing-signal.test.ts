import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TypingSignal } from './typing-signal.js';

describe('TypingSignal', () => {
  let sent: boolean[];
  let signal: TypingSignal;
  beforeEach(() => {
    vi.useFakeTimers();
    sent = [];
    signal = new TypingSignal((typing) => sent.push(typing));
  });
  afterEach(() => vi.useRealTimers());

  it('says "typing" at once, repeats at most every 2 s while typing, and "stopped" after 3 s idle', () => {
    signal.input(true);
    expect(sent).toEqual([true]);
    for (let i = 0; i < 10; i += 1) {
      vi.advanceTimersByTime(250);
      signal.input(true);
    }
    // 2.5 s of keystrokes: the first signal plus one repeat at 2 s.
    expect(sent).toEqual([true, true]);
    vi.advanceTimersByTime(2_999);
    expect(sent).toEqual([true, true]);
    vi.advanceTimersByTime(1);
    expect(sent).toEqual([true, true, false]);
  });

  it('says "stopped" once on send or when the box is emptied, and nothing when not typing', () => {
    signal.stop();
    expect(sent).toEqual([]);
    signal.input(true);
    signal.stop();
    signal.stop();
    expect(sent).toEqual([true, false]);
    signal.input(true);
    signal.input(false);
    vi.advanceTimersByTime(10_000);
    expect(sent).toEqual([true, false, true, false]);
  });

  it('starts over after a reset (a reconnect), without a stale "stopped"', () => {
    signal.input(true);
    signal.reset();
    vi.advanceTimersByTime(10_000);
    expect(sent).toEqual([true]);
    signal.input(true);
    expect(sent).toEqual([true, true]);
  });
});
