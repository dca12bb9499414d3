// Environment: Node. The desk core's connection to the hub (socket.io namespace /desk): catch up from the last
// applied log position, then apply live changes strictly in order; reconnect and catch up again after any drop.
import { io, type Socket } from 'socket.io-client';
import { z } from 'zod';
import { cannedReplySchema, type CannedReply } from '../../shared/canned-replies.js';
import {
  DESK_NAMESPACE,
  deskRequests,
  hubChangeSchema,
  requestResultSchema,
  syncResponseSchema,
} from '../../shared/desk-protocol.js';
import type { Command, DeskRequestName, HubChange, RequestResult } from '../../shared/desk-protocol.js';
import { monitorSnapshotSchema, type MonitorSnapshot } from '../../shared/monitor.js';
import { hubSettingsSchema, type HubSettings } from '../../shared/settings.js';
import {
  conversationActivitySchema,
  rosterSchema,
  type ActivityReport,
  type ConversationActivity,
  type Roster,
} from '../../shared/team.js';
import type { AppliedChanges, DeskCache } from './cache.js';
import { CatchUpProgress, type CatchUpState } from './catch-up-progress.js';
import { describeError } from './describe-error.js';

export type HubClientStatus = 'connecting' | 'online' | 'reconnecting';
export type AuthRefusal = 'unauthorized' | 'session_expired';

export interface HubClientListener {
  status(status: HubClientStatus, lastError: string | null): void;
  /**
   * Changes committed to the cache, in log order, with the touched conversations as they were before.
   * `live`: pushed as it happened (or a gap filled while online), not replayed by a catch-up after connecting.
   * `initial`: part of the first catch-up into an empty cache (history, not news).
   */
  applied(result: AppliedChanges, how: { live: boolean; initial: boolean }): void;
  /** The hub's whole-state pushes, parsed. */
  roster(roster: Roster): void;
  settings(settings: HubSettings): void;
  activity(activity: ConversationActivity): void;
  cannedReplies(replies: CannedReply[]): void;
  /** Leads: the monitor's figures (the hub pushes them on connect and whenever they move). */
  monitor(monitor: MonitorSnapshot): void;
  /** The hub refused our session at connect: the socket stays down until a new sign-in. */
  authRefused(reason: AuthRefusal): void;
  /** A catch-up's progress (throttled), null when it ends. */
  catchUp(state: CatchUpState | null): void;
  /**
   * The cache was filled from another log (the hub's data was replaced) or is ahead of the hub's log (a restored
   * backup): its hub data was dropped and a full resync from 0 follows (as an initial catch-up).
   */
  reset(): void;
}

export interface HubClientOptions {
  hubUrl: string;
  token: string;
  cache: DeskCache;
  listener: HubClientListener;
  /** Changes per sync page. */
  syncPageSize?: number;
  /** How long to wait for a sync page or a command's ack. */
  ackTimeoutMs?: number;
  /** Pause before reconnecting when socket.io will not do it by itself. */
  retryDelayMs?: number;
}

/** Thrown by sendCommand when there is no live connection: the outbox keeps the command and retries later. */
export class HubOfflineError extends Error {
  constructor() {
    super('Not connected to the hub');
  }
}

// Bounds so that a misbehaving hub can never spin the desk core forever.
const MAX_SYNC_PAGES = 100_000;
const MAX_SYNC_ROUNDS = 20;
/** Full resyncs within one catch-up: a log that keeps changing identity is an error, not a loop. */
const MAX_RESETS_PER_CATCH_UP = 2;

export class HubClient {
  private readonly socket: Socket;
  private readonly options: Required<HubClientOptions>;
  private online = false;
  private wasOnline = false;
  private closed = false;
  private syncing = false;
  private syncAgain = false;
  /** Live changes that arrive while a sync runs: applied after it, in order. */
  private buffered: HubChange[] = [];
  /**
   * Live changes received in this turn of the event loop: a burst (a busy hub pushes many per read) is applied in
   * one cache transaction, one commit instead of one per change.
   */
  private pendingLive: HubChange[] = [];
  /** The running catch-up started from an empty cache. */
  private initialSync = false;
  private retryTimer: NodeJS.Timeout | null = null;
  private readonly progress: CatchUpProgress;

