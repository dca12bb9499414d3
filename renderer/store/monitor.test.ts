// The lead's monitor in the store: figures only while they are live (never stale ones after the connection
// is lost, never for an agent), newer pushes win over late ones, and the CSV export's period and file.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../shared/settings.js';
import { lead, monitorSnapshot, ready, scriptedDesk, snapshot } from './test-support/scripted-desk.js';
import { defaultExportDates, exportPeriod } from './export-period.js';

const online = { status: 'online' as const, hubUrl: 'http://127.0.0.1:4710', lastError: null, catchUp: null };
const leadSession = { account: lead, hubUrl: 'http://127.0.0.1:4710' };

async function leadDesk(monitor = monitorSnapshot()) {
  const desk = scriptedDesk(snapshot([], { session: leadSession, settings: DEFAULT_SETTINGS, monitor }));
  await ready(desk);
  return desk;
}

describe('monitor slice', () => {
  it("takes the lead's figures from the snapshot and follows each push", async () => {
    const desk = await leadDesk();
    expect(desk.store.getState().monitor?.waiting).toBe(1);
    desk.emit({
      type: 'monitor',
      monitor: monitorSnapshot({ computedAt: '2025-01-01T10:05:01.000Z', waiting: 3 }),
    });
    expect(desk.store.getState().monitor?.waiting).toBe(3);
  });

  it('keeps newer figures when an older computation arrives late', async () => {
    const desk = await leadDesk();
    desk.emit({
      type: 'monitor',
      monitor: monitorSnapshot({ computedAt: '2025-01-01T10:06:00.000Z', waiting: 5 }),
    });
    desk.emit({
      type: 'monitor',
      monitor: monitorSnapshot({ computedAt: '2025-01-01T10:05:30.000Z', waiting: 2 }),
    });
    expect(desk.store.getState().monitor?.waiting).toBe(5);
  });

  it('shows no figures once the connection is lost, and fresh ones after the reconnect push', async () => {
    const desk = await leadDesk();
    desk.emit({ type: 'monitor', monitor: null });
    expect(desk.store.getState().monitor).toBeNull();

    // The connection state alone clears them too, whichever event comes first.
    desk.emit({ type: 'monitor', monitor: monitorSnapshot({ computedAt: '2025-01-01T10:07:00.000Z' }) });
    desk.emit({ type: 'connection', connection: { ...online, status: 'reconnecting' } });
    expect(desk.store.getState().monitor).toBeNull();

    desk.emit({ type: 'connection', connection: online });
    expect(desk.store.getState().monitor).toBeNull();
    desk.emit({
      type: 'monitor',
      monitor: monitorSnapshot({ computedAt: '2025-01-01T10:08:00.000Z', waiting: 0 }),
    });
    expect(desk.store.getState().monitor?.waiting).toBe(0);
  });

  it('keeps a push that arrives while the console is still catching up', async () => {
    const desk = await leadDesk(monitorSnapshot());
    desk.emit({
      type: 'connection',
      connection: { ...online, status: 'connecting', catchUp: { applied: 1, total: 9 } },
    });
    desk.emit({
      type: 'monitor',
      monitor: monitorSnapshot({ computedAt: '2025-01-01T10:09:00.000Z', waiting: 7 }),
    });
    desk.emit({
      type: 'connection',
      connection: { ...online, status: 'connecting', catchUp: { applied: 9, total: 9 } },
    });
    expect(desk.store.getState().monitor?.waiting).toBe(7);
  });

  it('never holds figures for an agent, and forgets them when the lead signs out', async () => {
    const agentDesk = scriptedDesk(snapshot([], { monitor: monitorSnapshot() }));
    await ready(agentDesk);
    agentDesk.emit({ type: 'monitor', monitor: monitorSnapshot({ computedAt: '2025-01-01T11:00:00.000Z' }) });
    expect(agentDesk.store.getState().monitor).toBeNull();
    agentDesk.store.getState().setView('monitor');
    expect(agentDesk.store.getState().view).toBe('desk');

    const desk = await leadDesk();
    desk.store.getState().setView('monitor');
    expect(desk.store.getState().view).toBe('monitor');
    desk.emit({ type: 'session', session: null });
    expect(desk.store.getState()).toMatchObject({ monitor: null, view: 'desk' });
  });

  it('exports whole local days, From and To included, named after the chosen dates', async () => {
    const desk = await leadDesk();
    const file = await desk.store.getState().exportConversationsCsv('2025-03-01', '2025-03-07');
    expect(file).toEqual({
      fileName: 'conversations-2025-03-01-to-2025-03-07.csv',
      mimeType: 'text/csv;charset=utf-8',
      content: 'conversation_id\n',
    });
    expect(desk.api.exportConversationsCsv).toHaveBeenCalledWith({
      from: new Date(2025, 2, 1).toISOString(),
      to: new Date(2025, 2, 8).toISOString(),
    });
    expect(desk.store.getState().csvExport).toEqual({ state: 'idle' });
  });

  it('refuses a backwards or too long period before asking the hub, and says why the hub refused', async () => {
    const desk = await leadDesk();
    expect(await desk.store.getState().exportConversationsCsv('2025-03-07', '2025-03-01')).toBeNull();
    expect(desk.store.getState().csvExport).toEqual({ state: 'invalid', problem: 'order' });
    expect(await desk.store.getState().exportConversationsCsv('2024-01-01', '2025-03-01')).toBeNull();
    expect(desk.store.getState().csvExport).toEqual({ state: 'invalid', problem: 'tooLong' });
    expect(await desk.store.getState().exportConversationsCsv('', '2025-03-01')).toBeNull();
    expect(desk.store.getState().csvExport).toEqual({ state: 'invalid', problem: 'missing' });
    expect(desk.api.exportConversationsCsv).not.toHaveBeenCalled();

    desk.api.exportConversationsCsv.mockResolvedValueOnce({
      ok: false,
      error: { code: 'offline', message: 'not connected' },
    });
    expect(await desk.store.getState().exportConversationsCsv('2025-03-01', '2025-03-02')).toBeNull();
    expect(desk.store.getState().csvExport).toEqual({
      state: 'failed',
      message: 'The console is not connected to the hub right now; try again when it is.',
    });
  });
});

describe('export period', () => {
  it('defaults to the last 7 days, today included', () => {
    expect(defaultExportDates(new Date(2025, 2, 10, 15, 30))).toEqual({
      from: '2025-03-04',
      to: '2025-03-10',
    });
    expect(defaultExportDates(new Date(2025, 0, 3))).toEqual({ from: '2024-12-28', to: '2025-01-03' });
  });

  it('takes a single day, a full 366 days, and no impossible date', () => {
    expect(exportPeriod('2025-03-01', '2025-03-01')).toMatchObject({
      ok: true,
      from: new Date(2025, 2, 1).toISOString(),
      to: new Date(2025, 2, 2).toISOString(),
    });
    expect(exportPeriod('2023-06-01', '2024-05-31')).toMatchObject({ ok: true });
    expect(exportPeriod('2025-02-30', '2025-03-01')).toEqual({ ok: false, problem: 'missing' });
  });
});
