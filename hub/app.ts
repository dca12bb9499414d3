// Environment: Node (hub). The hub: HTTP (fastify) and socket.io on one server, one SQLite database.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Server } from 'socket.io';
import type { ForwardingConfig } from '../shared/outbound.js';
import { createAccount as createAccountIn, type NewAccountInput } from './auth/accounts.js';
import { Sessions } from './auth/sessions.js';
import type { SignInLimits } from './auth/sign-in-limiter.js';
import { CONFIGURED_TOKEN_LABEL } from './auth/integration-tokens.js';
import { hashToken } from './auth/tokens.js';
import { isoAt, systemClock, type Clock } from './core/clock.js';
import { ClockTimers } from './core/clock-timers.js';
import type { HandoffRules } from './core/handoff-rules.js';
import { HubSettingsService } from './core/hub-settings.js';
import {
  checkLogRetention,
  DEFAULT_LOG_RETENTION_MS,
  LogCompactor,
  type CompactionResult,
} from './core/log-compaction.js';
import { SnoozeWaker } from './core/snooze-waker.js';
import { seedDemo } from './demo/seed.js';
import { seedDemoEventsApiKey } from './klaviyo/api-keys.js';
import { WebChat } from './demo/web-chat.js';
import { buildHttpServer, type TlsFiles } from './http/http-server.js';
import { DEFAULT_REQUEST_RATE_LIMIT, type RequestRateLimit } from './http/security-plugins.js';
import { MonitorService } from './monitor/monitor-service.js';
import { checkOutboundUrl, OutboundUrlError, type HostResolver } from './outbound/outbound-address-policy.js';
import { OutboundService } from './outbound/outbound-service.js';
import { SqliteOutboundStore } from './outbound/sqlite-outbound-store.js';
import { CommitBatcher } from './store/commit-batcher.js';
import { attachChatNamespace } from './realtime/chat-namespace.js';
import { SegmentEngine } from './segments/segment-engine.js';
import { SqliteSegmentStore } from './segments/sqlite-segment-store.js';
import { attachDeskNamespace } from './realtime/desk-namespace.js';
import { socketOriginCheck } from './realtime/socket-origins.js';
import type { HubStore } from './store/hub-store.js';
import type { StorageLimits } from './store/sqlite/hub-connection.js';
import { SqliteHubStore } from './store/sqlite/sqlite-hub-store.js';
import { ActivityTracker } from './team/activity.js';
import { PresenceTracker } from './team/presence.js';
import { Router } from './team/router.js';

/** How long close() waits for connections that are still busy before cutting them. */
const CLOSE_GRACE_MS = 2_000;

export interface HubOptions {
  /** 0 picks any free port. */
  port: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Where `hub.sqlite` lives (created if missing). */
  dataDir: string;
  /** Seeds the demo accounts, integration token and conversations (idempotently); `/` redirects to `/chat`. */
  demo?: boolean;
  /** Default 12 hours. */
  sessionTtlMs?: number;
  /** Integration tokens accepted by the handoff API (stored hashed). */
  integrationTokens?: string[];
  /** The built shopper chat page. Default `<repo>/dist/chat`. */
  chatPageDir?: string;
  /** Request logging. Default off. */
  log?: boolean;
  /** The hub's clock (epoch ms). Tests move it (then call runDueTimers) instead of waiting. */
  clock?: Clock;
  /**
   * How long every change stays in the consoles' log before compaction may drop it for a later change of the
   * same conversation or message. Default 7 days; at least 1 day (startHub refuses less).
   */
  logRetentionMs?: number;
  /** Forwards the humans' outcome events to a Klaviyo-compatible endpoint (HUB_FORWARD_URL, HUB_FORWARD_KEY). */
  forwarding?: ForwardingConfig | null;
  /** Failed sign-ins allowed per account and per address in a window (default 10 and 50 per 15 minutes). */
  signInLimits?: SignInLimits;
  /** Origins allowed to call the hub from a browser (CORS). Default none. */
  corsOrigins?: string[];
  /** Requests allowed per address and window; null turns it off. Default 6,000 a minute. */
  requestRateLimit?: RequestRateLimit | null;
  /** A PEM certificate and key (contents): the hub serves https and wss. Default plain http. */
  tls?: TlsFiles | null;
  /**
   * Lets webhooks and forwarding reach loopback, private and link-local addresses (HUB_OUTBOUND_ALLOW_PRIVATE=1):
   * the demo and tests, whose receivers run on 127.0.0.1. Default false: such URLs are refused.
   */
  outboundAllowPrivate?: boolean;
  /** How outbound host names resolve (tests inject a rebinding name). Default the system resolver. */
  outboundResolver?: HostResolver;
  /**
   * Reverse proxies (addresses or CIDRs, HUB_TRUST_PROXY) whose X-Forwarded-For names the client, so that the
   * per-address limits apply to the client and not the proxy. Default none (the header is ignored).
   */
  trustProxy?: string[];
  /** How long a write waits for a lock, and (tests only) a page cap standing in for a full disk. */
  storage?: StorageLimits;
}

