// One soak shopper: a socket.io client speaking shared/chat-protocol.ts as the widget
// (hub/demo/chat-page/widget.ts) does — hello, ask for a human, accept the handoff, wait for an agent to
// claim it — then a conversation loop: send a message, wait for the agent's reply to it, confirm it shown
// (chat:delivered), think, repeat until told to stop. Every payload from the hub is parsed.
import { randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import { io, type Socket } from 'socket.io-client';
import {
  CHAT_NAMESPACE,
  chatAckSchema,
  chatHelloResponseSchema,
  chatMessageSchema,
  chatStateSchema,
  type ChatClientToServerEvents,
  type ChatMessage,
  type ChatServerToClientEvents,
  type ChatState,
} from '../shared/chat-protocol.js';
import { replyTextFor, SOAK_MESSAGE_PREFIX } from './soak-words.js';
import { shopperEmail } from './worker-protocol.js';

const ACK_TIMEOUT_MS = 30_000;

export interface ShopperPlan {
  hubUrl: string;
  runId: string;
  number: number;
  startDelayMs: number;
  stopSendingAt: number;
  thinkMs: number;
  drainUntil: number;
}

/** What all shoppers of a worker saw, filled in as they go. */
export interface ShopperTally {
  handedOff: number;
  messagesSent: number;
  messagesAcked: Record<string, string>;
  sendAckLatenciesMs: number[];
  repliesReceived: Set<string>;
  duplicateReplies: number;
  unanswered: number;
  recordError(what: string): void;
}

type ChatSocket = Socket<ChatServerToClientEvents, ChatClientToServerEvents>;

/** Resolves when `check` holds for something `subscribe` delivers, or with false at `deadline` (epoch ms). */
function until<T>(
  subscribe: (listener: (value: T) => void) => () => void,
  check: (value: T) => boolean,
  deadline: number,
) {
  return new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => finish(false), Math.max(0, deadline - Date.now()));
    const unsubscribe = subscribe((value) => {
      if (check(value)) finish(true);
    });
    function finish(met: boolean) {
      clearTimeout(timer);
      unsubscribe();
      resolve(met);
    }
  });
}

async function acked(
  socket: ChatSocket,
  event: 'chat:send' | 'chat:handoff',
  payload: object,
): Promise<string | null> {
  let raw: unknown;
  try {
    raw = await socket.timeout(ACK_TIMEOUT_MS).emitWithAck(event, payload);
  } catch {
    return `${event}: no ack within ${ACK_TIMEOUT_MS} ms`;
  }
  const parsed = chatAckSchema.safeParse(raw);
  if (!parsed.success) return `${event}: malformed ack: ${parsed.error.message}`;
  return parsed.data.ok ? null : `${event}: ${parsed.data.error}`;
}

