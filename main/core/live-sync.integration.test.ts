// Hub → desk: live changes, and resuming from the cache's last position after a restart.
import { describe, expect, it } from 'vitest';
import type { DeskEvent } from '../../shared/desk-api.js';
import { DeskCache } from './cache.js';
import { cleanupsAfterEach } from './test-support/cleanups.js';
import { temporaryDir } from './test-support/fixtures.js';
import {
  getHandoff,
  nextEvent,
  openCore,
  postHandoff,
  postShopperMessage,
  sampleHandoff,
  signedInCore,
  testHubForFile,
  uniqueConversationId,
  waitForConnection,
} from './test-support/hub-harness.js';

const hub = testHubForFile();
const { closeLater } = cleanupsAfterEach();

describe('live changes from a real hub', () => {
  it('a handoff posted over HTTP reaches a signed-in desk core live, then the shopper’s next message', async () => {
    const core = await signedInCore(hub.url, 'agent1@demo.test');
    closeLater(core);
    const conversationId = uniqueConversationId('live');
    const arrived = nextEvent(
      core,
      (e) => e.type === 'conversation' && e.conversation.id === conversationId,
      'the new handoff',
    );
    await postHandoff(hub.url, sampleHandoff(conversationId, 'live@example.se'));
    const event = (await arrived) as Extract<DeskEvent, { type: 'conversation' }>;
    expect(event.conversation).toMatchObject({
      status: 'queued',
      channel: 'sms',
      shopper: { email: 'live@example.se' },
      escalation: { reason: 'knowledge_gap' },
    });

    const followUp = nextEvent(
      core,
      (e) => e.type === 'message' && e.message.id === 's3',
      "the shopper's follow-up",
    );
    await postShopperMessage(hub.url, conversationId, 's3', 'Hallå? Är någon där?');
    await followUp;
    const opened = await core.openConversation({ conversationId });
    const hubView = await getHandoff(hub.url, conversationId);
    expect(opened.messages.map((m) => m.id)).toEqual(hubView.transcript.map((m) => m.id));
    expect(opened.conversation?.version).toBe(hubView.version);
  });

  it('after a restart the cache is readable at once and the desk core resumes from its last position', async () => {
    const dataDir = temporaryDir();
    const core = await signedInCore(hub.url, 'agent1@demo.test', dataDir);
    const known = uniqueConversationId('known');
    const knownArrived = nextEvent(
      core,
      (e) => e.type === 'conversation' && e.conversation.id === known,
      known,
    );
    await postHandoff(hub.url, sampleHandoff(known));
    await knownArrived;
    await core.close();

    // Peek at the cache file the desk core left behind: the position it will resume from.
    const peek = new DeskCache({ dataDir });
    const resumeFrom = peek.lastPosition();
    peek.close();
    expect(resumeFrom).toBeGreaterThan(0);

    // Changes while the desk core is closed.
    const missed = uniqueConversationId('missed-while-closed');
    await postHandoff(hub.url, sampleHandoff(missed));

    const restarted = openCore(dataDir, hub.url);
    closeLater(restarted);
    const seen: DeskEvent[] = [];
    restarted.onEvent((event) => seen.push(event));
    // Offline review: the cache answers before any connection.
    expect((await restarted.openConversation({ conversationId: known })).messages.map((m) => m.id)).toEqual([
      'm1',
      'm2',
    ]);
    await waitForConnection(restarted, 'online');

    const snapshot = await restarted.getSnapshot({});
    expect(snapshot.conversations.map((c) => c.id)).toEqual(expect.arrayContaining([known, missed]));
    // Resumed, not replayed from zero: only what changed after the last position came again.
    const replayedIds = seen.flatMap((e) =>
      e.type === 'conversation'
        ? [e.conversation.id]
        : e.type === 'message'
          ? [e.message.conversationId]
          : [],
    );
    expect(replayedIds).toContain(missed);
    expect(replayedIds).not.toContain(known);
  });
});
