// Environment: Node (hub). Limits failed sign-ins per account and per address, so a password cannot be guessed
// by brute force. Fixed windows kept in memory: a restart forgets them (acceptable: a restart is rare and slow
// compared with the window), and several hub processes would each count on their own.
import type { Clock } from '../core/clock.js';

export interface SignInLimits {
  /** Failures allowed per account (by email) in a window. */
  perAccount: number;
  /** Failures allowed per client address in a window. */
  perAddress: number;
  windowMs: number;
}

export const DEFAULT_SIGN_IN_LIMITS: SignInLimits = { perAccount: 10, perAddress: 50, windowMs: 15 * 60_000 };

interface FailureWindow {
  startedAt: number;
  failures: number;
}

export type SignInGate =
  { allowed: true } | { allowed: false; retryAfterSeconds: number; by: 'account' | 'address' };

/** Beyond this many tracked keys, expired windows are swept so memory stays bounded under a spray of addresses. */
const SWEEP_AT = 10_000;

export class SignInLimiter {
  private readonly byAccount = new Map<string, FailureWindow>();
  private readonly byAddress = new Map<string, FailureWindow>();

  constructor(
    private readonly clock: Clock,
    private readonly limits: SignInLimits = DEFAULT_SIGN_IN_LIMITS,
  ) {}

  /** Asked before the password is checked: a locked-out caller spends no scrypt time and learns nothing. */
  gate(email: string, address: string): SignInGate {
    const now = this.clock();
    const account = this.current(this.byAccount, accountKey(email), now);
    if (account && account.failures >= this.limits.perAccount) {
      return { allowed: false, by: 'account', retryAfterSeconds: this.secondsLeft(account, now) };
    }
    const client = this.current(this.byAddress, address, now);
    if (client && client.failures >= this.limits.perAddress) {
      return { allowed: false, by: 'address', retryAfterSeconds: this.secondsLeft(client, now) };
    }
    return { allowed: true };
  }

  recordFailure(email: string, address: string): void {
    const now = this.clock();
    this.count(this.byAccount, accountKey(email), now);
    this.count(this.byAddress, address, now);
  }

  /** A right password clears the account's failures (not the address's: one good account must not unlock a spray). */
  recordSuccess(email: string): void {
    this.byAccount.delete(accountKey(email));
  }

  private current(windows: Map<string, FailureWindow>, key: string, now: number): FailureWindow | null {
    const window = windows.get(key);
    if (!window) return null;
    if (now - window.startedAt >= this.limits.windowMs) {
      windows.delete(key);
      return null;
    }
    return window;
  }

  private count(windows: Map<string, FailureWindow>, key: string, now: number): void {
    const window = this.current(windows, key, now);
    if (window) window.failures += 1;
    else {
      if (windows.size >= SWEEP_AT) this.sweep(windows, now);
      windows.set(key, { startedAt: now, failures: 1 });
    }
  }

  private sweep(windows: Map<string, FailureWindow>, now: number): void {
    for (const [key, window] of windows) {
      if (now - window.startedAt >= this.limits.windowMs) windows.delete(key);
    }
  }

  private secondsLeft(window: FailureWindow, now: number): number {
    return Math.max(1, Math.ceil((window.startedAt + this.limits.windowMs - now) / 1000));
  }
}

/** Emails are compared case-insensitively, so `Ida@x` and `ida@x` share one count. */
function accountKey(email: string): string {
  return email.trim().toLowerCase();
}
