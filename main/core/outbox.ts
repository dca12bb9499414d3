// Environment: Node. Commands from the console to the hub: written to the cache's outbox first, then sent one at a
// time in order and retried until the hub acknowledges them (the hub applies each command id once).
import { commandResultSchema } from '../../shared/desk-protocol.js';
import type { Command, CommandResult } from '../../shared/desk-protocol.js';
import type { Conversation, Message } from '../../shared/domain.js';
import type { DeskError } from '../../shared/desk-api.js';
import type { DeskCache, OutboxEntry } from './cache.js';
import { describeError } from './describe-error.js';

export type CommandOutcome =
  | { kind: 'acked' }
  | { kind: 'refused'; error: DeskError }
  /** Not acknowledged yet (offline, or the wait ran out): still in the outbox. */
  | { kind: 'pending' };

export interface OutboxTransport {
  isOnline(): boolean;
  /** Resolves with the hub's raw ack; rejects when offline, on timeout or on disconnect. */
  send(command: Command): Promise<unknown>;
}

export interface OutboxListener {
  /** `previous`: the conversation as the cache had it before the hub's answer. */
  acked(
    entry: OutboxEntry,
    changed: { conversation: Conversation | null; message: Message | null },
    previous: Conversation | null,
  ): void;
  /** The hub refused the command; `reported` says whether a waiting call received the error. */
  refused(entry: OutboxEntry, error: DeskError, reported: boolean): void;
  /** The hub says our session is no longer valid: the command stays queued for the next sign-in. */
  unauthorized(entry: OutboxEntry, error: DeskError): void;
}

// Bounds: commands per drain pass before yielding, and the pause before retrying after a failed send.
const MAX_SENDS_PER_PASS = 1_000;

export class Outbox {
  private transport: OutboxTransport | null = null;
  private readonly waiters = new Map<string, (outcome: CommandOutcome) => void>();
  private draining = false;
  private closed = false;
  private retryTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly cache: DeskCache,
    private readonly listener: OutboxListener,
    private readonly retryDelayMs = 1_000,
  ) {}

  /** The connection to send through (null while signed out). Pending commands go out once it is online. */
  setTransport(transport: OutboxTransport | null): void {
    this.transport = transport;
    void this.drain();
  }

  /** Writes the command to the outbox (durable from here on) and starts sending. */
  submit(command: Command, now: Date = new Date()): OutboxEntry {
    const entry = this.cache.addCommand(command, now.toISOString());
    void this.drain();
    return entry;
  }

  /** The command's outcome, or `pending` if the hub has not answered within `timeoutMs`. */
  awaitOutcome(commandId: string, timeoutMs: number): Promise<CommandOutcome> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => finish({ kind: 'pending' }), timeoutMs);
      const finish = (outcome: CommandOutcome) => {
        clearTimeout(timer);
        this.waiters.delete(commandId);
        resolve(outcome);
      };
      this.waiters.set(commandId, finish);
    });
  }

  close(): void {
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    for (const finish of [...this.waiters.values()]) finish({ kind: 'pending' });
  }

  /** Sends pending commands in order while online; safe to call any time (one pass runs at once). */
  async drain(): Promise<void> {
    if (this.draining || this.closed) return;
    this.draining = true;
    try {
      for (let sent = 0; sent < MAX_SENDS_PER_PASS; sent++) {
        const transport = this.transport;
        if (this.closed || !transport?.isOnline()) return;
        const entry = this.cache.nextPendingCommand();
        if (!entry) return;
        let raw: unknown;
        try {
          raw = await transport.send(entry.command);
        } catch {
          // Offline, timed out or disconnected: the command stays first in line.
          this.retryLater();
          return;
        }
        if (this.closed) return;
        const parsed = commandResultSchema.safeParse(raw);
        if (!parsed.success || parsed.data.commandId !== entry.command.id) {
          console.error(
            `desk core: unreadable ack for command ${entry.command.id}: ${
              parsed.success ? `it names ${parsed.data.commandId}` : describeError(parsed.error)
            }`,
          );
          this.retryLater();
          return;
        }
        if (!this.settle(entry, parsed.data)) return;
      }
      this.retryLater();
    } finally {
      this.draining = false;
    }
  }

  /** Returns false when sending must pause: the session is no longer valid, or the hub asks for a retry later. */
  private settle(entry: OutboxEntry, result: CommandResult): boolean {
    const finish = this.waiters.get(entry.command.id);
    if (result.ok) {
      const previous = this.cache.conversation(entry.command.conversationId);
      const changed = this.cache.completeCommand(entry.command.id, result.conversation, result.message);
      finish?.({ kind: 'acked' });
      this.listener.acked(entry, changed, previous);
      return true;
    }
    const error: DeskError = { code: result.error.code, message: result.error.message };
    if (error.code === 'unavailable') {
      // Nothing was applied and nothing stored: the same id goes again later, still first in line.
      this.retryLater();
      return false;
    }
    if (error.code === 'unauthorized') {
      finish?.({ kind: 'pending' });
      this.listener.unauthorized(entry, error);
      return false;
    }
    this.cache.refuseCommand(entry.command.id, error);
    finish?.({ kind: 'refused', error });
    this.listener.refused(entry, error, finish !== undefined);
    return true;
  }

  private retryLater(): void {
    if (this.closed || this.retryTimer) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.drain();
    }, this.retryDelayMs);
  }
}
