// Environment: Node. Offline review: signing in on this machine's cached data while the hub cannot be reached, for
// the account that last signed in here (same email and hub, the password checked against the offline verifier),
// and trying the hub again with growing pauses until it answers, so the console turns live by itself.
import type { DeskError } from '../../shared/desk-api.js';
import type { SignInResponse } from '../../shared/handoff-api.js';
import type { CacheOwner, DeskCache } from './cache.js';
import { requestHubSession } from './hub-sign-in.js';
import { passwordMatches, readOfflineVerifier } from './offline-verifier.js';

export interface Credentials {
  hubUrl: string;
  email: string;
  password: string;
}

export type OfflineSignInCheck =
  /** Another account or hub, or no verifier kept: offline review is not for them. */
  { kind: 'not_eligible' } | { kind: 'wrong_password' } | { kind: 'allowed'; owner: CacheOwner };

export async function checkOfflineSignIn(
  cache: DeskCache,
  credentials: Credentials,
): Promise<OfflineSignInCheck> {
  const owner = cache.owner();
  const verifier = readOfflineVerifier(cache);
  if (
    !owner ||
    !verifier ||
    owner.hubUrl !== credentials.hubUrl ||
    owner.account.email.toLowerCase() !== credentials.email.toLowerCase()
  ) {
    return { kind: 'not_eligible' };
  }
  return (await passwordMatches(credentials.password, verifier))
    ? { kind: 'allowed', owner }
    : { kind: 'wrong_password' };
}

export interface HubSignInRetryListener {
  /** The hub accepted the credentials: a normal session can start. */
  signedIn(session: SignInResponse): void;
  /** The hub answered 401 (the password changed on the hub): no more tries. */
  refused(error: DeskError): void;
  /** Still no hub (or it answered with an error); another try follows. */
  stillUnreachable(error: DeskError): void;
}

export const MAX_SIGN_IN_RETRY_DELAY_MS = 30_000;

/**
 * Tries the hub sign-in again and again, the pause doubling from `initialDelayMs` to ~30 s. The password lives
 * only in this object's memory (never on disk) and goes with it.
 */
export class HubSignInRetry {
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;
  private delayMs: number;

  constructor(
    private readonly credentials: Credentials,
    private readonly listener: HubSignInRetryListener,
    initialDelayMs: number,
    private readonly maxDelayMs = MAX_SIGN_IN_RETRY_DELAY_MS,
  ) {
    this.delayMs = Math.max(1, initialDelayMs);
  }

  start(): void {
    this.schedule();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private schedule(): void {
    if (this.stopped || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.attempt();
    }, this.delayMs);
    this.delayMs = Math.min(this.maxDelayMs, this.delayMs * 2);
  }

  private async attempt(): Promise<void> {
    const { hubUrl, email, password } = this.credentials;
    const outcome = await requestHubSession(hubUrl, { email, password });
    if (this.stopped) return;
    if (outcome.kind === 'signed_in') {
      this.stop();
      this.listener.signedIn(outcome.session);
    } else if (outcome.kind === 'refused' && outcome.error.code === 'bad_credentials') {
      this.stop();
      this.listener.refused(outcome.error);
    } else {
      this.listener.stillUnreachable(outcome.error);
      this.schedule();
    }
  }
}
