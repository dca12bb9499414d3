// Search through a desk core signed in to a real hub: a handoff's transcript and notes become searchable as they
// arrive, and stay searchable when the hub is gone and after a restart (search reads only the cache).
import { describe, expect, it, vi } from 'vitest';
import { temporaryDir } from './test-support/fixtures.js';
import {
  handoffReceivedBy,
  hubsAndAgentsClosedAfterEach,
  openCore,
  waitForConnection,
} from './test-support/hub-harness.js';

const { hubForTest, agent, closeLater } = hubsAndAgentsClosedAfterEach();

describe('search with a real hub', () => {
  it("finds a handoff's transcript and notes, also once the hub is closed and the console restarted", async () => {
    const hub = await hubForTest();
    const dataDir = temporaryDir();
    const core = await agent(hub, 'agent1@demo.test', dataDir);
    const conversationId = await handoffReceivedBy(hub.url, 'search', core);
    await vi.waitFor(async () => {
      const { hits } = await core.search({ query: 'bestallningen' });
      expect(hits).toMatchObject([
        {
          conversationId,
          messageId: 'm2',
          author: 'customer_agent',
          internal: false,
          shopper: 'Maja Berg',
          channel: 'sms',
          status: 'queued',
          snippet: expect.arrayContaining([{ text: 'beställningen', match: true }]),
        },
      ]);
    });
    const noted = await core.addNote({ conversationId, text: 'Kunden har fått fri frakt', mentions: [] });
    expect(noted).toMatchObject({ ok: true });
    await vi.waitFor(async () => {
      expect((await core.search({ query: 'fri frakt', tag: 'vip' })).hits).toMatchObject([
        { conversationId, internal: true, author: 'agent' },
      ]);
    });

    const reconnecting = waitForConnection(core, 'reconnecting');
    await hub.close();
    await reconnecting;
    expect((await core.search({ query: 'beställning #4412' })).hits).toMatchObject([
      { conversationId, messageId: 'm1', author: 'shopper' },
    ]);

    await core.close();
    const restarted = closeLater(openCore(dataDir, hub.url));
    // The last word is a prefix: "beställning" and "beställningen", newest first.
    expect(
      (await restarted.search({ query: 'bestallning', channel: 'sms' })).hits.map((hit) => hit.messageId),
    ).toEqual(['m2', 'm1']);
    expect((await restarted.search({ query: 'frakt' })).hits).toHaveLength(1);
  });
});
