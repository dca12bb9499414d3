// The orchestrator's side of a soak worker: a child process (node + tsx) with an IPC channel whose every
// message is parsed against worker-protocol.ts. Child processes, not threads: each gets its own event loop
// and heap, so the load generator spreads over the machine's cores instead of queueing behind itself.
import { fork, type ChildProcess } from 'node:child_process';
import { setPriority } from 'node:os';
import { join } from 'node:path';
import { workerMessageSchema, type WorkerMessage } from './worker-protocol.js';

const repoRoot = join(import.meta.dirname, '..');

type Kind = WorkerMessage['kind'];
type MessageOf<K extends Kind> = Extract<WorkerMessage, { kind: K }>;

interface Waiter {
  kind: Kind;
  resolve: (message: WorkerMessage) => void;
  reject: (error: Error) => void;
}

export interface SoakWorker {
  readonly name: string;
  send(request: object): void;
  /** The worker's next message of `kind`; rejects when it reports `failed`, exits, or `timeoutMs` passes. */
  next<K extends Kind>(kind: K, timeoutMs: number): Promise<MessageOf<K>>;
  /** Asks it to close and resolves when it has exited (killed if it has not within `timeoutMs`). */
  close(timeoutMs: number): Promise<void>;
}

/**
 * `niceness` > 0 lowers the worker's CPU priority. The console workers stand in for 200 agents' own computers: on
 * one machine they must not starve the hub under test (nor the shoppers) of the CPU they would have had there.
 */
export function startSoakWorker(name: string, entry: string, niceness = 0): SoakWorker {
  const child: ChildProcess = fork(join(repoRoot, entry), [], {
    cwd: repoRoot,
    // SOAK_WORKER_NODE_ARGS adds node flags to every worker, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" to
    // see where a worker's time goes.
    execArgv: ['--import', 'tsx', ...(process.env.SOAK_WORKER_NODE_ARGS ?? '').split(' ').filter(Boolean)],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  if (niceness > 0 && child.pid !== undefined) setPriority(child.pid, niceness);
  const waiters = new Set<Waiter>();
  /** Messages nobody waited for yet, kept so that a `next` called late still gets them. */
  const early: WorkerMessage[] = [];
  let exited: Error | null = null;

  const failAll = (error: Error) => {
    for (const waiter of waiters) waiter.reject(error);
    waiters.clear();
  };

  child.on('message', (raw: unknown) => {
    const parsed = workerMessageSchema.safeParse(raw);
    if (!parsed.success) {
      failAll(new Error(`${name} sent a malformed message: ${parsed.error.message}`));
      return;
    }
    const message = parsed.data;
    if (message.kind === 'failed') {
      failAll(new Error(`${name} failed: ${message.error}`));
      return;
    }
    const waiter = [...waiters].find((candidate) => candidate.kind === message.kind);
    if (!waiter) {
      early.push(message);
      return;
    }
    waiters.delete(waiter);
    waiter.resolve(message);
  });
  child.once('exit', (code, signal) => {
    exited = new Error(`${name} exited (${code ?? signal})`);
    failAll(exited);
  });

  return {
    name,
    send(request) {
      child.send(request);
    },
    next<K extends Kind>(kind: K, timeoutMs: number): Promise<MessageOf<K>> {
      const index = early.findIndex((message) => message.kind === kind);
      if (index >= 0) return Promise.resolve(early.splice(index, 1)[0] as MessageOf<K>);
      if (exited) return Promise.reject(exited);
      return new Promise<MessageOf<K>>((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(new Error(`${name}: no "${kind}" within ${timeoutMs} ms`));
        }, timeoutMs);
        const waiter: Waiter = {
          kind,
          resolve: (message) => {
            clearTimeout(timer);
            resolve(message as MessageOf<K>);
          },
          reject: (error) => {
            clearTimeout(timer);
            reject(error);
          },
        };
        waiters.add(waiter);
      });
    },
    async close(timeoutMs) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      if (child.connected) child.send({ kind: 'close' });
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      await gone;
      clearTimeout(timer);
    },
  };
}
