// The monitor pushed to leads' consoles: at once on connect, within the throttle after a change, coalesced
// in bursts, when a conversation crosses into near or past its target (the hub clock's timer), at a new
// hour, after a settings change; never to agents.
import { performance } from 'node:perf_hooks';
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../../shared/settings.js';
import { connectorRecordingIds, testHubForFile, type DeskClient } from '../testing/hub-fixture.js';
import { act, clockTo, postHandoff } from '../testing/monitor-script.js';
import { MONITOR_PUSH_THROTTLE_MS } from './monitor-service.js';

// 10:59 in Stockholm (CET): the next local hour starts a minute later.
const START = Date.parse('2026-03-10T10:59:00+01:00');
const hub = testHubForFile(
  [
    ['alva@example.com', 'Alva Sund'],
    ['lena@example.com', 'Lena Lead', 'lead'],
    ['lars@example.com', 'Lars Lead', 'lead'],
  ],
  { startAt: START },
);
const { ids, connectAs } = connectorRecordingIds(hub);
/** Within a second of the change, as the issue asks. */
const PUSH_WITHIN_MS = 1000;

type Snapshot = DeskClient['monitors'][number];

/**
 * Call before an action: `until` waits for a push to `lead` after this moment that satisfies `check`, and says
 * how long it took from this moment (real time).
 */
function watch(lead: DeskClient) {
  const since = performance.now();
  const seen = lead.monitors.length;
  return {
    async until(check: (snapshot: Snapshot) => boolean): Promise<number> {
      await vi.waitFor(() => expect(lead.monitors.slice(seen).some(check)).toBe(true), { timeout: 3000 });
      return performance.now() - since;
    },
  };
}

let conversationCount = 0;
const nextId = () => `push-${++conversationCount}`;