  constructor(options: HubClientOptions) {
    this.options = { syncPageSize: 500, ackTimeoutMs: 10_000, retryDelayMs: 1_000, ...options };
    this.progress = new CatchUpProgress((state) => {
      if (!this.closed) this.options.listener.catchUp(state);
    });
    this.socket = io(`${options.hubUrl}${DESK_NAMESPACE}`, {
      auth: { token: options.token },
      transports: ['websocket'],
      reconnection: true,
      reconnectionDelay: 300,
      reconnectionDelayMax: 3_000,
      autoConnect: false,
    });
    this.socket.on('connect', () => void this.catchUp());
    this.socket.on('changes', (payload: unknown) => this.onLiveChanges(payload));
    this.onPush('roster', rosterSchema, (roster) => this.options.listener.roster(roster));
    this.onPush('settings', hubSettingsSchema, (settings) => this.options.listener.settings(settings));
    this.onPush('activity', conversationActivitySchema, (activity) =>
      this.options.listener.activity(activity),
    );
    this.onPush('cannedReplies', z.array(cannedReplySchema), (replies) =>
      this.options.listener.cannedReplies(replies),
    );
    this.onPush('monitor', monitorSnapshotSchema, (monitor) => this.options.listener.monitor(monitor));
    this.socket.on('disconnect', (reason) => this.onDisconnect(reason));
    this.socket.on('connect_error', (error) => this.onConnectError(error));
  }

  start(): void {
    this.options.listener.status('connecting', null);
    this.socket.connect();
  }

  isOnline(): boolean {
    return this.online && this.socket.connected;
  }

  /** Sends one command and resolves with the hub's raw ack (the outbox parses it). */
  async sendCommand(command: Command): Promise<unknown> {
    if (!this.isOnline()) throw new HubOfflineError();
    return (await this.socket.timeout(this.options.ackTimeoutMs).emitWithAck('command', command)) as unknown;
  }

  /** Whether the socket is up (live requests need no catch-up first). */
  isConnected(): boolean {
    return !this.closed && this.socket.connected;
  }

  /**
   * One of the hub's live requests (deskRequests), its answer parsed. Throws HubOfflineError when not connected
   * and socket.io's timeout error when the hub does not answer in time.
   */
  async request<N extends DeskRequestName>(
    name: N,
    payload: z.input<(typeof deskRequests)[N]['payload']>,
  ): Promise<RequestResult<z.infer<(typeof deskRequests)[N]['value']>>> {
    if (!this.isConnected()) throw new HubOfflineError();
    const raw: unknown = await this.socket.timeout(this.options.ackTimeoutMs).emitWithAck(name, payload);
    const parsed = requestResultSchema(deskRequests[name].value).safeParse(raw);
    if (!parsed.success) {
      throw new Error(`The hub's answer to ${name} was not understood: ${describeError(parsed.error)}`);
    }
    return parsed.data as RequestResult<z.infer<(typeof deskRequests)[N]['value']>>;
  }

  /** Fire and forget; returns whether it went out (dropped when not connected: it is live state only). */
  sendActivity(report: ActivityReport): boolean {
    if (!this.isConnected()) return false;
    this.socket.emit('activity', report);
    return true;
  }

  close(): void {
    this.closed = true;
    this.online = false;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.socket.removeAllListeners();
    this.socket.disconnect();
  }

  private onPush<T>(event: string, schema: z.ZodType<T>, handle: (value: T) => void): void {
    this.socket.on(event, (payload: unknown) => {
      const parsed = schema.safeParse(payload);
      if (!parsed.success) {
        console.error(
          `desk core: ignored a malformed ${event} push from the hub: ${describeError(parsed.error)}`,
        );
        return;
      }
      handle(parsed.data);
    });
  }

  private notifyApplied(result: AppliedChanges, live: boolean): void {
    if (result.applied.length === 0) return;
    this.options.listener.applied(result, {
      live,
      initial: this.initialSync && !live,
    });
  }

  private onLiveChanges(payload: unknown): void {
    const parsed = hubChangeSchema.array().safeParse(payload);
    if (!parsed.success) {
      // Never apply what we cannot read; a sync fetches the same positions again.
      console.error(`desk core: ignored malformed changes from the hub: ${describeError(parsed.error)}`);
      void this.catchUp();
      return;
    }
    if (parsed.data.length === 0) return;
    if (this.syncing) {
      this.buffered.push(...parsed.data);
      return;
    }
    const wasIdle = this.pendingLive.length === 0;
    this.pendingLive.push(...parsed.data);
    if (wasIdle) setImmediate(() => this.applyPendingLive());
  }

  private applyPendingLive(): void {
    const changes = this.pendingLive.splice(0);
    if (this.closed || changes.length === 0) return;
    if (this.syncing) {
      this.buffered.push(...changes);
      return;
    }
    const result = this.options.cache.applyChanges(changes, { fromSync: false });
    this.notifyApplied(result, true);
    if (result.gap) void this.catchUp();
  }

