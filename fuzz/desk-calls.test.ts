// Property-based fuzzing of every DeskApi call through dispatchDeskCall on a real desk core signed in to a real
// hub, and of the web host's bridge frames: refusals are results naming the problem (`invalid` when the
// arguments break their schema), never a throw, never `internal`; the core and the bridge still work afterwards.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { WebSocket } from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deskCalls, WEB_BRIDGE_PATH, type DeskCallName } from '../shared/desk-api.js';
import type { DeskCore } from '../main/core/desk-core.js';
import { dispatchDeskCall, type DispatchOutcome } from '../main/core/dispatch.js';
import {
  handoffReceivedBy,
  signedInCore,
  startTestHub,
  type TestHub,
} from '../main/core/test-support/hub-harness.js';
import { createDeskBridgeServer, type DeskBridgeServer } from '../main/web/desk-bridge-server.js';
import { bridgeResultOf } from '../main/web/test-support/bridge-result.js';
import { fuzzParameters } from './fuzz-settings.js';
import { anyValue, asJsonText, malformedJsonText, mutationsOf, socketNested } from './hostile-values.js';

const CALL_TIMEOUT_MS = 5000;
let hub: TestHub;
let core: DeskCore;
let conversationId = '';
let counter = 0;
const unique = (label: string) => `${label}-${++counter}`;

/** Valid arguments of each call (mutated by the fuzzer). */
const validArgs: Record<DeskCallName, () => unknown> = {
  getSnapshot: () => ({}),
  signIn: () => ({ hubUrl: hub.url, email: 'agent1@demo.test', password: 'wrong' }),
  signOut: () => ({}),
  openConversation: () => ({ conversationId }),
  claim: () => ({ conversationId }),
  reply: () => ({ conversationId, text: 'Jag kollar.' }),
  resolve: () => ({ conversationId, tags: ['fuzz'] }),
  transfer: () => ({ conversationId, toAgentId: null, note: 'Till kön.' }),
  setStatus: () => ({ conversationId, status: 'pending' }),
  addNote: () => ({ conversationId, text: 'En anteckning.', mentions: [] }),
  setTags: () => ({ conversationId, tags: ['vip'] }),
  reportActivity: () => ({ conversationId, typing: null }),
  setIdle: () => ({ idle: false }),
  setPresence: () => ({ presence: 'online' }),
  updateSettings: () => ({ patch: { reminderAfterMinutes: 15 } }),
  listAudit: () => ({}),
  shopperHistory: () => ({ conversationId }),
  saveCannedReply: () => ({
    id: unique('canned'),
    scope: 'personal',
    shortcut: 'tack',
    title: 'Tack',
    body: 'Tack!',
  }),
  deleteCannedReply: () => ({ id: 'no-such-reply' }),
  markRead: () => ({ conversationId }),
  setPreferences: () => ({ sound: false }),
  search: () => ({ query: 'beställning' }),
  exportConversation: () => ({ conversationId, format: 'json', language: 'sv' }),
  cacheInfo: () => ({}),
  clearCache: () => ({ discardUnsent: false }),
  exportConversationsCsv: () => ({ from: '2026-01-01T00:00:00Z', to: '2026-01-02T00:00:00Z' }),
  listSegments: () => ({}),
  createSegment: () => ({
    name: unique('Fuzz'),
    conditions: [
      { kind: 'metric_count', metric: 'Placed Order', comparison: 'at_least', count: 1, withinDays: 7 },
    ],
  }),
  deleteSegment: () => ({ id: 'no-such-segment' }),
  outboundState: () => ({}),
  dismissFailedAction: () => ({ commandId: 'no-such-command' }),
};

/** These end or replace the session: fuzzed only with arguments their schema refuses. */
const SESSION_ENDING: ReadonlySet<DeskCallName> = new Set(['signIn', 'signOut', 'clearCache']);

function within<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(
      () => reject(new Error(`no answer within ${CALL_TIMEOUT_MS} ms: ${what}`)),
      CALL_TIMEOUT_MS,
    );
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

function describeArgs(args: unknown): string {
  return asJsonText(args).slice(0, 300);
}

/** A dispatch outcome, or an ok result holding `{ok:false, error}`, names its problem. */
function expectNamedRefusal(outcome: DispatchOutcome, what: string): void {
  if (!outcome.ok) {
    expect(outcome.error.code, `${what}: ${outcome.error.message}`).not.toBe('internal');
    expect(outcome.error.message.trim(), `${what}: unnamed refusal`).not.toBe('');
    return;
  }
  const result = outcome.result as { ok?: unknown; error?: { message?: unknown } } | null;
  if (result !== null && typeof result === 'object' && result.ok === false) {
    expect(
      typeof result.error?.message === 'string' && result.error.message.trim() !== '',
      `${what}: unnamed`,
    ).toBe(true);
  }
}

