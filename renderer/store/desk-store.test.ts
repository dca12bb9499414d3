// The store's behaviour as the agent sees it, fed through the same DeskApi surface the desk core provides.
// The DeskApi here is scripted per test: the store is the unit under test, not the desk core.
import { describe, expect, it, vi } from 'vitest';
import type { ActionResult, DeskApi, DeskEvent, DeskMessage, DeskSnapshot } from '../../shared/desk-api.js';
import type { Conversation } from '../../shared/domain.js';
import type { BridgeLinkState } from '../desk-client/linked-bridge.js';
import { createDeskStore, feedDeskStore } from './create-desk-store.js';
import { queueCount, queueIds } from './queue.js';

const me = { id: 'agent-1', name: 'Alva Agent', email: 'agent1@demo.test', role: 'agent' as const };
const other = { id: 'agent-2', name: 'Bo Berg', email: 'agent2@demo.test' };

function conversation(id: string, patch: Partial<Conversation> = {}): Conversation {
  return {
    id,
    channel: 'web_chat',
    status: 'queued',
    shopper: { email: `${id}@shop.test`, name: `Shopper ${id}` },
    escalation: { reason: 'Wants a refund', tags: [] },
    assignee: null,
    createdAt: '2025-01-01T10:00:00.000Z',
    escalatedAt: '2025-01-01T10:01:00.000Z',
    claimedAt: null,
    firstResponseAt: null,
    resolvedAt: null,
    resolutionTags: [],
    lastMessageAt: null,
    lastMessagePreview: null,
    version: 1,
    ...patch,
  };
}

function message(id: string, conversationId: string, position: number): DeskMessage {
  return {
    id,
    conversationId,
    position,
    author: 'shopper',
    agent: null,
    text: `hello ${id}`,
    sentAt: '2025-01-01T10:00:00.000Z',
    delivery: null,
    products: [],
  };
}

function snapshot(conversations: Conversation[]): DeskSnapshot {
  return {
    session: { account: me, hubUrl: 'http://127.0.0.1:4710' },
    connection: { status: 'online', hubUrl: 'http://127.0.0.1:4710', lastError: null },
    conversations,
    defaultHubUrl: 'http://127.0.0.1:4710',
  };
}

/** A DeskApi whose answers each test scripts, and which lets the test push events and link changes. */
function scriptedDesk(initial: DeskSnapshot) {
  const listeners = new Set<(event: DeskEvent) => void>();
  const linkListeners = new Set<(state: BridgeLinkState) => void>();
  let link: BridgeLinkState = 'open';
  const api = {
    getSnapshot: vi.fn(async () => initial),
    signIn: vi.fn(),
    signOut: vi.fn(async () => ({ ok: true as const })),
    openConversation: vi.fn(async ({ conversationId }: { conversationId: string }) => ({
      conversation: initial.conversations.find((c) => c.id === conversationId) ?? null,
      messages: [] as DeskMessage[],
    })),
    claim: vi.fn(async (): Promise<ActionResult> => ({ ok: true, pending: false })),
    reply: vi.fn(async (): Promise<ActionResult> => ({ ok: true, pending: false })),
    resolve: vi.fn(async (): Promise<ActionResult> => ({ ok: true, pending: false })),
    onEvent(listener: (event: DeskEvent) => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  } satisfies DeskApi;
  const bridge = {
    linkState: () => link,
    onLinkChange(listener: (state: BridgeLinkState) => void) {
      linkListeners.add(listener);
      return () => linkListeners.delete(listener);
    },
  };
  const store = createDeskStore(api);
  feedDeskStore(store, api, bridge);
  return {
    api,
    store,
    emit: (event: DeskEvent) => listeners.forEach((listener) => listener(event)),
    setLink(state: BridgeLinkState) {
      link = state;
      linkListeners.forEach((listener) => listener(state));
    },
  };
}

async function ready(desk: ReturnType<typeof scriptedDesk>) {
  await vi.waitFor(() => expect(desk.store.getState().snapshotStatus).toBe('ready'));
}

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
