// Environment: Node (hub). Log compaction, as in Kafka's compacted topics: every change is kept for the
// retention period; an older change that a later change of the same entity (conversation or message)
// supersedes is deleted. A console reading from any position therefore still ends with the latest state of
// everything changed since, and never needs a reset. Runs at start and then periodically on the hub's clock,
// in bounded batches, each its own transaction, yielding to the event loop in between so that neither the
// database nor the hub is held for long.
import type { HubStore } from '../store/hub-store.js';
import type { Clock } from './clock.js';
import type { ClockTimers } from './clock-timers.js';

export const DAY_MS = 24 * 60 * 60 * 1000;
export const DEFAULT_LOG_RETENTION_MS = 7 * DAY_MS;
/** Less would break the promise that a console offline for a day catches up from the log. */
export const MIN_LOG_RETENTION_MS = DAY_MS;
export const COMPACTION_INTERVAL_MS = 60 * 60 * 1000;
/** Changes examined per transaction. */
export const COMPACTION_BATCH = 500;
/** A pass stops after this many batches (5 million changes); the next one goes on from there. */
const MAX_BATCHES_PER_PASS = 10_000;
const TIMER = 'log-compaction';

export interface CompactionResult {
  deleted: number;
  batches: number;
}

export class LogRetentionError extends Error {}

/** Throws LogRetentionError for a retention the hub must not run with. */
export function checkLogRetention(retentionMs: number): void {
  if (!Number.isFinite(retentionMs) || retentionMs < MIN_LOG_RETENTION_MS) {
    throw new LogRetentionError(
      `The hub's log retention must be at least 1 day (a console offline for a day must be able to catch up); got ${retentionMs / DAY_MS} days.`,
    );
  }
}

const nextTick = () => new Promise<void>((resolve) => setImmediate(resolve));

export class LogCompactor {
  private running: Promise<CompactionResult> | null = null;
  private closed = false;
  /** Where a pass cut short by MAX_BATCHES_PER_PASS stopped; 0 starts from the beginning of the log. */
  private resumeAfter = 0;

  constructor(
    private readonly store: HubStore,
    private readonly clock: Clock,
    private readonly timers: ClockTimers,
    private readonly retentionMs: number,
    private readonly batchSize = COMPACTION_BATCH,
  ) {
    checkLogRetention(retentionMs);
  }

  /** Compacts now, then every COMPACTION_INTERVAL_MS on the hub's clock. */
  start(): void {
    void this.compact();
  }

  /** Runs a pass now, or joins the one in progress. Resolves when it is over. */
  compact(): Promise<CompactionResult> {
    this.running ??= this.pass().finally(() => {
      this.running = null;
      if (!this.closed) this.timers.at(TIMER, this.clock() + COMPACTION_INTERVAL_MS, () => this.start());
    });
    return this.running;
  }

  /** Stops scheduling; a pass in progress stops before its next batch. Resolves when it has. */
  async close(): Promise<void> {
    this.closed = true;
    this.timers.cancel(TIMER);
    await this.running?.catch(() => undefined);
  }

  private async pass(): Promise<CompactionResult> {
    const olderThan = this.clock() - this.retentionMs;
    const result: CompactionResult = { deleted: 0, batches: 0 };
    let after = this.resumeAfter;
    this.resumeAfter = 0;
    let done = false;
    while (!done && !this.closed && result.batches < MAX_BATCHES_PER_PASS) {
      let step;
      try {
        step = this.store.compactChanges({ after, olderThan, limit: this.batchSize });
      } catch (error) {
        // E.g. the database was busy: nothing of this batch was deleted; the next pass tries again.
        console.error('hub: log compaction failed', error);
        break;
      }
      result.batches++;
      result.deleted += step.deleted;
      after = step.scannedThrough;
      done = step.done;
      if (!done) await nextTick();
    }
    // Cut short: the next pass goes on from here rather than scanning the same changes again.
    if (!done) this.resumeAfter = after;
    return result;
  }
}
