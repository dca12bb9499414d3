// relay: agent ↔ shopper messages through the hub. Shoppers speak the chat widget's protocol on /chat
// (chat:send, acknowledged once the message is stored; agent replies confirmed with chat:delivered as the
// widget does); agents speak the console's protocol on /desk (a `reply` command, acknowledged once stored;
// shopper messages arrive as pushed log changes). Every pair is a real hand-off (asked for a human, accepted,
// claimed); one agent serves up to ten pairs. A message counts when it is acknowledged to its sender AND
// delivered to the other side; each pair keeps one message in flight in each direction.
// Baseline: a bare socket.io relay in its own process (bench/fixtures/raw-socketio-relay-server.ts): the same
// socket.io version, default options and WebSocket transport, the same events, the same payloads (captured from
// the hub in this run), the same ack-then-forward pattern, no storage; driven by the same clients (which parse
// every payload on both). The two alternate in rounds, each round after a short warm-up that is not counted.
import { startHubProcess, type RunningProcess } from '../../e2e/fixtures/processes.js';
import { startRawRelay, type RawRelayProcess } from '../fixtures/raw-relay-process.js';
import type { RawRelayTemplates } from '../fixtures/raw-relay-templates.js';
import { runRelayLoad } from '../fixtures/relay-load.js';
import { hubRelayPairs, rawRelayPairs, type RelayPairs } from '../fixtures/relay-pairs.js';
import type { Scenario } from '../scenario.js';

const PASSWORD = 'relay-bench-password';
const PAIRS_PER_AGENT = 10;

function templatesFrom(hubPairs: RelayPairs): RawRelayTemplates {
  const shopperMessageChange = hubPairs.agents.find(
    (agent) => agent.firstShopperMessageChange,
  )?.firstShopperMessageChange;
  const replyResult = hubPairs.agents.find((agent) => agent.firstReplyResult)?.firstReplyResult;
  const agentChatMessage = hubPairs.pairs.find((pair) => pair.shopper.firstAgentMessage)?.shopper
    .firstAgentMessage;
  if (!shopperMessageChange || !replyResult?.message || !agentChatMessage)
    throw new Error('relay: the hub round relayed no message in one of the directions');
  return {
    chatSendAck: { ok: true },
    shopperMessageChange,
    replyResult: { ...replyResult, ok: true, message: replyResult.message },
    agentChatMessage,
  };
}

export const relayScenario: Scenario = {
  name: 'relay',
  async run(context) {
    const size = context.quick
      ? { pairs: 4, rounds: 1, warmUpMs: 200, measureMs: 1000 }
      : { pairs: 50, rounds: 2, warmUpMs: 1000, measureMs: 5000 };
    const agentCount = Math.ceil(size.pairs / PAIRS_PER_AGENT);
    const accounts = Array.from({ length: agentCount }, (_, index) => ({
      email: `relay-agent-${index}@example.com`,
      name: `Relay Agent ${index}`,
      role: 'agent' as const,
      password: PASSWORD,
    }));
    let hub: RunningProcess | null = null;
    let raw: RawRelayProcess | null = null;
    let hubPairs: RelayPairs | null = null;
    let rawPairs: RelayPairs | null = null;
    try {
      hub = await startHubProcess({ demo: false, accounts, built: true });
      hubPairs = await hubRelayPairs(hub.url, accounts, size.pairs);
      context.log(`${size.pairs} pairs handed off to ${agentCount} agents on the hub`);
      const totals = { hub: 0, raw: 0 };
      for (let round = 1; round <= size.rounds; round += 1) {
        const hubRound = await runRelayLoad(hubPairs.pairs, size);
        totals.hub += hubRound.messages;
        if (!raw) {
          raw = await startRawRelay(templatesFrom(hubPairs), context.workDir);
          rawPairs = await rawRelayPairs(raw.url, agentCount, size.pairs);
        }
        const rawRound = await runRelayLoad((rawPairs as RelayPairs).pairs, size);
        totals.raw += rawRound.messages;
        context.log(
          `round ${round}: hub ${hubRound.perSecond.toFixed(0)} msgs/s, raw ${rawRound.perSecond.toFixed(0)} msgs/s`,
        );
      }
      const seconds = (size.rounds * size.measureMs) / 1000;
      const hubPerSecond = totals.hub / seconds;
      const rawPerSecond = totals.raw / seconds;
      return {
        relay: {
          hub_msgs_per_s: Math.round(hubPerSecond),
          raw_socketio_msgs_per_s: Math.round(rawPerSecond),
          ratio: Number((hubPerSecond / rawPerSecond).toFixed(3)),
        },
      };
    } finally {
      hubPairs?.close();
      rawPairs?.close();
      await raw?.stop();
      await hub?.stop();
    }
  },
};
