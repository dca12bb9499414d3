import { afterEach, describe, expect, it, vi } from 'vitest';
import { ClockTimers } from './clock-timers.js';

const made: ClockTimers[] = [];
function timersAt(start: number) {
  let now = start;
  const timers = new ClockTimers(() => now);
  made.push(timers);
  return { timers, advance: (ms: number) => (now += ms) };
}
afterEach(() => made.splice(0).forEach((timers) => timers.close()));

describe('ClockTimers', () => {
  it('runs what is due by the clock, earliest first, once; a key replaces its earlier timer', () => {
    const { timers, advance } = timersAt(1_000);
    const ran: string[] = [];
    timers.at('b', 3_000, () => ran.push('b'));
    timers.at('a', 2_000, () => ran.push('a'));
    timers.at('c', 9_000, () => ran.push('c-old'));
    timers.at('c', 4_000, () => ran.push('c'));
    timers.runDue();
    expect(ran).toEqual([]);
    advance(2_000);
    timers.runDue();
    timers.runDue();
    expect(ran).toEqual(['a', 'b']);
    timers.cancel('c');
    advance(10_000);
    timers.runDue();
    expect(ran).toEqual(['a', 'b']);
    expect(timers.has('c')).toBe(false);
  });

  it('keeps going when one timer throws, and runs nothing after close', () => {
    const { timers, advance } = timersAt(0);
    const ran: string[] = [];
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    timers.at('boom', 10, () => {
      throw new Error('boom');
    });
    timers.at('after', 20, () => ran.push('after'));
    timers.at('later', 100, () => ran.push('later'));
    advance(50);
    timers.runDue();
    expect(ran).toEqual(['after']);
    expect(quiet).toHaveBeenCalledOnce();
    quiet.mockRestore();
    timers.close();
    advance(100);
    timers.runDue();
    timers.at('new', 0, () => ran.push('new'));
    timers.runDue();
    expect(ran).toEqual(['after']);
  });

  it('fires on its own when the clock is the real one', async () => {
    const timers = new ClockTimers(() => Date.now());
    made.push(timers);
    const fired = new Promise<number>((resolve) =>
      timers.at('soon', Date.now() + 5, () => resolve(Date.now())),
    );
    const start = Date.now();
    expect(await fired).toBeGreaterThanOrEqual(start);
  });
});
