// Idle and typing are decided by time: fake timers move the clock (no sleeps), real listeners and timers.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { trackIdle } from './idle-tracker.js';
import { createTypingTracker } from './typing-tracker.js';

beforeEach(() => vi.useFakeTimers({ now: 0 }));
afterEach(() => vi.useRealTimers());

describe('idle tracker', () => {
  it('reports idle after the timeout without input, active on the next input, once each', () => {
    const target = new EventTarget();
    const changes: boolean[] = [];
    const tracker = trackIdle({ target, timeoutMs: 60_000, onChange: (idle) => changes.push(idle) });
    vi.advanceTimersByTime(30_000);
    target.dispatchEvent(new Event('keydown'));
    vi.advanceTimersByTime(59_000);
    expect(changes).toEqual([]); // input at 30 s pushed idle to 90 s
    vi.advanceTimersByTime(1_000);
    expect(changes).toEqual([true]);
    vi.advanceTimersByTime(600_000);
    expect(changes).toEqual([true]);
    target.dispatchEvent(new Event('pointermove'));
    target.dispatchEvent(new Event('pointermove'));
    expect(changes).toEqual([true, false]);
    tracker.stop();
    vi.advanceTimersByTime(600_000);
    expect(changes).toEqual([true, false]);
  });

  it('follows a changed threshold', () => {
    const target = new EventTarget();
    const changes: boolean[] = [];
    const tracker = trackIdle({ target, timeoutMs: 600_000, onChange: (idle) => changes.push(idle) });
    tracker.setTimeoutMs(60_000);
    vi.advanceTimersByTime(60_000);
    expect(changes).toEqual([true]);
    tracker.stop();
  });
});

describe('typing tracker', () => {
  it('reports typing once when it starts and stopped 3 s after the last key', () => {
    const changes: (string | null)[] = [];
    const tracker = createTypingTracker<'reply' | 'note'>({
      stopAfterMs: 3000,
      onChange: (t) => changes.push(t),
    });
    tracker.keystroke('reply');
    vi.advanceTimersByTime(2000);
    tracker.keystroke('reply');
    vi.advanceTimersByTime(2999);
    expect(changes).toEqual(['reply']);
    vi.advanceTimersByTime(1);
    expect(changes).toEqual(['reply', null]);
  });

  it('switches mode and stops at once on send', () => {
    const changes: (string | null)[] = [];
    const tracker = createTypingTracker<'reply' | 'note'>({
      stopAfterMs: 3000,
      onChange: (t) => changes.push(t),
    });
    tracker.keystroke('reply');
    tracker.keystroke('note');
    tracker.stop();
    tracker.stop();
    vi.advanceTimersByTime(10_000);
    expect(changes).toEqual(['reply', 'note', null]);
  });
});
