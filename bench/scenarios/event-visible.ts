// event_visible_ms: an outcome event until the Klaviyo-compatible events API returns it. An agent resolves a
// claimed conversation with a `resolve` command on a real /desk socket (the hub appends Handoff Resolved in the
// command's transaction); the clock starts when the command is sent, so the figure includes the append itself,
// and stops when a GET /api/events (sort=-datetime, an events API key) answer containing that event arrives.
// No polling interval is added: the hub acknowledges a command only after its transaction (event included)
// has committed, so the GET is sent the moment the ack arrives; if the event were not in that answer the GET is
// repeated at once (bounded), and every repeat counts in the figure. Resolves run one after another; the first
// few are a warm-up and are not counted.
import { randomUUID } from 'node:crypto';
import { startHubProcess, type RunningProcess } from '../../e2e/fixtures/processes.js';
import { issueTestKey } from '../../hub/klaviyo/events-api-test-kit.js';
import { percentile } from '../../soak/stats.js';
import { newestEvents } from '../fixtures/events-api-reader.js';
import type { RelayAgent } from '../fixtures/relay-clients.js';
import { signedInAgent } from '../fixtures/relay-pairs.js';
import type { Scenario } from '../scenario.js';

const PASSWORD = 'event-visible-bench-password';
const INTEGRATION_TOKEN = 'event-visible-bench-integration-token';
const AGENT_EMAIL = 'events-agent@example.com';
/** GETs for one event before the run fails: the event should be in the first answer. */
const MAX_READS_PER_EVENT = 50;

async function createHandoff(hubUrl: string, conversationId: string, number: number): Promise<void> {
  const now = new Date().toISOString();
  const response = await fetch(`${hubUrl}/api/v1/handoffs`, {
    method: 'POST',
    headers: { authorization: `Bearer ${INTEGRATION_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      conversationId,
      channel: 'web_chat',
      shopper: { email: `events-shopper-${number}@example.com`, name: `Shopper ${number}` },
      escalation: { reason: 'Asked for a human', tags: ['order-status'] },
      transcript: [{ id: randomUUID(), author: 'shopper', text: 'Where is my order?', sentAt: now }],
    }),
  });
  if (response.status !== 201) throw new Error(`POST /api/v1/handoffs: HTTP ${response.status}`);
}

/** Milliseconds from sending the resolve command until a GET /api/events answer includes its event. */
async function resolveUntilVisible(
  hubUrl: string,
  key: string,
  agent: RelayAgent,
  conversationId: string,
): Promise<{ ms: number; reads: number }> {
  const started = performance.now();
  await agent.command({ id: randomUUID(), type: 'resolve', conversationId, tags: ['order-status'] });
  for (let read = 1; read <= MAX_READS_PER_EVENT; read += 1) {
    const events = await newestEvents(hubUrl, key, 10);
    const visible = events.some(
      (event) =>
        event.attributes.event_properties.conversation_id === conversationId &&
        'resolution_seconds' in event.attributes.event_properties,
    );
    if (visible) return { ms: performance.now() - started, reads: read };
  }
  throw new Error(
    `the resolve of ${conversationId} was not in GET /api/events after ${MAX_READS_PER_EVENT} reads`,
  );
}

export const eventVisibleScenario: Scenario = {
  name: 'event-visible',
  async run(context) {
    const size = context.quick ? { warmUp: 3, events: 20 } : { warmUp: 10, events: 300 };
    let hub: RunningProcess | null = null;
    let agent: RelayAgent | null = null;
    try {
      hub = await startHubProcess({
        demo: false,
        integrationTokens: [INTEGRATION_TOKEN],
        accounts: [{ email: AGENT_EMAIL, name: 'Events Agent', role: 'agent', password: PASSWORD }],
        built: true,
      });
      const key = issueTestKey(hub.dataDir, 'event-visible-bench');
      agent = await signedInAgent(hub.url, AGENT_EMAIL, PASSWORD);
      const conversationIds: string[] = [];
      for (let number = 0; number < size.warmUp + size.events; number += 1) {
        const conversationId = `events-bench-${number}-${randomUUID()}`;
        await createHandoff(hub.url, conversationId, number);
        await agent.command({ id: randomUUID(), type: 'claim', conversationId });
        conversationIds.push(conversationId);
      }
      context.log(`${conversationIds.length} conversations claimed; resolving them one after another`);
      const samples: number[] = [];
      let repeatedReads = 0;
      for (const [index, conversationId] of conversationIds.entries()) {
        const { ms, reads } = await resolveUntilVisible(hub.url, key, agent, conversationId);
        if (index < size.warmUp) continue;
        samples.push(ms);
        repeatedReads += reads - 1;
      }
      const p50 = percentile(samples, 50) ?? 0;
      const p99 = percentile(samples, 99) ?? 0;
      context.log(
        `${samples.length} events: p50 ${p50.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms; ${repeatedReads} GETs repeated`,
      );
      return { event_visible_ms: { p50: Number(p50.toFixed(2)), p99: Number(p99.toFixed(2)) } };
    } finally {
      agent?.close();
      await hub?.stop();
    }
  },
};
