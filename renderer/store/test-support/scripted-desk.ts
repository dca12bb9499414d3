// Test support: a DeskApi whose answers each test scripts, which lets the test push events and link changes.
// The store is the unit under test, not the desk core (that has its own tests against a real hub).
import { vi } from 'vitest';
import {
  DEFAULT_PREFERENCES,
  type ActionResult,
  type DeskApi,
  type DeskCallArgs,
  type DeskCallResult,
  type DeskEvent,
  type DeskMessage,
  type DeskSnapshot,
} from '../../../shared/desk-api.js';
import type { Conversation } from '../../../shared/domain.js';
import type { MonitorSnapshot } from '../../../shared/monitor.js';
import type { TeamMember } from '../../../shared/team.js';
import type { BridgeLinkState } from '../../desk-client/linked-bridge.js';
import { createDeskStore, feedDeskStore } from '../create-desk-store.js';

export const me = { id: 'agent-1', name: 'Alva Agent', email: 'agent1@demo.test', role: 'agent' as const };
export const other = { id: 'agent-2', name: 'Bo Berg', email: 'agent2@demo.test' };
export const lead = { id: 'lead-1', name: 'Maria Svensson', email: 'lead@demo.test', role: 'lead' as const };

export function conversation(id: string, patch: Partial<Conversation> = {}): Conversation {
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
    snoozedUntil: null,
    tags: [],
    lastMessageAt: null,
    lastMessagePreview: null,
    version: 1,
    ...patch,
  };
}

export function message(id: string, conversationId: string, position: number): DeskMessage {
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
    internal: false,
    mentions: [],
  };
}

export function member(patch: Partial<TeamMember> & Pick<TeamMember, 'id' | 'name'>): TeamMember {
  return {
    email: `${patch.id}@demo.test`,
    role: 'agent',
    presence: 'online',
    chosenPresence: 'online',
    openCount: 0,
    capacity: 5,
    lastSeenAt: null,
    ...patch,
  };
}

/** A lead's monitor as the hub pushes it: a quiet morning unless the test says otherwise. */
export function monitorSnapshot(patch: Partial<MonitorSnapshot> = {}): MonitorSnapshot {
  return {
    computedAt: '2025-01-01T10:05:00.000Z',
    timeZone: 'Europe/Stockholm',
    dayStart: '2024-12-31T23:00:00.000Z',
    waiting: 1,
    oldestWaitingSince: '2025-01-01T10:01:00.000Z',
    agentsOnline: 2,
    agents: [],
    handoffsToday: 4,
    resolvedByAiToday: 12,
    resolutionRate: 0.75,
    routedToTeam: 0.25,
    firstResponse: { count: 3, medianSeconds: 95, p90Seconds: 240 },
    resolution: { count: 2, medianSeconds: 900, p90Seconds: 1500 },
    byChannel: [],
    byReason: [],
    sla: { near: 0, breached: 0, conversations: [] },
    hourly: [],
    ...patch,
  };
}

export function snapshot(conversations: Conversation[], patch: Partial<DeskSnapshot> = {}): DeskSnapshot {
  return {
    session: { account: me, hubUrl: 'http://127.0.0.1:4710' },
    connection: { status: 'online', hubUrl: 'http://127.0.0.1:4710', lastError: null, catchUp: null },
    conversations,
    defaultHubUrl: 'http://127.0.0.1:4710',
    roster: [],
    settings: null,
    cannedReplies: [],
    activity: [],
    unread: {},
    preferences: DEFAULT_PREFERENCES,
    failedActions: [],
    monitor: null,
    ...patch,
  };
}

const done = async (): Promise<ActionResult> => ({ ok: true, pending: false });

