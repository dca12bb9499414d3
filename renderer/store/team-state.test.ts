// Issue 3 state as the agent sees it: team, activity, unread, tags, transfers and statuses, fed through the
// DeskApi surface (events and call results) the desk core provides.
import { describe, expect, it, vi } from 'vitest';
import { TYPING_TIMEOUT_MS } from '../../shared/team.js';
import { DEFAULT_SETTINGS } from '../../shared/settings.js';
import { reportActivityChanges } from '../platform/activity-reporter.js';
import { titleFor } from '../platform/document-title.js';
import { markReadWhileVisible } from '../platform/read-tracker.js';
import { unreadTotal } from './preferences-slice.js';
import { queueIds } from './queue.js';
import {
  conversation,
  me,
  member,
  other,
  ready,
  scriptedDesk,
  snapshot,
} from './test-support/scripted-desk.js';

/** A document stand-in: an EventTarget with a visibility the test flips. */
function fakeDocument() {
  const target = new EventTarget() as EventTarget & { visibilityState: DocumentVisibilityState };
  target.visibilityState = 'visible';
  return target;
}

describe('team state', () => {
  it('takes roster, settings, canned replies, activity, unread and preferences from the snapshot', async () => {
    const desk = scriptedDesk(
      snapshot([conversation('c1')], {
        roster: [member({ id: me.id, name: me.name })],
        settings: DEFAULT_SETTINGS,
        activity: [{ conversationId: 'c1', viewers: [], shopperTyping: true }],
        unread: { c1: 2 },
        preferences: { language: 'sv', notifications: false, sound: true, retentionDays: null },
      }),
    );
    await ready(desk);
    const state = desk.store.getState();
    expect(state.roster).toHaveLength(1);
    expect(state.settings?.defaultCapacity).toBe(5);
    expect(state.activityByConversation.c1?.shopperTyping).toBe(true);
    expect(unreadTotal(state.unread)).toBe(2);
    expect(state.preferences.language).toBe('sv');
  });

  it('applies live roster, activity and unread pushes', async () => {
    const desk = scriptedDesk(snapshot([conversation('c1')]));
    await ready(desk);
    desk.emit({ type: 'roster', roster: [member({ id: other.id, name: other.name, presence: 'away' })] });
    desk.emit({
      type: 'activity',
      activity: { conversationId: 'c1', viewers: [{ agent: other, typing: 'reply' }], shopperTyping: false },
    });
    desk.emit({ type: 'unread', unread: { c1: 3 } });
    const state = desk.store.getState();
    expect(state.roster[0]?.presence).toBe('away');
    expect(state.activityByConversation.c1?.viewers[0]?.typing).toBe('reply');
    expect(titleFor(unreadTotal(state.unread))).toBe('(3) Handoff Desk');
    expect(titleFor(0)).toBe('Handoff Desk');
  });

  it('opens a conversation a notification points at, on the tab where it lives', async () => {
    const desk = scriptedDesk(snapshot([conversation('c1', { status: 'open', assignee: me })]));
    await ready(desk);
    expect(desk.store.getState().queueTab).toBe('unassigned');
    desk.emit({ type: 'focusConversation', conversationId: 'c1' });
    expect(desk.store.getState().selectedConversationId).toBe('c1');
    expect(desk.store.getState().queueTab).toBe('mine');
  });

  it('shows tags as set at once and keeps them until the hub’s conversation carries them', async () => {
    const desk = scriptedDesk(snapshot([conversation('c1', { status: 'open', assignee: me })]));
    desk.api.setTags.mockResolvedValueOnce({ ok: true, pending: true });
    await ready(desk);
    await desk.store.getState().setTags('c1', ['vip']);
    expect(desk.store.getState().actionsByConversation.c1?.pendingTags).toEqual(['vip']);
    desk.emit({ type: 'conversation', conversation: conversation('c1', { tags: ['vip'], version: 2 }) });
    expect(desk.store.getState().actionsByConversation.c1?.pendingTags).toBeNull();
  });

  it('drops the pending tags and says why when the hub refuses them later', async () => {
    const desk = scriptedDesk(snapshot([conversation('c1', { status: 'open', assignee: me })]));
    desk.api.setTags.mockResolvedValueOnce({ ok: true, pending: true });
    await ready(desk);
    await desk.store.getState().setTags('c1', ['vip']);
    desk.emit({
      type: 'commandFailed',
      conversationId: 'c1',
      commandType: 'set_tags',
      error: { code: 'invalid', message: 'tags.0: Too long.' },
    });
    expect(desk.store.getState().actionsByConversation.c1).toMatchObject({
      pendingTags: null,
      error: 'The hub refused to change its tags: tags.0: Too long.',
    });
  });

  it('sends a transfer with its note and a snooze with its time, and reports refusals in words', async () => {
    const desk = scriptedDesk(snapshot([conversation('c1', { status: 'open', assignee: me })]));
    await ready(desk);
    expect(await desk.store.getState().transfer('c1', other.id, 'VIP, be quick')).toBe(true);
    expect(desk.api.transfer).toHaveBeenCalledWith({
      conversationId: 'c1',
      toAgentId: other.id,
      note: 'VIP, be quick',
    });
    await desk.store.getState().transfer('c1', null);
    expect(desk.api.transfer).toHaveBeenLastCalledWith({ conversationId: 'c1', toAgentId: null });
    desk.api.setStatus.mockResolvedValueOnce({
      ok: false,
      error: { code: 'invalid_transition', message: 'The snooze time is in the past.' },
    });
    const until = '2030-01-01T09:00:00.000Z';
    expect(await desk.store.getState().setStatus('c1', { status: 'snoozed', snoozedUntil: until })).toBe(
      false,
    );
    expect(desk.api.setStatus).toHaveBeenCalledWith({
      conversationId: 'c1',
      status: 'snoozed',
      snoozedUntil: until,
    });
    expect(desk.store.getState().actionsByConversation.c1).toMatchObject({
      moving: false,
      error: 'The hub refused to change its status: The snooze time is in the past.',
    });
  });

  it('lists pending in Mine and All open, snoozed only under Snoozed', async () => {
    const desk = scriptedDesk(
      snapshot([
        conversation('p', { status: 'pending', assignee: me }),
        conversation('o', { status: 'open', assignee: me }),
        conversation('z', { status: 'snoozed', assignee: me, snoozedUntil: '2030-01-01T09:00:00.000Z' }),
      ]),
    );
    await ready(desk);
    const state = desk.store.getState();
    expect(queueIds(state, 'mine')).toEqual(['o', 'p']);
    expect(queueIds(state, 'allOpen')).toEqual(['o', 'p']);
    expect(queueIds(state, 'snoozed')).toEqual(['z']);
  });

  it('shows a chosen presence at once and the hub’s refusal in words', async () => {
    const desk = scriptedDesk(snapshot([], { roster: [member({ id: me.id, name: me.name })] }));
    await ready(desk);
    const choosing = desk.store.getState().setPresence('away');
    expect(desk.store.getState().presencePending).toBe('away');
    await choosing;
    desk.emit({
      type: 'roster',
      roster: [member({ id: me.id, name: me.name, chosenPresence: 'away', presence: 'away' })],
    });
    expect(desk.store.getState().presencePending).toBeNull();
    desk.api.setPresence.mockResolvedValueOnce({ ok: false, error: { code: 'offline', message: 'No hub.' } });
    await desk.store.getState().setPresence('online');
    // The desk core's codes are said in the UI language, not its English message.
    expect(desk.store.getState().presenceError).toBe(
      'Could not change your presence: The console is not connected to the hub right now; try again when it is.',
    );
  });
});