/** Runs one shopper to the end; never throws (failures go to `tally.recordError`). Its socket joins `sockets`. */
export async function runShopper(
  plan: ShopperPlan,
  tally: ShopperTally,
  sockets: Set<{ disconnect(): unknown }>,
): Promise<void> {
  await delay(plan.startDelayMs);
  const email = shopperEmail(plan.runId, plan.number);
  const who = `shopper ${plan.number}`;
  const socket: ChatSocket = io(`${plan.hubUrl}${CHAT_NAMESPACE}`, {
    // One connection per shopper (socket.io would otherwise share one per URL), WebSocket from the start.
    forceNew: true,
    transports: ['websocket'],
  });
  sockets.add(socket);
  let closing = false;
  const stateListeners = new Set<(state: ChatState) => void>();
  const replyListeners = new Set<(text: string) => void>();
  socket.on('chat:state', (raw: unknown) => {
    const parsed = chatStateSchema.safeParse(raw);
    if (!parsed.success) return tally.recordError(`${who}: malformed chat:state: ${parsed.error.message}`);
    for (const listener of stateListeners) listener(parsed.data);
  });
  const received = (message: ChatMessage) => {
    if (message.author !== 'agent') return;
    if (tally.repliesReceived.has(message.id)) {
      tally.duplicateReplies += 1;
      return;
    }
    tally.repliesReceived.add(message.id);
    // As the widget does once a reply is on screen.
    socket.emit('chat:delivered', { messageIds: [message.id] });
    for (const listener of replyListeners) listener(message.text);
  };
  socket.on('chat:message', (raw: unknown) => {
    const parsed = chatMessageSchema.safeParse(raw);
    if (!parsed.success) return tally.recordError(`${who}: malformed chat:message: ${parsed.error.message}`);
    received(parsed.data);
  });
  /** The chat to resume after a reconnect, as the widget keeps it in localStorage. */
  let resume: { chatId: string; chatToken: string } | null = null;
  socket.on('connect', () => {
    if (!resume) return;
    // As the widget: hello again after a reconnect rejoins the chat, and its transcript brings what was missed.
    socket
      .timeout(ACK_TIMEOUT_MS)
      .emitWithAck('chat:hello', resume)
      .then((raw: unknown) => {
        const parsed = chatHelloResponseSchema.safeParse(raw);
        if (!parsed.success)
          return tally.recordError(`${who}: malformed resume answer: ${parsed.error.message}`);
        if (!parsed.data.ok) return tally.recordError(`${who}: resume refused: ${parsed.data.error}`);
        for (const message of parsed.data.transcript) received(message);
      })
      .catch(() => tally.recordError(`${who}: resume: no answer within ${ACK_TIMEOUT_MS} ms`));
  });
  socket.on('disconnect', (reason) => {
    if (!closing) tally.recordError(`${who}: disconnected (${reason})`);
  });
  socket.on('connect_error', (error) => tally.recordError(`${who}: connect error (${error.message})`));
  const stateChanges = (listener: (state: ChatState) => void) => {
    stateListeners.add(listener);
    return () => stateListeners.delete(listener);
  };
  const replies = (listener: (text: string) => void) => {
    replyListeners.add(listener);
    return () => replyListeners.delete(listener);
  };

  try {
    if (!socket.connected) {
      const connected = await until<void>(
        (listener) => {
          const onConnect = () => listener();
          socket.once('connect', onConnect);
          return () => socket.off('connect', onConnect);
        },
        () => true,
        plan.drainUntil,
      );
      if (!connected) return tally.recordError(`${who}: never connected`);
    }
    const hello = chatHelloResponseSchema.safeParse(
      await socket.timeout(ACK_TIMEOUT_MS).emitWithAck('chat:hello', {
        language: 'en',
        shopper: { email, name: `Soak Shopper ${plan.number}` },
      }),
    );
    if (!hello.success) return tally.recordError(`${who}: malformed hello answer: ${hello.error.message}`);
    if (!hello.data.ok) return tally.recordError(`${who}: hello refused: ${hello.data.error}`);
    resume = { chatId: hello.data.chatId, chatToken: hello.data.chatToken };

    // Subscribed before the handoff, so an agent's quick claim cannot be missed.
    const claimed = until(stateChanges, (state) => state.status === 'open', plan.drainUntil);
    const asked = await acked(socket, 'chat:send', {
      id: randomUUID(),
      text: 'I would like to talk to a human agent',
    });
    if (asked) return tally.recordError(`${who}: ${asked}`);
    const handedOff = await acked(socket, 'chat:handoff', { accept: true });
    if (handedOff) return tally.recordError(`${who}: ${handedOff}`);
    if (!(await claimed)) return tally.recordError(`${who}: no agent claimed the conversation`);
    tally.handedOff += 1;

    for (let sequence = 1; Date.now() < plan.stopSendingAt; sequence += 1) {
      const id = randomUUID();
      const answered = until(replies, (text) => text === replyTextFor(id), plan.drainUntil);
      const startedAt = performance.now();
      tally.messagesSent += 1;
      const refused = await acked(socket, 'chat:send', {
        id,
        text: `${SOAK_MESSAGE_PREFIX}${plan.number} #${sequence}`,
      });
      if (refused) return tally.recordError(`${who}: ${refused}`);
      tally.messagesAcked[id] = email;
      tally.sendAckLatenciesMs.push(performance.now() - startedAt);
      if (!(await answered)) {
        tally.unanswered += 1;
        return;
      }
      // Jittered so that shoppers who started together do not stay in step.
      const think = plan.thinkMs * (0.5 + Math.random());
      await delay(Math.min(think, Math.max(0, plan.stopSendingAt - Date.now())));
    }
  } catch (error) {
    tally.recordError(`${who}: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    closing = true;
  }
}
