// Environment: Node (hub). Presence per account, from its /desk sockets: offline when the last one
// closes; otherwise the chosen presence (kept in the database, so a reconnect never resets a chosen
// away), or away while every socket reports its console idle. A socket whose session has expired no
// longer counts: routing and the handoff rules must not rely on a console that can no longer act.
import type { Presence, ChosenPresence } from '../../shared/team.js';
import type { AgentState, HubStore } from '../store/hub-store.js';
import { isoAt, type Clock } from '../core/clock.js';
import type { ClockTimers } from '../core/clock-timers.js';

export class PresenceTracker {
  private readonly sockets = new Map<string, { accountId: string; idle: boolean; expiresAt: number }>();
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly store: HubStore,
    private readonly clock: Clock,
    private readonly timers: ClockTimers,
  ) {}

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** `expiresAt`: when the socket's session ends (epoch ms); from then on it does not count. */
  connect(socketId: string, accountId: string, expiresAt: number): void {
    this.sockets.set(socketId, { accountId, idle: false, expiresAt });
    this.timers.at(`session-end:${socketId}`, expiresAt, () => this.notify());
    this.noteLastSeen(accountId);
    this.notify();
  }

  disconnect(socketId: string): void {
    const entry = this.sockets.get(socketId);
    if (!entry) return;
    this.sockets.delete(socketId);
    this.timers.cancel(`session-end:${socketId}`);
    if (!this.socketsOf(entry.accountId).length) this.noteLastSeen(entry.accountId);
    this.notify();
  }

  /** Best effort: a database that cannot take the write (full, locked) must not fail a connect or disconnect. */
  private noteLastSeen(accountId: string): void {
    try {
      this.store.updateAgentState(accountId, { lastSeenAt: isoAt(this.clock()) });
    } catch (error) {
      console.error('hub: recording when an agent was last seen failed', error);
    }
  }

  setIdle(socketId: string, idle: boolean): void {
    const entry = this.sockets.get(socketId);
    if (!entry || entry.idle === idle) return;
    entry.idle = idle;
    this.notify();
  }

  choose(accountId: string, presence: ChosenPresence): void {
    this.store.updateAgentState(accountId, { chosenPresence: presence });
    this.notify();
  }

  presenceOf(state: AgentState): Presence {
    const sockets = this.socketsOf(state.accountId);
    if (sockets.length === 0) return 'offline';
    if (state.chosenPresence === 'away' || sockets.every((socket) => socket.idle)) return 'away';
    return 'online';
  }

  /** Accounts online now: connected, not chosen away, not idle everywhere. */
  onlineAccountIds(): Set<string> {
    if (this.sockets.size === 0) return new Set();
    return new Set(
      this.store
        .listAgentStates()
        .filter((state) => this.presenceOf(state) === 'online')
        .map((state) => state.accountId),
    );
  }

  anyAgentOnline(): boolean {
    return this.onlineAccountIds().size > 0;
  }

  /** The account's sockets with a live session. */
  private socketsOf(accountId: string) {
    const now = this.clock();
    return [...this.sockets.values()].filter(
      (entry) => entry.accountId === accountId && entry.expiresAt > now,
    );
  }

  private notify(): void {
    for (const listener of this.listeners) {
      try {
        listener();
      } catch (error) {
        console.error('hub: a presence listener failed', error);
      }
    }
  }
}