describe('activity and read marks', () => {
  it('reports the open conversation and typing once per change, none while hidden, again after a reconnect', async () => {
    const desk = scriptedDesk(snapshot([conversation('c1'), conversation('c2')]));
    await ready(desk);
    const doc = fakeDocument();
    const stop = reportActivityChanges(desk.store, desk.api, doc as unknown as Document);
    const reports = () => desk.api.reportActivity.mock.calls.map(([report]) => report);
    expect(reports()).toEqual([{ conversationId: null, typing: null }]);
    desk.store.getState().openConversation('c1');
    desk.store.getState().setTyping('note');
    desk.store.getState().setTyping('note');
    desk.store.getState().setTyping(null);
    doc.visibilityState = 'hidden';
    doc.dispatchEvent(new Event('visibilitychange'));
    expect(reports()).toEqual([
      { conversationId: null, typing: null },
      { conversationId: 'c1', typing: null },
      { conversationId: 'c1', typing: 'note' },
      { conversationId: 'c1', typing: null },
      { conversationId: null, typing: null },
    ]);
    doc.visibilityState = 'visible';
    doc.dispatchEvent(new Event('visibilitychange'));
    desk.emit({
      type: 'connection',
      connection: { status: 'reconnecting', hubUrl: null, lastError: 'gone', catchUp: null },
    });
    desk.emit({
      type: 'connection',
      connection: { status: 'online', hubUrl: null, lastError: null, catchUp: null },
    });
    expect(reports().slice(-2)).toEqual([
      { conversationId: 'c1', typing: null },
      { conversationId: 'c1', typing: null },
    ]);
    stop();
  });

  it('repeats a typing report while the agent keeps typing, within the hub’s typing timeout', async () => {
    const desk = scriptedDesk(snapshot([conversation('c1')]));
    await ready(desk);
    vi.useFakeTimers();
    try {
      const stop = reportActivityChanges(desk.store, desk.api, fakeDocument() as unknown as Document);
      desk.store.getState().openConversation('c1');
      desk.store.getState().setTyping('reply');
      const typingReports = () =>
        desk.api.reportActivity.mock.calls.filter(([report]) => report.typing === 'reply').length;
      expect(typingReports()).toBe(1);
      vi.advanceTimersByTime(TYPING_TIMEOUT_MS);
      expect(typingReports()).toBeGreaterThanOrEqual(3);
      desk.store.getState().setTyping(null);
      const afterStop = typingReports();
      vi.advanceTimersByTime(TYPING_TIMEOUT_MS * 3);
      expect(typingReports()).toBe(afterStop);
      stop();
    } finally {
      vi.useRealTimers();
    }
  });

  it('marks the open conversation read while visible, and not while hidden', async () => {
    const desk = scriptedDesk(
      snapshot([conversation('c1'), conversation('c2')], { unread: { c1: 2, c2: 1 } }),
    );
    await ready(desk);
    const doc = fakeDocument();
    doc.visibilityState = 'hidden';
    const stop = markReadWhileVisible(desk.store, doc as unknown as Document);
    desk.store.getState().openConversation('c1');
    expect(desk.api.markRead).not.toHaveBeenCalled();
    doc.visibilityState = 'visible';
    doc.dispatchEvent(new Event('visibilitychange'));
    expect(desk.api.markRead).toHaveBeenCalledWith({ conversationId: 'c1' });
    expect(desk.store.getState().unread).toEqual({ c1: 0, c2: 1 });
    desk.emit({ type: 'unread', unread: { c1: 1, c2: 1 } });
    expect(desk.api.markRead).toHaveBeenCalledTimes(2);
    stop();
  });
});
