// A soak worker holding some agent consoles: real desk cores (main/core/desk-core.ts, no UI), each signed in
// with its own account and cache folder. Console k claims every queued conversation of shopper n with
// n ≡ k (mod consoleCount) — a fixed owner, so claims never race — and answers each shopper message with
// one reply. Started by soak.ts; speaks worker-protocol.ts over IPC.
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createDeskCore, type DeskCore } from '../main/core/desk-core.js';
import type { DeskEvent } from '../shared/desk-api.js';
import { whenOnline } from './desk-core-online.js';
import { replyTextFor, SOAK_MESSAGE_PREFIX } from './soak-words.js';
import { reply, serveRequests } from './worker-channel.js';
import {
  consoleRequestSchema,
  cpuNow,
  shopperNumber,
  type ConsoleReport,
  type SoakAccount,
} from './worker-protocol.js';

/** Sign-ins at once: each costs the hub a password hash, so a worker does not queue all of them together. */
const SIGN_IN_CONCURRENCY = 5;
const ONLINE_WAIT_MS = 120_000;

const conversations: Record<string, string> = {};
const repliesAcked: Record<string, string> = {};
const replyAckLatenciesMs: number[] = [];
const shopperMessagesReceived = new Set<string>();
const errors: string[] = [];
let claims = 0;
let repliesSent = 0;
let duplicateShopperMessages = 0;
const eventsByType: Record<string, number> = {};
const cores: DeskCore[] = [];
/** Replies not yet acknowledged by the hub, across this worker's consoles. */
let unackedReplies = 0;
/** Called after every event while a report waits for the consoles' replies to be acknowledged. */
let onSettleCheck: (() => void) | null = null;
/** How long a report waits for outstanding replies to be acknowledged before reporting them as not. */
const SETTLE_MS = 30_000;

const eventLoopDelay = monitorEventLoopDelay({ resolution: 20 });
eventLoopDelay.enable();
const workerStartedAt = performance.now();

function recordError(problem: string) {
  // When it happened tells a console that fell behind from one that hit a fault.
  const what = `[+${Math.round((performance.now() - workerStartedAt) / 1000)} s] ${problem}`;
  // Bounded: the count is what matters past the first few hundred.
  if (errors.length < 500) errors.push(what);
  else errors[499] = `… and more (last: ${what})`;
}

