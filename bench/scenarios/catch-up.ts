// catch_up_ms: a desk core that missed 10,000 hub changes reconnects until it is up to date. A real desk core
// (main/core/desk-core.ts, encrypted cache) signs in to a real hub process and is closed, as a console quit for
// the night; meanwhile handoffs with long transcripts are posted through the integration API (every message and
// every conversation update is one change in the hub's log: 100 handoffs × 99 messages plus their handoff notes
// and conversation changes ≈ 10,200; the figure reports the count the core's catch-up saw, the hub's head minus
// its last position). The clock runs from reopening the core on the same data dir (saved session, cache file)
// until it reports online, which it does only once its catch-up has applied every page up to the hub's head;
// afterwards the cache file is read back and must hold exactly the hub's conversations and messages. No raw
// baseline: the goal is absolute (≤ 2,000 ms).
import { join } from 'node:path';
import { readCachedState } from '../../e2e/fixtures/cache-state.js';
import { createDeskCore, type DeskCore } from '../../main/core/desk-core.js';
import { whenOnline } from '../../soak/desk-core-online.js';
import { startBenchHub, type BenchAgent, type BenchHub } from '../fixtures/bench-hub.js';
import { getHandoff, seedConversations } from '../fixtures/seed-hub.js';
import type { Scenario } from '../scenario.js';

const FULL = { handoffs: 100, messagesPerHandoff: 99 };
const QUICK = { handoffs: 10, messagesPerHandoff: 49 };
const ONLINE_WAIT_MS = 60_000;

async function signInOnce(hubUrl: string, agent: BenchAgent, dataDir: string): Promise<void> {
  const core = createDeskCore({ dataDir, defaultHubUrl: hubUrl });
  try {
    const online = whenOnline(core, 'the desk core', ONLINE_WAIT_MS);
    const result = await core.signIn({ hubUrl, email: agent.email, password: agent.password });
    if (!result.ok) throw new Error(`sign-in refused: ${result.error.message}`);
    await online;
  } finally {
    await core.close();
  }
}

export const catchUpScenario: Scenario = {
  name: 'catch-up',
  async run(context) {
    const size = context.quick ? QUICK : FULL;
    const events = size.handoffs * (size.messagesPerHandoff + 1);
    const runId = `cu${Date.now().toString(36)}`;
    const dataDir = join(context.workDir, 'console');
    let hub: BenchHub | null = null;
    let core: DeskCore | null = null;
    try {
      hub = await startBenchHub({ agents: 1, runId });
      await signInOnce(hub.url, hub.agents[0]!, dataDir);
      context.log(`console signed in and closed; the hub makes ≥ ${events} changes while it is away`);
      const conversationIds = await seedConversations(hub.url, hub.token, {
        count: size.handoffs,
        messagesPerConversation: size.messagesPerHandoff,
        prefix: runId,
        concurrency: 4,
      });

      const startedAt = performance.now();
      core = createDeskCore({ dataDir, defaultHubUrl: hub.url });
      // The changes it missed, as its catch-up counts them: the hub's head minus its last position.
      let missed = 0;
      core.onEvent((event) => {
        if (event.type === 'connection' && event.connection.catchUp) missed = event.connection.catchUp.total;
      });
      await whenOnline(core, 'the reopened desk core', ONLINE_WAIT_MS);
      const value = performance.now() - startedAt;
      await core.close();
      core = null;

      const cached = readCachedState(dataDir);
      let expectedMessages = 0;
      for (const conversationId of conversationIds)
        expectedMessages += (await getHandoff(hub.url, hub.token, conversationId)).transcript.length;
      if (cached.conversations.length !== size.handoffs || cached.messages.length !== expectedMessages)
        throw new Error(
          `after catching up the cache holds ${cached.conversations.length} conversations and ` +
            `${cached.messages.length} messages; expected ${size.handoffs} and ${expectedMessages}`,
        );
      if (missed < events)
        throw new Error(`the console caught up ${missed} changes; expected at least ${events}`);
      return { catch_up_ms: { events: missed, value } };
    } finally {
      await core?.close();
      await hub?.stop();
    }
  },
};