export function scriptedDesk(initial: DeskSnapshot) {
  const listeners = new Set<(event: DeskEvent) => void>();
  const linkListeners = new Set<(state: BridgeLinkState) => void>();
  let link: BridgeLinkState = 'open';
  const api = {
    getSnapshot: vi.fn(async () => initial),
    signIn: vi.fn(),
    signOut: vi.fn(async (_args: DeskCallArgs<'signOut'>): Promise<DeskCallResult<'signOut'>> => ({
      ok: true,
    })),
    openConversation: vi.fn(async ({ conversationId }: { conversationId: string }) => ({
      conversation: initial.conversations.find((c) => c.id === conversationId) ?? null,
      messages: [] as DeskMessage[],
    })),
    claim: vi.fn(done),
    reply: vi.fn(done),
    resolve: vi.fn(done),
    transfer: vi.fn(done),
    setStatus: vi.fn(done),
    addNote: vi.fn(done),
    setTags: vi.fn(done),
    reportActivity: vi.fn(
      async (_args: DeskCallArgs<'reportActivity'>): Promise<DeskCallResult<'reportActivity'>> => ({
        ok: true,
      }),
    ),
    setIdle: vi.fn(async () => ({ ok: true as const })),
    setPresence: vi.fn(
      async (_args: DeskCallArgs<'setPresence'>): Promise<DeskCallResult<'setPresence'>> => ({
        ok: true,
        value: {},
      }),
    ),
    updateSettings: vi.fn(),
    listAudit: vi.fn(async () => ({ ok: true as const, value: [] })),
    shopperHistory: vi.fn(
      async (_args: DeskCallArgs<'shopperHistory'>): Promise<DeskCallResult<'shopperHistory'>> => ({
        ok: true,
        value: { conversations: [], events: [], segments: [], cached: false },
      }),
    ),
    saveCannedReply: vi.fn(),
    deleteCannedReply: vi.fn(async () => ({ ok: true as const, value: {} })),
    markRead: vi.fn(async (_args: DeskCallArgs<'markRead'>): Promise<DeskCallResult<'markRead'>> => ({
      ok: true,
    })),
    setPreferences: vi.fn(async (patch: DeskCallArgs<'setPreferences'>) => ({
      ...DEFAULT_PREFERENCES,
      ...patch,
    })),
    search: vi.fn(async (_args: DeskCallArgs<'search'>): Promise<DeskCallResult<'search'>> => ({
      hits: [],
      more: false,
    })),
    exportConversation: vi.fn(
      async (args: DeskCallArgs<'exportConversation'>): Promise<DeskCallResult<'exportConversation'>> => ({
        ok: true,
        fileName: `conversation-${args.conversationId}.${args.format === 'json' ? 'json' : 'txt'}`,
        mimeType: args.format === 'json' ? 'application/json' : 'text/plain;charset=utf-8',
        content: args.format === 'json' ? '{}' : 'transcript',
      }),
    ),
    cacheInfo: vi.fn(async (_args: DeskCallArgs<'cacheInfo'>): Promise<DeskCallResult<'cacheInfo'>> => ({
      bytes: 2_400_000,
      conversations: 120,
      messages: 3400,
      oldestMessageAt: null,
      unsent: 0,
      ownerEmail: me.email,
    })),
    clearCache: vi.fn(async (_args: DeskCallArgs<'clearCache'>): Promise<DeskCallResult<'clearCache'>> => ({
      ok: true,
    })),
    exportConversationsCsv: vi.fn(
      async (
        _args: DeskCallArgs<'exportConversationsCsv'>,
      ): Promise<DeskCallResult<'exportConversationsCsv'>> => ({
        ok: true,
        value: {
          fileName: 'conversations.csv',
          mimeType: 'text/csv;charset=utf-8',
          content: 'conversation_id\n',
        },
      }),
    ),
    listSegments: vi.fn(
      async (_args: DeskCallArgs<'listSegments'>): Promise<DeskCallResult<'listSegments'>> => ({
        ok: true,
        value: [],
      }),
    ),
    createSegment: vi.fn(),
    deleteSegment: vi.fn(
      async (_args: DeskCallArgs<'deleteSegment'>): Promise<DeskCallResult<'deleteSegment'>> => ({
        ok: true,
        value: {},
      }),
    ),
    outboundState: vi.fn(
      async (_args: DeskCallArgs<'outboundState'>): Promise<DeskCallResult<'outboundState'>> => ({
        ok: true,
        value: {
          forwarding: {
            enabled: false,
            url: null,
            metrics: [],
            lagEvents: 0,
            lastDeliveredAt: null,
            lastError: null,
            nextAttemptAt: null,
            failedEvents: [],
            failedEventCount: 0,
          },
          webhooks: [],
        },
      }),
    ),
    dismissFailedAction: vi.fn(
      async (_args: DeskCallArgs<'dismissFailedAction'>): Promise<DeskCallResult<'dismissFailedAction'>> => ({
        ok: true,
      }),
    ),
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
  // The test decides when gathered events are applied (the browser's is "before the next frame").
  let scheduledFlush: (() => void) | null = null;
  const flushGathered = () => {
    const flush = scheduledFlush;
    scheduledFlush = null;
    flush?.();
  };
  feedDeskStore(store, api, bridge, {
    scheduleFlush(flush) {
      scheduledFlush = flush;
      return () => {
        if (scheduledFlush === flush) scheduledFlush = null;
      };
    },
  });
  const deliver = (event: DeskEvent) => listeners.forEach((listener) => listener(event));
  return {
    api,
    store,
    /** One event, applied as it is by the next frame. */
    emit(event: DeskEvent) {
      deliver(event);
      flushGathered();
    },
    /** Events that arrive within one frame, then that frame. */
    emitBurst(events: DeskEvent[]) {
      events.forEach(deliver);
      flushGathered();
    },
    setLink(state: BridgeLinkState) {
      link = state;
      linkListeners.forEach((listener) => listener(state));
    },
  };
}

export type ScriptedDesk = ReturnType<typeof scriptedDesk>;

export async function ready(desk: ScriptedDesk) {
  await vi.waitFor(() => {
    if (desk.store.getState().snapshotStatus !== 'ready') throw new Error('snapshot not applied yet');
  });
}
