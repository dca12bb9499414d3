// Waiting for a desk core to be online: the load tools' consoles (the soak's and the benchmarks') all need it.
import type { DeskCore } from '../main/core/desk-core.js';

/** Resolves once `core` is online, now or later; rejects after `timeoutMs`, naming `who`. */
export function whenOnline(core: DeskCore, who: string, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = (error?: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      stop();
      if (error) reject(error);
      else resolve();
    };
    const timer = setTimeout(() => finish(new Error(`${who}: not online within ${timeoutMs} ms`)), timeoutMs);
    const stop = core.onEvent((event) => {
      if (event.type === 'connection' && event.connection.status === 'online') finish();
    });
    // Online before anyone listened (a saved session that connected at once).
    core.getSnapshot({}).then(
      (snapshot) => {
        if (snapshot.connection.status === 'online') finish();
      },
      (error: unknown) => finish(error instanceof Error ? error : new Error(String(error))),
    );
  });
}