describe('monitor pushes', () => {
  it('reach a lead at once on connect, then within the throttle after a handoff, a claim and a resolve; never an agent', async () => {
    const lena = await connectAs('lena@example.com');
    const alva = await connectAs('alva@example.com');
    await vi.waitFor(() => expect(lena.monitors.length).toBeGreaterThan(0));
    const before = lena.monitors.at(-1)!;
    const id = nextId();
    const alvaOf = (m: Snapshot) => m.agents.find((agent) => agent.email === 'alva@example.com');

    const handoff = watch(lena);
    await postHandoff(hub, id, { channel: 'email', reason: 'knowledge_gap' });
    expect(await handoff.until((m) => m.waiting === before.waiting + 1)).toBeLessThan(PUSH_WITHIN_MS);

    const claim = watch(lena);
    await act(alva, { type: 'claim', conversationId: id });
    expect(await claim.until((m) => m.waiting === before.waiting && alvaOf(m)?.openCount === 1)).toBeLessThan(
      PUSH_WITHIN_MS,
    );

    hub.advance(90_000);
    await act(alva, { type: 'reply', conversationId: id, text: 'Hello!' });
    const resolve = watch(lena);
    await act(alva, { type: 'resolve', conversationId: id, tags: [] });
    const resolveTook = await resolve.until(
      (m) =>
        m.resolution.count === before.resolution.count + 1 &&
        alvaOf(m)?.handledToday === 1 &&
        alvaOf(m)?.openCount === 0,
    );
    expect(resolveTook).toBeLessThan(PUSH_WITHIN_MS);

    await alva.settle();
    expect(alva.monitors).toEqual([]);
  });

  it('coalesce a burst into few computations, the same figures for every lead', async () => {
    const lena = await connectAs('lena@example.com');
    const lars = await connectAs('lars@example.com');
    // The pushes caused by the two connections themselves go out first.
    await vi.waitFor(() => expect(lena.monitors.at(-1)?.agentsOnline).toBe(2));
    await vi.waitFor(() => expect(lars.monitors.at(-1)?.agentsOnline).toBe(2));
    const waitingBefore = lena.monitors.at(-1)!.waiting;
    const [lenaBefore, larsBefore] = [lena.monitors.length, lars.monitors.length];

    const [lenaWatch, larsWatch] = [watch(lena), watch(lars)];
    const burst = Array.from({ length: 10 }, () => nextId());
    await Promise.all(burst.map((id) => postHandoff(hub, id, { channel: 'sms', reason: 'burst' })));
    await lenaWatch.until((m) => m.waiting === waitingBefore + 10);
    await larsWatch.until((m) => m.waiting === waitingBefore + 10);
    const lenaPushes = lena.monitors.slice(lenaBefore);
    // Ten commits; with a push per change there would be ten.
    expect(lenaPushes.length).toBeLessThan(5);
    expect(lars.monitors.slice(larsBefore)).toEqual(lenaPushes);
    // Cleared for the tests after this one.
    for (const id of burst) await act(lena, { type: 'resolve', conversationId: id, tags: [] });
  });

  it('come from the hub clock when a conversation turns near and then past its target, with no other change', async () => {
    const lena = await connectAs('lena@example.com');
    await vi.waitFor(() => expect(lena.monitors.length).toBeGreaterThan(0));
    const id = nextId();
    const slaOf = (m: Snapshot) => m.sla.conversations.find((c) => c.conversationId === id);
    const handoff = watch(lena);
    await postHandoff(hub, id, { channel: 'web_chat', reason: 'knowledge_gap' });
    // Web chat: 2 minutes, near after 80 % (96 s).
    await handoff.until((m) => m.waiting > 0 && slaOf(m) === undefined);

    hub.advance(95_000);
    const near = watch(lena);
    hub.advance(1_000);
    expect(await near.until((m) => slaOf(m)?.state === 'near' && m.sla.near === 1)).toBeLessThan(
      PUSH_WITHIN_MS,
    );
    const breached = watch(lena);
    hub.advance(24_000);
    await breached.until((m) => slaOf(m)?.state === 'breached' && m.sla.breached === 1 && m.sla.near === 0);
    expect(slaOf(lena.monitors.at(-1)!)).toMatchObject({
      dueAt: new Date(hub.now()).toISOString(),
      assignee: null,
      channel: 'web_chat',
    });

    // An agent's first reply stops the clock.
    const replied = watch(lena);
    await act(lena, { type: 'claim', conversationId: id });
    await act(lena, { type: 'reply', conversationId: id, text: 'Sorry for the wait!' });
    await replied.until((m) => slaOf(m) === undefined && m.sla.breached === 0);
    await act(lena, { type: 'resolve', conversationId: id, tags: [] });
  });

  it('follow the SLA settings a lead changes (audited), at once', async () => {
    const lena = await connectAs('lena@example.com');
    const alva = await connectAs('alva@example.com');
    await vi.waitFor(() => expect(lena.monitors.length).toBeGreaterThan(0));
    const id = nextId();
    const slaOf = (m: Snapshot) => m.sla.conversations.find((c) => c.conversationId === id);
    const handoff = watch(lena);
    await postHandoff(hub, id, { channel: 'email', reason: 'knowledge_gap' });
    await handoff.until((m) => m.waiting > 0 && slaOf(m) === undefined);
    // 10 of the default 60 minutes for email: not near yet.
    hub.advance(10 * 60_000);

    const targets = { ...DEFAULT_SETTINGS.firstResponseTargetMinutes, email: 12 };
    expect(
      await alva.request('settings:update', { patch: { firstResponseTargetMinutes: targets } }),
    ).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    const change = watch(lena);
    const changed = await lena.request('settings:update', {
      patch: { firstResponseTargetMinutes: targets, slaWarningPercent: 50 },
    });
    expect(changed).toMatchObject({
      ok: true,
      value: { firstResponseTargetMinutes: targets, slaWarningPercent: 50 },
    });
    // 10 of 12 minutes: past 50 %, so near.
    expect(await change.until((m) => slaOf(m)?.state === 'near')).toBeLessThan(PUSH_WITHIN_MS);
    const audit = await lena.request('audit:list', { limit: 1 });
    expect(audit.ok && audit.value[0]).toMatchObject({
      actor: { id: ids['lena@example.com'] },
      changes: [
        {
          field: 'firstResponseTargetMinutes',
          from: DEFAULT_SETTINGS.firstResponseTargetMinutes,
          to: targets,
        },
        { field: 'slaWarningPercent', from: 80, to: 50 },
      ],
    });

    // The timer now waits for the new due time (12 minutes).
    const breached = watch(lena);
    hub.advance(2 * 60_000);
    await breached.until((m) => slaOf(m)?.state === 'breached');
    await act(lena, { type: 'resolve', conversationId: id, tags: [] });
    await lena.request('settings:update', {
      patch: {
        firstResponseTargetMinutes: DEFAULT_SETTINGS.firstResponseTargetMinutes,
        slaWarningPercent: DEFAULT_SETTINGS.slaWarningPercent,
      },
    });
  });

  it('come at each new local hour, and a lead who reconnects gets fresh figures at once', async () => {
    const lena = await connectAs('lena@example.com');
    await vi.waitFor(() => expect(lena.monitors.length).toBeGreaterThan(0));
    const currentHour = lena.monitors.at(-1)!.hourly.at(-1)!.hourStart;
    const nextHour = new Date(Date.parse(currentHour) + 3_600_000).toISOString();
    const newHour = watch(lena);
    clockTo(hub, Date.parse(nextHour));
    await newHour.until(
      (m) => m.hourly.at(-1)?.hourStart === nextHour && m.hourly[22]?.hourStart === currentHour,
    );

    const waitingBefore = lena.monitors.at(-1)!.waiting;
    lena.close();
    const id = nextId();
    await postHandoff(hub, id, { channel: 'sms', reason: 'while away' });
    const again = await connectAs('lena@example.com');
    // The first push, sent on connect, already counts what happened while disconnected.
    await vi.waitFor(() => expect(again.monitors.length).toBeGreaterThan(0));
    expect(again.monitors[0]).toMatchObject({
      waiting: waitingBefore + 1,
      computedAt: new Date(hub.now()).toISOString(),
    });
    await act(again, { type: 'resolve', conversationId: id, tags: [] });
  });

  it('are throttled to a fraction of a second', () => {
    expect(MONITOR_PUSH_THROTTLE_MS).toBeGreaterThanOrEqual(200);
    expect(MONITOR_PUSH_THROTTLE_MS).toBeLessThanOrEqual(300);
  });
});
