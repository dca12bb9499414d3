// Issue 4 state as the agent sees it: offline review, catch-up progress, a rebuilt cache (reset), conversations
// dropped from the cache, refused outbox actions, export and clearing the cache. Fed through the same DeskApi
// surface the desk core provides (scripted per test: the store is the unit under test).
import { describe, expect, it, vi } from 'vitest';
import type { DeskMessage, FailedAction } from '../../shared/desk-api.js';
import { visibleCatchUp } from './catch-up.js';
import { queueIds } from './queue.js';
import {
  conversation,
  me,
  message,
  other,
  ready,
  scriptedDesk,
  snapshot,
} from './test-support/scripted-desk.js';

const live = { status: 'online', hubUrl: 'http://127.0.0.1:4710', lastError: null, catchUp: null } as const;

function localReply(id: string, conversationId: string, delivery: DeskMessage['delivery']): DeskMessage {
  return { ...message(id, conversationId, 99), author: 'agent', agent: me, text: 'Hej Anna!', delivery };
}

function refused(commandId: string, patch: Partial<FailedAction> = {}): FailedAction {
  return {
    commandId,
    conversationId: 'c1',
    commandType: 'reply',
    text: 'Hej Anna! Din retur är registrerad.',
    createdAt: '2025-01-01T10:05:00.000Z',
    error: { code: 'not_assignee', message: 'Only Bo Berg, who has this conversation, can reply.' },
    ...patch,
  };
}

describe('offline review', () => {
  it('opens the desk in offline review when sign-in answers offline, and stays in it until live', async () => {
    const desk = scriptedDesk(snapshot([], { session: null, connection: { ...live, status: 'signed_out' } }));
    await ready(desk);
    const offlineSnapshot = snapshot([conversation('c1', { status: 'open', assignee: me })], {
      connection: { ...live, status: 'offline_review', lastError: 'connect ECONNREFUSED 127.0.0.1:4710' },
    });
    let answerSnapshot!: (value: typeof offlineSnapshot) => void;
    desk.api.getSnapshot.mockReturnValueOnce(new Promise((resolve) => (answerSnapshot = resolve)));
    desk.api.signIn.mockResolvedValueOnce({
      ok: true,
      session: { account: me, hubUrl: 'http://127.0.0.1:4710' },
      offline: true,
    });
    const signedIn = desk.store
      .getState()
      .signIn({ hubUrl: 'http://127.0.0.1:4710', email: me.email, password: 'pw' });
    await vi.waitFor(() => expect(desk.api.getSnapshot).toHaveBeenCalledTimes(2));
    // Marked as soon as sign-in answers, before the snapshot arrives.
    expect(desk.store.getState().connection.status).toBe('offline_review');
    expect(desk.store.getState().offlineReview).toBe(true);
    answerSnapshot(offlineSnapshot);
    expect(await signedIn).toBe(true);
    let state = desk.store.getState();
    expect(state.session?.account.id).toBe(me.id);
    expect(state.offlineReview).toBe(true);
    expect(queueIds(state, 'mine')).toEqual(['c1']);

    // Trying the hub again does not end the review; being live does.
    desk.emit({ type: 'connection', connection: { ...live, status: 'connecting' } });
    expect(desk.store.getState().offlineReview).toBe(true);
    desk.emit({ type: 'connection', connection: { ...live, status: 'offline_review' } });
    expect(desk.store.getState().offlineReview).toBe(true);
    desk.emit({ type: 'connection', connection: live });
    state = desk.store.getState();
    expect(state.offlineReview).toBe(false);
    expect(state.connection.status).toBe('online');
  });

  it('keeps actions usable offline and shows them as queued until the console is live', async () => {
    const desk = scriptedDesk(
      snapshot([conversation('c1', { status: 'open', assignee: me })], {
        connection: { ...live, status: 'offline_review' },
      }),
    );
    desk.api.reply.mockResolvedValueOnce({ ok: true, pending: true });
    await ready(desk);
    expect(await desk.store.getState().reply('c1', 'Tack, jag kollar!')).toBe(true);
    expect(desk.api.reply).toHaveBeenCalledWith({ conversationId: 'c1', text: 'Tack, jag kollar!' });
    expect(desk.store.getState().actionsByConversation.c1?.queued).toBe(true);
    desk.emit({ type: 'connection', connection: { ...live, status: 'connecting' } });
    expect(desk.store.getState().actionsByConversation.c1?.queued).toBe(true);
    desk.emit({ type: 'connection', connection: live });
    expect(desk.store.getState().actionsByConversation.c1?.queued).toBe(false);
  });

  it('does not call a live action queued (it is merely on its way)', async () => {
    const desk = scriptedDesk(snapshot([conversation('c1', { status: 'open', assignee: me })]));
    desk.api.reply.mockResolvedValueOnce({ ok: true, pending: true });
    await ready(desk);
    await desk.store.getState().reply('c1', 'Hello');
    expect(desk.store.getState().actionsByConversation.c1?.queued).toBe(false);
  });
});

