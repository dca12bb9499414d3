// memory_mb.renderer_heap: the console page's JavaScript heap in Chromium with 5,000 waiting conversations in
// its queue (200 with --quick). Method: a real hub seeded through POST /api/v1/handoffs (six-message
// transcripts), the web host signed in as an agent in headless Chromium; once the Unassigned tab counts them
// all, CDP's HeapProfiler.collectGarbage then Runtime.getHeapUsage gives the live heap (usedSize) — what the
// page holds, not garbage waiting to be collected. No baseline: an absolute size judged against ≤ 200 MB.
import type { Scenario } from '../scenario.js';
import { withHubAndChromium } from '../fixtures/hub-and-chromium.js';
import { waitForUnassignedCount } from '../fixtures/queue-count.js';
import { seedConversations } from '../fixtures/seed-hub.js';
import { round } from '../../soak/stats.js';

const MESSAGES_PER_CONVERSATION = 6;

export const rendererMemoryScenario: Scenario = {
  name: 'renderer-memory',
  async run(context) {
    const conversations = context.quick ? 200 : 5000;
    const runId = `rmem${Date.now().toString(36)}`;
    return withHubAndChromium(runId, async ({ hub, signIn }) => {
      await seedConversations(hub.url, hub.token, {
        count: conversations,
        messagesPerConversation: MESSAGES_PER_CONVERSATION,
        prefix: runId,
        progressEvery: 1000,
        onProgress: (posted) => context.log(`${posted} handoffs posted`),
      });
      const signInStartedAt = performance.now();
      const desk = await signIn(context.workDir);
      await waitForUnassignedCount(desk.page, conversations, 240_000);
      // Not a figure of the issue, but worth knowing: a first sign-in downloads every waiting conversation.
      context.log(
        `signed in with ${conversations} conversations in ${((performance.now() - signInStartedAt) / 1000).toFixed(1)} s`,
      );
      const cdp = await desk.context.newCDPSession(desk.page);
      await cdp.send('HeapProfiler.collectGarbage');
      const heap = await cdp.send('Runtime.getHeapUsage');
      await cdp.detach();
      const heapMb = heap.usedSize / (1024 * 1024);
      context.log(`${conversations} conversations in the queue: ${heapMb.toFixed(1)} MB JS heap used`);
      return { memory_mb: { renderer_heap: round(heapMb) } };
    });
  },
};
