// Environment: Node (hub). Coalesces bursts: the first request runs `run` after `delayMs` (real time), and
// every request until then joins that run. So a burst costs one run, and a change is never more than
// `delayMs` late.
export class TrailingThrottle {
  private timer: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(
    private readonly delayMs: number,
    private readonly run: () => void,
  ) {}

  request(): void {
    if (this.closed || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      if (!this.closed) this.run();
    }, this.delayMs);
    // A pending push never keeps the process alive on its own.
    this.timer.unref();
  }

  get pending(): boolean {
    return this.timer !== null;
  }

  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
