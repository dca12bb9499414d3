// Property-based fuzzing of every socket event of /desk (sync, command, activity, every deskRequests name) and
// /chat on a real hub: each ack is a well-formed refusal naming the problem (or a success), the hub never
// crashes, and a valid request afterwards still works on the same socket.
import fc from 'fast-check';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chatAckSchema, chatHelloResponseSchema } from '../shared/chat-protocol.js';
import {
  commandResultSchema,
  DESK_NAMESPACE,
  deskRequests,
  requestResultSchema,
  syncResponseSchema,
} from '../shared/desk-protocol.js';
import type { z } from 'zod';
import {
  addAccount,
  api,
  closeAllSockets,
  connectAs,
  connectChat,
  handoffRequest,
  startTestHub,
  type ChatClient,
  type DeskClient,
  type TestHub,
} from '../hub/testing/hub-fixture.js';
import { fuzzParameters } from './fuzz-settings.js';
import { anyValue, mutationsOf, socketNested } from './hostile-values.js';

const ACK_TIMEOUT_MS = 5000;
const CONVERSATION = 'fuzz-socket-conversation';
let hub: TestHub;
let desk: DeskClient;
let chat: ChatClient;
let counter = 0;
const unique = (label: string) => `${label}-${++counter}`;

/** The problem a refusal names; fails the test when the answer is not a well-formed refusal. */
function expectNamedProblem(message: string | undefined, what: string): void {
  expect(typeof message === 'string' && message.trim() !== '', `${what}: the refusal names no problem`).toBe(
    true,
  );
}

function describePayload(payload: unknown): string {
  try {
    return (JSON.stringify(payload) ?? String(payload)).slice(0, 300);
  } catch {
    return String(payload).slice(0, 300);
  }
}

/** Valid payloads; the fuzzer mutates them (mutations reach deeper than random values). */
const validDeskPayloads: Record<string, () => unknown> = {
  sync: () => ({ after: 0, limit: 5 }),
  command: () => ({ id: unique('cmd'), type: 'note', conversationId: CONVERSATION, text: 'Kollar.' }),
  'presence:set': () => ({ presence: 'online' }),
  'presence:idle': () => ({ idle: false }),
  'settings:update': () => ({ patch: { reminderAfterMinutes: 30 } }),
  'audit:list': () => ({ limit: 5 }),
  'shopper:history': () => ({ conversationId: CONVERSATION }),
  'canned:save': () => ({
    id: unique('canned'),
    scope: 'personal',
    shortcut: 'hej',
    title: 'Hej',
    body: 'Hej!',
  }),
  'canned:delete': () => ({ id: 'no-such-reply' }),
  'monitor:get': () => ({}),
  'monitor:export': () => ({ from: '2026-01-01T00:00:00Z', to: '2026-01-02T00:00:00Z' }),
  'segments:list': () => ({}),
  'segments:create': () => ({
    name: unique('Fuzz'),
    conditions: [
      { kind: 'metric_count', metric: 'Placed Order', comparison: 'at_least', count: 1, withinDays: 7 },
    ],
  }),
  'segments:delete': () => ({ id: 'no-such-segment' }),
  'outbound:state': () => ({}),
};

/** Every ack event of /desk with the schema its answer must parse against. */
const deskAckSchemas: Record<string, z.ZodType> = {
  sync: syncResponseSchema,
  command: commandResultSchema,
  ...Object.fromEntries(
    Object.entries(deskRequests).map(([name, request]) => [name, requestResultSchema(request.value)]),
  ),
};

function payloadArbitrary(valid: () => unknown): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 4, arbitrary: mutationsOf(valid()) },
    { weight: 2, arbitrary: anyValue },
    { weight: 1, arbitrary: socketNested },
    fc.constantFrom(undefined, null, Buffer.from([0, 1, 2]), [1, 2, 3], 'string payload', 42),
  );
}

/** Emits with an ack (bounded) and returns the answer; a missing answer fails. */
async function acked(socket: DeskClient['socket'] | ChatClient['socket'], event: string, payload: unknown) {
  try {
    return (await socket.timeout(ACK_TIMEOUT_MS).emitWithAck(event, payload)) as unknown;
  } catch (error) {
    throw new Error(`no ack for ${event} ${describePayload(payload)}: ${String(error)}`, { cause: error });
  }
}

beforeAll(async () => {
  hub = await startTestHub();
  await addAccount(hub, 'fuzz.lead@example.com', 'Fuzz Lead', 'lead');
  const handoff = await api(hub.url, '/api/v1/handoffs', { body: handoffRequest(CONVERSATION) });
  if (handoff.status !== 201) throw new Error(`handoff refused: ${await handoff.text()}`);
  desk = await connectAs(hub.url, 'fuzz.lead@example.com');
  chat = await connectChat(hub.url, { language: 'en' });
});
afterAll(async () => {
  closeAllSockets();
  await hub?.close();
});

