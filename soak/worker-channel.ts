// A soak worker's side of its IPC channel: requests parsed against their schema, replies sent to the
// orchestrator. A request that fails to parse or a handler that throws is reported as `failed`.
import type { z } from 'zod';
import type { WorkerMessage } from './worker-protocol.js';

export function reply(message: WorkerMessage): void {
  process.send?.(message);
}

export function serveRequests<S extends z.ZodType>(
  schema: S,
  handle: (request: z.infer<S>) => Promise<void>,
) {
  if (!process.send) throw new Error('a soak worker must be started by the soak (it needs an IPC channel)');
  process.on('message', (raw: unknown) => {
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      reply({ kind: 'failed', error: `malformed request: ${parsed.error.message}` });
      return;
    }
    handle(parsed.data).catch((error: unknown) =>
      reply({
        kind: 'failed',
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      }),
    );
  });
  // The orchestrator gone (crashed or killed): nothing left to report to.
  process.on('disconnect', () => process.exit(0));
}
