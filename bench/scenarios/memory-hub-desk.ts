// memory_mb.hub_rss and memory_mb.desk_core_rss: the resident memory (VmRSS of /proc/<pid>/status) of the hub
// process and of one process running one desk core, with 5,000 conversations cached and 100 consoles connected.
// A real hub process gets 5,000 handoffs (a short shopper/AI exchange each) through the integration API; then
// 100 desk cores in 4 worker processes sign in and catch up (each its own account and encrypted cache), and one
// more desk core runs alone in its own process, as a console's main process would; every core has answered its
// first snapshot (the queue the window asks for). Both are read once everything is online and caught up. No
// raw baseline: the goal is absolute (≤ 200 MB each).
import { join } from 'node:path';
import { readRssBytes } from '../../soak/hub-metrics.js';
import { startBenchHub, type BenchHub } from '../fixtures/bench-hub.js';
import { startDeskWorkers, type DeskWorkers } from '../fixtures/desk-workers.js';
import { seedConversations } from '../fixtures/seed-hub.js';
import type { Scenario } from '../scenario.js';

const FULL = { conversations: 5_000, consoles: 100, workers: 4 };
const QUICK = { conversations: 200, consoles: 5, workers: 1 };
const MESSAGES_PER_CONVERSATION = 4;
const READY_WAIT_MS = 600_000;
const MB = 1024 * 1024;

export const memoryHubDeskScenario: Scenario = {
  name: 'memory-hub-desk',
  async run(context) {
    const size = context.quick ? QUICK : FULL;
    const runId = `mem${Date.now().toString(36)}`;
    let hub: BenchHub | null = null;
    let consoles: DeskWorkers | null = null;
    let measured: DeskWorkers | null = null;
    try {
      hub = await startBenchHub({ agents: size.consoles + 1, runId });
      context.log(`hub ${hub.url}; posting ${size.conversations} handoffs`);
      await seedConversations(hub.url, hub.token, {
        count: size.conversations,
        messagesPerConversation: MESSAGES_PER_CONVERSATION,
        prefix: runId,
        onProgress: (posted) => context.log(`${posted} handoffs`),
        progressEvery: 1000,
      });
      context.log(`starting ${size.consoles} consoles in ${size.workers} workers and one desk core alone`);
      const [measuredAgent, ...consoleAgents] = hub.agents;
      const started = await Promise.allSettled([
        startDeskWorkers({
          hubUrl: hub.url,
          agents: consoleAgents,
          workers: size.workers,
          cacheRoot: join(context.workDir, 'consoles'),
          readyTimeoutMs: READY_WAIT_MS,
        }),
        startDeskWorkers({
          hubUrl: hub.url,
          agents: [measuredAgent!],
          workers: 1,
          cacheRoot: join(context.workDir, 'measured'),
          readyTimeoutMs: READY_WAIT_MS,
        }),
      ]);
      // Whichever started is closed in `finally`, even when the other failed.
      consoles = started[0].status === 'fulfilled' ? started[0].value : null;
      measured = started[1].status === 'fulfilled' ? started[1].value : null;
      for (const outcome of started) if (outcome.status === 'rejected') throw outcome.reason;
      if (!measured) throw new Error('the measured desk core did not start');
      const hubRss = readRssBytes(hub.pid) / MB;
      const deskCoreRss = readRssBytes(measured.pids[0]!) / MB;
      context.log(`hub ${hubRss.toFixed(1)} MB, desk core ${deskCoreRss.toFixed(1)} MB`);
      return { memory_mb: { hub_rss: hubRss, desk_core_rss: deskCoreRss } };
    } finally {
      await consoles?.close();
      await measured?.close();
      await hub?.stop();
    }
  },
};
