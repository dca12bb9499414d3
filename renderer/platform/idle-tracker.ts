// Environment: browser (any EventTarget). Notices when the agent has not touched the console for a while:
// after `timeoutMs` without input it reports idle, and the next input reports active again. The hub turns
// idle into "away" (without overriding a chosen away).

const INPUT_EVENTS = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'focus'] as const;
/** Input is only looked at this often, so a moving mouse does not reset a timer on every event. */
const INPUT_THROTTLE_MS = 1000;

export interface IdleTracker {
  setTimeoutMs(timeoutMs: number): void;
  stop(): void;
}

export function trackIdle(options: {
  target: EventTarget;
  timeoutMs: number;
  onChange(idle: boolean): void;
  now?: () => number;
}): IdleTracker {
  const now = options.now ?? Date.now;
  let timeoutMs = options.timeoutMs;
  let idle = false;
  let lastInputAt = now();
  let timer: ReturnType<typeof setTimeout> | null = null;

  const arm = () => {
    if (timer) clearTimeout(timer);
    const remaining = Math.max(0, lastInputAt + timeoutMs - now());
    timer = setTimeout(() => {
      timer = null;
      if (now() - lastInputAt >= timeoutMs) {
        idle = true;
        options.onChange(true);
      } else {
        arm();
      }
    }, remaining);
  };

  const onInput = () => {
    const at = now();
    if (idle) {
      idle = false;
      lastInputAt = at;
      options.onChange(false);
      arm();
      return;
    }
    if (at - lastInputAt < INPUT_THROTTLE_MS) return;
    // The timer is not reset here: when it fires it checks the last input and re-arms for the rest.
    lastInputAt = at;
  };

  for (const type of INPUT_EVENTS)
    options.target.addEventListener(type, onInput, { passive: true, capture: true });
  arm();

  return {
    setTimeoutMs(next) {
      timeoutMs = next;
      if (!idle) arm();
    },
    stop() {
      if (timer) clearTimeout(timer);
      for (const type of INPUT_EVENTS) options.target.removeEventListener(type, onInput, { capture: true });
    },
  };
}
