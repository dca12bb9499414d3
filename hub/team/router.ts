// Environment: Node (hub). Runs auto-assign whenever it could change the outcome (a new handoff, an
// agent online, capacity freed, the setting turned on). Requests coalesce and run after the current
// commit's pushes, so consoles receive changes in log order.
import type { Clock } from '../core/clock.js';
import { autoAssignQueued } from '../core/auto-assign.js';
import type { HubSettingsService } from '../core/hub-settings.js';
import type { HubStore } from '../store/hub-store.js';
import type { PresenceTracker } from './presence.js';

export class Router {
  private scheduled = false;
  private closed = false;

  constructor(
    private readonly store: HubStore,
    private readonly settings: HubSettingsService,
    private readonly presence: PresenceTracker,
    private readonly clock: Clock,
  ) {}

  request(): void {
    if (this.scheduled || this.closed) return;
    this.scheduled = true;
    queueMicrotask(() => {
      this.scheduled = false;
      this.run();
    });
  }

  close(): void {
    this.closed = true;
  }

  private run(): void {
    if (this.closed || !this.settings.get().autoAssign) return;
    try {
      // Its own commit requests another run, which finds nothing left to do and writes nothing.
      autoAssignQueued(this.store, this.settings.get(), this.presence.onlineAccountIds(), this.clock);
    } catch (error) {
      console.error('hub: auto-assign failed', error);
    }
  }
}
