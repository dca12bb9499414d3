// Environment: any. Turns keystrokes into "typing started / stopped": started on the first keystroke, stopped
// `stopAfterMs` after the last one or at once on send, so the team sees it without a report per key.

export interface TypingTracker<Mode extends string> {
  keystroke(mode: Mode): void;
  stop(): void;
  dispose(): void;
}

export function createTypingTracker<Mode extends string>(options: {
  stopAfterMs: number;
  onChange(typing: Mode | null): void;
}): TypingTracker<Mode> {
  let current: Mode | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const clear = () => {
    if (timer) clearTimeout(timer);
    timer = null;
  };
  const stop = () => {
    clear();
    if (current !== null) {
      current = null;
      options.onChange(null);
    }
  };
  return {
    keystroke(mode) {
      clear();
      if (current !== mode) {
        current = mode;
        options.onChange(mode);
      }
      timer = setTimeout(stop, options.stopAfterMs);
    },
    stop,
    dispose: clear,
  };
}
