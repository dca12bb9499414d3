// Environment: Node (hub). Events API keys: issued by the hub, shown once, stored as their sha256 only,
// revocable by name.
import { randomBytes } from 'node:crypto';
import { CREDENTIAL_NAME_PATTERN, hashToken } from '../auth/tokens.js';
import { isoAt, systemClock, type Clock } from '../core/clock.js';
import type { HubStore } from '../store/hub-store.js';
import { withHubStore } from '../store/sqlite/with-hub-store.js';
import { DEMO_EVENTS_API_KEY } from '../../shared/klaviyo-api.js';

export class EventsApiKeyError extends Error {}

/** A new key named `name` (1–80 characters); the key itself is returned once and never stored. */
export function issueEventsApiKey(
  dataDirOrStore: string | HubStore,
  name: string,
  clock: Clock = systemClock,
): string {
  if (!CREDENTIAL_NAME_PATTERN.test(name)) {
    throw new EventsApiKeyError('A key name is 1 to 80 characters, without leading or trailing spaces.');
  }
  // pk_ like Klaviyo's private keys, so that tools which check the prefix accept it.
  const key = `pk_${randomBytes(24).toString('hex')}`;
  return withHubStore(dataDirOrStore, (store) => {
    const added = store.transaction(() =>
      store.klaviyo.addEventsApiKey(name, hashToken(key), isoAt(clock())),
    );
    if (!added) {
      throw new EventsApiKeyError(`An events API key named "${name}" exists already; revoke it first.`);
    }
    return key;
  });
}

/** Revokes the active key named `name`; false if there is none. */
export function revokeEventsApiKey(
  dataDirOrStore: string | HubStore,
  name: string,
  clock: Clock = systemClock,
): boolean {
  return withHubStore(dataDirOrStore, (store) =>
    store.transaction(() => store.klaviyo.revokeEventsApiKey(name, isoAt(clock()))),
  );
}

/** The demo hub accepts `demo-events-key` (idempotent). */
export function seedDemoEventsApiKey(store: HubStore, clock: Clock): void {
  const hash = hashToken(DEMO_EVENTS_API_KEY);
  if (store.klaviyo.hasEventsApiKey(hash)) return;
  store.transaction(() => store.klaviyo.addEventsApiKey('demo', hash, isoAt(clock())));
}
