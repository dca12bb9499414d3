// Environment: Node (hub). Snoozes end by themselves: at the earliest snoozedUntil on the hub's clock,
// every due conversation goes back to its agent (or the queue) with `Handoff Reopened` (snooze_ended).
import type { HubStore } from '../store/hub-store.js';
import { isoAt, type Clock } from './clock.js';
import type { ClockTimers } from './clock-timers.js';
import { isReopenable, reopen } from './reopen.js';

const TIMER = 'snooze-end';

export class SnoozeWaker {
  constructor(
    private readonly store: HubStore,
    private readonly clock: Clock,
    private readonly timers: ClockTimers,
  ) {}

  /** Call after anything that may have snoozed or woken a conversation. */
  reschedule(): void {
    const next = this.store.nextSnoozeEnd();
    if (next === null) this.timers.cancel(TIMER);
    else this.timers.at(TIMER, Date.parse(next), () => this.wakeDue());
  }

  wakeDue(): void {
    const now = isoAt(this.clock());
    this.store.transaction(() => {
      for (const conversation of this.store.listSnoozedUntil(now)) {
        if (isReopenable(conversation)) reopen(this.store, conversation, 'snooze_ended', now);
      }
    });
    this.reschedule();
  }
}
