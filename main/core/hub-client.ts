// Environment: Node. The desk core's connection to the hub (socket.io namespace /desk): catch up from the last
// applied log position, then apply live changes strictly in order; reconnect and catch up again after any drop.
import { io, type Socket } from 'socket.io-client';
import { DESK_NAMESPACE, hubChangeSchema, syncResponseSchema } from '../../shared/desk-protocol.js';
import type { Command, HubChange } from '../../shared/desk-protocol.js';
import type { DeskCache } from './cache.js';
import { describeError } from './describe-error.js';

export type HubClientStatus = 'connecting' | 'online' | 'reconnecting';
export type AuthRefusal = 'unauthorized' | 'session_expired';

export interface HubClientListener {
  status(status: HubClientStatus, lastError: string | null): void;
  /** Changes committed to the cache, in log order. */
  applied(changes: HubChange[]): void;
  /** The hub refused our session at connect: the socket stays down until a new sign-in. */
  authRefused(reason: AuthRefusal): void;
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
  private retryTimer: NodeJS.Timeout | null = null;

  constructor(options: HubClientOptions) {
    this.options = { syncPageSize: 500, ackTimeoutMs: 10_000, retryDelayMs: 1_000, ...options };
    this.socket = io(`${options.hubUrl}${DESK_NAMESPACE}`, {
      auth: { token: options.token },
      transports: ['websocket'],
      reconnection: true,
      reconnectionDelay: 300,
      reconnectionDelayMax: 3_000,
      autoConnect: false,
    });
    this.socket.on('connect', () => void this.catchUp());
    this.socket.on('change', (payload: unknown) => this.onLiveChange(payload));
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

  close(): void {
    this.closed = true;
    this.online = false;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.socket.removeAllListeners();
    this.socket.disconnect();
  }

  private onLiveChange(payload: unknown): void {
    const parsed = hubChangeSchema.safeParse(payload);
    if (!parsed.success) {
      // Never apply what we cannot read; a sync fetches the same position again.
      console.error(`desk core: ignored a malformed change from the hub: ${describeError(parsed.error)}`);
      void this.catchUp();
      return;
    }
    if (this.syncing) {
      this.buffered.push(parsed.data);
      return;
    }
    const result = this.options.cache.applyChanges([parsed.data], { fromSync: false });
    if (result.applied.length > 0) this.options.listener.applied(result.applied);
    if (result.gap) void this.catchUp();
  }

  /** Sync from the last applied position until caught up; then apply what arrived live meanwhile. */
  private async catchUp(): Promise<void> {
    if (this.syncing) {
      this.syncAgain = true;
      return;
    }
    this.syncing = true;
    try {
      for (let round = 0; round < MAX_SYNC_ROUNDS; round++) {
        this.syncAgain = false;
        await this.syncPages();
        const buffered = this.buffered.splice(0);
        if (buffered.length > 0) {
          const result = this.options.cache.applyChanges(buffered, { fromSync: false });
          if (result.applied.length > 0) this.options.listener.applied(result.applied);
          if (result.gap) this.syncAgain = true;
        }
        if (!this.syncAgain) break;
      }
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
      this.syncing = false;
      // A new connection may have asked for a sync while a failing one was still unwinding.
      if (this.syncAgain && !this.online && !this.closed && this.socket.connected) void this.catchUp();
    }
  }

  private async syncPages(): Promise<void> {
    for (let page = 0; page < MAX_SYNC_PAGES; page++) {
      if (!this.socket.connected) throw new Error('the connection dropped during the sync');
      const after = this.options.cache.lastPosition();
      const raw: unknown = await this.socket
        .timeout(this.options.ackTimeoutMs)
        .emitWithAck('sync', { after, limit: this.options.syncPageSize });
      const response = syncResponseSchema.parse(raw);
      if (!response.ok) throw new Error(`${response.error.code}: ${response.error.message}`);
      const result = this.options.cache.applyChanges(response.changes, {
        fromSync: true,
        ...(response.hasMore ? {} : { head: response.head }),
      });
      if (result.applied.length > 0) this.options.listener.applied(result.applied);
      if (!response.hasMore) return;
      if (response.changes.length === 0) throw new Error('the hub said there is more but sent nothing');
    }
    throw new Error('too many sync pages');
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
