// Environment: browser. Builds the one vanilla store from its slices and feeds it from the DeskApi: the
// snapshot first, then events; after the local link to the desk core comes back, the snapshot again (events
// may have been missed while it was down).
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { DeskApi } from '../../shared/desk-api.js';
import type { LinkedDeskBridge } from '../desk-client/linked-bridge.js';
import { createActionsSlice } from './actions-slice.js';
import { applyDeskEvents } from './apply-desk-event.js';
import { createDeskEventBatcher, type FlushScheduler } from './desk-event-batcher.js';
import { createConnectionSlice } from './connection-slice.js';
import { createConversationsSlice } from './conversations-slice.js';
import type { DeskState } from './desk-state.js';
import { createMessagesSlice } from './messages-slice.js';
import { createSessionSlice } from './session-slice.js';
import { createUiSlice } from './ui-slice.js';
import { createTeamSlice } from './team-slice.js';
import { createHubSettingsSlice } from './hub-settings-slice.js';
import { createCannedRepliesSlice } from './canned-replies-slice.js';
import { createPreferencesSlice } from './preferences-slice.js';
import { createShopperHistorySlice } from './shopper-history-slice.js';
import { createSearchSlice } from './search-slice.js';
import { createFailedActionsSlice } from './failed-actions-slice.js';
import { createCacheSlice } from './cache-slice.js';
import { createExportSlice } from './export-slice.js';
import { createMonitorSlice } from './monitor-slice.js';
import { createSlaSlice } from './sla-slice.js';
import { createSegmentsSlice } from './segments-slice.js';
import { createIntegrationsSlice } from './integrations-slice.js';
import { createLiveChangesSlice } from './live-changes-slice.js';

export type DeskStore = StoreApi<DeskState>;

export function createDeskStore(api: DeskApi): DeskStore {
  return createStore<DeskState>()((...a) => ({
    ...createSessionSlice(api)(...a),
    ...createConnectionSlice(...a),
    ...createConversationsSlice(...a),
    ...createMessagesSlice(api)(...a),
    ...createUiSlice(...a),
    ...createActionsSlice(api)(...a),
    ...createTeamSlice(api)(...a),
    ...createHubSettingsSlice(api)(...a),
    ...createCannedRepliesSlice(api)(...a),
    ...createPreferencesSlice(api)(...a),
    ...createShopperHistorySlice(api)(...a),
    ...createSearchSlice(api)(...a),
    ...createFailedActionsSlice(api)(...a),
    ...createCacheSlice(api)(...a),
    ...createExportSlice(api)(...a),
    ...createMonitorSlice(api)(...a),
    ...createSlaSlice(...a),
    ...createSegmentsSlice(api)(...a),
    ...createIntegrationsSlice(api)(...a),
    ...createLiveChangesSlice(...a),
  }));
}

export interface FeedOptions {
  /** When gathered conversation/message events are applied; before the next frame unless a test says. */
  scheduleFlush?: FlushScheduler;
}

/** Connects the store to its sources. Returns a function that disconnects it. */
export function feedDeskStore(
  store: DeskStore,
  api: DeskApi,
  bridge: Pick<LinkedDeskBridge, 'linkState' | 'onLinkChange'>,
  options: FeedOptions = {},
): () => void {
  // A burst of live events (thousands at sign-in) becomes one store update per frame, not one per event.
  const batcher = createDeskEventBatcher(
    (events) => applyDeskEvents(store.getState(), events),
    options.scheduleFlush,
  );
  const stopEvents = api.onEvent((event) => batcher.push(event));
  store.getState().setBridgeLink(bridge.linkState());
  const stopLink = bridge.onLinkChange((link) => {
    const wasDown = store.getState().bridgeLink === 'reconnecting';
    store.getState().setBridgeLink(link);
    if (link === 'open' && wasDown) void store.getState().loadSnapshot();
  });
  void store.getState().loadSnapshot();
  return () => {
    stopEvents();
    batcher.stop();
    stopLink();
  };
}
