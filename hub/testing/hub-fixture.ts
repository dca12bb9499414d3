// Environment: Node (hub tests). A real hub on port 0 in a fresh temp dir, with helpers that speak to it
// over real HTTP and real socket.io clients, and a clock the test moves instead of sleeping.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { z } from 'zod';
import { cannedReplySchema, type CannedReply } from '../../shared/canned-replies.js';
import {
  agentTypingSchema,
  CHAT_NAMESPACE,
  chatHelloResponseSchema,
  chatMessageSchema,
  chatStateSchema,
  type ChatMessage,
  type ChatState,
} from '../../shared/chat-protocol.js';
import {
  commandResultSchema,
  DESK_NAMESPACE,
  deskRequests,
  hubChangeSchema,
  requestResultSchema,
  syncResponseSchema,
  type CommandResult,
  type DeskRequestName,
  type HubChange,
  type RequestResult,
  type SyncResponse,
} from '../../shared/desk-protocol.js';
import { monitorSnapshotSchema, type MonitorSnapshot } from '../../shared/monitor.js';
import { hubSettingsSchema, type HubSettings } from '../../shared/settings.js';
import {
  conversationActivitySchema,
  rosterSchema,
  type ActivityReport,
  type ConversationActivity,
  type Roster,
} from '../../shared/team.js';
import type { Role } from '../../shared/domain.js';
import {
  eventsResponseSchema,
  signInResponseSchema,
  type CreateHandoffRequest,
} from '../../shared/handoff-api.js';
import { createAccount, startHub, type HubOptions, type RunningHub } from '../app.js';
import { SqliteHubStore } from '../store/sqlite/sqlite-hub-store.js';

export const INTEGRATION_TOKEN = 'test-integration-token';
export const PASSWORD = 'correct-horse-battery';

export interface TestHub {
  hub: RunningHub;
  url: string;
  dataDir: string;
  /** The hub clock's reading (epoch ms). */
  now(): number;
  /** Moves the hub's clock forward and runs the hub's timers now due (snooze ends, stale typing). */
  advance(ms: number): void;
  restart(): Promise<void>;
  close(): Promise<void>;
}

/** `startAt`: the hub clock's first reading (epoch ms); default now. */
export async function startTestHub(
  options: Partial<HubOptions> & { startAt?: number } = {},
): Promise<TestHub> {
  const { startAt, ...rest } = options;
  const dataDir = rest.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'hub-test-'));
  let now = startAt ?? Date.now();
  const hubOptions: HubOptions = {
    port: 0,
    dataDir,
    integrationTokens: [INTEGRATION_TOKEN],
    chatPageDir: path.join(dataDir, 'no-chat-page'),
    clock: () => now,
    ...rest,
  };
  const testHub: TestHub = {
    hub: await startHub(hubOptions),
    get url() {
      return this.hub.url;
    },
    dataDir,
    now: () => now,
    advance(ms) {
      now += ms;
      this.hub.runDueTimers();
    },
    async restart() {
      await this.hub.close();
      this.hub = await startHub(hubOptions);
    },
    close() {
      return this.hub.close();
    },
  };
  return testHub;
}

export type TestAccount = [email: string, name: string, role?: Role];

/** One hub for a whole test file, with these accounts: sockets are closed after each test, the hub after the last. */
export function testHubForFile(
  accounts: TestAccount[],
  options: Parameters<typeof startTestHub>[0] = {},
): TestHub {
  let started: TestHub | undefined;
  const current = () => {
    if (!started) throw new Error('The file’s test hub has not started yet');
    return started;
  };
  beforeAll(async () => {
    started = await startTestHub(options);
    for (const [email, name, role] of accounts) await addAccount(started, email, name, role);
  });
  afterEach(() => closeAllSockets());
  afterAll(async () => started?.close());
  return {
    get hub() {
      return current().hub;
    },
    get url() {
      return current().url;
    },
    get dataDir() {
      return current().dataDir;
    },
    now: () => current().now(),
    advance: (ms) => current().advance(ms),
    restart: () => current().restart(),
    close: () => current().close(),
  };
}

/** For a test file: sockets, and every hub that the returned function started, are closed after each test. */
export function hubsClosedAfterEach(): typeof startTestHub {
  const hubs: TestHub[] = [];
  afterEach(async () => {
    closeAllSockets();
    await Promise.all(hubs.splice(0).map((hub) => hub.close()));
  });
  return async (options) => {
    const hub = await startTestHub(options);
    hubs.push(hub);
    return hub;
  };
}