describe('/desk events under fuzzed payloads', () => {
  it.each(Object.keys(deskAckSchemas))('%s: a parsed answer, refusals name the problem', async (event) => {
    await fc.assert(
      fc.asyncProperty(payloadArbitrary(validDeskPayloads[event]!), async (payload) => {
        const what = `${event} ${describePayload(payload)}`;
        const answer = deskAckSchemas[event]!.safeParse(await acked(desk.socket, event, payload));
        expect(answer.success, `${what}: malformed ack ${JSON.stringify(answer.error?.issues)}`).toBe(true);
        const result = answer.data as { ok: boolean; error?: { message: string } };
        if (!result.ok) expectNamedProblem(result.error?.message, what);
      }),
      fuzzParameters(60),
    );
    // The same socket still serves valid requests.
    expect(desk.socket.connected).toBe(true);
    await desk.sync(0, 5);
    const note = await desk.command({
      id: unique('after'),
      type: 'note',
      conversationId: CONVERSATION,
      text: 'ok',
    });
    expect(note).toMatchObject({ ok: true });
  });

  it('fire-and-forget events (activity, events without an ack, unknown events) never break the socket', async () => {
    const event = fc.constantFrom(
      'activity',
      ...Object.keys(deskAckSchemas),
      'no-such-event',
      '__proto__',
      'constructor',
    );
    await fc.assert(
      fc.asyncProperty(
        event,
        payloadArbitrary(() => ({ conversationId: CONVERSATION, typing: 'reply' })),
        async (name, payload) => {
          desk.socket.emit(name, payload);
          await desk.settle();
        },
      ),
      fuzzParameters(100),
    );
    expect(desk.socket.connected).toBe(true);
    await desk.sync(0, 5);
  });
});

const validChatPayloads: Record<string, () => unknown> = {
  'chat:hello': () => ({ language: 'sv', shopper: { email: 'fuzz.shopper@example.com', name: 'Fuzz' } }),
  'chat:send': () => ({ id: unique('chat'), text: 'Var är mitt paket?' }),
  'chat:handoff': () => ({ accept: false }),
  'chat:email': () => ({ email: 'fuzz.shopper@example.com' }),
};
const chatAckSchemas: Record<string, z.ZodType> = {
  'chat:hello': chatHelloResponseSchema,
  'chat:send': chatAckSchema,
  'chat:handoff': chatAckSchema,
  'chat:email': chatAckSchema,
};

describe('/chat events under fuzzed payloads', () => {
  it.each(Object.keys(chatAckSchemas))('%s: a parsed answer, refusals name the problem', async (event) => {
    // A fresh widget per event: a fuzzed hello may start another chat on this socket.
    const widget = await connectChat(hub.url, { language: 'en' });
    await fc.assert(
      fc.asyncProperty(payloadArbitrary(validChatPayloads[event]!), async (payload) => {
        const what = `${event} ${describePayload(payload)}`;
        const answer = chatAckSchemas[event]!.safeParse(await acked(widget.socket, event, payload));
        expect(answer.success, `${what}: malformed ack ${JSON.stringify(answer.error?.issues)}`).toBe(true);
        const result = answer.data as { ok: boolean; error?: string };
        if (!result.ok) expectNamedProblem(result.error, what);
      }),
      fuzzParameters(60),
    );
    expect(widget.socket.connected).toBe(true);
    widget.close();
    // A fresh widget still chats.
    expect(await chat.emit('chat:send', { id: unique('after'), text: 'Hallå?' })).toEqual({ ok: true });
  });

  it('fire-and-forget events (delivered, typing, unknown) never break the socket', async () => {
    const event = fc.constantFrom(
      'chat:delivered',
      'chat:typing',
      'chat:nope',
      '__proto__',
      ...Object.keys(chatAckSchemas),
    );
    await fc.assert(
      fc.asyncProperty(
        event,
        payloadArbitrary(() => ({ messageIds: ['m1'] })),
        async (name, payload) => {
          chat.socket.emit(name, payload);
          // An acked request after it: answered only once the hub handled the earlier event.
          expect(await chat.emit('chat:handoff', { accept: 'not a boolean' })).toMatchObject({ ok: false });
        },
      ),
      fuzzParameters(100),
    );
    expect(await chat.emit('chat:send', { id: unique('after'), text: 'Hallå igen?' })).toEqual({ ok: true });
  });
});

describe('/desk connections with hostile credentials', () => {
  it('are refused with a named reason, and the hub keeps serving', async () => {
    const auth = fc.oneof(
      fc.record({ token: anyValue }),
      fc.dictionary(fc.string({ maxLength: 10 }), anyValue, { maxKeys: 3 }),
      fc.constant({}),
    );
    await fc.assert(
      fc.asyncProperty(auth, async (credentials) => {
        const socket = io(`${hub.url}${DESK_NAMESPACE}`, {
          auth: credentials as Record<string, unknown>,
          transports: ['websocket'],
          reconnection: false,
          forceNew: true,
        });
        try {
          const refusal = await new Promise<string>((resolve, reject) => {
            const deadline = setTimeout(
              () => reject(new Error('no answer to the connection')),
              ACK_TIMEOUT_MS,
            );
            socket.once('connect', () => reject(new Error(`connected with ${describePayload(credentials)}`)));
            socket.once('connect_error', (error) => {
              clearTimeout(deadline);
              resolve(error.message);
            });
          });
          expect(['unauthorized', 'session_expired']).toContain(refusal);
        } finally {
          socket.close();
        }
      }),
      fuzzParameters(60),
    );
    await desk.sync(0, 5);
  });
});

describe('a frame over the hub’s size limit', () => {
  it('drops only that socket; every other one keeps working', async () => {
    const widget = await connectChat(hub.url, { language: 'en' });
    const dropped = new Promise<string>((resolve) => widget.socket.once('disconnect', resolve));
    widget.socket.emit('chat:send', { id: unique('huge'), text: 'x'.repeat(2 * 1024 * 1024) });
    expect(await dropped).toBe('transport close');
    await desk.sync(0, 5);
    expect(await chat.emit('chat:send', { id: unique('after-huge'), text: 'Hallå?' })).toEqual({ ok: true });
  });
});