beforeAll(async () => {
  hub = await startTestHub();
  core = await signedInCore(hub.url, 'agent1@demo.test');
  conversationId = await handoffReceivedBy(hub.url, 'fuzz-desk', core);
});
afterAll(async () => {
  await core?.close();
  await hub?.close();
});

describe('every DeskApi call through dispatchDeskCall under fuzzed arguments', () => {
  it.each(Object.keys(deskCalls) as DeskCallName[])(
    '%s: never throws, refusals name the problem',
    async (method) => {
      const schema = deskCalls[method].args;
      const argsArbitrary = fc
        .oneof(
          { weight: 4, arbitrary: mutationsOf(validArgs[method]()) },
          { weight: 2, arbitrary: anyValue },
          fc.constantFrom(undefined, null, [], 'args', 0),
        )
        .filter((args) => !SESSION_ENDING.has(method) || !schema.safeParse(args ?? {}).success);
      await fc.assert(
        fc.asyncProperty(argsArbitrary, async (args) => {
          const what = `${method} ${describeArgs(args)}`;
          const outcome = await within(dispatchDeskCall(core, method, args), what);
          if (!schema.safeParse(args ?? {}).success) {
            expect(outcome, what).toMatchObject({ ok: false, error: { code: 'invalid' } });
          }
          expectNamedRefusal(outcome, what);
        }),
        fuzzParameters(40),
      );
      // The core still answers and is still signed in.
      const snapshot = await dispatchDeskCall(core, 'getSnapshot', {});
      expect(snapshot).toMatchObject({
        ok: true,
        result: { session: { account: { email: 'agent1@demo.test' } } },
      });
    },
  );

  it('unknown method names are refused by name', async () => {
    const names = fc.oneof(
      fc.constantFrom(
        '__proto__',
        'constructor',
        'toString',
        'hasOwnProperty',
        'valueOf',
        'close',
        'onEvent',
        '',
      ),
      fc.string({ maxLength: 30 }),
    );
    await fc.assert(
      fc.asyncProperty(
        names.filter((name) => !Object.hasOwn(deskCalls, name)),
        anyValue,
        async (name, args) => {
          const outcome = await within(dispatchDeskCall(core, name, args), name);
          expect(outcome).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
          expectNamedRefusal(outcome, name);
        },
      ),
      fuzzParameters(100),
    );
  });
});

describe('the web host bridge under hostile frames', () => {
  let bridge: DeskBridgeServer;
  let server: http.Server;
  let socket: WebSocket;
  const ORIGIN = 'http://127.0.0.1:5999';

  /** Sends a frame and resolves with the next result frame (event frames are skipped). */
  function answerTo(frame: string | Buffer): Promise<unknown> {
    return within(bridgeResultOf(socket, frame), `bridge frame ${frame.toString().slice(0, 200)}`);
  }

  beforeAll(async () => {
    // Frames are what is fuzzed here; the launch secret's check has its own tests (main/web).
    bridge = createDeskBridgeServer(
      core,
      (origin) => origin === ORIGIN,
      () => true,
    );
    server = http.createServer((_request, response) => response.writeHead(404).end());
    server.on('upgrade', (request, duplex, head) => bridge.handleUpgrade(request, duplex, head));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    socket = new WebSocket(`ws://127.0.0.1:${port}${WEB_BRIDGE_PATH}`, { origin: ORIGIN });
    await new Promise((resolve, reject) => {
      socket.once('open', resolve);
      socket.once('error', reject);
    });
  });
  afterAll(async () => {
    socket?.close();
    await bridge?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  it('every frame gets a well-formed result; refusals name the problem; the bridge still works', async () => {
    const validFrame = () => ({ kind: 'call', id: ++counter, method: 'getSnapshot', args: {} });
    const frames = fc.oneof(
      { weight: 4, arbitrary: mutationsOf(validFrame()).map(asJsonText) },
      { weight: 2, arbitrary: fc.oneof(anyValue, socketNested).map(asJsonText) },
      malformedJsonText,
      fc.uint8Array({ maxLength: 64 }).map((bytes) => Buffer.from(bytes)),
    );
    await fc.assert(
      fc.asyncProperty(frames, async (frame) => {
        const result = (await answerTo(frame)) as { ok: boolean; error?: { message: string } };
        if (!result.ok) expect(result.error?.message.trim()).not.toBe('');
      }),
      fuzzParameters(150),
    );
    expect(socket.readyState).toBe(WebSocket.OPEN);
    expect(await answerTo(JSON.stringify(validFrame()))).toMatchObject({ ok: true });
  });
});
