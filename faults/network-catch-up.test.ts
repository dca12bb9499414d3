// A console that missed thousands of changes reconnects through a TCP proxy the test controls; the network is
// cut in the middle of its catch-up (once it has applied some pages but not all) and restored. It resumes from
// the last position it stored, not from the start, and ends with exactly the hub's state: the same as a console
// that never went away.
import { describe, expect, it } from 'vitest';
import type { ConnectionState } from '../shared/desk-api.js';

type CatchUpProgress = NonNullable<ConnectionState['catchUp']>;
import { startTcpProxy } from '../e2e/fixtures/tcp-proxy.js';
import { cleanupsAfterEach } from '../main/core/test-support/cleanups.js';
import { temporaryDir } from '../main/core/test-support/fixtures.js';
import {
  getHandoff,
  nextEvent,
  openCore,
  postHandoff,
  signedInCore,
  startTestHub,
  uniqueConversationId,
  waitForConnection,
  longHandoff,
} from '../main/core/test-support/hub-harness.js';

const cleanups = cleanupsAfterEach();
const { closeLater } = cleanups;

const BACKLOG_MESSAGES = 4_000;

describe('a network cut during a catch-up', () => {
  it('resumes where it stopped and converges to exactly the hub’s state', { timeout: 60_000 }, async () => {
    const hub = closeLater(await startTestHub());
    const proxy = await startTcpProxy(hub.url);
    cleanups.push(() => proxy.close());
    const neverAway = closeLater(await signedInCore(hub.url, 'agent2@demo.test'));

    const dataDir = temporaryDir();
    await (await signedInCore(proxy.url, 'agent1@demo.test', dataDir)).close();
    // Thousands of changes while the console is away (the other console gets them live).
    const conversationIds = [uniqueConversationId('backlog')];
    for (const conversationId of conversationIds)
      await postHandoff(hub.url, longHandoff(conversationId, BACKLOG_MESSAGES));

    const returning = closeLater(openCore(dataDir, proxy.url, { syncPageSize: 100 }));
    // Cut once it has applied some of the backlog but not all of it.
    const firstRound = await nextEvent(
      returning,
      (event) =>
        event.type === 'connection' &&
        event.connection.catchUp !== null &&
        event.connection.catchUp.applied > 0 &&
        event.connection.catchUp.applied < event.connection.catchUp.total,
      'catch-up progress part way',
    );
    // Off the network (a console that started away shows it as offline review, not "reconnecting").
    const disconnected = nextEvent(
      returning,
      (event) =>
        event.type === 'connection' &&
        event.connection.catchUp === null &&
        event.connection.lastError !== null,
      'the cut noticed',
    );
    proxy.cut();
    const cutAt =
      firstRound.type === 'connection' ? (firstRound.connection.catchUp as CatchUpProgress) : null;
    await disconnected;

    const secondRound: CatchUpProgress[] = [];
    returning.onEvent((event) => {
      if (event.type === 'connection' && event.connection.catchUp) secondRound.push(event.connection.catchUp);
    });
    const online = waitForConnection(returning, 'online');
    proxy.restore();
    await online;

    // Resumed from its stored position: what it had applied before the cut is not fetched again.
    expect(cutAt).not.toBeNull();
    for (const progress of secondRound)
      expect(progress.total).toBeLessThanOrEqual(cutAt!.total - cutAt!.applied);

    // Exactly the hub's state, the same as the console that never went away: every message once, in order.
    for (const conversationId of conversationIds) {
      const hubView = await getHandoff(hub.url, conversationId);
      const expectedIds = hubView.transcript.map((message) => message.id);
      expect(expectedIds.length).toBeGreaterThanOrEqual(BACKLOG_MESSAGES);
      for (const core of [returning, neverAway]) {
        const desk = await core.openConversation({ conversationId });
        expect(desk.messages.map((message) => message.id)).toEqual(expectedIds);
        expect(desk.conversation?.version).toBe(hubView.version);
      }
    }
    const [returned, stayed] = await Promise.all([returning.getSnapshot({}), neverAway.getSnapshot({})]);
    const summary = (snapshot: typeof returned) =>
      snapshot.conversations
        .map((c) => ({ id: c.id, version: c.version }))
        .sort((a, b) => a.id.localeCompare(b.id));
    expect(summary(returned)).toEqual(summary(stayed));
  });
});
