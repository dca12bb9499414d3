// Environment: Node (hub). Console sessions: a random token handed out at sign-in, stored as a sha256,
// valid until it expires or the agent signs out.
import type { Account } from '../../shared/domain.js';
import type { HubStore } from '../store/hub-store.js';
import { isoAt, type Clock } from '../core/clock.js';
import { hashToken, newToken } from './tokens.js';

export type SessionCheck =
  | { ok: true; account: Account; tokenHash: string; /** Epoch ms. */ expiresAt: number }
  | { ok: false; code: 'unauthorized' | 'session_expired' };

export class Sessions {
  private readonly endListeners: ((tokenHash: string) => void)[] = [];

  constructor(
    private readonly store: HubStore,
    private readonly clock: Clock,
    private readonly ttlMs: number,
  ) {}

  start(account: Account): { token: string; expiresAt: string } {
    const token = newToken();
    const now = this.clock();
    const expiresAt = now + this.ttlMs;
    this.store.insertSession({
      tokenHash: hashToken(token),
      accountId: account.id,
      createdAt: isoAt(now),
      expiresAt,
    });
    return { token, expiresAt: isoAt(expiresAt) };
  }

  check(token: unknown): SessionCheck {
    if (typeof token !== 'string' || token.length === 0 || token.length > 200) {
      return { ok: false, code: 'unauthorized' };
    }
    const tokenHash = hashToken(token);
    const session = this.store.findSession(tokenHash);
    if (!session) return { ok: false, code: 'unauthorized' };
    if (session.expiresAt <= this.clock()) return { ok: false, code: 'session_expired' };
    return { ok: true, account: session.account, tokenHash, expiresAt: session.expiresAt };
  }

  end(token: string): void {
    const tokenHash = hashToken(token);
    this.store.deleteSession(tokenHash);
    for (const listener of this.endListeners) listener(tokenHash);
  }

  /** Called with the token's hash when a session is ended by sign-out (so its live sockets can be closed). */
  onEnd(listener: (tokenHash: string) => void): void {
    this.endListeners.push(listener);
  }
}
