// The store's behaviour as the agent sees it, fed through the same DeskApi surface the desk core provides.
// The DeskApi here is scripted per test: the store is the unit under test, not the desk core.
import { describe, expect, it, vi } from 'vitest';
import { queueCount, queueIds } from './queue.js';
import {
  conversation,
  me,
  message,
  other,
  ready,
  scriptedDesk,
  snapshot,
} from './test-support/scripted-desk.js';

describe('desk store', () => {
  it('sorts the queue tabs from the snapshot: longest waiting first, mine only mine', async () => {
    const desk = scriptedDesk(
      snapshot([
        conversation('late', { escalatedAt: '2025-01-01T10:05:00.000Z' }),
        conversation('early', { escalatedAt: '2025-01-01T10:00:30.000Z' }),
        conversation('mine', { status: 'open', assignee: me }),
        conversation('theirs', { status: 'open', assignee: other }),
        conversation('done', { status: 'resolved', assignee: me }),
      ]),
    );
    await ready(desk);
    const state = desk.store.getState();
    expect(queueIds(state, 'unassigned')).toEqual(['early', 'late']);
    expect(queueIds(state, 'mine')).toEqual(['mine']);
    expect(queueCount(state, 'allOpen')).toBe(4);
  });

  it('moves a conversation from Unassigned to Mine on a live event, and ignores an older version', async () => {
    const desk = scriptedDesk(snapshot([conversation('c1')]));
    await ready(desk);
    desk.emit({
      type: 'conversation',
      conversation: conversation('c1', { status: 'open', assignee: me, version: 5 }),
    });
    desk.emit({ type: 'conversation', conversation: conversation('c1', { version: 3 }) });
    const state = desk.store.getState();
    expect(queueIds(state, 'unassigned')).toEqual([]);
    expect(queueIds(state, 'mine')).toEqual(['c1']);
  });

  it('shows a handoff that arrives after sign-in without a reload', async () => {
    const desk = scriptedDesk(snapshot([]));
    await ready(desk);
    desk.emit({ type: 'conversation', conversation: conversation('new') });
    expect(queueIds(desk.store.getState(), 'unassigned')).toEqual(['new']);
  });

  it('merges live messages with the fetched transcript without doubles', async () => {
    const desk = scriptedDesk(snapshot([conversation('c1')]));
    desk.api.openConversation.mockResolvedValueOnce({
      conversation: conversation('c1'),
      messages: [message('m1', 'c1', 1), message('m2', 'c1', 2)],
    });
    await ready(desk);
    desk.emit({ type: 'message', message: message('m3', 'c1', 3) });
    desk.emit({ type: 'message', message: message('m2', 'c1', 2) });
    desk.store.getState().openConversation('c1');
    await vi.waitFor(() => expect(desk.store.getState().transcriptStatus.c1).toEqual({ state: 'ready' }));
    expect(desk.store.getState().messagesByConversation.c1?.map((m) => m.id)).toEqual(['m1', 'm2', 'm3']);
  });

  it('tells the agent who won when a claim race is lost', async () => {
    const desk = scriptedDesk(snapshot([conversation('c1')]));
    desk.api.claim.mockResolvedValueOnce({
      ok: false,
      error: { code: 'already_claimed', message: 'Bo Berg already claimed this conversation.' },
    });
    await ready(desk);
    await desk.store.getState().claim('c1');
    expect(desk.store.getState().actionsByConversation.c1).toMatchObject({
      claim: 'idle',
      error: 'Bo Berg already claimed this conversation.',
    });
  });

  it('keeps a claim in flight while it waits in the outbox, until the conversation shows it', async () => {
    const desk = scriptedDesk(snapshot([conversation('c1')]));
    desk.api.claim.mockResolvedValueOnce({ ok: true, pending: true });
    await ready(desk);
    await desk.store.getState().claim('c1');
    expect(desk.store.getState().actionsByConversation.c1?.claim).toBe('in_flight');
    desk.emit({
      type: 'conversation',
      conversation: conversation('c1', { status: 'open', assignee: me, version: 2 }),
    });
    expect(desk.store.getState().actionsByConversation.c1?.claim).toBe('idle');
  });

  it('shows a command the hub refused later, in words', async () => {
    const desk = scriptedDesk(snapshot([conversation('c1', { status: 'open', assignee: me })]));
    await ready(desk);
    desk.emit({
      type: 'commandFailed',
      conversationId: 'c1',
      commandType: 'reply',
      error: { code: 'not_assignee', message: 'You are not assigned to this conversation.' },
    });
    expect(desk.store.getState().actionsByConversation.c1?.error).toBe(
      'The hub refused to send your reply: You are not assigned to this conversation.',
    );
  });

  it('forgets the account data when the session ends', async () => {
    const desk = scriptedDesk(snapshot([conversation('c1')]));
    await ready(desk);
    desk.store.getState().openConversation('c1');
    desk.emit({ type: 'session', session: null });
    const state = desk.store.getState();
    expect(state.session).toBeNull();
    expect(state.conversationsById).toEqual({});
    expect(state.selectedConversationId).toBeNull();
  });

  it('fetches the snapshot again after the local link comes back', async () => {
    const desk = scriptedDesk(snapshot([conversation('c1')]));
    await ready(desk);
    expect(desk.api.getSnapshot).toHaveBeenCalledTimes(1);
    desk.setLink('reconnecting');
    expect(desk.store.getState().bridgeLink).toBe('reconnecting');
    desk.setLink('open');
    await vi.waitFor(() => expect(desk.api.getSnapshot).toHaveBeenCalledTimes(2));
  });
});
