// Nothing lost, nothing twice: the hub goes away mid-conversation (closed, then started again on the same port
// and data dir) while messages flow both ways, and the desk core may itself restart meanwhile.
import { describe, expect, it, vi } from 'vitest';
import type { DeskCore } from './desk-core.js';
import { cleanupsAfterEach } from './test-support/cleanups.js';
import { temporaryDir } from './test-support/fixtures.js';
import {
  getHandoff,
  handoffReceivedBy,
  openCore,
  postShopperMessage,
  signedInCore,
  startTestHub,
  waitForConnection,
  type TestHub,
} from './test-support/hub-harness.js';

const cleanups = cleanupsAfterEach();
const { closeLater } = cleanups;

async function claimedConversation(hub: TestHub, core: DeskCore): Promise<string> {
  const conversationId = await handoffReceivedBy(hub.url, 'resilience', core);
  expect(await core.claim({ conversationId })).toEqual({ ok: true, pending: false });
  return conversationId;
}

/** Desk cache and hub agree: same messages, same order, nothing pending, nothing doubled. */
async function expectInAgreement(hubUrl: string, core: DeskCore, conversationId: string) {
  await vi.waitFor(
    async () => {
      const hubView = await getHandoff(hubUrl, conversationId);
      const desk = await core.openConversation({ conversationId });
      expect(desk.messages.map((m) => m.id)).toEqual(hubView.transcript.map((m) => m.id));
      expect(desk.messages.filter((m) => m.delivery === 'pending' || m.delivery === 'failed')).toEqual([]);
      expect(desk.conversation?.version).toBe(hubView.version);
    },
    { timeout: 15_000, interval: 50 },
  );
  const hubView = await getHandoff(hubUrl, conversationId);
  expect(new Set(hubView.transcript.map((m) => m.id)).size).toBe(hubView.transcript.length);
  return hubView;
}

function count<T>(items: T[], item: T): number {
  return items.filter((x) => x === item).length;
}

describe('a dropped hub connection', () => {
  it('mid-conversation, with messages flowing both ways: afterwards nothing is missing or doubled', async () => {
    let hub = await startTestHub();
    cleanups.push(() => hub.close());
    const core = closeLater(await signedInCore(hub.url, 'agent1@demo.test'));
    const conversationId = await claimedConversation(hub, core);

    // Both directions in flight: shopper messages over HTTP, agent replies through the outbox (not awaited).
    for (let i = 1; i <= 3; i++) {
      await postShopperMessage(hub.url, conversationId, `s${i}`, `shopper ${i}`);
      await core.reply({ conversationId, text: `reply ${i}` });
    }
    const reconnecting = waitForConnection(core, 'reconnecting');
    await hub.close();
    await reconnecting;
    expect((await core.getSnapshot({})).connection.lastError).toMatch(
      /Lost the connection|Can't reach the hub/,
    );
    // Written while the hub is down: pending in the outbox.
    await core.reply({ conversationId, text: 'reply 4' });
    await core.reply({ conversationId, text: 'reply 5' });

    const online = waitForConnection(core, 'online');
    hub = await startTestHub({ dataDir: hub.dataDir, port: hub.port });
    for (let i = 4; i <= 6; i++) await postShopperMessage(hub.url, conversationId, `s${i}`, `shopper ${i}`);
    await online;
    await core.reply({ conversationId, text: 'reply 6' });

    const hubView = await expectInAgreement(hub.url, core, conversationId);
    const texts = hubView.transcript.map((m) => m.text);
    for (let i = 1; i <= 6; i++) {
      expect(count(texts, `shopper ${i}`), `shopper ${i}`).toBe(1);
      expect(count(texts, `reply ${i}`), `reply ${i}`).toBe(1);
    }
    // Replies reach the shopper in the order the agent wrote them.
    expect(texts.filter((t) => t.startsWith('reply '))).toEqual([1, 2, 3, 4, 5, 6].map((i) => `reply ${i}`));
  });

  it('a claim and a reply written while the hub is down are delivered exactly once, also across a desk restart', async () => {
    let hub = await startTestHub();
    cleanups.push(() => hub.close());
    const dataDir = temporaryDir();
    const core = await signedInCore(hub.url, 'agent1@demo.test', dataDir);
    const conversationId = await handoffReceivedBy(hub.url, 'offline', core);

    const reconnecting = waitForConnection(core, 'reconnecting');
    await hub.close();
    await reconnecting;
    await core.close();

    // Restarted while the hub is still down; claim waits briefly, then says pending.
    const restarted = closeLater(openCore(dataDir, hub.url, { commandWaitMs: 200 }));
    expect(await restarted.claim({ conversationId })).toEqual({ ok: true, pending: true });
    expect(await restarted.reply({ conversationId, text: 'Written offline' })).toEqual({
      ok: true,
      pending: true,
    });
    await restarted.close();

    // Restarted once more: the outbox survived, the reply is still shown as pending.
    const again = closeLater(openCore(dataDir, hub.url));
    const offline = await again.openConversation({ conversationId });
    expect(offline.messages.at(-1)).toMatchObject({
      text: 'Written offline',
      delivery: 'pending',
      author: 'agent',
    });

    hub = await startTestHub({ dataDir: hub.dataDir, port: hub.port });
    const hubView = await expectInAgreement(hub.url, again, conversationId);
    expect(hubView.status).toBe('open');
    expect(
      count(
        hubView.transcript.map((m) => m.text),
        'Written offline',
      ),
    ).toBe(1);
    expect(hubView.assignee?.email).toBe('agent1@demo.test');
  });
});
