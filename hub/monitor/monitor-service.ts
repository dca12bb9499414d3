// Environment: Node (hub). The lead's monitor on the hub: figures computed on demand (a lead connects, asks, or
// a tool fetches them) and pushed to every lead's console after anything that can move them: commits (log
// changes and events), presence and the roster, settings; when a conversation turns near or past its target;
// at each new hour and day. Bursts coalesce into one computation for all leads.
import type { MonitorSnapshot } from '../../shared/monitor.js';
import type { Clock } from '../core/clock.js';
import type { ClockTimers } from '../core/clock-timers.js';
import type { HubSettingsService } from '../core/hub-settings.js';
import type { HubStore } from '../store/hub-store.js';
import type { PresenceTracker } from '../team/presence.js';
import { buildRoster } from '../team/roster.js';
import { conversationsCsv } from './conversations-csv.js';
import { computeMonitor } from './monitor-snapshot.js';
import { hourStartOf, HOUR_MS, nextDayStart, dayStartOf } from './team-day.js';
import { TrailingThrottle } from './trailing-throttle.js';

/** Within a second of a change, and a burst of changes costs one computation. */
export const MONITOR_PUSH_THROTTLE_MS = 250;

const SLA_TIMER = 'monitor:sla-crossing';
const PERIOD_TIMER = 'monitor:new-hour';

/** Where pushes go: the leads' consoles. */
export interface MonitorAudience {
  /** How many consoles listen now (no computation without one). */
  size(): number;
  send(snapshot: MonitorSnapshot): void;
}

export interface MonitorServiceDeps {
  store: HubStore;
  settings: HubSettingsService;
  presence: PresenceTracker;
  clock: Clock;
  timers: ClockTimers;
}

export class MonitorService {
  private audience: MonitorAudience | null = null;
  private readonly throttle = new TrailingThrottle(MONITOR_PUSH_THROTTLE_MS, () => this.push());
  private readonly unsubscribe: (() => void)[] = [];

  constructor(private readonly deps: MonitorServiceDeps) {
    const changed = () => this.changed();
    this.unsubscribe.push(
      deps.store.onCommit(changed),
      deps.presence.onChange(changed),
      deps.settings.onChange(changed),
    );
  }

  /** The figures now. Also re-arms the timers for the next SLA crossing and the next hour. */
  snapshot(): MonitorSnapshot {
    const { store, settings, presence, clock, timers } = this.deps;
    const nowMs = clock();
    const current = settings.get();
    const { snapshot, nextSlaCrossingMs } = computeMonitor({
      queries: store.monitor,
      roster: buildRoster(store, presence, current),
      settings: current,
      nowMs,
    });
    if (nextSlaCrossingMs === null) timers.cancel(SLA_TIMER);
    else timers.at(SLA_TIMER, nextSlaCrossingMs, () => this.changed());
    // The day starts on a local hour too, but after a skipped midnight the day's first hour may not be whole.
    const timeZone = current.officeHours.timeZone;
    const nextPeriod = Math.min(
      hourStartOf(nowMs, timeZone) + HOUR_MS,
      nextDayStart(dayStartOf(nowMs, timeZone), timeZone),
    );
    timers.at(PERIOD_TIMER, nextPeriod, () => this.changed());
    return snapshot;
  }

  /** Leads' consoles from now on: pushes go to `audience`. */
  publishTo(audience: MonitorAudience): void {
    this.audience = audience;
  }

  exportCsv(period: { from: string; to: string }): { fileName: string; csv: string } {
    return conversationsCsv(this.deps.store.monitor, period, this.deps.settings.get().officeHours.timeZone);
  }

  /** Something that may move a figure happened: push within the throttle (nothing when no lead listens). */
  changed(): void {
    if (this.audience && this.audience.size() > 0) this.throttle.request();
  }

  close(): void {
    this.throttle.close();
    for (const stop of this.unsubscribe.splice(0)) stop();
    this.deps.timers.cancel(SLA_TIMER);
    this.deps.timers.cancel(PERIOD_TIMER);
  }

  private push(): void {
    const audience = this.audience;
    if (!audience || audience.size() === 0) return;
    try {
      audience.send(this.snapshot());
    } catch (error) {
      console.error('hub: computing the monitor failed', error);
    }
  }
}
