// handoff_to_console_ms: POST /api/v1/handoffs until every one of 100 connected desk cores has applied the new
// conversation to its cache. The desk cores are real (main/core/desk-core.ts), each signed in with its own agent
// account and its own encrypted cache folder, live on a real hub process over socket.io; they run in a few worker
// processes (as consoles would on their own computers). Each core's apply time is its change notification for the
// conversation (emitted after the cache commit), read as performance.timeOrigin + now, an epoch clock shared by
// the processes on this machine. Handoffs go one at a time (the next after every core has applied the last), so
// each sample is one handoff's latency, not a queue's. The first samples are discarded as warm-up (JIT, SQLite
// page cache, socket buffers). No raw baseline: the goal is absolute (p99 ≤ 100 ms).
import { join } from 'node:path';
import { percentile } from '../../soak/stats.js';
import { startBenchHub, type BenchHub } from '../fixtures/bench-hub.js';
import { startDeskWorkers, type DeskWorkers } from '../fixtures/desk-workers.js';
import { handoffBody, postHandoff } from '../fixtures/seed-hub.js';
import type { Scenario } from '../scenario.js';

const FULL = { consoles: 100, workers: 4, warmUp: 20, measured: 250 };
const QUICK = { consoles: 5, workers: 1, warmUp: 5, measured: 20 };
/** A handoff's transcript: a short exchange, as the Customer Agent hands most of them over. */
const MESSAGES_PER_HANDOFF = 4;
const APPLY_WAIT_MS = 10_000;

export const handoffToConsoleScenario: Scenario = {
  name: 'handoff-to-console',
  async run(context) {
    const size = context.quick ? QUICK : FULL;
    const runId = `h2c${Date.now().toString(36)}`;
    let hub: BenchHub | null = null;
    let workers: DeskWorkers | null = null;
    try {
      hub = await startBenchHub({ agents: size.consoles, runId });
      context.log(`hub ${hub.url}; starting ${size.consoles} desk cores in ${size.workers} worker processes`);
      workers = await startDeskWorkers({
        hubUrl: hub.url,
        agents: hub.agents,
        workers: size.workers,
        cacheRoot: join(context.workDir, 'caches'),
        readyTimeoutMs: 180_000,
      });
      context.log(`${size.consoles} desk cores online; ${size.warmUp} warm-up + ${size.measured} handoffs`);
      const samples: number[] = [];
      const total = size.warmUp + size.measured;
      for (let index = 0; index < total; index += 1) {
        const conversationId = `${runId}-${index}`;
        const body = handoffBody(conversationId, index, MESSAGES_PER_HANDOFF);
        const applied = workers.appliedEverywhere(conversationId, APPLY_WAIT_MS);
        const sentAt = performance.timeOrigin + performance.now();
        await postHandoff(hub.url, hub.token, body);
        const latency = (await applied) - sentAt;
        if (index >= size.warmUp) samples.push(latency);
        if ((index + 1) % 50 === 0) context.log(`${index + 1}/${total} handoffs`);
      }
      return {
        handoff_to_console_ms: {
          consoles: size.consoles,
          p50: percentile(samples, 50) ?? 0,
          p99: percentile(samples, 99) ?? 0,
        },
      };
    } finally {
      await workers?.close();
      await hub?.stop();
    }
  },
};
