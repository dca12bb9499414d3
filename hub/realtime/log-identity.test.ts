import { describe, expect, it } from 'vitest';
import { api, connectAs, addAccount, handoffRequest, hubsClosedAfterEach } from '../testing/hub-fixture.js';

const hubForTest = hubsClosedAfterEach();

describe('the log identity in sync pages', () => {
  it('is on every page, survives a restart, and differs between hubs', async () => {
    const hub = await hubForTest();
    await addAccount(hub, 'alva@example.com', 'Alva Sund');
    await api(hub.url, '/api/v1/handoffs', { body: handoffRequest('conv-identity') });
    const desk = await connectAs(hub.url, 'alva@example.com');
    const pages = [await desk.sync(0, 1), await desk.sync(1, 1), await desk.sync(2, 1000)];
    const logId = pages[0]!.logId;
    expect(pages.map((page) => page.logId)).toEqual([logId, logId, logId]);

    await hub.restart();
    const again = await connectAs(hub.url, 'alva@example.com');
    expect((await again.sync(0)).logId).toBe(logId);

    const other = await hubForTest();
    await addAccount(other, 'alva@example.com', 'Alva Sund');
    expect((await (await connectAs(other.url, 'alva@example.com')).sync(0)).logId).not.toBe(logId);
  });

  it('answers a position beyond the head (a hub restored from a backup) with an empty page and the real head', async () => {
    const hub = await hubForTest();
    await addAccount(hub, 'alva@example.com', 'Alva Sund');
    await api(hub.url, '/api/v1/handoffs', { body: handoffRequest('conv-restored') });
    const desk = await connectAs(hub.url, 'alva@example.com');
    const { head, logId } = await desk.sync(0);
    expect(head).toBeGreaterThan(0);
    expect(await desk.sync(head + 500)).toEqual({ ok: true, changes: [], head, hasMore: false, logId });
  });
});
