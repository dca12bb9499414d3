// Environment: Node (hub). One destination's delivery: its metrics' events after its cursor, one at a time and
// in stream order. An event the receiver accepted (or refused for good) moves the cursor; any other answer
// keeps it there and tries the same event again later (the hub clock's timers, so tests move time). At least
// once: an event accepted but not yet recorded when the hub stops is sent again after a restart (receivers
// drop the duplicate by its id).
import { isoAt, type Clock } from '../core/clock.js';
import type { ClockTimers } from '../core/clock-timers.js';
import type { OutboundEvent, OutboundStore } from './outbound-store.js';
import { outcomeOf, retryDelayMs, type AttemptResult } from './retry-policy.js';

/** How a destination sends one event. `attempt` is 1-based; `at` the attempt's time on the hub clock (ms). */
export type SendEvent = (
  event: OutboundEvent,
  context: { attempt: number; at: number; signal: AbortSignal },
) => Promise<AttemptResult>;

const BATCH = 100;

export class DeliveryQueue {
  private pumping: Promise<void> | null = null;
  /** Set when a wake-up came while pumping: read the stream once more before stopping. */
  private wokenWhilePumping = false;
  private closed = false;
  private readonly abort = new AbortController();

  constructor(
    private readonly deps: {
      store: OutboundStore;
      clock: Clock;
      timers: ClockTimers;
      destinationId: string;
      metrics: readonly string[];
      send: SendEvent;
      random?: () => number;
    },
  ) {}

  get metrics(): readonly string[] {
    return this.deps.metrics;
  }

  private get timerKey(): string {
    return `outbound:${this.deps.destinationId}`;
  }

  /** Delivers what waits after the cursor, unless a retry is due later (then its timer wakes the queue). */
  wake(): void {
    if (this.closed) return;
    if (this.pumping) {
      this.wokenWhilePumping = true;
      return;
    }
    if (this.deps.timers.has(this.timerKey)) return;
    const destination = this.deps.store.getDestination(this.deps.destinationId);
    if (!destination) return;
    const retryAt = destination.nextAttemptAt === null ? null : Date.parse(destination.nextAttemptAt);
    if (retryAt !== null && retryAt > this.deps.clock()) {
      // After a failure (or a restart during one): nothing is sent before the retry is due.
      this.deps.timers.at(this.timerKey, retryAt, () => this.wake());
      return;
    }
    this.pumping = this.pump()
      .catch((error: unknown) => console.error(`hub: outbound ${this.deps.destinationId} failed`, error))
      .finally(() => {
        this.pumping = null;
        if (this.wokenWhilePumping) {
          this.wokenWhilePumping = false;
          this.wake();
        }
      });
  }

  /** Stops: an attempt in flight is aborted and not recorded (it is sent again after a restart). */
  async close(): Promise<void> {
    this.closed = true;
    this.deps.timers.cancel(this.timerKey);
    this.abort.abort();
    await this.pumping;
  }

  private async pump(): Promise<void> {
    const { store, destinationId, metrics } = this.deps;
    // Bounded: each round either moves the cursor past a batch or stops.
    for (;;) {
      this.wokenWhilePumping = false;
      const destination = store.getDestination(destinationId);
      if (this.closed || !destination) return;
      const batch = store.readEventsAfter(destination.cursor, metrics, BATCH);
      if (batch.length === 0) {
        // Nothing of ours up to the head: skip past the rest so that the next read starts there.
        store.advanceCursor(destinationId, store.headPosition());
        return;
      }
      for (const event of batch) {
        if (!(await this.deliver(event))) return;
      }
    }
  }

  /** True when the cursor moved past the event; false when it waits for a retry or the queue closed. */
  private async deliver(event: OutboundEvent): Promise<boolean> {
    const { store, clock, timers, destinationId, send } = this.deps;
    const attempt = store.attemptsMade(destinationId, event.id) + 1;
    const at = clock();
    let result: AttemptResult;
    try {
      result = await send(event, { attempt, at, signal: this.abort.signal });
    } catch (error) {
      result = { status: null, retryAfter: null, error: String(error), durationMs: 0 };
    }
    if (this.closed) return false;
    const outcome = outcomeOf(result);
    const answeredAt = clock();
    const retryAt =
      outcome === 'retrying'
        ? answeredAt + retryDelayMs(attempt, result, answeredAt, this.deps.random)
        : null;
    store.recordAttempt({
      destinationId,
      eventId: event.id,
      position: event.position,
      metric: event.metric,
      attempt,
      status: result.status,
      error: result.error,
      outcome,
      at: isoAt(at),
      durationMs: result.durationMs,
      nextAttemptAt: retryAt === null ? null : isoAt(retryAt),
    });
    if (retryAt === null) return true;
    timers.at(this.timerKey, retryAt, () => this.wake());
    return false;
  }
}
