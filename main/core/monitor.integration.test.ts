// The lead's monitor through the desk core, against a real hub: a lead's console holds the hub's live figures
// (never an agent's), drops them the moment the connection goes and shows fresh ones after it returns, exports
// a period's conversations as CSV, and alerts once when a conversation passes its first-response target.
import { describe, expect, it } from 'vitest';
import { createAccount } from '../../hub/app.js';
import { startTestHub as startHubWithClock } from '../../hub/testing/hub-fixture.js';
import type { DeskEvent, DeskSnapshot } from '../../shared/desk-api.js';
import { MONITOR_CSV_COLUMNS, type MonitorSnapshot } from '../../shared/monitor.js';
import { temporaryDir } from './test-support/fixtures.js';
import {
  DEMO_PASSWORD,
  INTEGRATION_TOKEN,
  hubsAndAgentsClosedAfterEach,
  nextEvent,
  openCore,
  postHandoff,
  recordEvents,
  sampleHandoff,
  signedInCore,
  startTestHub,
  uniqueConversationId,
  untilSnapshot,
  waitForConnection,
} from './test-support/hub-harness.js';

const { cleanups, closeLater, hubForTest, agent } = hubsAndAgentsClosedAfterEach();
const MINUTE = 60_000;

function monitorEvents(events: DeskEvent[]) {
  return events.flatMap((e) => (e.type === 'monitor' ? [e.monitor] : []));
}
function isMonitor(check: (monitor: MonitorSnapshot) => boolean) {
  return (e: DeskEvent): e is { type: 'monitor'; monitor: MonitorSnapshot } =>
    e.type === 'monitor' && e.monitor !== null && check(e.monitor);
}
const hasMonitor = (s: DeskSnapshot) => s.monitor !== null;
const todayPeriod = () => ({
  from: new Date(Date.now() - 86_400_000).toISOString(),
  to: new Date(Date.now() + 86_400_000).toISOString(),
});

