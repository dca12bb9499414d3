// Environment: Node (hub). Integration tokens for the handoff API: issued by name (CLI
// `add-integration-token`), shown once, stored as their sha256 only, revocable by name. The handoff API looks
// each token up on every request, so a revocation (from the CLI's own database connection) holds at once.
import { isoAt, systemClock, type Clock } from '../core/clock.js';
import type { HubStore } from '../store/hub-store.js';
import { withHubStore } from '../store/sqlite/with-hub-store.js';
import { CREDENTIAL_NAME_PATTERN, hashToken, newToken } from './tokens.js';

export class IntegrationTokenError extends Error {}

/** Labels the hub gives tokens it did not issue by name: HUB_INTEGRATION_TOKENS and the demo seed. */
export const CONFIGURED_TOKEN_LABEL = 'configured';
export const DEMO_TOKEN_LABEL = 'demo';
const RESERVED_NAMES = new Set([CONFIGURED_TOKEN_LABEL, DEMO_TOKEN_LABEL]);

/** A new token named `name` (1–80 characters, unused); the token is returned once and never stored. */
export function issueIntegrationToken(
  dataDirOrStore: string | HubStore,
  name: string,
  clock: Clock = systemClock,
): string {
  if (!CREDENTIAL_NAME_PATTERN.test(name)) {
    throw new IntegrationTokenError(
      'A token name is 1 to 80 characters, without leading or trailing spaces.',
    );
  }
  if (RESERVED_NAMES.has(name)) {
    throw new IntegrationTokenError(
      `"${name}" is the hub's own label for tokens it was given: pick another name.`,
    );
  }
  const token = newToken();
  return withHubStore(dataDirOrStore, (store) =>
    store.transaction(() => {
      if (store.countIntegrationTokens(name) > 0) {
        throw new IntegrationTokenError(
          `An integration token named "${name}" exists already; revoke it first.`,
        );
      }
      store.addIntegrationToken(hashToken(token), name, isoAt(clock()));
      return token;
    }),
  );
}

/** Revokes the tokens named `name`. Throws IntegrationTokenError if there is none. */
export function revokeIntegrationToken(dataDirOrStore: string | HubStore, name: string): void {
  const revoked = withHubStore(dataDirOrStore, (store) => store.revokeIntegrationTokens(name));
  if (revoked === 0) throw new IntegrationTokenError(`No integration token is named "${name}".`);
}
