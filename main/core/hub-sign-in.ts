// Environment: Node. The hub's session endpoints (POST/DELETE /api/v1/sessions), answers parsed. Tells apart a hub
// that cannot be reached (network error or no answer in time: offline review may open) from one that answered
// with an error (wrong password, a refusal: never offline review).
import { API_PREFIX, apiErrorSchema, signInResponseSchema } from '../../shared/handoff-api.js';
import type { SignInResponse } from '../../shared/handoff-api.js';
import type { DeskError } from '../../shared/desk-api.js';
import { describeError, describeIssues } from './describe-error.js';

const SIGN_IN_TIMEOUT_MS = 10_000;
const SIGN_OUT_TIMEOUT_MS = 3_000;

export type HubSignInOutcome =
  | { kind: 'signed_in'; session: SignInResponse }
  /** No answer at all: the hub is down, or this machine is offline. */
  | { kind: 'unreachable'; error: DeskError }
  /** The hub answered and refused (401: `bad_credentials`), or its answer was not understood. */
  | { kind: 'refused'; error: DeskError };

export async function requestHubSession(
  hubUrl: string,
  credentials: { email: string; password: string },
  timeoutMs = SIGN_IN_TIMEOUT_MS,
): Promise<HubSignInOutcome> {
  let response: Response;
  try {
    response = await fetch(`${hubUrl}${API_PREFIX}/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(credentials),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    return {
      kind: 'unreachable',
      error: {
        code: 'hub_unreachable',
        message: `Can't reach the hub at ${hubUrl}: ${describeFetchError(error)}`,
      },
    };
  }
  const body: unknown = await response.json().catch(() => null);
  if (response.status === 401) {
    return { kind: 'refused', error: { code: 'bad_credentials', message: 'Wrong email or password.' } };
  }
  if (!response.ok) {
    const apiError = apiErrorSchema.safeParse(body);
    return {
      kind: 'refused',
      error: {
        code: response.status === 400 ? 'invalid' : 'hub_unreachable',
        message: `The hub refused the sign-in (${response.status}${apiError.success ? `: ${apiError.data.message}` : ''}).`,
      },
    };
  }
  const parsed = signInResponseSchema.safeParse(body);
  if (!parsed.success) {
    return {
      kind: 'refused',
      error: {
        code: 'hub_unreachable',
        message: `The hub's answer was not understood: ${describeIssues(parsed.error.issues)}`,
      },
    };
  }
  return { kind: 'signed_in', session: parsed.data };
}

/** Best effort: the hub forgets the token; signing out works offline too. */
export async function endHubSession(hubUrl: string, token: string): Promise<void> {
  await fetch(`${hubUrl}${API_PREFIX}/sessions`, {
    method: 'DELETE',
    headers: { authorization: `Bearer ${token}` },
    signal: AbortSignal.timeout(SIGN_OUT_TIMEOUT_MS),
  }).catch(() => undefined);
}

function describeFetchError(error: unknown): string {
  if (error instanceof Error && error.name === 'TimeoutError') return 'no answer in time';
  const cause = error instanceof Error ? (error.cause as { code?: string } | undefined) : undefined;
  return cause?.code ?? describeError(error);
}
