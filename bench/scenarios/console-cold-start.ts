// console_cold_start_ms: starting the console's web host until its queue is usable by keyboard in Chromium.
// Method: a real hub with 50 waiting conversations (20 with --quick); the console signs in once and is stopped,
// leaving its saved session and cache in its data dir, as after yesterday's shift. Then, several times: Chromium
// is already running with an empty tab (as the agent's browser would be); the clock starts (epoch ms in Node) just
// before spawning the web host process (its bundle, `node dist/console.mjs`, as `npm run console` starts it: the
// desk core opening its SQLite cache and resuming the session, the HTTP/bridge server listening) and covers the
// tab loading the printed address (bundle, bridge connection, the queue from cache/hub) until the frame in which
// the first queue row is present and has taken keyboard focus (recorded in the page on the same epoch clock).
// The figure is the median of the runs. No baseline: an absolute time judged against ≤ 1000 ms.
import { median } from '../../soak/stats.js';
import type { Scenario } from '../scenario.js';
import { newConsoleContext, within } from '../fixtures/console-in-chromium.js';
import { withHubAndChromium } from '../fixtures/hub-and-chromium.js';
import { startConsoleProcess, type RunningProcess } from '../../e2e/fixtures/processes.js';
import { installQueueReadyProbe, queueReadyAt } from '../fixtures/queue-ready-probe.js';
import { waitForUnassignedCount } from '../fixtures/queue-count.js';
import { seedConversations } from '../fixtures/seed-hub.js';
import type { BrowserContext } from '@playwright/test';

const READY_TIMEOUT_MS = 30_000;

export const consoleColdStartScenario: Scenario = {
  name: 'console-cold-start',
  async run(context) {
    const conversations = context.quick ? 20 : 50;
    const starts = context.quick ? 1 : 7;
    const runId = `cold${Date.now().toString(36)}`;
    return withHubAndChromium(runId, async ({ hub, browser, signIn }) => {
      await seedConversations(hub.url, hub.token, {
        count: conversations,
        messagesPerConversation: 6,
        prefix: runId,
      });
      // The first sign-in saves the session and fills the cache; every measured start resumes from them.
      const first = await signIn(context.workDir);
      await waitForUnassignedCount(first.page, conversations, READY_TIMEOUT_MS);
      await first.close();
      const dataDir = first.webHost.dataDir;
      let webHost: RunningProcess | null = null;
      let pageContext: BrowserContext | null = null;
      const samples: number[] = [];
      /** Of each start: spawning the web host until it printed its address (the rest is the page). */
      const processMs: number[] = [];
      try {
        for (let run = 0; run < starts; run += 1) {
          pageContext = await newConsoleContext(browser);
          await installQueueReadyProbe(pageContext);
          const page = await pageContext.newPage();
          const startedAt = performance.timeOrigin + performance.now();
          webHost = await startConsoleProcess(hub.url, dataDir, { built: true });
          const listeningAt = performance.timeOrigin + performance.now();
          await page.goto(webHost.url);
          const readyAt = await within(queueReadyAt(page), READY_TIMEOUT_MS, 'the queue becoming usable');
          samples.push(readyAt - startedAt);
          processMs.push(listeningAt - startedAt);
          await pageContext.close();
          pageContext = null;
          await webHost.stop();
          webHost = null;
        }
      } finally {
        await pageContext?.close().catch(() => {});
        await webHost?.stop().catch(() => {});
      }
      context.log(
        `starts: ${samples.map((ms) => ms.toFixed(0)).join(', ')} ms; of which the web host process until ` +
          `listening: ${processMs.map((ms) => ms.toFixed(0)).join(', ')} ms`,
      );
      return { console_cold_start_ms: Math.round(median(samples)!) };
    });
  },
};