/** One agent console: signs in, claims its shoppers' conversations, answers their messages. */
async function startConsole(
  account: SoakAccount,
  consoleCount: number,
  hubUrl: string,
  cacheRoot: string,
): Promise<DeskCore> {
  const core = createDeskCore({
    dataDir: join(cacheRoot, `console-${account.index}`),
    defaultHubUrl: hubUrl,
  });
  cores.push(core);
  const claimed = new Set<string>();
  /** Replies sent and not yet matched to their id, by text (unique: it names the shopper message). */
  const replyStartedByText = new Map<string, number>();
  /** Replies matched to their id and not yet acknowledged: id → when reply() was called. */
  const replyStartedById = new Map<string, number>();
  let ready = false;

  const claim = (conversationId: string) => {
    claimed.add(conversationId);
    claims += 1;
    core.claim({ conversationId }).then(
      (result) => {
        if (!result.ok) recordError(`${account.email}: claim ${conversationId}: ${result.error.message}`);
      },
      (error: unknown) => recordError(`${account.email}: claim ${conversationId} threw: ${String(error)}`),
    );
  };

  const answer = (conversationId: string, shopperMessageId: string) => {
    const text = replyTextFor(shopperMessageId);
    replyStartedByText.set(text, performance.now());
    repliesSent += 1;
    unackedReplies += 1;
    core.reply({ conversationId, text }).then(
      (result) => {
        if (!result.ok) recordError(`${account.email}: reply in ${conversationId}: ${result.error.message}`);
      },
      (error: unknown) => recordError(`${account.email}: reply threw: ${String(error)}`),
    );
  };

  const onEvent = (event: DeskEvent) => {
    switch (event.type) {
      case 'conversation': {
        const { conversation } = event;
        const number = shopperNumber(conversation.shopper.email ?? undefined);
        if (number === null || number % consoleCount !== account.index) return;
        if (conversation.shopper.email) conversations[conversation.shopper.email] = conversation.id;
        if (conversation.status === 'queued' && !claimed.has(conversation.id)) claim(conversation.id);
        return;
      }
      case 'message': {
        const { message } = event;
        if (message.author === 'shopper') {
          if (!claimed.has(message.conversationId) || !message.text.startsWith(SOAK_MESSAGE_PREFIX)) return;
          if (shopperMessagesReceived.has(message.id)) {
            duplicateShopperMessages += 1;
            return;
          }
          shopperMessagesReceived.add(message.id);
          answer(message.conversationId, message.id);
          return;
        }
        if (message.author !== 'agent' || !claimed.has(message.conversationId)) return;
        if (message.delivery === 'pending') {
          const startedAt = replyStartedByText.get(message.text);
          if (startedAt === undefined) return;
          replyStartedByText.delete(message.text);
          replyStartedById.set(message.id, startedAt);
          return;
        }
        if (message.delivery === 'failed') {
          recordError(`${account.email}: reply ${message.id} failed`);
          return;
        }
        const startedAt = replyStartedById.get(message.id);
        if (startedAt === undefined) return;
        replyStartedById.delete(message.id);
        unackedReplies -= 1;
        repliesAcked[message.id] = message.conversationId;
        replyAckLatenciesMs.push(performance.now() - startedAt);
        return;
      }
      case 'commandFailed':
        recordError(
          `${account.email}: ${event.commandType} in ${event.conversationId}: ${event.error.message}`,
        );
        return;
      case 'connection':
        // Once up, a console that drops is an error of the soak (the hub shed or stalled it).
        if (ready && event.connection.status !== 'online')
          recordError(
            `${account.email}: connection ${event.connection.status} (${event.connection.lastError})`,
          );
        return;
      default:
        return;
    }
  };
  core.onEvent((event) => {
    eventsByType[event.type] = (eventsByType[event.type] ?? 0) + 1;
    onEvent(event);
    onSettleCheck?.();
  });
  const connected = whenOnline(core, account.email, ONLINE_WAIT_MS);
  const result = await core.signIn({ hubUrl, email: account.email, password: account.password });
  if (!result.ok) {
    connected.catch(() => undefined);
    throw new Error(`${account.email}: sign-in refused: ${result.error.message}`);
  }
  await connected;
  ready = true;
  return core;
}

async function startAll(accounts: SoakAccount[], consoleCount: number, hubUrl: string, cacheRoot: string) {
  const queue = [...accounts];
  const signInLane = async () => {
    for (let account = queue.shift(); account; account = queue.shift())
      await startConsole(account, consoleCount, hubUrl, cacheRoot);
  };
  await Promise.all(Array.from({ length: Math.min(SIGN_IN_CONCURRENCY, accounts.length) }, signInLane));
}

/** Resolves once every reply sent has been acknowledged, or after SETTLE_MS. */
function settled(): Promise<void> {
  return new Promise((resolve) => {
    const finish = () => {
      clearTimeout(timer);
      onSettleCheck = null;
      resolve();
    };
    const timer = setTimeout(finish, SETTLE_MS);
    onSettleCheck = () => {
      if (unackedReplies === 0) finish();
    };
    onSettleCheck();
  });
}

function report(): ConsoleReport {
  return {
    kind: 'consoleReport',
    conversations,
    claims,
    repliesSent,
    repliesAcked,
    replyAckLatenciesMs,
    shopperMessagesReceived: [...shopperMessagesReceived],
    duplicateShopperMessages,
    eventsByType,
    errors,
    cpu: cpuNow(),
    eventLoopDelayMs: {
      p99: Math.round(eventLoopDelay.percentile(99) / 1e6),
      max: Math.round(eventLoopDelay.max / 1e6),
    },
  };
}

serveRequests(consoleRequestSchema, async (request) => {
  switch (request.kind) {
    case 'start':
      await startAll(request.accounts, request.consoleCount, request.hubUrl, request.cacheRoot);
      reply({ kind: 'ready' });
      return;
    case 'report':
      await settled();
      reply(report());
      return;
    case 'close':
      await Promise.allSettled(cores.map((core) => core.close()));
      process.exit(0);
  }
});
