// Environment: Node (hub). Timers due at a time on the hub's clock (snooze ends, stale typing). A real
// timer wakes them when the clock is the system's; a test that moves its own clock calls runDue().
import type { Clock } from './clock.js';

/** setTimeout's own limit; a later deadline is re-armed when the timer fires. */
const MAX_DELAY_MS = 2_147_483_647;

export class ClockTimers {
  private readonly due = new Map<string, { at: number; run: () => void }>();
  private timer: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(private readonly clock: Clock) {}

  /** Runs `run` once the clock reaches `at` (epoch ms). A later call with the same key replaces it. */
  at(key: string, at: number, run: () => void): void {
    if (this.closed) return;
    this.due.set(key, { at, run });
    this.arm();
  }

  cancel(key: string): void {
    if (this.due.delete(key)) this.arm();
  }

  has(key: string): boolean {
    return this.due.has(key);
  }

  /** Runs every timer due by the clock now, earliest first. */
  runDue(): void {
    const now = this.clock();
    const ready = [...this.due.entries()]
      .filter(([, timer]) => timer.at <= now)
      .sort(([, a], [, b]) => a.at - b.at);
    for (const [key, timer] of ready) {
      // A timer may have been replaced by an earlier one's callback.
      if (this.due.get(key) !== timer) continue;
      this.due.delete(key);
      try {
        timer.run();
      } catch (error) {
        console.error(`hub: timer ${key} failed`, error);
      }
    }
    this.arm();
  }

  close(): void {
    this.closed = true;
    this.due.clear();
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private arm(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.closed || this.due.size === 0) return;
    const earliest = Math.min(...[...this.due.values()].map((timer) => timer.at));
    const delay = Math.min(MAX_DELAY_MS, Math.max(0, earliest - this.clock()));
    this.timer = setTimeout(() => this.runDue(), delay);
    // Pending timers never keep the process alive on their own.
    this.timer.unref();
  }
}
