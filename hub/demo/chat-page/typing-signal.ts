// Environment: any. Turns the shopper's keystrokes into `chat:typing` signals: `true` at once and then at
// most every `repeatMs` while they keep typing (so the hub's stale-typing timer never fires mid-sentence),
// `false` after `idleMs` without a keystroke, when the box is emptied, or when the message is sent.
export interface TypingTimers {
  now(): number;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realTimers: TypingTimers = {
  now: () => Date.now(),
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export class TypingSignal {
  private typing = false;
  private lastSentAt = 0;
  private idleTimer: unknown = null;

  constructor(
    private readonly emit: (typing: boolean) => void,
    private readonly options: { repeatMs: number; idleMs: number } = { repeatMs: 2_000, idleMs: 3_000 },
    private readonly timers: TypingTimers = realTimers,
  ) {}

  /** The text box changed; `hasText` is false when the shopper cleared it. */
  input(hasText: boolean): void {
    if (!hasText) return this.stop();
    const now = this.timers.now();
    if (!this.typing || now - this.lastSentAt >= this.options.repeatMs) {
      this.typing = true;
      this.lastSentAt = now;
      this.emit(true);
    }
    if (this.idleTimer !== null) this.timers.clearTimeout(this.idleTimer);
    this.idleTimer = this.timers.setTimeout(() => this.stop(), this.options.idleMs);
  }

  /** Sent, emptied or idle: tells the hub once that the shopper stopped. */
  stop(): void {
    if (this.idleTimer !== null) this.timers.clearTimeout(this.idleTimer);
    this.idleTimer = null;
    if (!this.typing) return;
    this.typing = false;
    this.emit(false);
  }

  /** After a reconnect the hub knows nothing of earlier signals: start over. */
  reset(): void {
    if (this.idleTimer !== null) this.timers.clearTimeout(this.idleTimer);
    this.idleTimer = null;
    this.typing = false;
  }
}