export interface RunningHub {
  /** http://HOST:PORT, or https:// with TLS. */
  url: string;
  port: number;
  /**
   * Runs the timers now due by the hub's clock (snooze ends, stale typing). With the system clock they run
   * on their own; a test that moves its own clock calls this afterwards.
   */
  runDueTimers(): void;
  /** Compacts the log now (or joins the pass in progress); resolves when the pass is over. */
  compactLog(): Promise<CompactionResult>;
  close(): Promise<void>;
}

export const DEFAULT_SESSION_TTL_MS = 12 * 60 * 60 * 1000;
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export async function startHub(options: HubOptions): Promise<RunningHub> {
  const host = options.host ?? '127.0.0.1';
  const clock = options.clock ?? systemClock;
  const logRetentionMs = options.logRetentionMs ?? DEFAULT_LOG_RETENTION_MS;
  checkLogRetention(logRetentionMs);
  const outboundPolicy = {
    allowPrivate: options.outboundAllowPrivate ?? false,
    ...(options.outboundResolver ? { resolve: options.outboundResolver } : {}),
  };
  if (options.forwarding) await checkForwardingUrl(options.forwarding.url, outboundPolicy);
  const store = SqliteHubStore.open(options.dataDir, clock, options.storage);
  const timers = new ClockTimers(clock);
  let router: Router | null = null;
  let compactor: LogCompactor | null = null;
  let monitor: MonitorService | null = null;
  let outbound: OutboundService | null = null;
  let segments: SegmentEngine | null = null;
  try {
    for (const token of options.integrationTokens ?? []) {
      store.addIntegrationToken(hashToken(token), CONFIGURED_TOKEN_LABEL, isoAt(clock()));
    }
    if (options.demo) await seedDemo(store, clock);
    if (options.demo) seedDemoEventsApiKey(store, clock);

    const sessions = new Sessions(store, clock, options.sessionTtlMs ?? DEFAULT_SESSION_TTL_MS);
    const settings = new HubSettingsService(store, clock);
    const presence = new PresenceTracker(store, clock, timers);
    const activity = new ActivityTracker(clock, timers);
    const snoozes = new SnoozeWaker(store, clock, timers);
    router = new Router(store, settings, presence, clock);
    const leadsMonitor = new MonitorService({ store, settings, presence, clock, timers });
    monitor = leadsMonitor;
    const outboundService = new OutboundService({
      hubStore: store,
      store: new SqliteOutboundStore(store.file, options.storage),
      clock,
      timers,
      forwarding: options.forwarding ?? null,
      policy: outboundPolicy,
    });
    outbound = outboundService;
    // After the demo seed: its events are evaluated like any others (built-ins over every profile at first).
    const segmentEngine = new SegmentEngine({
      hubStore: store,
      store: new SqliteSegmentStore(store.file, options.storage),
      clock,
      timers,
    });
    segments = segmentEngine;
    const handoffRules: HandoffRules = {
      settings: () => settings.get(),
      anyAgentOnline: () => presence.anyAgentOnline(),
    };
    const app = await buildHttpServer({
      store,
      sessions,
      clock,
      handoffRules,
      monitor: leadsMonitor,
      outbound: outboundService,
      segments: segmentEngine,
      demo: options.demo ?? false,
      chatPageDir: options.chatPageDir ?? path.join(repoRoot, 'dist', 'chat'),
      log: options.log ?? false,
      signInLimits: options.signInLimits,
      security: {
        corsOrigins: options.corsOrigins ?? [],
        rateLimit:
          options.requestRateLimit === undefined ? DEFAULT_REQUEST_RATE_LIMIT : options.requestRateLimit,
        tls: Boolean(options.tls),
      },
      tls: options.tls ?? null,
      trustProxy: options.trustProxy ?? [],
    });
    await app.ready();
    const io = new Server(app.server, {
      serveClient: false,
      allowRequest: socketOriginCheck(options.corsOrigins ?? []),
    });
    const commits = new CommitBatcher(store);
    const deskNamespace = attachDeskNamespace(io, {
      store,
      commits,
      sessions,
      clock,
      timers,
      settings,
      presence,
      activity,
      monitor: leadsMonitor,
      segments: segmentEngine,
      outbound: outboundService,
    });
    attachChatNamespace(io, store, new WebChat(store, clock, handoffRules), activity, commits);
    // Routing and snoozes react to every commit, to presence and to settings (after the pushes above).
    const routing = router;
    store.onCommit((batch) => {
      // An erasure leaves no conversation in its batch, only its tombstone; it may free an agent's capacity.
      if (batch.conversations.length === 0 && batch.changes.length === 0) return;
      routing.request();
      snoozes.reschedule();
    });
    presence.onChange(() => routing.request());
    settings.onChange(() => routing.request());
    snoozes.wakeDue();
    routing.request();
    const logCompactor = new LogCompactor(store, clock, timers, logRetentionMs);
    compactor = logCompactor;
    logCompactor.start();
    await app.listen({ port: options.port, host });

    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : options.port;
    let closing: Promise<void> | null = null;
    return {
      url: `${options.tls ? 'https' : 'http'}://${host.includes(':') ? `[${host}]` : host}:${port}`,
      port,
      runDueTimers: () => timers.runDue(),
      compactLog: () => logCompactor.compact(),
      close() {
        closing ??= (async () => {
          routing.close();
          leadsMonitor.close();
          await outboundService.close();
          segmentEngine.close();
          await logCompactor.close();
          timers.close();
          deskNamespace.close();
          // Sockets first: open WebSocket connections would otherwise keep the HTTP server from closing.
          io.disconnectSockets(true);
          for (const namespace of ['/desk', '/chat']) io.of(namespace).disconnectSockets(true);
          io.engine.close();
          // A client that never finishes its request (a half-sent header, a stalled proxy) would hold the server
          // open for Node's header timeout: after a short grace, its connection is cut.
          const cutLingering = setTimeout(() => app.server.closeAllConnections(), CLOSE_GRACE_MS);
          await app.close();
          clearTimeout(cutLingering);
          store.close();
        })();
        return closing;
      },
    };
  } catch (error) {
    router?.close();
    monitor?.close();
    await outbound?.close();
    segments?.close();
    await compactor?.close();
    timers.close();
    store.close();
    throw error;
  }
}

/**
 * Forwarding's URL, checked once at start like a webhook's at subscription: an address in the hub's own network
 * stops the start (ForwardingUrlError). A name that does not resolve now does not: forwarding retries, and
 * each connection is checked again.
 */
async function checkForwardingUrl(
  url: string,
  policy: Parameters<typeof checkOutboundUrl>[1],
): Promise<void> {
  try {
    await checkOutboundUrl(url, policy);
  } catch (error) {
    if (error instanceof OutboundUrlError && error.kind === 'unresolved') return;
    if (error instanceof OutboundUrlError) throw new ForwardingUrlError(`HUB_FORWARD_URL: ${error.message}`);
    throw error;
  }
}

export class ForwardingUrlError extends Error {}

/** Creates an account in `dataDir`'s hub database (or an open store). Throws AccountError on bad input. */
export function createAccount(dataDirOrStore: string | HubStore, input: NewAccountInput) {
  return createAccountIn(dataDirOrStore, input);
}
export { AccountError, type NewAccountInput } from './auth/accounts.js';
export { LogRetentionError, type CompactionResult } from './core/log-compaction.js';
export { DEMO_ACCOUNTS, DEMO_INTEGRATION_TOKEN, DEMO_PASSWORD } from './demo/seed.js';
