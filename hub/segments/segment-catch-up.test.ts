// Nothing depends on a commit notification: events committed while the hub was down (here by another process's
// connection, as the CLI's) are evaluated when it starts, in bounded batches; a segment defined over more
// profiles than a batch holds is evaluated over all of them.
import { describe, expect, it } from 'vitest';
import { METRICS } from '../../shared/events.js';
import { isoAt } from '../core/clock.js';
import { SqliteHubStore } from '../store/sqlite/sqlite-hub-store.js';
import { addAccount, hubsClosedAfterEach, signIn } from '../testing/hub-fixture.js';
import { SEGMENT_BATCH_SIZE } from './segment-engine.js';
import { createSegment, DAY_MS, listSegments, memberEmails } from './segments-test-kit.js';

const START = Date.parse('2026-03-02T09:00:00.000Z');
const SHOPPERS = 2 * SEGMENT_BATCH_SIZE + 7;
const startHub = hubsClosedAfterEach();

describe('catching up with the stream', () => {
  it('evaluates events committed while the hub was down, and a new segment over every profile, batch by batch', async () => {
    const first = await startHub({ startAt: START, sessionTtlMs: 365 * DAY_MS });
    await addAccount(first, 'lena@example.com', 'Lena Lead', 'lead');
    await first.close();

    const offline = SqliteHubStore.open(first.dataDir, () => START);
    offline.transaction(() => {
      for (let index = 0; index < SHOPPERS; index += 1) {
        offline.appendEvent({
          id: `offline-${index}`,
          metric: index === 0 ? METRICS.conversationEscalated : 'Viewed Product',
          time: isoAt(START - DAY_MS),
          profile: { email: `shopper${String(index).padStart(4, '0')}@example.se`, profileId: null },
          conversationId: null,
          properties: {},
        });
      }
    });
    offline.close();

    const hub = await startHub({ dataDir: first.dataDir, startAt: START, sessionTtlMs: 365 * DAY_MS });
    const lead = (await signIn(hub.url, 'lena@example.com')).token;
    expect(await memberEmails(hub, lead, 'recently-escalated')).toEqual(['shopper0000@example.se']);
    const viewers = await createSegment(hub, lead, {
      name: 'Viewers',
      conditions: [
        { kind: 'metric_count', metric: 'Viewed Product', comparison: 'at_least', count: 1, withinDays: 2 },
      ],
    });
    expect(viewers.memberCount).toBe(SHOPPERS - 1);
    // Every one of them leaves at once when their views turn 2 days old: the due checks span several batches.
    hub.advance(DAY_MS);
    const counts = async () =>
      Object.fromEntries((await listSegments(hub, lead)).map((segment) => [segment.id, segment.memberCount]));
    expect(await counts()).toMatchObject({ viewers: 0, 'recently-escalated': 1 });
  });
});
