// Environment: Node (hub). A lead disabling and enabling accounts (CLI `disable-user` / `enable-user`): a
// disabled account's sessions end at once and it cannot sign in until enabled again.
import type { Account } from '../../shared/domain.js';
import { isoAt, systemClock, type Clock } from '../core/clock.js';
import type { HubStore } from '../store/hub-store.js';
import { withHubStore } from '../store/sqlite/with-hub-store.js';
import { AccountError } from './accounts.js';

/**
 * Disables the account with this email in a store or in `dataDir`'s hub database (while the hub runs too: its
 * sessions are deleted, so every later HTTP call and socket event is refused, and the hub's session sweep
 * disconnects its sockets). Throws AccountError for an unknown email.
 */
export function disableAccount(
  target: string | HubStore,
  email: string,
  clock: Clock = systemClock,
): Account {
  return setDisabled(target, email, isoAt(clock()));
}

/** Lets a disabled account sign in again. Throws AccountError for an unknown email. */
export function enableAccount(target: string | HubStore, email: string): Account {
  return setDisabled(target, email, null);
}

function setDisabled(target: string | HubStore, email: string, disabledAt: string | null): Account {
  return withHubStore(target, (store) => {
    const account = store.setAccountDisabled(email, disabledAt);
    if (!account) throw new AccountError('unknown_account', `No account has the email ${email}.`);
    return account;
  });
}