describe('the monitor in the desk core', () => {
  it('a lead gets live figures that follow a handoff and a claim; an agent never has any, nor the CSV', async () => {
    const hub = await hubForTest();
    const alex = await agent(hub, 'agent1@demo.test');
    const alexEvents = recordEvents(alex);
    const maria = await agent(hub, 'lead@demo.test');
    const before = (await untilSnapshot(maria, hasMonitor, 'first monitor push')).monitor!;
    expect(before.agents.map((a) => a.email)).toEqual(
      expect.arrayContaining(['agent1@demo.test', 'agent2@demo.test']),
    );

    const conversationId = uniqueConversationId('monitor');
    const waitingMore = nextEvent(
      maria,
      isMonitor((m) => m.waiting === before.waiting + 1 && m.handoffsToday === before.handoffsToday + 1),
      'waiting + 1 after a handoff',
    );
    await postHandoff(hub.url, sampleHandoff(conversationId));
    const afterHandoff = (await waitingMore).monitor;
    expect((await maria.getSnapshot({})).monitor).toEqual(afterHandoff);

    const alexLoad = (m: MonitorSnapshot) => m.agents.find((a) => a.email === 'agent1@demo.test')?.openCount;
    const claimed = nextEvent(
      maria,
      isMonitor((m) => m.waiting === before.waiting && alexLoad(m) === (alexLoad(before) ?? 0) + 1),
      'waiting back and Alex loaded after his claim',
    );
    expect(await alex.claim({ conversationId })).toEqual({ ok: true, pending: false });
    await claimed;

    // The hub never pushed the agent a monitor, and the agent's console has none to show or export.
    expect(monitorEvents(alexEvents)).toEqual([]);
    expect((await alex.getSnapshot({})).monitor).toBeNull();
    expect(await alex.exportConversationsCsv(todayPeriod())).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });

  it('figures go to null when the connection is lost (and at start, before the hub answers), fresh after', async () => {
    let hub = await startTestHub();
    cleanups.push(() => hub.close());
    const dataDir = temporaryDir();
    const maria = closeLater(await signedInCore(hub.url, 'lead@demo.test', dataDir));
    const first = (await untilSnapshot(maria, hasMonitor, 'first monitor push')).monitor!;

    const gone = nextEvent(maria, (e) => e.type === 'monitor' && e.monitor === null, 'monitor null');
    const reconnecting = waitForConnection(maria, 'reconnecting');
    await hub.close();
    await Promise.all([gone, reconnecting]);
    expect((await maria.getSnapshot({})).monitor).toBeNull();
    expect(await maria.exportConversationsCsv(todayPeriod())).toMatchObject({
      ok: false,
      error: { code: 'offline' },
    });

    const restartedAt = Date.now();
    const fresh = nextEvent(
      maria,
      isMonitor(() => true),
      'a monitor push from the restarted hub',
    );
    hub = await startTestHub({ dataDir: hub.dataDir, port: hub.port });
    const again = (await fresh).monitor;
    expect(Date.parse(again.computedAt)).toBeGreaterThanOrEqual(restartedAt - 1_000);
    expect(again.waiting).toBe(first.waiting);

    // A console closed meanwhile shows no figures from before when it starts, only what the hub pushes now.
    await maria.close();
    const conversationId = uniqueConversationId('while-closed');
    await postHandoff(hub.url, sampleHandoff(conversationId));
    const reopened = closeLater(openCore(dataDir, hub.url));
    const reopenedEvents = recordEvents(reopened);
    // Asked at once, before its socket can have connected: no figures kept from the last run.
    expect((await reopened.getSnapshot({})).monitor).toBeNull();
    const live = (await untilSnapshot(reopened, hasMonitor, 'monitor after reopening')).monitor!;
    expect(live.waiting).toBe(first.waiting + 1);
    // Its first figures already counted the handoff made while it was closed: never a stale one first.
    expect(monitorEvents(reopenedEvents).filter((m) => m !== null)[0]?.waiting).toBe(first.waiting + 1);
  });

  it("a lead exports the period's conversations as CSV, one row per conversation, header as the contract says", async () => {
    const hub = await hubForTest();
    const maria = await agent(hub, 'lead@demo.test');
    const conversationId = uniqueConversationId('csv');
    await postHandoff(hub.url, sampleHandoff(conversationId, 'csv.shopper@example.se'));
    const result = await maria.exportConversationsCsv(todayPeriod());
    if (!result.ok) throw new Error(`export refused: ${result.error.code} ${result.error.message}`);
    const { fileName, mimeType, content } = result.value;
    expect(fileName).toMatch(/^conversations-.*\.csv$/);
    expect(mimeType).toBe('text/csv;charset=utf-8');
    const lines = content
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines[0]).toBe(MONITOR_CSV_COLUMNS.join(','));
    const row = lines.find((line) => line.startsWith(`${conversationId},`));
    expect(row).toContain('csv.shopper@example.se');
    expect(row).toContain('knowledge_gap');
    expect(lines.filter((line) => line.startsWith(`${conversationId},`))).toHaveLength(1);

    // A period that ends before it starts never reaches the hub (dispatch answers `invalid`).
    await expect(
      maria.exportConversationsCsv({ from: todayPeriod().to, to: todayPeriod().from }),
    ).rejects.toMatchObject({ code: 'invalid', message: expect.stringContaining('to') });
  });

  it('sla_breached: once for a conversation that crosses its target while the lead is connected, none for one already past it', async () => {
    const hub = await startHubWithClock({ integrationTokens: [INTEGRATION_TOKEN] });
    cleanups.push(() => hub.close());
    await createAccount(hub.dataDir, {
      email: 'lead@demo.test',
      name: 'Maria Svensson',
      role: 'lead',
      password: DEMO_PASSWORD,
    });
    const old = uniqueConversationId('already-late');
    await postHandoff(hub.url, sampleHandoff(old));
    // SMS: a 10-minute target by default.
    hub.advance(11 * MINUTE);

    const maria = closeLater(await signedInCore(hub.url, 'lead@demo.test', temporaryDir(), { now: hub.now }));
    const events = recordEvents(maria);
    const first = (await untilSnapshot(maria, hasMonitor, 'first monitor push')).monitor!;
    expect(first.sla.conversations).toContainEqual(
      expect.objectContaining({ conversationId: old, state: 'breached' }),
    );

    const late = uniqueConversationId('turns-late');
    const arrived = nextEvent(
      maria,
      isMonitor((m) => m.waiting === 2),
      'second handoff counted',
    );
    await postHandoff(hub.url, sampleHandoff(late));
    await arrived;
    const alerted = nextEvent(
      maria,
      (e) => e.type === 'notification' && e.notification.kind === 'sla_breached',
      'sla_breached',
    );
    hub.advance(10 * MINUTE + 1_000);
    const alert = (await alerted) as Extract<DeskEvent, { type: 'notification' }>;
    expect(alert.notification).toMatchObject({
      conversationId: late,
      shopper: 'Maja Berg',
      actor: null,
      preview: '10',
    });

    // More pushes with both still past their target: no second alert, and none ever for the old one.
    const third = uniqueConversationId('third');
    const counted = nextEvent(
      maria,
      isMonitor((m) => m.waiting === 3),
      'third handoff counted',
    );
    await postHandoff(hub.url, sampleHandoff(third));
    await counted;
    const alerts = events.flatMap((e) =>
      e.type === 'notification' && e.notification.kind === 'sla_breached'
        ? [e.notification.conversationId]
        : [],
    );
    expect(alerts).toEqual([late]);
  });
});
