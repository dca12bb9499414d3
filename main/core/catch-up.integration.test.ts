// A console that was away while thousands of changes happened: it catches up page by page from its last position,
// reporting throttled progress on the connection state, and ends with exactly the hub's transcript.
import { describe, expect, it } from 'vitest';
import type { ConnectionState } from '../../shared/desk-api.js';
import { cleanupsAfterEach } from './test-support/cleanups.js';
import { temporaryDir } from './test-support/fixtures.js';
import {
  getHandoff,
  openCore,
  postHandoff,
  signedInCore,
  testHubForFile,
  uniqueConversationId,
  waitForConnection,
  longHandoff,
} from './test-support/hub-harness.js';

const hub = testHubForFile();
const { closeLater } = cleanupsAfterEach();

const BACKLOG_MESSAGES = 3_000;

describe('catching up after a long absence', () => {
  it('reports {applied, total} while it applies a big backlog, at most ~10 times a second, then null', async () => {
    const dataDir = temporaryDir();
    await (await signedInCore(hub.url, 'agent1@demo.test', dataDir)).close();
    const conversationId = uniqueConversationId('backlog');
    await postHandoff(hub.url, longHandoff(conversationId, BACKLOG_MESSAGES));

    const core = closeLater(openCore(dataDir, hub.url, { syncPageSize: 200 }));
    const seen: { at: number; connection: ConnectionState }[] = [];
    core.onEvent((event) => {
      if (event.type === 'connection') seen.push({ at: performance.now(), connection: event.connection });
    });
    await waitForConnection(core, 'online');

    const progress = seen.filter((s) => s.connection.catchUp !== null);
    const first = progress[0]?.connection.catchUp;
    expect(first?.applied).toBe(0);
    expect(first?.total).toBeGreaterThanOrEqual(BACKLOG_MESSAGES);
    // Progress between the start and the end, not just a start (15 pages of 200 take well over 100 ms).
    expect(progress.length).toBeGreaterThanOrEqual(2);
    for (const [index, step] of progress.entries()) {
      expect(step.connection.status).toBe('connecting');
      expect(step.connection.catchUp?.total).toBe(first?.total);
      const applied = step.connection.catchUp?.applied ?? -1;
      expect(applied).toBeLessThanOrEqual(first!.total);
      if (index > 0) {
        expect(applied).toBeGreaterThan(progress[index - 1]!.connection.catchUp!.applied);
        // Throttled: never two progress events within 100 ms (a little slack for timer granularity).
        expect(step.at - progress[index - 1]!.at).toBeGreaterThanOrEqual(95);
      }
    }
    // The bar goes away before the console says it is online.
    const onlineAt = seen.findIndex((s) => s.connection.status === 'online');
    const lastProgressAt = seen.findLastIndex((s) => s.connection.catchUp !== null);
    expect(seen.slice(lastProgressAt + 1, onlineAt + 1).every((s) => s.connection.catchUp === null)).toBe(
      true,
    );
    expect((await core.getSnapshot({})).connection.catchUp).toBeNull();

    const hubView = await getHandoff(hub.url, conversationId);
    const desk = await core.openConversation({ conversationId });
    expect(desk.messages.map((m) => m.id)).toEqual(hubView.transcript.map((m) => m.id));
    expect(desk.messages.length).toBeGreaterThanOrEqual(BACKLOG_MESSAGES);
  });

  it('reports nothing when there is nothing to catch up', async () => {
    const dataDir = temporaryDir();
    await (await signedInCore(hub.url, 'agent1@demo.test', dataDir)).close();
    const core = closeLater(openCore(dataDir, hub.url));
    const progress: unknown[] = [];
    core.onEvent((event) => {
      if (event.type === 'connection' && event.connection.catchUp) progress.push(event.connection.catchUp);
    });
    await waitForConnection(core, 'online');
    expect(progress).toEqual([]);
  });
});
