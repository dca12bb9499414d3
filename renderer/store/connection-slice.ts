// Environment: browser. The desk core's link to the hub, and the renderer's own link to the desk core.
import type { ConnectionState, ConnectionStatus } from '../../shared/desk-api.js';
import type { BridgeLinkState } from '../desk-client/linked-bridge.js';
import type { DeskSliceCreator } from './desk-state.js';

export interface ConnectionSlice {
  connection: ConnectionState;
  bridgeLink: BridgeLinkState;
  /**
   * Reading this computer's cached copy without the hub: set by `offline_review`, kept while the desk core
   * tries the hub again (connecting, reconnecting), and cleared only once it is live (or signed out), so the
   * banner does not flicker with each attempt.
   */
  offlineReview: boolean;
  setConnection(connection: ConnectionState): void;
  setBridgeLink(state: BridgeLinkState): void;
}

export function stillInOfflineReview(wasInReview: boolean, status: ConnectionStatus): boolean {
  if (status === 'offline_review') return true;
  if (status === 'online' || status === 'signed_out') return false;
  return wasInReview;
}

export const createConnectionSlice: DeskSliceCreator<ConnectionSlice> = (set) => ({
  connection: { status: 'connecting', hubUrl: null, lastError: null, catchUp: null },
  bridgeLink: 'connecting',
  offlineReview: false,
  setConnection: (connection) =>
    set((state) => ({
      connection,
      offlineReview: stillInOfflineReview(state.offlineReview, connection.status),
    })),
  setBridgeLink: (bridgeLink) => set({ bridgeLink }),
});
