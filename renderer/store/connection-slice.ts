// Environment: browser. The desk core's link to the hub, and the renderer's own link to the desk core.
import type { ConnectionState } from '../../shared/desk-api.js';
import type { BridgeLinkState } from '../desk-client/linked-bridge.js';
import type { DeskSliceCreator } from './desk-state.js';

export interface ConnectionSlice {
  connection: ConnectionState;
  bridgeLink: BridgeLinkState;
  setConnection(connection: ConnectionState): void;
  setBridgeLink(state: BridgeLinkState): void;
}

export const createConnectionSlice: DeskSliceCreator<ConnectionSlice> = (set) => ({
  connection: { status: 'connecting', hubUrl: null, lastError: null, catchUp: null },
  bridgeLink: 'connecting',
  setConnection: (connection) => set({ connection }),
  setBridgeLink: (bridgeLink) => set({ bridgeLink }),
});
