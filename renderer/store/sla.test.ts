// The queue's SLA standing over time, as every console shows it: one clock refreshes the store, a row's
// standing moves ok → near → breached as time passes against the hub's targets, stops with the first reply,
// follows new targets at once, and the store changes only when some standing does (rows re-render then only).
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../shared/settings.js';
import { startSlaClock, SLA_TICK_MS } from './sla-clock.js';
import { slaStateIn } from './sla-slice.js';
import { conversation, me, ready, scriptedDesk, snapshot } from './test-support/scripted-desk.js';

/** A clock the test moves by hand: the time, and the one interval timer it runs. */
function fakeClock(startMs: number) {
  let nowMs = startMs;
  const timers = new Set<() => void>();
  return {
    clock: {
      now: () => nowMs,
      setInterval(tick: () => void) {
        timers.add(tick);
        return () => timers.delete(tick);
      },
    },
    timerCount: () => timers.size,
    advance(ms: number) {
      for (let step = 0; step < ms; step += SLA_TICK_MS) {
        nowMs += Math.min(SLA_TICK_MS, ms - step);
        timers.forEach((tick) => tick());
      }
    },
  };
}

const escalatedAt = '2025-01-01T10:00:00.000Z';
const start = Date.parse(escalatedAt);
// Web chat: 2 minutes, near after 80 % (96 s). Email: 60 minutes.
const settings = DEFAULT_SETTINGS;

async function deskAt(offsetMs: number) {
  const desk = scriptedDesk(
    snapshot(
      [
        conversation('chat', { channel: 'web_chat', escalatedAt }),
        conversation('mail', { channel: 'email', escalatedAt }),
        conversation('answered', {
          status: 'open',
          assignee: me,
          escalatedAt,
          firstResponseAt: '2025-01-01T10:00:30.000Z',
        }),
      ],
      { settings },
    ),
  );
  await ready(desk);
  const time = fakeClock(start + offsetMs);
  const stop = startSlaClock(desk.store, time.clock);
  return { desk, time, stop };
}

describe('SLA standing in the queue', () => {
  it('moves a waiting web chat from ok to near to breached as its two minutes pass', async () => {
    const { desk, time } = await deskAt(0);
    const state = () => slaStateIn(desk.store.getState(), 'chat');
    expect(state()).toBe('ok');
    time.advance(95_000);
    expect(state()).toBe('ok');
    time.advance(1_000);
    expect(state()).toBe('near');
    time.advance(23_000);
    expect(state()).toBe('near');
    time.advance(1_000);
    expect(state()).toBe('breached');
    // The email's hour is far off; an answered conversation has no clock.
    expect(slaStateIn(desk.store.getState(), 'mail')).toBe('ok');
    expect(slaStateIn(desk.store.getState(), 'answered')).toBe('none');
  });

  it('changes the store only when a standing changes, so other rows do not re-render', async () => {
    const { desk, time } = await deskAt(0);
    let changes = 0;
    desk.store.subscribe((next, previous) => {
      if (next.slaByConversation !== previous.slaByConversation) changes += 1;
    });
    time.advance(90_000);
    expect(changes).toBe(0);
    time.advance(10_000);
    expect(changes).toBe(1);
    time.advance(10_000);
    expect(changes).toBe(1);
  });

  it('stops the clock at the first reply, and when the conversation is resolved', async () => {
    const { desk, time } = await deskAt(100_000);
    expect(slaStateIn(desk.store.getState(), 'chat')).toBe('near');
    desk.emit({
      type: 'conversation',
      conversation: conversation('chat', {
        status: 'open',
        assignee: me,
        escalatedAt,
        firstResponseAt: '2025-01-01T10:01:41.000Z',
        version: 2,
      }),
    });
    // At once, not at the next tick.
    expect(slaStateIn(desk.store.getState(), 'chat')).toBe('none');
    time.advance(60_000);
    expect(slaStateIn(desk.store.getState(), 'chat')).toBe('none');
    desk.emit({
      type: 'conversation',
      conversation: conversation('mail', { channel: 'email', status: 'resolved', escalatedAt, version: 2 }),
    });
    expect(slaStateIn(desk.store.getState(), 'mail')).toBe('none');
  });

  it('keeps running while a claimed conversation has no reply yet', async () => {
    const { desk, time } = await deskAt(0);
    desk.emit({
      type: 'conversation',
      conversation: conversation('chat', { status: 'open', assignee: me, escalatedAt, version: 2 }),
    });
    time.advance(120_000);
    expect(slaStateIn(desk.store.getState(), 'chat')).toBe('breached');
  });

  it("follows the lead's new targets at once, and shows nothing without the hub's targets", async () => {
    const { desk } = await deskAt(10 * 60_000);
    expect(slaStateIn(desk.store.getState(), 'mail')).toBe('ok');
    desk.emit({
      type: 'settings',
      settings: {
        ...settings,
        firstResponseTargetMinutes: { ...settings.firstResponseTargetMinutes, email: 12 },
      },
    });
    expect(slaStateIn(desk.store.getState(), 'mail')).toBe('near');
    desk.emit({ type: 'settings', settings: { ...settings, slaWarningPercent: 90 } });
    expect(slaStateIn(desk.store.getState(), 'mail')).toBe('ok');

    desk.store.getState().applySettings(null);
    expect(desk.store.getState().slaByConversation).toEqual({});
  });

  it('runs one timer for the whole queue and stops it with the console', async () => {
    const { time, stop } = await deskAt(0);
    expect(time.timerCount()).toBe(1);
    stop();
    expect(time.timerCount()).toBe(0);
  });
});