describe('catch-up progress', () => {
  it('shows progress only while catching up on at least 200 changes', () => {
    expect(visibleCatchUp(live)).toBeNull();
    expect(visibleCatchUp({ ...live, catchUp: { applied: 10, total: 199 } })).toBeNull();
    expect(visibleCatchUp({ ...live, catchUp: { applied: 1200, total: 5000 } })).toEqual({
      applied: 1200,
      total: 5000,
    });
    expect(visibleCatchUp({ ...live, catchUp: { applied: 0, total: 200 } })).toEqual({
      applied: 0,
      total: 200,
    });
    // The log may grow while catching up: the bar never runs past its end.
    expect(visibleCatchUp({ ...live, catchUp: { applied: 260, total: 250 } })).toEqual({
      applied: 250,
      total: 250,
    });
  });

  it('takes catch-up progress from connection events', async () => {
    const desk = scriptedDesk(snapshot([]));
    await ready(desk);
    desk.emit({
      type: 'connection',
      connection: { ...live, status: 'connecting', catchUp: { applied: 1, total: 900 } },
    });
    expect(visibleCatchUp(desk.store.getState().connection)).toEqual({ applied: 1, total: 900 });
    desk.emit({ type: 'connection', connection: live });
    expect(visibleCatchUp(desk.store.getState().connection)).toBeNull();
  });
});

describe('reset: the desk core rebuilt its cache', () => {
  it('replaces everything held with a new snapshot, keeping the open conversation and reloading its transcript', async () => {
    const desk = scriptedDesk(
      snapshot([conversation('c1', { status: 'open', assignee: me, version: 50 }), conversation('c2')], {
        unread: { c2: 1 },
      }),
    );
    desk.api.openConversation.mockResolvedValueOnce({
      conversation: conversation('c1', { status: 'open', assignee: me, version: 50 }),
      messages: [message('old-1', 'c1', 1), message('old-2', 'c1', 2)],
    });
    await ready(desk);
    desk.store.getState().openConversation('c1');
    await vi.waitFor(() => expect(desk.store.getState().messagesByConversation.c1).toHaveLength(2));

    // The new log has lower versions: nothing from the old cache may win against them.
    const rebuilt = conversation('c1', { status: 'open', assignee: me, version: 3, tags: ['retur'] });
    desk.api.getSnapshot.mockResolvedValueOnce(snapshot([rebuilt, conversation('c3', { version: 2 })]));
    let answerTranscript!: (value: { conversation: typeof rebuilt; messages: DeskMessage[] }) => void;
    desk.api.openConversation.mockReturnValueOnce(new Promise((resolve) => (answerTranscript = resolve)));
    desk.emit({ type: 'reset' });

    await vi.waitFor(() => expect(desk.store.getState().conversationsById.c3).toBeDefined());
    let state = desk.store.getState();
    expect(Object.keys(state.conversationsById).sort()).toEqual(['c1', 'c3']);
    expect(state.conversationsById.c1).toEqual(rebuilt);
    expect(state.unread).toEqual({});
    expect(state.selectedConversationId).toBe('c1');
    // The old transcript stays on screen (no skeleton) until the new one arrives.
    expect(state.transcriptStatus.c1).toEqual({ state: 'ready' });
    expect(state.messagesByConversation.c1?.map((m) => m.id)).toEqual(['old-1', 'old-2']);

    // A message that arrives live while the transcript reloads is kept; the stale ones are not.
    desk.emit({ type: 'message', message: message('live-3', 'c1', 3) });
    answerTranscript({
      conversation: rebuilt,
      messages: [message('new-1', 'c1', 1), message('new-2', 'c1', 2)],
    });
    await vi.waitFor(() =>
      expect(desk.store.getState().messagesByConversation.c1?.map((m) => m.id)).toEqual([
        'new-1',
        'new-2',
        'live-3',
      ]),
    );
    state = desk.store.getState();
    expect(state.removedNotice).toBeNull();
  });

  it('asks the rebuilt cache again for an active search', async () => {
    const desk = scriptedDesk(snapshot([conversation('c1')]));
    await ready(desk);
    desk.store.getState().setSearchQuery('retur');
    await vi.waitFor(() => expect(desk.api.search).toHaveBeenCalledTimes(1));
    desk.emit({ type: 'reset' });
    await vi.waitFor(() => expect(desk.api.search).toHaveBeenCalledTimes(2));
    expect(desk.api.search).toHaveBeenLastCalledWith(expect.objectContaining({ query: 'retur' }));
  });

  it('closes the open conversation with a notice when the rebuilt cache no longer has it', async () => {
    const desk = scriptedDesk(snapshot([conversation('c1', { status: 'open', assignee: me })]));
    await ready(desk);
    desk.store.getState().openConversation('c1');
    desk.api.getSnapshot.mockResolvedValueOnce(snapshot([conversation('c2')]));
    desk.emit({ type: 'reset' });
    await vi.waitFor(() => expect(desk.store.getState().conversationsById.c2).toBeDefined());
    const state = desk.store.getState();
    expect(state.selectedConversationId).toBeNull();
    expect(state.removedNotice?.conversationId).toBe('c1');
    expect(state.conversationsById.c1).toBeUndefined();
  });

  it('shows the sign-in screen when the reset came from clearing the cache', async () => {
    const desk = scriptedDesk(snapshot([conversation('c1')]));
    await ready(desk);
    desk.store.getState().openConversation('c1');
    desk.api.getSnapshot.mockResolvedValueOnce(
      snapshot([], { session: null, connection: { ...live, status: 'signed_out' } }),
    );
    desk.emit({ type: 'reset' });
    await vi.waitFor(() => expect(desk.store.getState().session).toBeNull());
    const state = desk.store.getState();
    expect(state.conversationsById).toEqual({});
    expect(state.selectedConversationId).toBeNull();
    expect(state.removedNotice).toBeNull();
  });
});

