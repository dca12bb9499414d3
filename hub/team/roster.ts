// Environment: Node (hub). The roster: every account with presence, open count and capacity.
import type { HubSettings } from '../../shared/settings.js';
import type { Roster } from '../../shared/team.js';
import { capacityOf } from '../core/hub-settings.js';
import type { HubStore } from '../store/hub-store.js';
import type { PresenceTracker } from './presence.js';

export function buildRoster(store: HubStore, presence: PresenceTracker, settings: HubSettings): Roster {
  const states = new Map(store.listAgentStates().map((state) => [state.accountId, state]));
  const openCounts = store.countOpenByAssignee();
  return store.listAccounts().map((account) => {
    const state = states.get(account.id) ?? {
      accountId: account.id,
      chosenPresence: 'online' as const,
      lastSeenAt: null,
      lastAssignedAt: null,
    };
    return {
      ...account,
      presence: presence.presenceOf(state),
      chosenPresence: state.chosenPresence,
      openCount: openCounts.get(account.id) ?? 0,
      capacity: capacityOf(settings, account.id),
      lastSeenAt: state.lastSeenAt,
    };
  });
}