  /** Sync from the last applied position until caught up; then apply what arrived live meanwhile. */
  private async catchUp(): Promise<void> {
    if (this.syncing) {
      this.syncAgain = true;
      return;
    }
    this.syncing = true;
    this.initialSync = this.options.cache.lastPosition() === 0;
    try {
      for (let round = 0; round < MAX_SYNC_ROUNDS; round++) {
        this.syncAgain = false;
        await this.syncPages();
        const buffered = this.buffered.splice(0);
        if (buffered.length > 0) {
          // Pushed as they happened while the sync ran: news, not replay.
          const result = this.options.cache.applyChanges(buffered, { fromSync: false });
          this.notifyApplied(result, true);
          if (result.gap) this.syncAgain = true;
        }
        if (!this.syncAgain) break;
      }
      this.progress.end();
      if (!this.closed && this.socket.connected && !this.online) {
        this.online = true;
        this.wasOnline = true;
        this.options.listener.status('online', null);
      }
    } catch (error) {
      if (this.closed) return;
      this.online = false;
      this.buffered = [];
      this.options.listener.status(
        this.wasOnline ? 'reconnecting' : 'connecting',
        `Could not catch up with the hub: ${describeError(error)}`,
      );
      // Start over on a fresh connection rather than apply anything out of order (if the connection dropped,
      // socket.io is already reconnecting).
      if (this.socket.connected) {
        this.socket.disconnect();
        this.retryLater();
      }
    } finally {
      this.progress.end();
      this.syncing = false;
      this.initialSync = false;
      // A new connection may have asked for a sync while a failing one was still unwinding.
      if (this.syncAgain && !this.online && !this.closed && this.socket.connected) void this.catchUp();
    }
  }

  private async syncPages(): Promise<void> {
    let resets = 0;
    for (let page = 0; page < MAX_SYNC_PAGES; page++) {
      if (!this.socket.connected) throw new Error('the connection dropped during the sync');
      const { cache } = this.options;
      const after = cache.lastPosition();
      const raw: unknown = await this.socket
        .timeout(this.options.ackTimeoutMs)
        .emitWithAck('sync', { after, limit: this.options.syncPageSize });
      if (this.closed) return;
      const response = syncResponseSchema.parse(raw);
      if (!response.ok) throw new Error(`${response.error.code}: ${response.error.message}`);
      const storedLogId = cache.logId();
      if ((storedLogId !== null && storedLogId !== response.logId) || after > response.head) {
        if (resets >= MAX_RESETS_PER_CATCH_UP) throw new Error("the hub's log keeps changing identity");
        resets += 1;
        this.resetCache();
        continue;
      }
      if (!this.progress.isActive()) this.progress.begin(after, response.head);
      const result = cache.applyChanges(response.changes, {
        fromSync: true,
        logId: response.logId,
        ...(response.hasMore ? {} : { head: response.head }),
      });
      // A gap filled while online is news; a catch-up after connecting (or a resync) replays what we missed.
      this.notifyApplied(result, this.online && !this.initialSync);
      this.progress.advance(cache.lastPosition());
      if (!response.hasMore) return;
      if (response.changes.length === 0) throw new Error('the hub said there is more but sent nothing');
    }
    throw new Error('too many sync pages');
  }

  /** Drops the cache's hub data and starts the catch-up over from 0, as a first (initial) one: no news. */
  private resetCache(): void {
    this.options.cache.resetHubData();
    // What arrived live so far is in the log the resync reads from 0.
    this.buffered = [];
    this.pendingLive = [];
    this.initialSync = true;
    this.progress.end();
    this.options.listener.reset();
  }

  private onDisconnect(reason: Socket.DisconnectReason): void {
    if (this.closed) return;
    this.online = false;
    this.buffered = [];
    this.options.listener.status(
      this.wasOnline ? 'reconnecting' : 'connecting',
      `Lost the connection to the hub (${reason}); trying again.`,
    );
    // socket.io does not reconnect by itself after the server or we closed the socket.
    if (reason === 'io server disconnect' || reason === 'io client disconnect') this.retryLater();
  }

  private onConnectError(error: Error): void {
    if (this.closed) return;
    if (error.message === 'unauthorized' || error.message === 'session_expired') {
      this.close();
      this.options.listener.authRefused(error.message);
      return;
    }
    this.options.listener.status(
      this.wasOnline ? 'reconnecting' : 'connecting',
      `Can't reach the hub at ${this.options.hubUrl} (${error.message}); trying again.`,
    );
    // Middleware refusals other than auth stop socket.io's own retries.
    if (!this.socket.active) this.retryLater();
  }

  private retryLater(): void {
    if (this.closed || this.retryTimer) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (!this.closed && !this.socket.connected) this.socket.connect();
    }, this.options.retryDelayMs);
  }
}
