// Environment: browser. The shape of the console's one store, composed from slices (a file per slice).
import type { StateCreator } from 'zustand';
import type { ActionsSlice } from './actions-slice.js';
import type { ConversationSlice } from './conversations-slice.js';
import type { ConnectionSlice } from './connection-slice.js';
import type { MessagesSlice } from './messages-slice.js';
import type { SessionSlice } from './session-slice.js';
import type { UiSlice } from './ui-slice.js';
import type { TeamSlice } from './team-slice.js';
import type { HubSettingsSlice } from './hub-settings-slice.js';
import type { CannedRepliesSlice } from './canned-replies-slice.js';
import type { PreferencesSlice } from './preferences-slice.js';
import type { ShopperHistorySlice } from './shopper-history-slice.js';
import type { SearchSlice } from './search-slice.js';
import type { FailedActionsSlice } from './failed-actions-slice.js';
import type { CacheSlice } from './cache-slice.js';
import type { ExportSlice } from './export-slice.js';
import type { MonitorSlice } from './monitor-slice.js';
import type { SlaSlice } from './sla-slice.js';
import type { SegmentsSlice } from './segments-slice.js';
import type { IntegrationsSlice } from './integrations-slice.js';
import type { LiveChangesSlice } from './live-changes-slice.js';

export type DeskState = SessionSlice &
  ConnectionSlice &
  ConversationSlice &
  MessagesSlice &
  UiSlice &
  ActionsSlice &
  TeamSlice &
  HubSettingsSlice &
  CannedRepliesSlice &
  PreferencesSlice &
  ShopperHistorySlice &
  SearchSlice &
  FailedActionsSlice &
  CacheSlice &
  ExportSlice &
  MonitorSlice &
  SlaSlice &
  SegmentsSlice &
  IntegrationsSlice &
  LiveChangesSlice;

/** A slice creator that sees the whole store. */
export type DeskSliceCreator<Slice> = StateCreator<DeskState, [], [], Slice>;

/** Turns whatever a failed call threw into words for the agent. */
export function describeFailure(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
