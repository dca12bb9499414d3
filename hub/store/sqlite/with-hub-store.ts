// Environment: Node (hub). CLI commands work on a hub's data dir while it may be running (WAL); in-process callers
// pass the store they already have.
import type { HubStore } from '../hub-store.js';
import { SqliteHubStore } from './sqlite-hub-store.js';

/** Runs `work` on the store, opening (and closing) the hub database in `dataDir` when given a path. */
export function withHubStore<T>(dataDirOrStore: string | HubStore, work: (store: HubStore) => T): T {
  if (typeof dataDirOrStore !== 'string') return work(dataDirOrStore);
  const store = SqliteHubStore.open(dataDirOrStore);
  try {
    return work(store);
  } finally {
    store.close();
  }
}
