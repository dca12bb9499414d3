// Environment: Node. Alerts a lead when a conversation passes its first-response target (`sla_breached`), from the
// hub's monitor pushes: once per conversation and escalation, only for crossings seen while connected. What is
// already past its target in the first push after a connect is not news (the lead sees it on the monitor).
import { randomUUID } from 'node:crypto';
import type { DeskNotification } from '../../shared/notifications.js';
import type { MonitorSnapshot } from '../../shared/monitor.js';

export interface SlaAlertsOptions {
  /** The machine's notifications preference, read at each alert. */
  notificationsOn: () => boolean;
  emit: (notification: DeskNotification) => void;
  /** Milliseconds since the epoch (injectable). */
  now: () => number;
}

/** Keys remembered at most: enough for a day of breaches, bounded for a console left open for weeks. */
const MAX_REMEMBERED = 5_000;
const MINUTE_MS = 60_000;

export class SlaAlerts {
  /** `conversationId@escalatedAt` of breaches already alerted (or already breached when we connected). */
  private readonly known = new Set<string>();
  /** The next push is the first of a connection: it tells what was breached before, not what crosses now. */
  private firstPushOfConnection = true;

  constructor(private readonly options: SlaAlertsOptions) {}

  /** The connection dropped (or the session ended): the next push starts a new connection. */
  connectionLost(): void {
    this.firstPushOfConnection = true;
  }

  /** Forget everything (another account signed in). */
  reset(): void {
    this.known.clear();
    this.firstPushOfConnection = true;
  }

  pushed(monitor: MonitorSnapshot): void {
    const quiet = this.firstPushOfConnection;
    this.firstPushOfConnection = false;
    for (const conversation of monitor.sla.conversations) {
      if (conversation.state !== 'breached') continue;
      const key = `${conversation.conversationId}@${conversation.escalatedAt}`;
      if (this.known.has(key)) continue;
      this.remember(key);
      if (quiet || !this.options.notificationsOn()) continue;
      const waitedMinutes = Math.floor(
        (this.options.now() - Date.parse(conversation.escalatedAt)) / MINUTE_MS,
      );
      this.options.emit({
        id: randomUUID(),
        kind: 'sla_breached',
        conversationId: conversation.conversationId,
        shopper: conversation.shopper,
        actor: null,
        preview: String(Math.max(0, waitedMinutes)),
      });
    }
  }

  private remember(key: string): void {
    this.known.add(key);
    if (this.known.size > MAX_REMEMBERED) this.known.delete(this.known.values().next().value as string);
  }
}
