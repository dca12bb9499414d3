// Closing what a test opened (hubs, desk cores), newest first, after each test, whether it passed or not.
import { afterEach } from 'vitest';

export interface Cleanups {
  /** Queues `cleanup` to run after the current test. */
  push(cleanup: () => Promise<void>): void;
  /** Queues `resource.close()` to run after the current test, and hands `resource` back. */
  closeLater<T extends { close(): Promise<void> }>(resource: T): T;
}

/** Registers the afterEach that drains the queue; call once at a test file's top level. */
export function cleanupsAfterEach(): Cleanups {
  const queue: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of queue.splice(0).reverse()) await cleanup();
  });
  return {
    push: (cleanup) => {
      queue.push(cleanup);
    },
    closeLater: (resource) => {
      queue.push(() => resource.close());
      return resource;
    },
  };
}
