// Environment: Node. How far a catch-up has got, for the console's progress bar: changes applied of those the hub
// had when it began. Reported at the start, then at most once per `minIntervalMs` (a fast catch-up of thousands
// of changes must not flood the renderer with events), and null when it ends.
export interface CatchUpState {
  applied: number;
  total: number;
}

export class CatchUpProgress {
  private start = 0;
  private total = 0;
  private active = false;
  private lastReportAt = Number.NEGATIVE_INFINITY;
  private lastApplied = -1;

  constructor(
    private readonly report: (state: CatchUpState | null) => void,
    private readonly minIntervalMs = 100,
    private readonly now: () => number = Date.now,
  ) {}

  isActive(): boolean {
    return this.active;
  }

  /** A catch-up from `start` begins and the hub's log ends at `head`; nothing to show when already there. */
  begin(start: number, head: number): void {
    this.end();
    if (head <= start) return;
    this.start = start;
    this.total = head - start;
    this.active = true;
    this.lastApplied = -1;
    this.send(0, true);
  }

  /** The cache's last applied position moved to `position`. */
  advance(position: number): void {
    if (!this.active) return;
    const applied = Math.min(this.total, Math.max(0, position - this.start));
    this.send(applied, false);
  }

  end(): void {
    if (!this.active) return;
    this.active = false;
    this.report(null);
  }

  private send(applied: number, force: boolean): void {
    if (applied === this.lastApplied) return;
    const now = this.now();
    if (!force && now - this.lastReportAt < this.minIntervalMs) return;
    this.lastReportAt = now;
    this.lastApplied = applied;
    this.report({ applied, total: this.total });
  }
}
