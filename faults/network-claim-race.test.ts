// Two consoles race to claim one handoff while the network of one of them (a TCP proxy the test controls) fails
// at the moment of its claim: before the claim reaches the hub, or after the hub applied it but before the answer
// came back. Either way the hub has exactly one owner, both consoles end with the hub's truth, the loser is told
// plainly, and nothing is applied twice.
import { describe, expect, it, vi } from 'vitest';
import { startTcpProxy, type TcpProxy } from '../e2e/fixtures/tcp-proxy.js';
import { METRICS } from '../shared/events.js';
import type { DeskCore } from '../main/core/desk-core.js';
import { temporaryDir } from '../main/core/test-support/fixtures.js';
import {
  eventsOf,
  getHandoff,
  handoffReceivedBy,
  hubsAndAgentsClosedAfterEach,
  signedInCore,
  waitForConnection,
  type TestHub,
} from '../main/core/test-support/hub-harness.js';

const { cleanups, closeLater, hubForTest, agent } = hubsAndAgentsClosedAfterEach();

interface Race {
  hub: TestHub;
  proxy: TcpProxy;
  /** agent1, reaching the hub only through the proxy. */
  behindProxy: DeskCore;
  /** agent2, on a network that never fails. */
  direct: DeskCore;
  conversationId: string;
}

async function startRace(): Promise<Race> {
  const hub = await hubForTest();
  const proxy = await startTcpProxy(hub.url);
  cleanups.push(() => proxy.close());
  // The claim's answer is awaited until the outcome is final, so the loser's result is the refusal itself.
  const behindProxy = closeLater(
    await signedInCore(proxy.url, 'agent1@demo.test', temporaryDir(), {
      commandWaitMs: 30_000,
      ackTimeoutMs: 5_000,
    }),
  );
  const direct = await agent(hub, 'agent2@demo.test');
  const conversationId = await handoffReceivedBy(hub.url, 'claim-race', behindProxy, direct);
  return { hub, proxy, behindProxy, direct, conversationId };
}

/** One owner on the hub, claimed once, and every console showing exactly that owner at the hub's version. */
async function expectConverged(race: Race, ownerEmail: string) {
  const hubView = await getHandoff(race.hub.url, race.conversationId);
  expect(hubView.assignee?.email).toBe(ownerEmail);
  const accepted = (await eventsOf(race.hub.url, race.conversationId)).filter(
    (event) => event.metric === METRICS.handoffAccepted,
  );
  expect(accepted).toHaveLength(1);
  for (const core of [race.behindProxy, race.direct]) {
    await vi.waitFor(
      async () => {
        const { conversation } = await core.openConversation({ conversationId: race.conversationId });
        expect(conversation?.assignee?.email).toBe(ownerEmail);
        expect(conversation?.version).toBe(hubView.version);
      },
      { timeout: 15_000, interval: 50 },
    );
  }
}

describe('a network cut during a claim race', () => {
  it('before the claim reaches the hub: the other console wins, this one is refused once it is back', async () => {
    const race = await startRace();
    const { proxy, behindProxy, direct, conversationId } = race;

    // The claim is sent into a network that no longer delivers, then the connection breaks.
    proxy.drop('toHub');
    const lostClaim = behindProxy.claim({ conversationId });
    expect(await direct.claim({ conversationId })).toEqual({ ok: true, pending: false });
    const reconnecting = waitForConnection(behindProxy, 'reconnecting');
    proxy.cut();
    await reconnecting;
    proxy.restore();

    // Sent again from the outbox once back: the hub refuses it, naming who has the conversation.
    const result = await lostClaim;
    expect(result).toMatchObject({ ok: false, error: { code: 'already_claimed' } });
    expect(result.ok ? '' : result.error.message).toBe(
      'Sam Okafor (agent2@demo.test) already claimed this conversation.',
    );
    await expectConverged(race, 'agent2@demo.test');
    const snapshot = await behindProxy.getSnapshot({});
    // Reported once, not once per retry.
    expect(
      snapshot.failedActions.filter((action) => action.conversationId === conversationId).length,
    ).toBeLessThanOrEqual(1);
    expect((await direct.getSnapshot({})).failedActions).toEqual([]);
  });

  it('after the hub applied the claim but before its answer came back: the retry gets the same yes', async () => {
    const race = await startRace();
    const { hub, proxy, behindProxy, direct, conversationId } = race;

    proxy.drop('fromHub');
    const unansweredClaim = behindProxy.claim({ conversationId });
    // The hub has applied it (its answer is being dropped on the way back).
    await vi.waitFor(
      async () =>
        expect((await getHandoff(hub.url, conversationId)).assignee?.email).toBe('agent1@demo.test'),
      { timeout: 15_000, interval: 50 },
    );
    const reconnecting = waitForConnection(behindProxy, 'reconnecting');
    proxy.cut();
    await reconnecting;

    // The other console, racing meanwhile, is told it lost.
    const lost = await direct.claim({ conversationId });
    expect(lost).toEqual({
      ok: false,
      error: {
        code: 'already_claimed',
        message: 'Alex Lindqvist (agent1@demo.test) already claimed this conversation.',
      },
    });
    proxy.restore();

    // The same command id goes again after the reconnect; the hub answers as the first time, applying nothing.
    expect(await unansweredClaim).toEqual({ ok: true, pending: false });
    await expectConverged(race, 'agent1@demo.test');
    expect((await behindProxy.getSnapshot({})).failedActions).toEqual([]);
  });
});
