// Environment: Node. The lead's monitor as the hub last pushed it, held in memory only: figures that are not live
// are not shown, so it is never cached and goes back to null whenever the connection is lost (the hub pushes
// fresh figures on every connect). Agents never have one, whatever reaches the socket.
import type { DeskEvent } from '../../shared/desk-api.js';
import type { MonitorSnapshot } from '../../shared/monitor.js';
import type { SlaAlerts } from './sla-alerts.js';

export class LiveMonitor {
  private latest: MonitorSnapshot | null = null;

  constructor(
    private readonly emit: (event: DeskEvent) => void,
    private readonly alerts: SlaAlerts,
  ) {}

  current(): MonitorSnapshot | null {
    return this.latest;
  }

  /** A monitor push from the hub, already parsed; ignored unless the signed-in account is a lead. */
  pushed(monitor: MonitorSnapshot, signedInAsLead: boolean): void {
    if (!signedInAsLead) return;
    this.latest = monitor;
    this.emit({ type: 'monitor', monitor });
    this.alerts.pushed(monitor);
  }

  /** The connection dropped or the session ended: no figures until the hub pushes fresh ones. */
  lost(): void {
    this.alerts.connectionLost();
    if (this.latest === null) return;
    this.latest = null;
    this.emit({ type: 'monitor', monitor: null });
  }
}