export async function addAccount(
  testHub: TestHub,
  email: string,
  name: string,
  role: Role = 'agent',
): Promise<void> {
  // The store allows a second connection (WAL): this is what `npm run hub -- add-user` does while the hub runs.
  await createAccount(testHub.dataDir, { email, name, role, password: PASSWORD });
}

export async function signIn(url: string, email: string, password = PASSWORD) {
  const response = await fetch(`${url}/api/v1/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (response.status !== 201) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
  return signInResponseSchema.parse(await response.json());
}

/** Signs consoles in by email and remembers each account's id, for assertions on agent ids. */
export function connectorRecordingIds(hub: { readonly url: string }) {
  const ids: Record<string, string> = {};
  return {
    ids,
    async connectAs(email: string): Promise<DeskClient> {
      const session = await signIn(hub.url, email);
      ids[email] = session.account.id;
      return connectDesk(hub.url, session.token);
    },
  };
}

/** A console's socket, signed in as `email`. */
export async function connectAs(url: string, email: string, password = PASSWORD): Promise<DeskClient> {
  return connectDesk(url, (await signIn(url, email, password)).token);
}

export function api(
  url: string,
  pathname: string,
  init: { method?: string; body?: unknown; token?: string | null } = {},
) {
  const headers: Record<string, string> = {};
  if (init.token !== null) headers.authorization = `Bearer ${init.token ?? INTEGRATION_TOKEN}`;
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  return fetch(`${url}${pathname}`, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
}

export function handoffRequest(
  conversationId: string,
  overrides: Partial<CreateHandoffRequest> = {},
): CreateHandoffRequest {
  return {
    conversationId,
    channel: 'sms',
    shopper: { email: 'nora.ek@example.se', profileId: 'PROFILE-1', name: 'Nora Ek' },
    escalation: { reason: 'knowledge_gap', procedure: 'returns', tags: ['refund'] },
    transcript: [
      {
        id: 'm1',
        author: 'shopper',
        text: 'Hej, var är min återbetalning?',
        sentAt: '2026-01-10T09:00:00+01:00',
      },
      {
        id: 'm2',
        author: 'customer_agent',
        text: 'Jag kollar det åt dig.',
        sentAt: '2026-01-10T09:00:05+01:00',
      },
      { id: 'm3', author: 'system', text: 'Handed off to the team.', sentAt: '2026-01-10T09:00:10+01:00' },
    ],
    ...overrides,
  };
}

/** A conversation's events, oldest first, as the integration API lists them. */
export async function eventsOf(url: string, conversationId: string) {
  const response = await api(url, `/api/v1/events?conversationId=${conversationId}`);
  return eventsResponseSchema.parse(await response.json()).events;
}

/** A console's socket: records every push (changes, roster, settings, activity, canned replies, monitor), parsed. */
export interface DeskClient {
  socket: Socket;
  changes: HubChange[];
  rosters: Roster[];
  settings: HubSettings[];
  activities: ConversationActivity[];
  cannedReplies: CannedReply[][];
  /** The lead's monitor pushes (an agent's stays empty). */
  monitors: MonitorSnapshot[];
  sync(after?: number, limit?: number): Promise<Extract<SyncResponse, { ok: true }>>;
  command(command: Record<string, unknown>): Promise<CommandResult>;
  /** A request from deskRequests; the answer parsed against its RequestResult schema. */
  request<N extends DeskRequestName>(
    name: N,
    payload: unknown,
  ): Promise<RequestResult<z.infer<(typeof deskRequests)[N]['value']>>>;
  report(activity: ActivityReport): void;
  /** Resolves once the hub has handled everything this socket sent before (a socket's events run in order). */
  settle(): Promise<void>;
  /** The latest pushed roster entry for an email. */
  member(email: string): Roster[number] | undefined;
  /** The latest pushed activity of a conversation. */
  activityOf(conversationId: string): ConversationActivity | undefined;
  close(): void;
}

const openSockets = new Set<Socket>();
export function closeAllSockets(): void {
  for (const socket of openSockets) socket.close();
  openSockets.clear();
}

function socketFor(url: string, namespace: string, auth?: Record<string, unknown>): Socket {
  const socket = io(`${url}${namespace}`, {
    auth,
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
  });
  openSockets.add(socket);
  return socket;
}

/** Resolves on connect; rejects with the connect_error's message. */
export function connected(socket: Socket): Promise<void> {
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', (error) => reject(error));
  });
}

export async function connectDesk(url: string, token: string): Promise<DeskClient> {
  const socket = socketFor(url, DESK_NAMESPACE, { token });
  const changes: HubChange[] = [];
  const rosters: Roster[] = [];
  const settings: HubSettings[] = [];
  const activities: ConversationActivity[] = [];
  const cannedReplies: CannedReply[][] = [];
  const monitors: MonitorSnapshot[] = [];
  socket.on('changes', (batch: unknown) => changes.push(...hubChangeSchema.array().parse(batch)));
  socket.on('roster', (roster: unknown) => rosters.push(rosterSchema.parse(roster)));
  socket.on('settings', (value: unknown) => settings.push(hubSettingsSchema.parse(value)));
  socket.on('activity', (value: unknown) => activities.push(conversationActivitySchema.parse(value)));
  socket.on('cannedReplies', (value: unknown) => cannedReplies.push(cannedReplySchema.array().parse(value)));
  socket.on('monitor', (value: unknown) => monitors.push(monitorSnapshotSchema.parse(value)));
  await connected(socket);
  return {
    socket,
    changes,
    rosters,
    settings,
    activities,
    cannedReplies,
    monitors,
    async request(name, payload) {
      const answer = await socket.timeout(5000).emitWithAck(name, payload);
      return requestResultSchema(deskRequests[name].value).parse(answer) as never;
    },
    report(activity) {
      socket.emit('activity', activity);
    },
    async settle() {
      // An acked request that changes nothing: its ack comes after every earlier event was handled.
      await socket.timeout(5000).emitWithAck('audit:list', { limit: 1 });
    },
    member(email) {
      return rosters.at(-1)?.find((member) => member.email === email);
    },
    activityOf(conversationId) {
      return activities.findLast((activity) => activity.conversationId === conversationId);
    },
    async sync(after = 0, limit = 1000) {
      const response = syncResponseSchema.parse(
        await socket.timeout(5000).emitWithAck('sync', { after, limit }),
      );
      if (!response.ok) throw new Error(`sync refused: ${response.error.code} ${response.error.message}`);
      return response;
    },
    async command(command) {
      return commandResultSchema.parse(await socket.timeout(5000).emitWithAck('command', command));
    },
    close: () => socket.close(),
  };
}

/** Syncs from 0 through every page, as the desk core does. */
export async function syncAll(client: DeskClient): Promise<HubChange[]> {
  const all: HubChange[] = [];
  let after = 0;
  for (let page = 0; page < 1000; page++) {
    const response = await client.sync(after, 1000);
    all.push(...response.changes);
    after = response.changes.at(-1)?.position ?? after;
    if (!response.hasMore) return all;
  }
  throw new Error('too many sync pages');
}

export interface ChatClient {
  socket: Socket;
  chatId: string;
  chatToken: string;
  transcript: ChatMessage[];
  /** Every message seen: the hello transcript, then pushes, deduplicated by id (the latest wins). */
  messages: Map<string, ChatMessage>;
  states: ChatState[];
  /** Every `chat:typing` push: an agent typing a reply. */
  agentTyping: z.infer<typeof agentTypingSchema>[];
  emit(event: string, payload: unknown): Promise<unknown>;
  close(): void;
}

export async function connectChat(url: string, hello: Record<string, unknown> = {}): Promise<ChatClient> {
  const socket = socketFor(url, CHAT_NAMESPACE);
  const messages = new Map<string, ChatMessage>();
  const states: ChatState[] = [];
  const agentTyping: z.infer<typeof agentTypingSchema>[] = [];
  socket.on('chat:message', (message: unknown) => {
    const parsed = chatMessageSchema.parse(message);
    messages.set(parsed.id, parsed);
  });
  socket.on('chat:state', (state: unknown) => states.push(chatStateSchema.parse(state)));
  socket.on('chat:typing', (typing: unknown) => agentTyping.push(agentTypingSchema.parse(typing)));
  await connected(socket);
  const response = chatHelloResponseSchema.parse(await socket.timeout(5000).emitWithAck('chat:hello', hello));
  if (!response.ok) throw new Error(`chat:hello refused: ${response.error}`);
  for (const message of response.transcript) messages.set(message.id, message);
  states.push(response.state);
  return {
    socket,
    chatId: response.chatId,
    chatToken: response.chatToken,
    transcript: response.transcript,
    messages,
    states,
    agentTyping,
    emit: (event, payload) => socket.timeout(5000).emitWithAck(event, payload),
    close: () => socket.close(),
  };
}

/** The widget never learns its conversation id; a test reads it from the hub's database. */
export function conversationIdOf(testHub: TestHub, chat: ChatClient): string {
  const store = SqliteHubStore.open(testHub.dataDir);
  try {
    const session = store.findChatSession(chat.chatId);
    if (!session) throw new Error(`no chat session ${chat.chatId}`);
    return session.conversationId;
  } finally {
    store.close();
  }
}
