// Environment: Node (hub). Group commit: writes asked for during one turn of the event loop share a single
// transaction, so a busy hub pays one durable commit (fsync) for many messages instead of one each. Every write
// runs in its own savepoint (a failing one undoes only itself), and each answer is given only after the shared
// commit, so "acknowledged = durable" still holds; pushes go out after the commit, as for any transaction.
// The relay benchmark (issue 8) found the hub spending most of its time waiting for one fsync per message.
import type { HubStore } from './hub-store.js';

export type BatchedOutcome<T> = { ok: true; value: T } | { ok: false; error: unknown };

interface Pending {
  work: () => unknown;
  done: (outcome: BatchedOutcome<unknown>) => void;
}

export class CommitBatcher {
  private queue: Pending[] = [];
  private scheduled = false;

  constructor(private readonly store: Pick<HubStore, 'transaction' | 'savepoint'>) {}

  /**
   * Runs `work` in the next shared commit (after the I/O already read in this turn), then calls `done` with its
   * value, or with what it threw, or with the commit's own failure (then nothing of the batch was written).
   */
  run<T>(work: () => T, done: (outcome: BatchedOutcome<T>) => void): void {
    this.queue.push({ work, done: done as (outcome: BatchedOutcome<unknown>) => void });
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => this.flush());
  }

  private flush(): void {
    this.scheduled = false;
    const batch = this.queue;
    this.queue = [];
    let outcomes: BatchedOutcome<unknown>[];
    try {
      outcomes = this.store.transaction(() =>
        batch.map(({ work }): BatchedOutcome<unknown> => {
          try {
            return { ok: true, value: this.store.savepoint(work) };
          } catch (error) {
            return { ok: false, error };
          }
        }),
      );
    } catch (error) {
      outcomes = batch.map(() => ({ ok: false, error }));
    }
    batch.forEach(({ done }, index) => {
      try {
        done(outcomes[index] as BatchedOutcome<unknown>);
      } catch (error) {
        // One answer failing (e.g. a closed socket) must not keep the others from theirs.
        console.error('hub: answering a batched write failed', error);
      }
    });
  }
}