describe('conversationRemoved', () => {
  it('drops the conversation and closes it with a notice that keeps what the agent had typed', async () => {
    const desk = scriptedDesk(
      snapshot([conversation('c1', { status: 'open', assignee: me }), conversation('c2')], {
        unread: { c1: 2 },
      }),
    );
    await ready(desk);
    desk.store.getState().openConversation('c1');
    desk.store.getState().setDraft('c1', 'reply', 'Hej! Jag har ');
    desk.emit({ type: 'message', message: message('m1', 'c1', 1) });
    desk.emit({ type: 'conversationRemoved', conversationId: 'c1' });
    const state = desk.store.getState();
    expect(state.conversationsById.c1).toBeUndefined();
    expect(state.messagesByConversation.c1).toBeUndefined();
    expect(state.unread.c1).toBeUndefined();
    expect(queueIds(state, 'mine')).toEqual([]);
    expect(state.selectedConversationId).toBeNull();
    expect(state.removedNotice).toEqual({
      conversationId: 'c1',
      shopper: conversation('c1').shopper,
      draft: 'Hej! Jag har',
    });
    // Opening another conversation puts the notice away.
    state.openConversation('c2');
    expect(desk.store.getState().removedNotice).toBeNull();
  });

  it('leaves the open conversation alone when another one is removed', async () => {
    const desk = scriptedDesk(snapshot([conversation('c1'), conversation('c2')]));
    await ready(desk);
    desk.store.getState().openConversation('c1');
    desk.emit({ type: 'conversationRemoved', conversationId: 'c2' });
    const state = desk.store.getState();
    expect(state.selectedConversationId).toBe('c1');
    expect(state.removedNotice).toBeNull();
    expect(queueIds(state, 'unassigned')).toEqual(['c1']);
  });
});

