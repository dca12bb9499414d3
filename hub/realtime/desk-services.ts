// Environment: Node (hub). What the /desk namespace works with: storage, sessions, the clock, and the
// team's live state (settings, presence, collision activity), the lead's monitor, segments and outbound.
import type { Sessions } from '../auth/sessions.js';
import type { Clock } from '../core/clock.js';
import type { ClockTimers } from '../core/clock-timers.js';
import type { HubSettingsService } from '../core/hub-settings.js';
import type { MonitorService } from '../monitor/monitor-service.js';
import type { OutboundService } from '../outbound/outbound-service.js';
import type { SegmentEngine } from '../segments/segment-engine.js';
import type { CommitBatcher } from '../store/commit-batcher.js';
import type { HubStore } from '../store/hub-store.js';
import type { ActivityTracker } from '../team/activity.js';
import type { PresenceTracker } from '../team/presence.js';

export interface DeskServices {
  store: HubStore;
  /** Group commit, shared with the chat namespace: writes asked for in one turn of the event loop share a commit. */
  commits: CommitBatcher;
  sessions: Sessions;
  clock: Clock;
  timers: ClockTimers;
  settings: HubSettingsService;
  presence: PresenceTracker;
  activity: ActivityTracker;
  /** The lead's monitor: figures on demand, pushed to leads' consoles. */
  monitor: MonitorService;
  /** Segment membership over the event stream. */
  segments: SegmentEngine;
  /** Forwarding and webhooks (their state for leads). */
  outbound: OutboundService;
}
