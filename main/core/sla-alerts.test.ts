// When a lead hears of a breached first-response target: once per conversation and escalation, only for crossings
// seen live (never for what was already breached when the console connected), never with notifications off.
import { describe, expect, it } from 'vitest';
import { monitorSnapshotSchema, type MonitorSnapshot, type SlaConversation } from '../../shared/monitor.js';
import type { DeskNotification } from '../../shared/notifications.js';
import { SlaAlerts } from './sla-alerts.js';

const NOW = Date.parse('2026-11-22T10:00:00.000Z');
const MINUTE = 60_000;

function slaRow(id: string, state: 'near' | 'breached', escalatedMinutesAgo: number): SlaConversation {
  const escalatedAt = new Date(NOW - escalatedMinutesAgo * MINUTE).toISOString();
  return {
    conversationId: id,
    channel: 'web_chat',
    shopper: `Shopper ${id}`,
    escalatedAt,
    dueAt: new Date(Date.parse(escalatedAt) + 2 * MINUTE).toISOString(),
    state,
    assignee: null,
  };
}

/** A monitor push whose SLA list holds `rows` (the other figures do not matter here; parsed, so they are valid). */
function push(rows: SlaConversation[]): MonitorSnapshot {
  return monitorSnapshotSchema.parse({
    computedAt: new Date(NOW).toISOString(),
    timeZone: 'Europe/Stockholm',
    dayStart: '2026-11-21T23:00:00.000Z',
    waiting: rows.length,
    oldestWaitingSince: null,
    agentsOnline: 0,
    agents: [],
    handoffsToday: rows.length,
    resolvedByAiToday: 0,
    resolutionRate: null,
    routedToTeam: null,
    firstResponse: { count: 0, medianSeconds: null, p90Seconds: null },
    resolution: { count: 0, medianSeconds: null, p90Seconds: null },
    byChannel: [],
    byReason: [],
    sla: {
      near: rows.filter((r) => r.state === 'near').length,
      breached: rows.filter((r) => r.state === 'breached').length,
      conversations: rows,
    },
    hourly: [],
  });
}

function setUp() {
  const notifications: DeskNotification[] = [];
  const state = { notifications: true };
  const alerts = new SlaAlerts({
    notificationsOn: () => state.notifications,
    emit: (n) => notifications.push(n),
    now: () => NOW,
  });
  return { alerts, notifications, state };
}

describe('SLA breach alerts', () => {
  it('a conversation crossing its target after the first push alerts once, with the minutes waited', () => {
    const { alerts, notifications } = setUp();
    alerts.pushed(push([slaRow('c1', 'near', 1)]));
    expect(notifications).toEqual([]);
    alerts.pushed(push([slaRow('c1', 'breached', 3)]));
    alerts.pushed(push([slaRow('c1', 'breached', 3)]));
    alerts.pushed(push([slaRow('c1', 'breached', 3), slaRow('c2', 'near', 1)]));
    expect(notifications).toEqual([
      {
        id: expect.any(String),
        kind: 'sla_breached',
        conversationId: 'c1',
        shopper: 'Shopper c1',
        actor: null,
        preview: '3',
      },
    ]);
  });

  it('what is already breached in the first push of a connection is not news, also after a reconnect', () => {
    const { alerts, notifications } = setUp();
    alerts.pushed(push([slaRow('old', 'breached', 30)]));
    expect(notifications).toEqual([]);
    alerts.connectionLost();
    // Crossed while we were disconnected: the lead sees it on the monitor, no alert.
    alerts.pushed(push([slaRow('old', 'breached', 30), slaRow('while-away', 'breached', 4)]));
    expect(notifications).toEqual([]);
    alerts.pushed(push([slaRow('old', 'breached', 30), slaRow('new', 'breached', 2)]));
    expect(notifications.map((n) => n.conversationId)).toEqual(['new']);
  });

  it('a conversation handed off again (a new escalation) can alert again', () => {
    const { alerts, notifications } = setUp();
    alerts.pushed(push([]));
    alerts.pushed(push([slaRow('c1', 'breached', 40)]));
    alerts.pushed(push([]));
    alerts.pushed(push([slaRow('c1', 'breached', 3)]));
    expect(notifications.map((n) => [n.conversationId, n.preview])).toEqual([
      ['c1', '40'],
      ['c1', '3'],
    ]);
  });

  it('with notifications off nothing is raised, nor later when they are turned on again', () => {
    const { alerts, notifications, state } = setUp();
    alerts.pushed(push([]));
    state.notifications = false;
    alerts.pushed(push([slaRow('c1', 'breached', 3)]));
    state.notifications = true;
    alerts.pushed(push([slaRow('c1', 'breached', 3)]));
    expect(notifications).toEqual([]);
  });

  it('after reset (another account) the first push is quiet again', () => {
    const { alerts, notifications } = setUp();
    alerts.pushed(push([]));
    alerts.reset();
    alerts.pushed(push([slaRow('c1', 'breached', 3)]));
    expect(notifications).toEqual([]);
  });
});