describe('refused actions (failedActions)', () => {
  it('takes the list from the snapshot and from events', async () => {
    const desk = scriptedDesk(snapshot([conversation('c1')], { failedActions: [refused('f1')] }));
    await ready(desk);
    expect(desk.store.getState().failedActions.map((a) => a.commandId)).toEqual(['f1']);
    desk.emit({
      type: 'failedActions',
      failedActions: [refused('f1'), refused('f2', { commandType: 'resolve', text: null })],
    });
    expect(desk.store.getState().failedActions.map((a) => a.commandId)).toEqual(['f1', 'f2']);
  });

  it('dismiss removes it from the list and its failed message from the transcript', async () => {
    const desk = scriptedDesk(snapshot([conversation('c1', { status: 'open', assignee: other })]));
    await ready(desk);
    desk.emit({ type: 'message', message: localReply('f1', 'c1', 'failed') });
    desk.emit({ type: 'failedActions', failedActions: [refused('f1')] });
    await desk.store.getState().dismissFailedAction('f1');
    expect(desk.api.dismissFailedAction).toHaveBeenCalledWith({ commandId: 'f1' });
    const state = desk.store.getState();
    expect(state.failedActions).toEqual([]);
    expect(state.messagesByConversation.c1).toEqual([]);
  });

  it('brings a refused action back, with the reason, when dismissing fails', async () => {
    const desk = scriptedDesk(snapshot([conversation('c1')], { failedActions: [refused('f1')] }));
    desk.api.dismissFailedAction.mockRejectedValueOnce(new Error('The console service did not answer'));
    await ready(desk);
    await desk.store.getState().dismissFailedAction('f1');
    const state = desk.store.getState();
    expect(state.failedActions.map((a) => a.commandId)).toEqual(['f1']);
    expect(state.actionsByConversation.c1?.error).toBe(
      'That did not work: The console service did not answer',
    );
  });

  it('drops the failed message when another window dismissed the action', async () => {
    const desk = scriptedDesk(snapshot([conversation('c1')], { failedActions: [refused('f1')] }));
    await ready(desk);
    desk.emit({ type: 'message', message: localReply('f1', 'c1', 'failed') });
    desk.emit({ type: 'failedActions', failedActions: [] });
    expect(desk.store.getState().messagesByConversation.c1).toEqual([]);
  });

  it('edit again puts a refused reply back in the reply composer (after the draft), focuses it and dismisses', async () => {
    const desk = scriptedDesk(
      snapshot([conversation('c1', { status: 'open', assignee: me })], { failedActions: [refused('f1')] }),
    );
    await ready(desk);
    desk.store.getState().openConversation('c1');
    desk.store.getState().setDraft('c1', 'reply', 'PS: ');
    const focusBefore = desk.store.getState().composerFocusRequest;
    await desk.store.getState().editFailedActionAgain('f1');
    const state = desk.store.getState();
    expect(state.drafts.c1?.reply).toBe('PS:\n\nHej Anna! Din retur är registrerad.');
    expect(state.composerMode).toBe('reply');
    expect(state.composerFocusRequest).toBe(focusBefore + 1);
    expect(desk.api.dismissFailedAction).toHaveBeenCalledWith({ commandId: 'f1' });
    expect(state.failedActions).toEqual([]);
  });

  it('edit again turns a reply the agent may no longer send into a note draft', async () => {
    const desk = scriptedDesk(
      snapshot([conversation('c1', { status: 'open', assignee: other })], { failedActions: [refused('f1')] }),
    );
    await ready(desk);
    desk.store.getState().openConversation('c1');
    await desk.store.getState().editFailedActionAgain('f1');
    const state = desk.store.getState();
    expect(state.drafts.c1?.note).toBe('Hej Anna! Din retur är registrerad.');
    expect(state.drafts.c1?.reply).toBeUndefined();
    expect(state.composerMode).toBe('note');
  });
});

describe('export and clearing the cache', () => {
  it('exports in the UI language and reports a failure on the conversation', async () => {
    const desk = scriptedDesk(snapshot([conversation('c1')]));
    await ready(desk);
    const file = await desk.store.getState().exportConversation('c1', 'json');
    expect(desk.api.exportConversation).toHaveBeenCalledWith({
      conversationId: 'c1',
      format: 'json',
      language: 'en',
    });
    expect(file).toMatchObject({ fileName: 'conversation-c1.json', mimeType: 'application/json' });
    desk.api.exportConversation.mockResolvedValueOnce({
      ok: false,
      error: { code: 'not_found', message: 'No such conversation in the cache.' },
    });
    expect(await desk.store.getState().exportConversation('c1', 'text')).toBeNull();
    expect(desk.store.getState().actionsByConversation.c1?.error).toBe(
      'Could not export this conversation: No such conversation in the cache.',
    );
    expect(desk.store.getState().exporting).toBeNull();
  });

  it('refuses to clear while unsent work exists, then clears with discard and signs out', async () => {
    const desk = scriptedDesk(snapshot([conversation('c1')]));
    await ready(desk);
    desk.store.getState().openDialog({ kind: 'settings' });
    desk.api.clearCache.mockResolvedValueOnce({
      ok: false,
      error: { code: 'unsent_work', message: '2 actions have not been sent yet.' },
    });
    desk.api.cacheInfo.mockResolvedValueOnce({
      bytes: 1000,
      conversations: 1,
      messages: 4,
      oldestMessageAt: null,
      unsent: 2,
      ownerEmail: me.email,
    });
    expect(await desk.store.getState().clearCache(false)).toBe(false);
    expect(desk.store.getState().clearCacheError).toBe('2 actions have not been sent yet.');
    await vi.waitFor(() => {
      const info = desk.store.getState().cacheInfo;
      expect(info.state === 'ready' && info.info.unsent).toBe(2);
    });

    desk.api.getSnapshot.mockResolvedValueOnce(
      snapshot([], { session: null, connection: { ...live, status: 'signed_out' } }),
    );
    expect(await desk.store.getState().clearCache(true)).toBe(true);
    expect(desk.api.clearCache).toHaveBeenLastCalledWith({ discardUnsent: true });
    const state = desk.store.getState();
    expect(state.session).toBeNull();
    expect(state.conversationsById).toEqual({});
    expect(state.dialog).toBeNull();
  });
});
