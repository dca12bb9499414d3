// Integration-test helpers: a REAL hub (startHub in a temp dir), real HTTP, and waits on DeskEvents (no sleeps).
import { afterAll, beforeAll, expect } from 'vitest';
import { startHub } from '../../../hub/app.js';
import type { DeskEvent } from '../../../shared/desk-api.js';
import { API_PREFIX, eventsResponseSchema, handoffViewSchema } from '../../../shared/handoff-api.js';
import type { HandoffView } from '../../../shared/handoff-api.js';
import type { StreamEvent } from '../../../shared/events.js';
import { createDeskCore, type DeskCore, type DeskCoreOptions } from '../desk-core.js';
import { cleanupsAfterEach } from './cleanups.js';
import { temporaryDir } from './fixtures.js';

export const DEMO_PASSWORD = 'demo-password';
export const INTEGRATION_TOKEN = 'demo-integration-token';
const WAIT_MS = 15_000;

export type TestHub = Awaited<ReturnType<typeof startHub>> & { dataDir: string };

/** A demo-mode hub (agents agent1/agent2@demo.test, the demo integration token) on 127.0.0.1. */
export async function startTestHub(options: { dataDir?: string; port?: number } = {}): Promise<TestHub> {
  const dataDir = options.dataDir ?? temporaryDir('hub-');
  const hub = await startHub({ port: options.port ?? 0, dataDir, demo: true });
  return Object.assign(hub, { dataDir });
}

/** One test hub for the whole file: started before its first test, closed after its last. */
export function testHubForFile(): { readonly url: string } {
  let hub: TestHub | undefined;
  beforeAll(async () => {
    hub = await startTestHub();
  });
  afterAll(() => hub?.close());
  return {
    get url() {
      if (!hub) throw new Error('The file’s test hub has not started yet');
      return hub.url;
    },
  };
}

/** For a test file: hubs and signed-in desk cores that a test opens are closed after it (newest first). */
export function hubsAndAgentsClosedAfterEach() {
  const cleanups = cleanupsAfterEach();
  return {
    cleanups,
    closeLater: cleanups.closeLater,
    /** A fresh test hub, closed after the test. */
    hubForTest: async (): Promise<TestHub> => cleanups.closeLater(await startTestHub()),
    /** A desk core signed in to `hub` as `email`, closed after the test. */
    agent: async (hub: { url: string }, email: string, dataDir = temporaryDir()): Promise<DeskCore> =>
      cleanups.closeLater(await signedInCore(hub.url, email, dataDir)),
  };
}

/** A desk core with short retry pauses so reconnect tests finish quickly. */
export function openCore(
  dataDir: string,
  hubUrl: string,
  overrides: Partial<DeskCoreOptions> = {},
): DeskCore {
  return createDeskCore({ dataDir, defaultHubUrl: hubUrl, retryDelayMs: 200, ...overrides });
}

export async function signedInCore(
  hubUrl: string,
  email: string,
  dataDir = temporaryDir(),
  overrides: Partial<DeskCoreOptions> = {},
): Promise<DeskCore> {
  const core = openCore(dataDir, hubUrl, overrides);
  const online = waitForConnection(core, 'online');
  const result = await core.signIn({ hubUrl, email, password: DEMO_PASSWORD });
  expect(result).toMatchObject({ ok: true });
  await online;
  return core;
}

/** Resolves with the first DeskEvent matching `predicate` (subscribe BEFORE causing it). */
export function nextEvent<E extends DeskEvent>(
  core: DeskCore,
  predicate: (event: DeskEvent) => event is E,
  what: string,
): Promise<E>;
export function nextEvent(
  core: DeskCore,
  predicate: (event: DeskEvent) => boolean,
  what: string,
): Promise<DeskEvent>;
export function nextEvent(
  core: DeskCore,
  predicate: (event: DeskEvent) => boolean,
  what: string,
): Promise<DeskEvent> {
  return new Promise((resolve, reject) => {
    const deadline = setTimeout(() => {
      stop();
      reject(new Error(`No desk event within ${WAIT_MS} ms: ${what}`));
    }, WAIT_MS);
    const stop = core.onEvent((event) => {
      if (!predicate(event)) return;
      clearTimeout(deadline);
      stop();
      resolve(event);
    });
  });
}

/** Resolves once the connection is in `status` (now or later). */
export async function waitForConnection(core: DeskCore, status: string): Promise<void> {
  const reached = nextEvent(
    core,
    (event) => event.type === 'connection' && event.connection.status === status,
    `connection ${status}`,
  );
  const snapshot = await core.getSnapshot({});
  if (snapshot.connection.status === status) {
    reached.catch(() => undefined);
    return;
  }
  await reached;
}

