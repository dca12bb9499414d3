// Thousands of conversations arriving at once (signing in to a busy hub): the console shows them all after
// one store update, in the same state as if they had come one by one, and never reorders a burst around a
// sign-out, a new account or any other event.
import { describe, expect, it } from 'vitest';
import type { DeskEvent } from '../../shared/desk-api.js';
import { DEFAULT_SETTINGS } from '../../shared/settings.js';
import { createDeskEventBatcher } from './desk-event-batcher.js';
import { queueCount, queueIds } from './queue.js';
import { startSlaClock } from './sla-clock.js';
import {
  conversation,
  lead,
  me,
  message,
  ready,
  scriptedDesk,
  snapshot,
} from './test-support/scripted-desk.js';

const BURST = 5000;

function waitingConversations(count: number): DeskEvent[] {
  return Array.from({ length: count }, (_, index) => ({
    type: 'conversation' as const,
    conversation: conversation(`c${index}`, {
      escalatedAt: new Date(Date.parse('2025-01-01T10:00:00.000Z') + index * 1000).toISOString(),
    }),
  }));
}

describe('a burst of live events', () => {
  it('shows 5,000 arriving conversations after one store update and one SLA refresh', async () => {
    const desk = scriptedDesk(snapshot([], { settings: DEFAULT_SETTINGS }));
    await ready(desk);
    let slaRefreshes = 0;
    const stopClock = startSlaClock(desk.store, {
      now: () => {
        slaRefreshes += 1;
        return Date.parse('2025-01-01T10:00:00.000Z');
      },
      setInterval: () => () => undefined,
    });
    slaRefreshes = 0;
    let notifications = 0;
    const stopCounting = desk.store.subscribe(() => (notifications += 1));

    desk.emitBurst(waitingConversations(BURST));

    const state = desk.store.getState();
    expect(queueCount(state, 'unassigned')).toBe(BURST);
    const ids = queueIds(state, 'unassigned');
    expect(ids[0]).toBe('c0');
    expect(ids[BURST - 1]).toBe(`c${BURST - 1}`);
    expect(Object.keys(state.slaByConversation)).toHaveLength(BURST);
    // One update for the burst, plus at most one for the SLA standings it changes.
    expect(notifications).toBeLessThanOrEqual(2);
    expect(slaRefreshes).toBe(1);
    stopCounting();
    stopClock();
  });

  it('ends in the same state as one event at a time: newest version wins, messages merged, claims settled', async () => {
    const events: DeskEvent[] = [
      {
        type: 'conversation',
        conversation: conversation('c1', { status: 'open', assignee: me, version: 5 }),
      },
      { type: 'message', message: message('m2', 'c1', 2) },
      { type: 'conversation', conversation: conversation('c1', { version: 3 }) },
      { type: 'message', message: message('m1', 'c1', 1) },
      { type: 'message', message: { ...message('m2', 'c1', 2), text: 'edited' } },
      { type: 'message', message: message('m9', 'c2', 1) },
      { type: 'conversation', conversation: conversation('c2', { tags: ['vip'], version: 2 }) },
    ];
    const oneByOne = scriptedDesk(snapshot([conversation('c1'), conversation('c2')]));
    const burst = scriptedDesk(snapshot([conversation('c1'), conversation('c2')]));
    for (const desk of [oneByOne, burst]) {
      await ready(desk);
      desk.store.getState().patchActions('c1', { claim: 'in_flight' });
      desk.store.getState().patchActions('c2', { pendingTags: ['vip'] });
    }
    events.forEach((event) => oneByOne.emit(event));
    burst.emitBurst(events);

    for (const desk of [oneByOne, burst]) {
      const state = desk.store.getState();
      expect(state.conversationsById.c1).toMatchObject({ status: 'open', version: 5 });
      expect(state.messagesByConversation.c1?.map((m) => [m.id, m.text])).toEqual([
        ['m1', 'hello m1'],
        ['m2', 'edited'],
      ]);
      expect(state.messagesByConversation.c2?.map((m) => m.id)).toEqual(['m9']);
      expect(state.actionsByConversation.c1).toMatchObject({ claim: 'idle' });
      expect(state.actionsByConversation.c2).toMatchObject({ pendingTags: null });
    }
    const pick = (desk: typeof burst) => {
      const { conversationsById, messagesByConversation, actionsByConversation } = desk.store.getState();
      return { conversationsById, messagesByConversation, actionsByConversation };
    };
    expect(pick(burst)).toEqual(pick(oneByOne));
  });

  it('keeps a burst in order around another account signing in', async () => {
    const desk = scriptedDesk(snapshot([]));
    await ready(desk);
    desk.emitBurst([
      ...waitingConversations(3),
      { type: 'session', session: { account: lead, hubUrl: 'http://127.0.0.1:4710' } },
      { type: 'conversation', conversation: conversation('after') },
    ]);
    // What came before the new account is gone with the old account's data; what came after stays.
    expect(queueIds(desk.store.getState(), 'unassigned')).toEqual(['after']);
  });

  it('applies what it gathered before any other event, and nothing after it stops', () => {
    const applied: string[][] = [];
    let scheduled: (() => void) | null = null;
    const batcher = createDeskEventBatcher(
      (events) => applied.push(events.map((event) => event.type)),
      (flush) => {
        scheduled = flush;
        return () => (scheduled = null);
      },
    );
    const [first, second] = waitingConversations(2);
    batcher.push(first!);
    batcher.push({ type: 'message', message: message('m1', 'c0', 1) });
    expect(applied).toEqual([]);
    batcher.push({ type: 'reset' });
    expect(applied).toEqual([['conversation', 'message'], ['reset']]);
    expect(scheduled).toBeNull();
    batcher.push(second!);
    batcher.stop();
    expect(scheduled).toBeNull();
    batcher.flush();
    expect(applied).toHaveLength(2);
  });
});