const integrationHeaders = {
  authorization: `Bearer ${INTEGRATION_TOKEN}`,
  'content-type': 'application/json',
};

export function sampleHandoff(conversationId: string, email = `${conversationId}@example.se`) {
  const now = Date.now();
  return {
    conversationId,
    channel: 'sms' as const,
    shopper: { email, name: 'Maja Berg', profileId: `01HP${conversationId.slice(-8)}` },
    escalation: { reason: 'knowledge_gap', procedure: 'order_status', tags: ['vip'] },
    transcript: [
      {
        id: 'm1',
        author: 'shopper' as const,
        text: 'Var är min beställning #4412?',
        sentAt: new Date(now - 90_000).toISOString(),
      },
      {
        id: 'm2',
        author: 'customer_agent' as const,
        text: 'Jag hittar tyvärr inte den beställningen. Jag kopplar dig till vårt team.',
        sentAt: new Date(now - 60_000).toISOString(),
      },
    ],
  };
}

/** A handoff whose transcript alone is `messages` changes in the hub's log (a console's backlog to catch up). */
export function longHandoff(conversationId: string, messages: number) {
  const start = Date.now() - messages * 1000;
  return {
    ...sampleHandoff(conversationId),
    transcript: Array.from({ length: messages }, (_, index) => ({
      id: `m${index + 1}`,
      author: index % 2 === 0 ? ('shopper' as const) : ('customer_agent' as const),
      text: `Meddelande ${index + 1} om ordern`,
      sentAt: new Date(start + index * 1000).toISOString(),
    })),
  };
}

/** Posts a fresh sample handoff; resolves with its conversation id once every one of `cores` has received it. */
export async function handoffReceivedBy(
  hubUrl: string,
  label: string,
  ...cores: DeskCore[]
): Promise<string> {
  const conversationId = uniqueConversationId(label);
  const arrived = cores.map((core) =>
    nextEvent(core, (e) => e.type === 'conversation' && e.conversation.id === conversationId, label),
  );
  await postHandoff(hubUrl, sampleHandoff(conversationId));
  await Promise.all(arrived);
  return conversationId;
}

export async function postHandoff(hubUrl: string, body: unknown): Promise<void> {
  const response = await fetch(`${hubUrl}${API_PREFIX}/handoffs`, {
    method: 'POST',
    headers: integrationHeaders,
    body: JSON.stringify(body),
  });
  expect(response.status, await response.clone().text()).toBeLessThan(300);
}

export async function postShopperMessage(hubUrl: string, conversationId: string, id: string, text: string) {
  const response = await fetch(
    `${hubUrl}${API_PREFIX}/handoffs/${encodeURIComponent(conversationId)}/messages`,
    {
      method: 'POST',
      headers: integrationHeaders,
      body: JSON.stringify({ id, text, sentAt: new Date().toISOString() }),
    },
  );
  expect(response.status, await response.clone().text()).toBeLessThan(300);
}

export async function getHandoff(hubUrl: string, conversationId: string): Promise<HandoffView> {
  const response = await fetch(`${hubUrl}${API_PREFIX}/handoffs/${encodeURIComponent(conversationId)}`, {
    headers: integrationHeaders,
  });
  expect(response.status).toBe(200);
  return handoffViewSchema.parse(await response.json());
}

export async function eventsOf(hubUrl: string, conversationId: string): Promise<StreamEvent[]> {
  const response = await fetch(
    `${hubUrl}${API_PREFIX}/events?conversationId=${encodeURIComponent(conversationId)}`,
    {
      headers: integrationHeaders,
    },
  );
  expect(response.status).toBe(200);
  return eventsResponseSchema.parse(await response.json()).events;
}

/** Resolves once `check` holds for the core's snapshot (now or after one of its events). */
export async function untilSnapshot(
  core: DeskCore,
  check: (snapshot: Awaited<ReturnType<DeskCore['getSnapshot']>>) => boolean,
  what: string,
): Promise<Awaited<ReturnType<DeskCore['getSnapshot']>>> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const changed = nextEvent(core, () => true, what);
    const snapshot = await core.getSnapshot({});
    if (check(snapshot)) {
      changed.catch(() => undefined);
      return snapshot;
    }
    if (Date.now() > deadline) throw new Error(`Snapshot never matched: ${what}`);
    await changed;
  }
}

/** Collects every DeskEvent of a core from now on. */
export function recordEvents(core: DeskCore): DeskEvent[] {
  const events: DeskEvent[] = [];
  core.onEvent((event) => events.push(event));
  return events;
}

let counter = 0;
/** A conversation id unique within the test run. */
export function uniqueConversationId(label: string): string {
  counter += 1;
  return `${label}-${process.pid}-${counter}-${Date.now()}`;
}
